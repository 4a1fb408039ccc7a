//! Offsets no one zone explains (issue 18): each session is shown at the
//! offset printed with it, and `list`, `now`, `export ics` and `convert`
//! agree on the instants; `--tz` still overrides.

use crate::support::harness::{dais, fixture, problems_in};
use dais::agenda::{Agenda, Zone, zone_label};
use dais::load::{Limits, load_bytes, load_file};

const DST: &str = "schedule-json/offsets-dst.json";

fn load(name: &str) -> dais::load::Loaded {
    load_file(&fixture(name), &Limits::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// Each session's start in the agenda's zone, with the offset shown.
fn starts(agenda: &Agenda) -> Vec<String> {
    let tz = agenda.event.timezone;
    agenda
        .sessions
        .iter()
        .map(|s| {
            let t = s.start().with_timezone(&tz);
            format!(
                "{} {}",
                t.format("%a %H:%M %:z"),
                s.start().format("%H:%MZ")
            )
        })
        .collect()
}

#[test]
fn a_dst_weekend_with_no_place_keeps_each_offset_as_printed() {
    let loaded = load(DST);
    assert!(matches!(loaded.agenda.event.timezone, Zone::Printed(_)));
    assert_eq!(
        starts(&loaded.agenda),
        ["Sat 11:00 +02:00 09:00Z", "Sun 11:00 +01:00 10:00Z"]
    );
    assert_eq!(
        zone_label(loaded.agenda.event.timezone),
        "UTC+02:00, then UTC+01:00 (as printed)"
    );
    let said = loaded.warnings[0].display_in("f").to_string();
    assert_eq!(
        said,
        "f: schedule.conference.time_zone_name: the schedule names no zone; each time is shown at the offset \
         printed with it (UTC+02:00, then UTC+01:00): the dates carry the offsets +01:00 \
         and +02:00, 33 zones have those offsets at those dates (Africa/Ceuta, \
         Atlantic/Jan_Mayen, Europe/Amsterdam, and 30 more), and the \
         conference's place names none of them"
    );
}

#[test]
fn list_now_export_and_convert_agree_on_the_instants() {
    let list = dais(&["list", DST]);
    assert_eq!(list.code, 0, "{list:?}");
    let sat = list
        .stdout
        .find("11:00-12:00  Saturday talk")
        .expect(&list.stdout);
    let sun = list
        .stdout
        .find("11:00-12:00  Sunday talk")
        .expect(&list.stdout);
    assert!(sat < sun, "{}", list.stdout);
    assert!(
        list.stdout
            .contains("UTC+02:00, then UTC+01:00 (as printed)"),
        "{}",
        list.stdout
    );
    assert!(
        list.stderr.contains("offset printed with it"),
        "{}",
        list.stderr
    );
    // 10:30 UTC on Sunday is 11:30 at +01:00: half an hour into the talk.
    let now = dais(&["now", DST, "--at", "2030-10-27T10:30:00Z"]);
    assert!(now.stdout.contains("Sunday talk · 30 min left"), "{now:?}");
    // On Saturday at 09:30 UTC it is 11:30 at +02:00.
    let now = dais(&["now", DST, "--at", "2030-10-26T09:30:00Z"]);
    assert!(
        now.stdout.contains("Saturday talk · 30 min left"),
        "{now:?}"
    );
    let ics = dais(&["export", "ics", DST]);
    for line in [
        "X-WR-TIMEZONE:UTC",
        "DTSTART:20301026T090000Z",
        "DTEND:20301026T100000Z",
        "DTSTART:20301027T100000Z",
        "DTEND:20301027T110000Z",
    ] {
        assert!(ics.stdout.contains(line), "{line}\n{}", ics.stdout);
    }
    // convert says each session's offset; read again it is the same.
    let converted = dais(&["convert", DST]);
    assert_eq!(converted.code, 0, "{converted:?}");
    assert!(
        converted.stdout.contains(r#""timezone": "Etc/GMT-2""#),
        "{}",
        converted.stdout
    );
    assert!(
        converted.stdout.contains(r#""utc_offset": "+02:00""#),
        "{}",
        converted.stdout
    );
    assert!(
        converted.stdout.contains(r#""utc_offset": "+01:00""#),
        "{}",
        converted.stdout
    );
    let again = load_bytes("c.json", converted.stdout.as_bytes(), &Limits::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    let before = load(DST);
    assert_eq!(again.agenda.event.timezone, before.agenda.event.timezone);
    assert_eq!(starts(&again.agenda), starts(&before.agenda));
}

#[test]
fn tz_overrides_offsets_kept_as_printed() {
    let list = dais(&["list", "--tz", "Asia/Tokyo", DST]);
    assert_eq!(list.code, 0, "{list:?}");
    // 09:00Z and 10:00Z are 18:00 and 19:00 in Tokyo.
    assert!(
        list.stdout.contains("18:00-19:00  Saturday talk"),
        "{}",
        list.stdout
    );
    assert!(
        list.stdout.contains("19:00-20:00  Sunday talk"),
        "{}",
        list.stdout
    );
    assert!(!list.stdout.contains("as printed"), "{}", list.stdout);
}

/// A dais/1 agenda whose sessions give `utc_offset`s.
fn with_offsets(first: &str, second: &str) -> String {
    format!(
        r#"{{"format": "dais/1",
  "event": {{"title": "T", "date": "2030-10-26", "timezone": "UTC"}},
  "sessions": [
    {{"id": "a", "title": "A", "kind": "other", "start": "11:00", "end": "12:00", "utc_offset": {first}}},
    {{"id": "b", "title": "B", "kind": "other", "date": "2030-10-27", "start": "11:00", "end": "12:00", "utc_offset": {second}}}
  ]}}"#
    )
}

#[test]
fn dais1_sessions_may_give_their_own_offset() {
    let text = with_offsets(r#""+02:00""#, r#""-03:30""#);
    let a = load_bytes("a.json", text.as_bytes(), &Limits::default())
        .unwrap()
        .agenda;
    assert_eq!(
        starts(&a),
        ["Sat 11:00 +02:00 09:00Z", "Sun 11:00 -03:30 14:30Z"]
    );
    // Offsets that are the zone's own change nothing.
    let text = with_offsets(r#""+00:00""#, r#""+00:00""#);
    let a = load_bytes("a.json", text.as_bytes(), &Limits::default())
        .unwrap()
        .agenda;
    assert_eq!(a.event.timezone, chrono_tz::UTC);
    for (bad, said) in [
        (r#""+2""#, "\"+2\" is not an offset"),
        (r#""+24:00""#, "\"+24:00\" is not an offset"),
        (r#""02:00""#, "\"02:00\" is not an offset"),
        ("2", "expected an offset"),
    ] {
        let p = problems_in(&with_offsets(bad, r#""+01:00""#));
        assert!(
            p.iter()
                .any(|p| p.path == "sessions[0].utc_offset" && p.message.contains(said)),
            "{bad}: {p:?}"
        );
    }
}
