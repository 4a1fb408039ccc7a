//! Inputs the fuzzers found (tests/fixtures/fuzz/), held to what the `load`
//! fuzz target checks: loading does not panic, an error names a problem,
//! and a loaded agenda survives being written out and read back.

use dais::load::{Limits, load_bytes};
use dais::sanitize::is_unsafe;
use std::path::Path;

/// Every input found, by file name.
fn finds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("tests/fixtures/fuzz exists")
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// `agenda` written as `dais/1` and read back, which must give it again:
/// the text written.
fn reads_back(agenda: &dais::agenda::Agenda) -> String {
    let json = dais::write::to_json(agenda);
    let again = load_bytes("again.json", json.as_bytes(), &Limits::default())
        .unwrap_or_else(|e| panic!("{e}\n{json}"));
    assert_eq!(&again.agenda, agenda);
    json
}

#[test]
fn every_find_loads_or_fails_cleanly_and_round_trips() {
    let limits = Limits::default();
    let finds = finds();
    assert!(!finds.is_empty());
    for (name, bytes) in finds {
        match load_bytes(&name, &bytes, &limits) {
            Err(e) => {
                assert!(!e.problems.is_empty(), "{name}: an error without a problem");
                for p in &e.problems {
                    assert!(!p.message.trim().is_empty(), "{name}: empty message");
                    let shown = p.display_in(&name).to_string();
                    assert!(!shown.chars().any(is_unsafe), "{name}: unsafe {shown:?}");
                }
            }
            Ok(loaded) => {
                let json = dais::write::to_json(&loaded.agenda);
                let again = load_bytes("again.json", json.as_bytes(), &limits)
                    .unwrap_or_else(|e| panic!("{name}: written agenda does not load: {e}"));
                assert_eq!(again.agenda, loaded.agenda, "{name}: round trip changed it");
            }
        }
    }
}

#[test]
fn a_start_in_local_mean_time_loads() {
    // 10:30 at +01:00 in the year 1012 is 10:23:28 on Berlin's clocks then
    // (a fuzz find, rewritten small: the one event it needs).
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/fuzz/schedule2-local-mean-time.json"),
    )
    .unwrap();
    let loaded = load_bytes("f.json", &bytes, &Limits::default()).unwrap();
    let start = loaded.agenda.sessions[0].span.local_start;
    assert_eq!(start.to_string(), "1012-12-27 10:23:00");
}

fn find(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/fuzz")
            .join(name),
    )
    .unwrap()
}

#[test]
fn an_indico_time_in_local_mean_time_is_cut_to_the_minute() {
    // Noon in Zurich in 1013 is 11:25:52 UTC (+00:34:08): kept with its
    // seconds, a converted copy moved by 52 s.
    let loaded = load_bytes(
        "i.json",
        &find("indico-local-mean-time.json"),
        &Limits::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let s = &loaded.agenda.sessions[0];
    assert_eq!(s.start().to_rfc3339(), "1013-09-14T11:25:00+00:00");
    assert_eq!(s.span.end.to_rfc3339(), "1013-09-14T12:25:00+00:00");
}

#[test]
fn a_control_character_in_an_ics_end_line_is_quoted_in_the_error() {
    let Err(e) = load_bytes("c.ics", &find("ics-control-in-end.ics"), &Limits::default()) else {
        panic!("a mismatched END is an error");
    };
    let shown = e.to_string();
    assert!(
        shown.contains(r#""END:VEVENT\u000f" closes "BEGIN:VEVENT""#),
        "{shown}"
    );
    assert!(!shown.chars().any(is_unsafe), "{shown:?}");
}

#[test]
fn an_unclosed_component_with_a_carriage_return_in_its_name_is_quoted() {
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VMARY:Floating lunch\rtten/END:VCALENDAR\r\n";
    let Err(e) = load_bytes("c.ics", text.as_bytes(), &Limits::default()) else {
        panic!("an unclosed component is an error");
    };
    let shown = e.to_string();
    assert!(
        shown.contains("no \"END:VMARY:FLOATING LUNCH\\u000dTTEN"),
        "{shown}"
    );
    assert!(!shown.chars().any(is_unsafe), "{shown:?}");
}

#[test]
fn an_indico_date_before_the_year_one_is_refused_at_its_path() {
    let text = r#"{"results": [{"_type": "Conference", "id": "7", "title": "T",
        "timezone": "Europe/Zurich",
        "contributions": [{"_type": "Contribution", "id": "1", "title": "C",
          "startDate": {"date": "-0013-09-14", "time": "12:00:00"},
          "endDate": {"date": "-0013-09-14", "time": "13:00:00"}}]}]}"#;
    let Err(e) = load_bytes("i.json", text.as_bytes(), &Limits::default()) else {
        panic!("a year dais/1 cannot write is an error");
    };
    assert!(
        e.to_string()
            .contains("results[0].contributions[0].startDate: expected"),
        "{e}"
    );
}

#[test]
fn a_vtimezone_naming_no_known_zone_is_warned_of_in_words() {
    // The VTIMEZONE is read first and remembers that its TZID names no
    // zone; the first event using it said so with an empty message.
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Custom Time\r\n\
        X-LIC-LOCATION:Nowhere/Land\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:u\r\n\
        DTSTART;TZID=Custom Time:20260610T090000\r\nDURATION:PT1H\r\nSUMMARY:A\r\n\
        END:VEVENT\r\nEND:VCALENDAR\r\n";
    let loaded =
        load_bytes("c.ics", text.as_bytes(), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    let w = loaded
        .warnings
        .iter()
        .find(|w| w.path == "VEVENT[1]/DTSTART")
        .unwrap_or_else(|| panic!("{:?}", loaded.warnings));
    assert!(
        w.message
            .starts_with("TZID \"Custom Time\" is no zone dais knows"),
        "{w:?}"
    );
    assert_eq!(w.position, Some((9, 1)));
}

#[test]
fn a_session_whose_printed_offset_changes_before_its_end_keeps_its_own() {
    // Offsets no one zone has on one day: each time is shown at its own.
    // The session at 10:00 +02:00 lasts an hour; the offsets turn to +01:00
    // before it ends. It ends at 11:00 at its own offset, as dais/1 writes
    // it (one utc_offset a session); it was 10:00 (+01:00), written as
    // ending when it starts, and the copy did not load.
    let xml = "<schedule><conference><title>T</title></conference>\n\
        <day date=\"2026-02-07\" index=\"1\"><room name=\"A\">\n\
        <event id=\"1\"><date>2026-02-07T10:00:00+02:00</date><start>10:00</start>\
        <duration>01:00</duration><title>First</title></event>\n\
        <event id=\"2\"><date>2026-02-07T09:30:00+01:00</date><start>09:30</start>\
        <duration>00:50</duration><title>Second</title></event>\n\
        </room></day></schedule>";
    let loaded =
        load_bytes("s.xml", xml.as_bytes(), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    let s = &loaded.agenda.sessions[0];
    assert_eq!(&*s.title, "First");
    assert_eq!(s.span.local_start.to_string(), "2026-02-07 10:00:00");
    assert_eq!(s.span.local_end.to_string(), "2026-02-07 11:00:00");
    assert_eq!(s.span.minutes(), 60);
    reads_back(&loaded.agenda);
}

#[test]
fn offsets_as_printed_are_kept_as_the_sessions_show_them() {
    // The zone was picked from every date printed, the event's end (at
    // +02:02) too, and turned between its start and its end; a dais/1
    // copy keeps each session's own offset only, so it read back another
    // zone (fuzz find, schedule_json target). The agenda's zone is now what
    // the copy reads: here the one offset of its one session.
    let text = r#"{"schedule": {"version": "2", "conference": {"acronym": "f", "title": "T",
      "start": "2024-05-01", "end": "2024-05-01", "time_zone_name": "Europe/Bmrlin",
      "rooms": [{"name": "A", "guid": "r"}]},
      "events": [{"guid": "g", "code": "C", "start": "2024-05-01T10:00:00+02:00",
        "duration": "PT30M", "end": "2024-05-01T10:30:00+02:02", "room": {"name": "A", "guid": "r"},
        "title": "T", "type": "TALK", "participants": []}]}}"#;
    let loaded =
        load_bytes("s.json", text.as_bytes(), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    reads_back(&loaded.agenda);
    assert_eq!(loaded.agenda.event.timezone.to_string(), "Etc/GMT-2");
}

#[test]
fn a_dais_person_urn_that_is_no_dais_id_is_not_the_persons_id() {
    // `urn:x-dais:person:ID` (what `dais export ics` writes) keeps a
    // person's id; one dais/1 cannot write (here ":x@example.org") gave a
    // copy that did not load (fuzz find, ics target). The id is made from
    // the name instead.
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:UTC\r\nBEGIN:VEVENT\r\nUID:u\r\n\
        DTSTART:20260610T090000Z\r\nDURATION:PT1H\r\nSUMMARY:A\r\n\
        ATTENDEE;CN=Di Ng:urn:x-dais:person::x@example.org\r\n\
        ATTENDEE;CN=Ed Po:urn:x-dais:person:ed\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let loaded =
        load_bytes("c.ics", text.as_bytes(), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = loaded.agenda.people.iter().map(|p| &*p.id).collect();
    assert_eq!(ids, ["di-ng", "ed"]);
    reads_back(&loaded.agenda);
}

#[test]
fn one_offset_for_every_session_is_that_offsets_zone() {
    // Every session at +12:00 in a file whose zone is Etc/GMT-5: the zone
    // was "+12:00 as printed", and its copy (event.timezone Etc/GMT-12)
    // read back Etc/GMT-12 (fuzz find, load target). It is Etc/GMT-12 now.
    let text = r#"{"format": "dais/1",
      "event": {"title": "T", "date": "2029-12-26", "timezone": "Etc/GMT-5"},
      "sessions": [{"id": "s", "title": "S", "kind": "other", "start": "11:00",
        "end": "12:00", "utc_offset": "+12:00"}]}"#;
    let loaded =
        load_bytes("a.json", text.as_bytes(), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.agenda.event.timezone.to_string(), "Etc/GMT-12");
    assert_eq!(
        loaded.agenda.sessions[0].start().to_rfc3339(),
        "2029-12-25T23:00:00+00:00"
    );
    reads_back(&loaded.agenda);
}

#[test]
fn a_session_in_the_second_instance_of_a_repeated_hour_reads_back_from_its_copy() {
    // 02:00 +01:00 on 27 October 2030 in Berlin is the second 02:00 (the
    // clocks go back at 03:00 +02:00). dais/1 reads a local time in the
    // repeated hour as its first instance: the copy now gives the
    // session's own utc_offset, and it read back an hour early before
    // (fuzz find, schedule_xml target; the loader warned of it).
    let xml = "<schedule><conference><title>T</title><city>Berlin</city></conference>\n\
        <day date=\"2030-10-26\" index=\"1\"><room name=\"A\">\n\
        <event id=\"1\"><date>2030-10-26T11:00:00+02:00</date><start>11:00</start>\
        <duration>01:00</duration><title>Saturday</title></event>\n\
        </room></day><day date=\"2030-10-27\" index=\"2\"><room name=\"A\">\n\
        <event id=\"2\"><date>2030-10-27T02:00:00+01:00</date><start>02:00</start>\
        <duration>01:00</duration><title>Sunday</title></event>\n\
        </room></day></schedule>";
    let loaded =
        load_bytes("s.xml", xml.as_bytes(), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.agenda.event.timezone.to_string(), "Europe/Berlin");
    let sunday = &loaded.agenda.sessions[1];
    assert_eq!(sunday.span.start.to_rfc3339(), "2030-10-27T01:00:00+00:00");
    assert!(
        !loaded
            .warnings
            .iter()
            .any(|w| w.message.contains("repeats")),
        "nothing to warn of: {:?}",
        loaded.warnings
    );
    let json = reads_back(&loaded.agenda);
    assert!(json.contains("\"utc_offset\": \"+01:00\""), "{json}");
}
