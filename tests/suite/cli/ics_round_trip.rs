//! `dais export ics` read back by dais: the same sessions (ids, titles,
//! times, rooms, tracks, kinds, parts, descriptions, notes, and people with
//! their roles) from the bundled hearing, conference programmes in each
//! format, and a file of awkward text.

use dais::agenda::{Agenda, Session};
use dais::export::ics;
use dais::load::{Format, Limits, load_bytes, load_file};
use std::path::Path;

fn fixture(path: &str) -> Agenda {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    load_file(&path, &Limits::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .agenda
}

/// Everything a session says, its people by value, one line each.
fn described(a: &Agenda) -> Vec<String> {
    let mut out: Vec<(chrono::DateTime<chrono::Utc>, String)> = a
        .sessions
        .iter()
        .map(|s: &Session| {
            let people: Vec<String> = s
                .participants
                .iter()
                .map(|p| {
                    let person = a.person(p);
                    format!(
                        "{} {:?} {:?} {:?} {:?} {:?} {:?}",
                        person.id,
                        person.name,
                        person.honorific,
                        person.affiliation,
                        p.role,
                        p.appearance,
                        p.capacity
                    )
                })
                .collect();
            let line = format!(
                "{} {:?} {:?} part={:?} room={:?} track={:?} {:?} {:?} description={:?} notes={:?} people={people:?}",
                s.id,
                s.title,
                s.kind,
                s.part,
                s.room,
                s.track,
                s.span.start,
                s.span.end,
                s.description,
                s.notes,
            );
            (s.start(), line)
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, line)| line).collect()
}

/// The agenda written by `export ics` and read again.
fn round_trip(a: &Agenda) -> Agenda {
    let sessions: Vec<&Session> = a.sessions.iter().collect();
    let text = ics::calendar(a, &sessions);
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains(['\r', '\n']), "a bare line break: {line:?}");
    }
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let back = load_bytes("back.ics", text.as_bytes(), &Limits::default())
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(back.format, Format::Ics);
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    back.agenda
}

fn same_sessions(a: &Agenda) {
    let back = round_trip(a);
    assert_eq!(back.event.title, a.event.title);
    if a.event.timezone.named().is_some() {
        assert_eq!(back.event.timezone, a.event.timezone);
    } else {
        // Offsets as printed have no zone a calendar knows: UTC instants.
        assert_eq!(back.event.timezone, chrono_tz::UTC);
    }
    let (want, got) = (described(a), described(&back));
    assert_eq!(want.len(), got.len());
    for (w, g) in want.iter().zip(&got) {
        assert_eq!(w, g);
    }
}

#[test]
fn the_hearing_reads_back_to_the_same_sessions() {
    let hearing = load_bytes(
        dais::load::BUNDLED_NAME,
        dais::load::BUNDLED.as_bytes(),
        &Limits::default(),
    )
    .unwrap()
    .agenda;
    // Rooms, parts, kinds, chairs and moderators, video appearances and
    // capacities: the hearing has them all.
    assert!(hearing.sessions.iter().any(|s| s.part.is_some()));
    same_sessions(&hearing);
}

#[test]
fn conference_programmes_read_back_to_the_same_sessions() {
    for path in [
        "schedule-json/schedule2-style.json",
        "schedule-json/pretalx-style.json",
        "schedule-json/offsets-dst.json",
        "schedule-xml/pair.xml",
        "schedule-xml/pentabarf.xml",
        "indico/event-sessions.json",
        "indico/timetable.json",
        "ics/weekly.ics",
    ] {
        let a = fixture(path);
        assert!(!a.sessions.is_empty(), "{path}");
        same_sessions(&a);
    }
}

#[test]
fn awkward_text_and_a_venue_without_rooms_read_back() {
    let text = r#"{"format": "dais/1",
        "event": {"title": "Commas, semicolons; and \\ backslashes", "date": "2024-10-26",
                  "timezone": "Europe/Berlin", "venue": "Haus A, Berlin"},
        "people": {
            "q-1": {"name": "Anna \"Nan\" Ng^", "honorific": "Dr.",
                    "affiliation": "Uni: Foo; Bar, Baz"},
            "b": {"name": "Bo"}
        },
        "sessions": [
            {"id": "a@b", "title": "Über Nacht, bis früh; ok", "kind": "panel",
             "start": "22:00", "end": "04:00", "end_date": "2024-10-27",
             "part": "Evening, late", "track": "Hardware, Making",
             "notes": ["Cancelled", "Bring; a, laptop"],
             "description": "Zeile eins;\nZeile zwei, mit Komma\n\nÄ ö ü ß 日本語 ✓ \\n literal",
             "participants": [
                 {"person": "q-1", "role": "chair", "capacity": "for \"them\", too"},
                 {"person": "b", "role": "moderator", "appearance": "video"}
             ]},
            {"id": "after", "title": "After the clocks change", "kind": "break",
             "date": "2024-10-27", "start": "02:30", "end": "03:30", "room": "Saal 1"}
        ]}"#;
    let a = load_bytes("awkward.json", text.as_bytes(), &Limits::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .agenda;
    assert_eq!(a.sessions[0].room, None, "the venue is no room");
    same_sessions(&a);
}

#[test]
fn an_alarm_keeps_the_calendar_valid_and_readable() {
    let a = fixture("schedule-json/schedule2-style.json");
    let sessions: Vec<&Session> = a.sessions.iter().collect();
    let text = ics::calendar_with_alarms(&a, &sessions, Some(10));
    assert_eq!(text.matches("BEGIN:VALARM\r\n").count(), a.sessions.len());
    assert!(text.contains("TRIGGER:-PT10M\r\n"));
    assert_eq!(text, ics::calendar_with_alarms(&a, &sessions, Some(10)));
    let back = load_bytes("back.ics", text.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(described(&back.agenda), described(&a));
}
