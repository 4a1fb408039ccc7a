//! Hostile input in every format dais reads (issue #16): entity tricks,
//! huge counts, broken UTF-8 and a file far over the size cap each get a
//! clear error naming the file and its place, quickly. Deep nesting is in
//! `hostile_input` and `limits` (JSON) and `schedule_xml` (XML).

use crate::support::harness::dais_in;
use dais::load::{Limits, LoadError, Loaded, load_bytes, load_file};
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::{Command, Stdio};

fn load(name: &str, text: &str) -> Result<Loaded, LoadError> {
    load_bytes(name, text.as_bytes(), &Limits::default())
}

fn refused(name: &str, text: &str) -> String {
    match load(name, text) {
        Ok(l) => panic!("{name} loaded {} sessions", l.agenda.sessions.len()),
        Err(e) => e.to_string(),
    }
}

/// A schedule.xml of one event with `persons` as its persons.
fn xml(doctype: &str, persons: &str) -> String {
    format!(
        "{doctype}<schedule><conference><title>T</title>\
         <time_zone_name>Europe/Berlin</time_zone_name></conference>\n\
         <day date=\"2026-03-01\" index=\"1\"><room name=\"Main\">\n<event id=\"1\">\
         <title>A</title><start>10:00</start><duration>00:30</duration>\
         <persons>{persons}</persons></event>\n</room></day></schedule>\n"
    )
}

/// An iCalendar file of the VEVENTs' properties `events`.
fn ics(events: &[String]) -> String {
    let mut out = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:UTC\r\n");
    for e in events {
        write!(out, "BEGIN:VEVENT\r\n{e}END:VEVENT\r\n").unwrap();
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// An Indico event export of one contribution with `speakers`.
fn indico(speakers: &str) -> String {
    format!(
        r#"{{"results": [{{"_type": "Conference", "id": "7", "title": "T",
        "timezone": "Europe/Zurich",
        "contributions": [{{"_type": "Contribution", "id": "1", "title": "C",
          "startDate": {{"date": "2026-09-14", "time": "12:00:00", "tz": "Europe/Zurich"}},
          "endDate": {{"date": "2026-09-14", "time": "13:00:00", "tz": "Europe/Zurich"}},
          "speakers": [{speakers}]}}]}}]}}"#
    )
}

/// A schedule.json (version 1) of one event with `persons`.
fn schedule_json(persons: &str) -> String {
    format!(
        r#"{{"schedule": {{"version": "1", "conference": {{"acronym": "f", "title": "T",
          "start": "2026-05-01", "end": "2026-05-01", "daysCount": 1,
          "time_zone_name": "Europe/Berlin",
          "days": [{{"index": 1, "date": "2026-05-01",
            "day_start": "2026-05-01T09:00:00+02:00", "day_end": "2026-05-01T18:00:00+02:00",
            "rooms": {{"A": [{{"guid": "g", "id": 1, "date": "2026-05-01T10:00:00+02:00",
              "start": "10:00", "duration": "00:30", "room": "A", "slug": "s", "title": "T",
              "type": "talk", "persons": [{persons}]}}]}}}}]}}}}}}"#
    )
}

#[test]
fn entity_tricks_in_a_doctype_are_refused_at_it() {
    // The billion laughs and an external entity are in
    // `schedule_xml::a_doctype_declaring_entities_is_refused`.
    let parameter = "<!DOCTYPE schedule [\n<!ENTITY % p SYSTEM \"file:///etc/passwd\">\n%p;\n]>\n";
    assert!(
        refused("s.xml", &xml(parameter, "")).starts_with(
            "s.xml:1:1: the DOCTYPE declares entities; dais reads no DTD and expands no entities"
        ),
        "{}",
        refused("s.xml", &xml(parameter, ""))
    );
    let nested = "<!DOCTYPE s [<!ENTITY % a \"<!ENTITY b 'x'>\"> %a;]>";
    assert!(refused("s.xml", &xml(nested, "")).contains("declares entities"));
    // An external DTD with no entity declared here is not fetched or read:
    // the schedule loads as if it were not there.
    let external = "<!DOCTYPE schedule SYSTEM \"file:///etc/passwd\">\n";
    let l = load("s.xml", &xml(external, "")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.agenda.sessions.len(), 1);
    // An entity only the DTD would declare is undefined, at its place.
    let used = xml(external, "<person id=\"1\">&xxe;</person>");
    let m = refused("s.xml", &used);
    assert!(
        m.starts_with("s.xml:4:") && m.contains("\"&xxe;\" is not defined"),
        "{m}"
    );
}

#[test]
fn a_hundred_thousand_people_in_one_event_are_refused_in_every_format() {
    let n = 100_000;
    let mut xml_persons = String::new();
    let mut attendees = String::new();
    for i in 0..n {
        write!(xml_persons, "<person id=\"{i}\">P{i}</person>").unwrap();
        write!(attendees, "ATTENDEE;CN=P{i}:mailto:p{i}@example.org\r\n").unwrap();
    }
    let json_persons: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": {i}, "public_name": "P{i}"}}"#))
        .collect();
    let speakers: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"fullName": "P{i}", "person_id": {i}}}"#))
        .collect();
    let cases = [
        ("s.xml", xml("", &xml_persons)),
        ("s.json", schedule_json(&json_persons.join(","))),
        ("i.json", indico(&speakers.join(","))),
        (
            "c.ics",
            ics(&[format!(
                "UID:u\r\nDTSTART:20260101T090000Z\r\nDURATION:PT1H\r\n{attendees}"
            )]),
        ),
    ];
    for (name, text) in cases {
        let m = refused(name, &text);
        assert!(m.starts_with(name), "{m}");
        assert!(
            m.contains("100000") && m.contains("more than the limit of 10000"),
            "{name}: {m}"
        );
    }
}

#[test]
fn a_rule_of_a_billion_occurrences_or_none_stops_at_the_bound() {
    for rule in [
        "FREQ=SECONDLY;COUNT=1000000000",
        "FREQ=MINUTELY",
        "FREQ=DAILY;UNTIL=99991231T000000Z",
    ] {
        let text = ics(&[format!(
            "UID:u\r\nDTSTART:20260101T090000Z\r\nDURATION:PT30M\r\nRRULE:{rule}\r\n"
        )]);
        let l = load("c.ics", &text).unwrap_or_else(|e| panic!("{rule}: {e}"));
        assert!(l.agenda.sessions.len() <= 1000, "{rule}");
        assert!(
            l.warnings
                .iter()
                .any(|w| w.path == "VEVENT[1]/RRULE"
                    && w.message.contains("the first 1000 occurrences")),
            "{rule}: {:?}",
            l.warnings
        );
    }
}

#[test]
fn a_hundred_thousand_events_load_in_one_pass() {
    // The parser searched the whole rest of the text for each value's end:
    // 30,000 events took 15 s and a million hours. A hundred thousand
    // (5 MB) now take well under a second in a release build.
    let events: Vec<String> = (0..100_000)
        .map(|i| {
            format!(
                "UID:e{i}\r\nDTSTART:2026{:02}{:02}T{:02}0000Z\r\nDURATION:PT30M\r\n",
                1 + i / 2400 % 12,
                1 + i / 24 % 28,
                i % 24
            )
        })
        .collect();
    let text = ics(&events);
    let started = std::time::Instant::now();
    let l = load("c.ics", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.agenda.sessions.len(), 100_000);
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

#[test]
fn broken_utf8_is_placed_at_its_line_and_column_in_every_format() {
    let cases = [
        ("s.xml", xml("", "<person id=\"1\">Caf\u{e9}</person>")),
        (
            "c.ics",
            ics(&["UID:u\r\nDTSTART:20260101T090000Z\r\nSUMMARY:Caf\u{e9}\r\n".to_owned()]),
        ),
        (
            "i.json",
            indico(r#"{"fullName": "Caf\u00e9"}"#).replace("\\u00e9", "\u{e9}"),
        ),
        (
            "s.json",
            schedule_json(r#"{"id": 1, "public_name": "Caf\u00e9"}"#).replace("\\u00e9", "\u{e9}"),
        ),
    ];
    for (name, text) in cases {
        // The é as Latin-1: one byte that is not UTF-8.
        let at = text.find('\u{e9}').unwrap();
        let mut bytes = text.clone().into_bytes();
        bytes.splice(at..at + 2, [0xe9]);
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        let e = load_bytes(name, &bytes, &Limits::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("{name}:{line}:{col}: not UTF-8 text (invalid byte at offset {at})")
        );
    }
}

#[test]
fn a_two_gigabyte_file_is_refused_by_its_size_unread() {
    // Sparse: nothing is written to the disk, and reading it would take
    // seconds and 2 GB of memory. The size alone refuses it.
    let dir = tempfile::tempdir().unwrap();
    for name in ["huge.json", "huge.ics", "huge.xml"] {
        let path = dir.path().join(name);
        std::fs::File::create(&path)
            .unwrap()
            .set_len(2 << 30)
            .unwrap();
        let started = std::time::Instant::now();
        let e = load_file(&path, &Limits::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "{}: the file is 2147483648 bytes, more than the limit of 67108864 bytes \
                 (raise it with --max-size)",
                path.display()
            )
        );
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }
    let run = dais_in(dir.path(), &["validate", "huge.ics"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("huge.ics: the file is 2147483648 bytes, more than the limit"),
        "{run:?}"
    );
}

#[test]
fn a_two_gigabyte_line_on_standard_input_stops_at_the_cap() {
    // One line that never ends, as a pipe gives it: dais stops reading one
    // byte past its cap (here 1 MiB) and says so, and the writer is cut off
    // instead of sending 2 GB.
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dais"))
        .args(["validate", "--max-size", "1048576", "-"])
        .env("HOME", home.path())
        .env("XDG_STATE_HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_CACHE_HOME", home.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dais runs");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'a'; 1 << 16];
        let mut sent: u64 = 0;
        while sent < 2 << 30 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
            sent += chunk.len() as u64;
        }
        sent
    });
    let out = child.wait_with_output().unwrap();
    let sent = writer.join().unwrap();
    assert!(sent < 1 << 30, "{sent} bytes went in");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("<stdin>: more than the limit of 1048576 bytes came in"),
        "{stdout}"
    );
}
