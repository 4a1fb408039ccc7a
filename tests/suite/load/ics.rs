//! iCalendar import: zones through TZID, VTIMEZONE and X-WR-TIMEZONE,
//! recurrences expanded within bounds, all-day and cancelled events, people
//! with roles, and broken or hostile files refused at their line.

use dais::agenda::Role;
use dais::load::{Format, Limits, LoadError, Loaded, load_bytes, load_file};
use dais::sanitize::is_unsafe;
use std::path::PathBuf;

fn load(name: &str) -> Loaded {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ics")
        .join(name);
    load_file(&path, &Limits::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn text(body: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Berlin\r\n{body}END:VCALENDAR\r\n"
    )
}

fn event(props: &str) -> String {
    text(&format!("BEGIN:VEVENT\r\nUID:u1\r\n{props}END:VEVENT\r\n"))
}

fn fails(ics: &str) -> LoadError {
    match load_bytes("c.ics", ics.as_bytes(), &Limits::default()) {
        Ok(l) => panic!("loaded {} sessions", l.agenda.sessions.len()),
        Err(e) => e,
    }
}

#[test]
fn a_vtimezone_names_its_zone_and_utc_stays_utc() {
    let l = load("zones.ics");
    assert_eq!(l.format, Format::Ics);
    let a = &l.agenda;
    assert_eq!(a.event.title, "Zones Day");
    // The first TZID's zone is the agenda's, found through X-LIC-LOCATION.
    assert_eq!(a.event.timezone, chrono_tz::Europe::Vienna);
    let panel = &a.sessions[1];
    assert_eq!(&*panel.title, "Panel in UTC");
    assert_eq!(panel.local_start().to_string(), "2026-06-10 10:00:00");
    assert_eq!(panel.span.minutes(), 90);
    let keynote = &a.sessions[0];
    assert_eq!(&*keynote.id, "keynote@zones.example");
    assert_eq!(&*keynote.title, "Keynote, with a folded title");
    assert_eq!(keynote.start().to_rfc3339(), "2026-06-10T07:00:00+00:00");
    assert_eq!(
        keynote.description.as_deref(),
        Some("First line\nsecond line")
    );
    assert_eq!(keynote.room.as_deref(), Some("Hall A"));
    assert_eq!(keynote.track.as_deref(), Some("Plenary"));
    let people: Vec<(String, Role)> = keynote
        .participants
        .iter()
        .map(|p| (a.person(p).name.to_string(), p.role))
        .collect();
    assert_eq!(
        people,
        [
            ("Dana Host".to_owned(), Role::Chair),
            ("Eli Chair".to_owned(), Role::Chair),
            ("Fay Speaker".to_owned(), Role::Speaker)
        ]
    );
    // Fay is one person in both sessions.
    assert_eq!(a.people.len(), 3);
    assert_eq!(panel.participants[0].person, keynote.participants[2].person);
    let w: Vec<String> = l
        .warnings
        .iter()
        .map(|w| w.display_in("f").to_string())
        .collect();
    assert_eq!(
        w,
        [
            "f:28:1: VEVENT[1]/CATEGORIES: lists several categories; the first is the session's track"
        ]
    );
}

#[test]
fn recurrences_expand_with_exdate_rdate_and_a_moved_occurrence() {
    let a = load("weekly.ics").agenda;
    let got: Vec<(String, String, String)> = a
        .sessions
        .iter()
        .map(|s| {
            (
                s.id.to_string(),
                s.local_start().to_string(),
                s.start().to_rfc3339(),
            )
        })
        .collect();
    let want = [
        (
            "standup-20260319T1000",
            "2026-03-19 10:00:00",
            "2026-03-19T09:00:00+00:00",
        ),
        // Moved by its RECURRENCE-ID event; the id stays the occurrence's.
        (
            "standup-20260326T1000",
            "2026-03-26 11:00:00",
            "2026-03-26T10:00:00+00:00",
        ),
        // 2 April is an EXDATE. After the clocks change, still 10:00 local.
        (
            "standup-20260409T1000",
            "2026-04-09 10:00:00",
            "2026-04-09T08:00:00+00:00",
        ),
        (
            "standup-20260420T1400",
            "2026-04-20 14:00:00",
            "2026-04-20T12:00:00+00:00",
        ),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(&*a.sessions[1].title, "Stand-up (moved)");
}

#[test]
fn floating_and_all_day_events_use_the_agendas_zone_and_say_so() {
    let l = load("floating.ics");
    let a = &l.agenda;
    assert_eq!(a.event.timezone, chrono_tz::UTC);
    assert_eq!(a.event.title, "Calendar");
    let days = &a.sessions[0];
    assert_eq!(&*days.title, "Two whole days");
    assert_eq!(days.local_start().to_string(), "2026-07-01 00:00:00");
    assert_eq!(days.span.local_end.to_string(), "2026-07-03 00:00:00");
    let lunch = &a.sessions[1];
    assert_eq!(*lunch.notes, ["Cancelled"]);
    let w: Vec<&str> = l.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(w.iter().any(|m| m.contains("read in UTC")), "{w:?}");
    assert!(w.iter().any(|m| m.contains("titled \"Calendar\"")), "{w:?}");
}

#[test]
fn an_endless_rule_stops_at_the_bound_and_says_so() {
    let l = load_bytes(
        "c.ics",
        event("DTSTART:20260101T090000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Daily\r\n")
            .as_bytes(),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(l.agenda.sessions.len(), 1000);
    assert!(
        l.warnings
            .iter()
            .any(|w| w.message.contains("the first 1000 occurrences"))
    );
}

#[test]
fn bad_values_are_errors_at_their_line() {
    let e = fails(&event("DTSTART:2026-01-01\r\nSUMMARY:x\r\n"));
    assert_eq!(
        e.to_string(),
        "c.ics:6:1: VEVENT[1]/DTSTART: \"2026-01-01\" is not a DATE (YYYYMMDD) or DATE-TIME \
         (YYYYMMDDTHHMMSS, Z for UTC)"
    );
    let e = fails(&event("DTSTART:20260101T090000Z\r\nDURATION:soon\r\n"));
    assert!(
        e.to_string().starts_with("c.ics:7:1: VEVENT[1]/DURATION"),
        "{e}"
    );
    let e = fails(&event(
        "DTSTART:20260101T090000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=SOMETIMES\r\n",
    ));
    assert!(
        e.to_string()
            .starts_with("c.ics:8:1: VEVENT[1]/RRULE: cannot be read"),
        "{e}"
    );
}

#[test]
fn broken_structure_is_refused_at_its_line() {
    let e = fails("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n");
    assert_eq!(
        e.to_string(),
        "c.ics:3:1: \"END:VCALENDAR\" closes \"BEGIN:VEVENT\""
    );
    let e = fails("BEGIN:VCALENDAR\r\nthis is not a line\r\nEND:VCALENDAR\r\n");
    assert!(
        e.to_string()
            .starts_with("c.ics:2:1: not an iCalendar content line"),
        "{e}"
    );
    let e = fails(&format!(
        "BEGIN:VCALENDAR\r\n{}",
        "BEGIN:X\r\n".repeat(50_000)
    ));
    assert!(e.to_string().contains("nested deeper than 8"), "{e}");
    let e = fails(&text(""));
    assert!(e.to_string().contains("no VEVENT"), "{e}");
}

#[test]
fn escapes_and_controls_never_reach_the_model() {
    let l = load_bytes(
        "c.ics",
        event(
            "DTSTART:20260101T090000Z\r\nDURATION:PT1H\r\nSUMMARY:a\u{1b}[2J\u{202e}b\\nc\r\n\
             LOCATION:\u{9b}Room\r\nATTENDEE;CN=\"Evil\u{7}Name\":mailto:x@y\r\n",
        )
        .as_bytes(),
        &Limits::default(),
    )
    .unwrap();
    let s = &l.agenda.sessions[0];
    for t in [
        &*s.title,
        s.room.as_deref().unwrap(),
        &l.agenda.people[0].name,
    ] {
        assert!(!t.chars().any(is_unsafe), "{t:?}");
    }
}

#[test]
fn a_long_folded_line_within_the_cap_is_one_value() {
    let long = "x".repeat(70_000);
    let folded: String = long
        .as_bytes()
        .chunks(70)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("\r\n ");
    let e = fails(&event(&format!(
        "DTSTART:20260101T090000Z\r\nDURATION:PT1H\r\nSUMMARY:{folded}\r\n"
    )));
    assert!(
        e.to_string().contains("70000 bytes, longer than the limit"),
        "{e}"
    );
}

#[test]
fn what_dais_exports_reads_back_with_the_same_ids_titles_times_and_tracks() {
    // The bundled hearing (Europe-zoned, with DST) and an agenda with
    // tracks, through `dais export ics` and back in.
    let hearing = load_bytes(
        dais::load::BUNDLED_NAME,
        dais::load::BUNDLED.as_bytes(),
        &Limits::default(),
    )
    .unwrap()
    .agenda;
    let pair = load_file(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schedule-xml/pair.xml"),
        &Limits::default(),
    )
    .unwrap()
    .agenda;
    for a in [hearing, pair] {
        let sessions: Vec<&dais::agenda::Session> = a.sessions.iter().collect();
        let text = dais::export::ics::calendar(&a, &sessions);
        let back = load_bytes("e.ics", text.as_bytes(), &Limits::default())
            .unwrap_or_else(|e| panic!("{e}\n{text}"))
            .agenda;
        assert_eq!(back.event.title, a.event.title);
        assert_eq!(back.event.timezone, a.event.timezone);
        let key =
            |s: &dais::agenda::Session| (s.id.clone(), s.title.clone(), s.span, s.track.clone());
        let want: Vec<_> = a.sessions.iter().map(key).collect();
        let got: Vec<_> = back.sessions.iter().map(key).collect();
        assert_eq!(got, want);
    }
}

#[test]
fn a_placeholder_address_shared_by_several_names_is_several_people() {
    // As a published conference feed writes its speakers.
    let ics = text(
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20200918T110000Z\r\nDTEND:20200918T120000Z\r\n\
         SUMMARY:A\r\nATTENDEE;CN=\"Jakob S\";ROLE=REQ-PARTICIPANT:invalid:nomail\r\n\
         END:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20200918T120000Z\r\nDTEND:20200918T130000Z\r\n\
         SUMMARY:B\r\nATTENDEE;CN=\"Jürgen G\";ROLE=REQ-PARTICIPANT:invalid:nomail\r\n\
         ATTENDEE;CN=\"Jakob S\":invalid:nomail\r\nEND:VEVENT\r\n",
    );
    let a = load_bytes("c.ics", ics.as_bytes(), &Limits::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .agenda;
    let names: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Jakob S", "Jürgen G"]);
    let second: Vec<&str> = a.sessions[1]
        .participants
        .iter()
        .map(|p| a.person(p).name.as_str())
        .collect();
    assert_eq!(second, ["Jürgen G", "Jakob S"]);
}

#[test]
fn an_oddity_in_many_events_is_said_once_with_a_count() {
    let no_uid = |day: u8| {
        format!(
            "BEGIN:VEVENT\r\nDTSTART:202601{day:02}T090000Z\r\nDURATION:PT1H\r\nSUMMARY:S{day}\r\nEND:VEVENT\r\n"
        )
    };
    let body: String = (1..=3).map(no_uid).collect();
    let l = load_bytes("c.ics", text(&body).as_bytes(), &Limits::default()).unwrap();
    let said = |w: &&dais::load::Problem| w.message.contains("UID");
    let w = l.warnings.iter().find(said).expect("a warning about UIDs");
    assert_eq!(
        w.display_in("c.ics").to_string(),
        "c.ics:5:1: VEVENT[1]: has no UID; its id is made from its place in the file \
         (and 2 more times)"
    );
}
