//! schedule.xml, iCalendar and Indico files through the binary: validate,
//! list with --room, now, convert (to a dais/1 file that loads to the same
//! agenda), export ics, and --format-in forcing a format.

use crate::support::harness::{dais, fixture};
use dais::load::{Format, Limits, load_bytes, load_file};

const FILES: &[(&str, Format, &str)] = &[
    (
        "schedule-xml/pair.xml",
        Format::ScheduleXml,
        "4 sessions, 2 people",
    ),
    (
        "schedule-xml/pentabarf.xml",
        Format::ScheduleXml,
        "2 sessions, 1 person",
    ),
    ("ics/zones.ics", Format::Ics, "2 sessions, 3 people"),
    ("ics/weekly.ics", Format::Ics, "4 sessions, 0 people"),
    (
        "indico/event-sessions.json",
        Format::Indico,
        "3 sessions, 3 people",
    ),
    (
        "indico/timetable.json",
        Format::Indico,
        "3 sessions, 2 people",
    ),
];

#[test]
fn every_command_reads_every_format() {
    for (name, format, counts) in FILES {
        let loaded = load_file(&fixture(name), &Limits::default()).unwrap();
        assert_eq!(loaded.format, *format, "{name}");
        let v = dais(&["validate", name]);
        assert_eq!(v.code, 0, "{name}: {}{}", v.stdout, v.stderr);
        assert!(v.stdout.contains(counts), "{name}: {}", v.stdout);
        let list = dais(&["list", name]);
        assert_eq!(list.code, 0, "{name}: {}", list.stderr);
        assert!(
            list.stdout.contains(&*loaded.agenda.sessions[0].title),
            "{name}"
        );
        let now = dais(&["now", "--at", "2026-01-01T00:00", name]);
        assert_eq!(now.code, 0, "{name}: {}", now.stderr);
        let ics = dais(&["export", "ics", name]);
        assert_eq!(ics.code, 0, "{name}: {}", ics.stderr);
        assert_eq!(
            ics.stdout.matches("BEGIN:VEVENT").count(),
            loaded.agenda.sessions.len(),
            "{name}"
        );
        // convert writes dais/1 that loads to the same agenda.
        let conv = dais(&["convert", name]);
        assert_eq!(conv.code, 0, "{name}: {}", conv.stderr);
        let again = load_bytes("c.json", conv.stdout.as_bytes(), &Limits::default()).unwrap();
        assert_eq!(again.format, Format::Dais1);
        assert_eq!(again.agenda, loaded.agenda, "{name}");
    }
}

#[test]
fn room_and_track_filter_every_format() {
    let r = dais(&["list", "--room", "Hall B", "ics/zones.ics"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("Panel in UTC") && !r.stdout.contains("Keynote"),
        "{}",
        r.stdout
    );
    let r = dais(&["list", "--track", "security", "schedule-xml/pair.xml"]);
    assert!(
        r.stdout.contains("Parsers that say no") && !r.stdout.contains("Coffee"),
        "{}",
        r.stdout
    );
    let r = dais(&["list", "--room", "Foyer", "indico/timetable.json"]);
    assert!(
        r.stdout.contains("Coffee") && !r.stdout.contains("Questions"),
        "{}",
        r.stdout
    );
}

#[test]
fn format_in_forces_a_format_and_its_errors() {
    // A schedule.xml file read as iCalendar is not one: said at line 1.
    let r = dais(&["validate", "--format-in", "ics", "schedule-xml/pair.xml"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("schedule-xml/pair.xml:1:1: not an iCalendar content line"),
        "{}",
        r.stdout
    );
    // A schedule.json read as dais/1 gets dais/1's unknown-key errors.
    let r = dais(&["validate", "--format-in", "dais1", "schedule-xml/pair.json"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("schedule"), "{}", r.stdout);
    // And the right name reads it as usual.
    let r = dais(&[
        "validate",
        "--format-in",
        "schedule-xml",
        "schedule-xml/pair.xml",
    ]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let r = dais(&["validate", "--format-in", "indico", "minimal.json"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("results: missing"), "{}", r.stdout);
    let r = dais(&["validate", "--format-in", "nonsense", "minimal.json"]);
    assert_eq!(r.code, 2, "clap refuses an unknown name");
}

#[test]
fn a_broken_file_in_each_format_exits_1_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, want) in [
        ("b.xml", "<schedule>\n<conference></schedul>", "b.xml:2:"),
        (
            "b.ics",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
            "b.ics:3:1:",
        ),
        (
            "b.json",
            "{\"results\": [{\"title\": \"T\", \"contributions\": 5}]}",
            "b.json: results",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let r = dais(&["validate", path.to_str().unwrap()]);
        assert_eq!(r.code, 1, "{name}: {}", r.stdout);
        assert!(r.stdout.contains(want), "{name}: {}", r.stdout);
    }
}
