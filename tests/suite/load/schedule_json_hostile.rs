//! schedule.json files are third parties' files: text crafted to drive a
//! terminal (CSI, OSC, C1 controls, bidi overrides and isolates) in
//! titles, people's names, rooms and tracks reaches no output, in either
//! shape (version 1 and schedule2); and any document of that shape, with
//! any text and any times (negative and five-digit years, impossible
//! dates, any offsets and lengths), loads or is refused cleanly.

use crate::support::harness;

use dais::cli::ListFormat;
use dais::commands::list::{Styling, render};
use dais::load::{Format, Limits, Loaded, load_bytes};
use dais::ui::Screen;
use harness::assert_terminal_safe;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use serde_json::{Value, json};

/// What one generated schedule holds.
#[derive(Debug, Clone)]
struct Fields {
    title: String,
    person: String,
    room: String,
    track: String,
    zone: String,
    start: String,
    duration: String,
}

impl Fields {
    /// The same fields with `text` in every piece of text.
    fn hostile(text: &str) -> Fields {
        Fields {
            title: format!("Talk {text} end"),
            person: format!("Ada {text} Lovelace"),
            room: format!("Room {text} A"),
            track: format!("Track {text} X"),
            zone: "Europe/Berlin".into(),
            start: "2024-05-01T10:00:00+02:00".into(),
            duration: "00:30".into(),
        }
    }
}

/// A version 1 schedule (`conference.days[].rooms{}[]`, `persons`).
fn version_1(f: &Fields) -> Value {
    json!({"schedule": {"version": "1", "conference": {
        "acronym": "t", "title": format!("Con {}", f.title),
        "start": "2024-05-01", "end": "2024-05-01", "daysCount": 1,
        "time_zone_name": f.zone,
        "days": [{"index": 1, "date": "2024-05-01",
            "day_start": "2024-05-01T09:00:00+02:00", "day_end": "2024-05-01T18:00:00+02:00",
            "rooms": {f.room.clone(): [{
                "guid": "g1", "id": 1, "date": f.start, "start": "10:00",
                "duration": f.duration, "room": f.room, "slug": "t-1",
                "title": f.title, "subtitle": f.title, "track": f.track,
                "type": "talk", "language": "en", "abstract": f.title,
                "description": f.title,
                "persons": [{"id": 7, "public_name": f.person}], "links": []}]}}]}}})
}

/// A schedule2 schedule (one flat `events` list, `participants`).
fn schedule_2(f: &Fields) -> Value {
    json!({"schedule": {"version": "2", "conference": {
        "acronym": "t", "title": format!("Con {}", f.title),
        "start": "2024-05-01T09:00:00+02:00", "end": "2024-05-01T18:00:00+02:00",
        "time_zone_name": f.zone,
        "rooms": [{"name": f.room, "guid": "r1"}],
        "tracks": [{"name": f.track}]},
        "events": [{
            "guid": "g1", "code": "C1", "start": f.start, "duration": f.duration,
            "room": {"name": f.room, "guid": "r1"}, "slug": "t-1", "title": f.title,
            "subtitle": f.title, "track": {"name": f.track}, "type": "TALK",
            "abstract": f.title, "description": f.title,
            "participants": [{"guid": "p1", "name": f.person, "role": "SPEAKER"}]}]}})
}

fn load(doc: &Value) -> Result<Loaded, String> {
    load_bytes("s.json", doc.to_string().as_bytes(), &Limits::default()).map_err(|e| e.to_string())
}

/// Every way the agenda is shown, in text: the list in each format, the
/// converted dais/1 file, and the screen.
fn every_output(loaded: &Loaded) -> Vec<(String, String)> {
    let a = &loaded.agenda;
    let mut out = vec![
        ("list".into(), render(a, ListFormat::Text, Styling::Plain)),
        (
            "markdown".into(),
            render(a, ListFormat::Markdown, Styling::Plain),
        ),
        ("json".into(), render(a, ListFormat::Json, Styling::Plain)),
        ("converted".into(), dais::write::to_json(a)),
    ];
    for w in &loaded.warnings {
        out.push(("warning".into(), w.display_in("s.json").to_string()));
    }
    let first = a.sessions.iter().map(dais::agenda::Session::start).min();
    let app = dais::app::App::new(a.clone(), first.unwrap_or_default());
    for (w, h) in [(120, 40), (60, 20)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        Screen(&app).render(area, &mut buf);
        let text: String = area
            .positions()
            .map(|p| buf[p].symbol().to_owned())
            .collect();
        out.push((format!("screen {w}x{h}"), text));
    }
    out
}

#[test]
fn hostile_text_in_titles_names_rooms_and_tracks_reaches_no_output() {
    for text in [
        "\u{1b}[31mred\u{1b}[0m",
        "\u{1b}]0;owned\u{7}",
        "\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\",
        "\u{9b}2J",
        "\u{1b}P+q\u{1b}\\",
        "\u{202e}desrever\u{202c}",
        "\u{2066}isolated\u{2069}",
        "\u{200f}\u{61c}marks",
        "bell\u{7}del\u{7f}",
    ] {
        let f = Fields::hostile(text);
        // The room's name also comes from where it is not the event's own
        // field: the `rooms` key a version 1 event is listed under, and a
        // schedule2 room named only by its guid in `conference.rooms`.
        let mut under_key = version_1(&f);
        let event = &mut under_key["schedule"]["conference"]["days"][0]["rooms"][&f.room][0];
        event.as_object_mut().expect("an event").remove("room");
        let mut by_guid = schedule_2(&f);
        by_guid["schedule"]["events"][0]["room"] = json!({"guid": "r1"});
        for (shape, doc) in [
            ("v1", version_1(&f)),
            ("v1 room as its key", under_key),
            ("schedule2", schedule_2(&f)),
            ("schedule2 room by guid", by_guid),
        ] {
            let loaded = load(&doc).unwrap_or_else(|e| panic!("{shape} {text:?}: {e}"));
            let want = if shape.starts_with("v1") {
                Format::ScheduleV1
            } else {
                Format::Schedule2
            };
            assert_eq!(loaded.format, want);
            let a = &loaded.agenda;
            // Kept as text, without what would act on a terminal.
            let s = &a.sessions[0];
            for (what, got) in [
                ("title", s.title.as_ref()),
                ("room", s.room.as_deref().unwrap_or("")),
                ("person", a.people[0].name.as_str()),
            ] {
                assert!(
                    got.ends_with(" end") || got.ends_with(" A") || got.ends_with(" Lovelace"),
                    "{shape} {what}: {got:?}"
                );
                assert_terminal_safe(&format!("{shape} {what} {text:?}"), got);
            }
            for (what, out) in every_output(&loaded) {
                assert_terminal_safe(&format!("{shape} {what} for {text:?}"), &out);
            }
        }
    }
}

#[test]
fn hostile_text_reaches_no_output_of_the_binary() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "\u{1b}]0;owned\u{7}\u{202e}\u{9b}2J";
    std::fs::write(
        dir.path().join("s.json"),
        schedule_2(&Fields::hostile(text)).to_string(),
    )
    .expect("write");
    for args in [
        &["list", "s.json"][..],
        &["list", "--format", "markdown", "s.json"],
        &["convert", "s.json"],
        &["export", "ics", "s.json"],
        &["validate", "s.json"],
        &["now", "--at", "2024-05-01 10:05", "s.json"],
    ] {
        let run = harness::dais_in(dir.path(), args);
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
        // iCalendar ends its lines with CR LF, as RFC 5545 says.
        let stdout = run.stdout.replace("\r\n", "\n");
        assert_terminal_safe(&format!("{args:?} stdout"), &stdout);
        assert_terminal_safe(&format!("{args:?} stderr"), &run.stderr);
    }
}

/// Text from pieces that act on terminals and pieces that do not.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\u{1b}[31m".to_owned()),
        Just("\u{1b}]0;t\u{7}".to_owned()),
        Just("\u{9b}".to_owned()),
        Just("\u{202e}".to_owned()),
        Just("\u{2067}".to_owned()),
        Just("\u{7f}".to_owned()),
        Just("\t\n".to_owned()),
        Just("Saal".to_owned()),
        Just("漢字".to_owned()),
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

/// A moment as schedule files write them, with years from -99999 to
/// 99999, months and days out of range, and any offset, or any text.
fn moment() -> impl Strategy<Value = String> {
    let offset = prop_oneof![
        Just(String::new()),
        Just("Z".to_owned()),
        (-30i32..30, 0u32..70).prop_map(|(h, m)| format!("{h:+03}:{m:02}")),
    ];
    // Ordinary years, and the ends of what chrono can hold.
    let year = prop_oneof![
        3 => -99_999i32..99_999,
        1 => prop_oneof![
            Just(-262_144),
            Just(-262_143),
            Just(262_142),
            Just(262_143),
            Just(0),
            Just(9999),
            Just(10_000),
        ],
    ];
    prop_oneof![
        4 => (year, 0u32..14, 0u32..33, 0u32..26, 0u32..61, offset, any::<bool>())
            .prop_map(|(y, mo, d, h, mi, off, plus)| {
                let y = if plus { format!("{y:+05}") } else { format!("{y:04}") };
                format!("{y}-{mo:02}-{d:02}T{h:02}:{mi:02}:00{off}")
            }),
        1 => (-99_999i32..99_999, 1u32..13, 1u32..29)
            .prop_map(|(y, mo, d)| format!("{y:04}-{mo:02}-{d:02}")),
        1 => text(),
    ]
}

/// A length: hours and minutes, ISO 8601, or any text.
fn duration() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u64..10_000_000, 0u32..70).prop_map(|(h, m)| format!("{h:02}:{m:02}")),
        (0u64..u64::MAX, 0u64..99).prop_map(|(d, h)| format!("P{d}DT{h}H")),
        // Up to past the last year chrono holds, from any start.
        (0u64..200_000_000).prop_map(|d| format!("P{d}D")),
        text(),
    ]
}

fn fields() -> impl Strategy<Value = Fields> {
    let zone = prop_oneof![
        Just("Europe/Berlin".to_owned()),
        Just("UTC".to_owned()),
        Just("America/St_Johns".to_owned()),
        Just("Pacific/Kiritimati".to_owned()),
        text(),
    ];
    (text(), text(), text(), text(), zone, moment(), duration()).prop_map(
        |(title, person, room, track, zone, start, duration)| Fields {
            title,
            person,
            room,
            track,
            zone,
            start,
            duration,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_schedule_loads_or_is_refused_cleanly(f in fields(), v1 in any::<bool>()) {
        let doc = if v1 { version_1(&f) } else { schedule_2(&f) };
        match load_bytes("s.json", doc.to_string().as_bytes(), &Limits::default()) {
            Err(e) => {
                prop_assert!(!e.problems.is_empty());
                assert_terminal_safe("problems", &e.to_string());
            }
            Ok(loaded) => {
                for (what, out) in every_output(&loaded) {
                    assert_terminal_safe(&what, &out);
                }
                // The converted file loads back to the same agenda.
                let json = dais::write::to_json(&loaded.agenda);
                let again = load_bytes("again.json", json.as_bytes(), &Limits::default())
                    .map_err(|e| format!("{e}\n{json}"));
                prop_assert!(again.is_ok(), "{:?}", again.err());
                prop_assert_eq!(&again.unwrap().agenda, &loaded.agenda);
            }
        }
    }
}
