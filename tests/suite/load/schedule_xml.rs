//! frab / pentabarf schedule.xml: the same programme as schedule.json gives
//! the same agenda; the older pentabarf form reads; problems come at XML
//! paths with a line and column; DTD tricks and bad XML are refused.

use dais::load::{Format, Limits, LoadError, Loaded, load_bytes, load_file};
use dais::sanitize::is_unsafe;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/schedule-xml")
        .join(name)
}

fn load(name: &str) -> Loaded {
    load_file(&fixture(name), &Limits::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn fails(xml: &str) -> LoadError {
    match load_bytes("s.xml", xml.as_bytes(), &Limits::default()) {
        Ok(l) => panic!("loaded: {:?}", l.agenda.event.title),
        Err(e) => e,
    }
}

fn shown(e: &LoadError) -> String {
    e.to_string()
}

/// A one-event schedule.xml with `event` as the event's children.
fn one_event(event: &str) -> String {
    format!(
        "<schedule><conference><title>T</title><time_zone_name>Europe/Berlin</time_zone_name>\
         </conference>\n<day date=\"2026-03-01\" index=\"1\"><room name=\"Main\">\n\
         <event id=\"1\">{event}</event></room></day></schedule>"
    )
}

#[test]
fn the_same_programme_in_xml_and_json_is_the_same_agenda() {
    let xml = load("pair.xml");
    let json = load("pair.json");
    assert_eq!(xml.format, Format::ScheduleXml);
    assert_eq!(json.format, Format::ScheduleV1);
    let (mut a, b) = (xml.agenda.clone(), json.agenda.clone());
    assert_eq!(
        a.event.sources[0].title,
        "Pair Conference 2026: published schedule (schedule.xml, revision v1.2)"
    );
    a.event.sources[0]
        .title
        .clone_from(&b.event.sources[0].title);
    assert_eq!(a, b);
    // And what is in it is what the files say.
    assert_eq!(a.sessions.len(), 4);
    assert_eq!(&*a.sessions[0].title, "Welcome & opening");
    assert_eq!(
        a.sessions[0].description.as_deref(),
        Some("The organisers say hello.\n\nRooms, food <and> the wifi.")
    );
    assert_eq!(a.sessions[1].room.as_deref(), Some("H.1302"));
    assert_eq!(a.people.len(), 2);
    assert_eq!(a.event.timezone, chrono_tz::Europe::Brussels);
}

#[test]
fn what_is_left_out_is_said_once_with_counts() {
    let xml = load("pair.xml");
    let w: Vec<String> = xml
        .warnings
        .iter()
        .map(|w| w.display_in("f").to_string())
        .collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("f:"), "{w:?}");
    assert!(
        w[0].ends_with(
            // The second event's `<links/>` is empty: nothing left out.
            "schedule: not shown by dais, so left out: <event/url>, <event/language>, \
             <event/links>"
        ),
        "{w:?}"
    );
}

#[test]
fn the_pentabarf_form_reads_clock_times_on_the_day() {
    let l = load("pentabarf.xml");
    let a = &l.agenda;
    assert_eq!(a.event.venue.as_deref(), Some("Campus, Brussels"));
    assert_eq!(a.sessions.len(), 2);
    let s = &a.sessions[0];
    assert_eq!(&*s.id, "900");
    assert_eq!(s.local_start().to_string(), "2010-02-06 10:00:00");
    assert_eq!(s.start().to_rfc3339(), "2010-02-06T09:00:00+00:00");
    assert_eq!(s.span.minutes(), 45);
    assert_eq!(a.person(&s.participants[0]).name, "Cy Old");
    // 00:30 is before the day changes at 09:00: the next calendar day.
    assert_eq!(
        a.sessions[1].local_start().to_string(),
        "2010-02-07 00:30:00"
    );
    let w = l.warnings[0].message.clone();
    assert!(w.contains("<event/tag>"), "{w}");
}

#[test]
fn problems_are_at_xml_paths_with_the_events_line() {
    let e = fails(&one_event(
        "<title>A</title><start>10:00</start><duration>soon</duration>",
    ));
    assert_eq!(
        shown(&e),
        "s.xml:3:1: schedule/day[1]/room[\"Main\"]/event[1]/duration: \"soon\" is not a \
         duration \"HH:MM\" or ISO 8601 \"PT1H30M\" (or is too long)"
    );
    let e = fails(&one_event("<start>10:00</start><duration>00:30</duration>"));
    assert!(
        shown(&e).contains("s.xml:3:1: schedule/day[1]/room[\"Main\"]/event[1]/title: missing"),
        "{e}"
    );
}

#[test]
fn a_doctype_declaring_entities_is_refused() {
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n \
                  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n\
                  <schedule><conference><title>&lol2;</title></conference></schedule>";
    let e = fails(laughs);
    assert!(
        shown(&e).starts_with("s.xml:2:1: the DOCTYPE declares entities"),
        "{e}"
    );
    let external = "<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><schedule/>";
    assert!(shown(&fails(external)).contains("declares entities"));
}

#[test]
fn an_undeclared_entity_is_an_error_at_its_place() {
    let e = fails(&one_event("<title>&xxe;</title>"));
    assert!(shown(&e).starts_with("s.xml:3:"), "{e}");
    assert!(shown(&e).contains("\"&xxe;\" is not defined"), "{e}");
}

#[test]
fn malformed_xml_says_where() {
    let e = fails("<schedule>\n<conference><title>T</titel></conference></schedule>");
    assert!(shown(&e).starts_with("s.xml:2:"), "{e}");
    assert!(shown(&e).contains("malformed XML"), "{e}");
    let e = fails("<schedule><conference>");
    assert!(shown(&e).contains("ends inside"), "{e}");
    let e = fails("<calendar/>");
    assert!(
        shown(&e).contains("not a frab / pentabarf schedule.xml"),
        "{e}"
    );
}

#[test]
fn deep_nesting_in_unknown_elements_is_skipped_without_recursion() {
    let deep = format!("{}{}", "<x>".repeat(200_000), "</x>".repeat(200_000));
    let xml = one_event(&format!(
        "<title>A</title><start>10:00</start><duration>00:30</duration>{deep}"
    ));
    let l = load_bytes("s.xml", xml.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(l.agenda.sessions.len(), 1);
    assert!(l.warnings[0].message.contains("<event/x>"));
}

#[test]
fn control_and_bidi_characters_never_reach_the_model() {
    let xml = one_event(
        "<title>A&#x1b;[31m&#x202e;B\u{7}</title><start>10:00</start><duration>00:30</duration>\
         <persons><person id=\"1\">N&#x9b;ame</person></persons>",
    );
    let l = load_bytes("s.xml", xml.as_bytes(), &Limits::default()).unwrap();
    let a = &l.agenda;
    assert!(
        !a.sessions[0].title.chars().any(is_unsafe),
        "{:?}",
        a.sessions[0].title
    );
    assert!(
        !a.people[0].name.chars().any(is_unsafe),
        "{:?}",
        a.people[0].name
    );
}

#[test]
fn broken_utf8_is_refused_before_the_xml() {
    let mut bytes = one_event("<title>A</title>").into_bytes();
    bytes.splice(0..0, [0xff, 0xfe, 0x00]);
    let e = load_bytes("s.xml", &bytes, &Limits::default()).unwrap_err();
    assert!(e.to_string().contains("not UTF-8"), "{e}");
}
