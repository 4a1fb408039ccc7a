//! The format's warnings: the file loads, and the problem is reported.

use crate::support::harness;

use harness::loaded;

#[test]
fn overlapping_sessions_load_with_a_warning() {
    let l = loaded("warnings/overlap.json");
    assert_eq!(l.agenda.sessions.len(), 2);
    assert_eq!(l.warnings.len(), 1, "{:#?}", l.warnings);
    let w = &l.warnings[0];
    assert_eq!(w.path, "sessions[1]");
    assert_eq!(w.message, "overlaps sessions[0] \"Welcome\" (09:00-09:30)");
}

#[test]
fn a_start_earlier_than_the_previous_one_loads_with_a_warning() {
    let l = loaded("warnings/earlier_start.json");
    assert_eq!(l.warnings.len(), 1, "{:#?}", l.warnings);
    let w = &l.warnings[0];
    assert_eq!(w.path, "sessions[1].start");
    assert!(
        w.message
            .contains("starts at 2024-05-02 08:00, earlier than the previous session"),
        "{}",
        w.message
    );
    // Programme order is kept as written.
    assert_eq!(&*l.agenda.sessions[1].id, "talk");
}

#[test]
fn a_well_ordered_agenda_has_no_warnings() {
    assert!(loaded("minimal.json").warnings.is_empty());
}

#[test]
fn dais_validate_prints_warnings_and_succeeds() {
    let run = harness::dais(&[
        "validate",
        "warnings/overlap.json",
        "warnings/earlier_start.json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "warnings/overlap.json: ok: 2 sessions, 2 people, 1 key message, 1 warning\n\
         \x20 warning: warnings/overlap.json: sessions[1]: overlaps sessions[0] \"Welcome\" (09:00-09:30)\n\
         warnings/earlier_start.json: ok: 2 sessions, 2 people, 1 key message, 1 warning\n\
         \x20 warning: warnings/earlier_start.json: sessions[1].start: starts at 2024-05-02 08:00, \
         earlier than the previous session (sessions[0] at 2024-05-02 09:00)\n"
    );
}

#[test]
fn sessions_out_of_order_are_checked_for_overlaps_in_order_of_their_starts() {
    // `late` is given first but starts after `early`, which it overlaps;
    // `after` overlaps `late`, which ends last of the two before it.
    let l = loaded("warnings/earlier_overlap.json");
    let said: Vec<(&str, &str)> = l
        .warnings
        .iter()
        .map(|w| (w.path.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            (
                "sessions[1].start",
                "starts at 2024-05-02 09:00, earlier than the previous session (sessions[0] at \
                 2024-05-02 10:00)"
            ),
            (
                "sessions[0]",
                "overlaps sessions[1] \"Early\" (09:00-10:30)"
            ),
            ("sessions[2]", "overlaps sessions[0] \"Late\" (10:00-11:00)"),
        ]
    );
}
