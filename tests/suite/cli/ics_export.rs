//! `dais export ics`: the output read back by a real iCalendar parser (the
//! `ical` crate) and checked against the agenda, times resolved through the
//! VTIMEZONE the output carries.

use crate::support::harness::Home;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use dais::agenda::Agenda;
use dais::export::{ics, select};
use dais::load::{Limits, load_bytes, load_file};
use ical::parser::ical::component::{IcalCalendar, IcalEvent, IcalTimeZone};

fn hearing() -> Agenda {
    load_bytes(
        dais::load::BUNDLED_NAME,
        dais::load::BUNDLED.as_bytes(),
        &Limits::default(),
    )
    .unwrap()
    .agenda
}

fn parse(text: &str) -> IcalCalendar {
    let mut calendars = ical::IcalParser::new(text.as_bytes());
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("a calendar the parser accepts");
    assert!(calendars.next().is_none(), "exactly one calendar");
    calendar
}

fn prop<'a>(
    props: &'a [ical::property::Property],
    name: &str,
) -> Option<&'a ical::property::Property> {
    props.iter().find(|p| p.name == name)
}

fn value(e: &IcalEvent, name: &str) -> String {
    prop(&e.properties, name)
        .and_then(|p| p.value.clone())
        .unwrap_or_else(|| panic!("{name} is missing"))
}

/// The reverse of TEXT escaping.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c) => out.push(c),
            None => {}
        }
    }
    out
}

fn offset_seconds(s: &str) -> i64 {
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let digits = &s[1..];
    let h: i64 = digits[0..2].parse().unwrap();
    let m: i64 = digits[2..4].parse().unwrap();
    sign * (h * 3600 + m * 60)
}

/// Places a local time with the calendar's VTIMEZONE, as a calendar program
/// does: the offset of the latest observance whose onset is not after it.
fn resolve(zone: &IcalTimeZone, local: NaiveDateTime) -> DateTime<Utc> {
    let mut best: Option<(NaiveDateTime, i64)> = None;
    for t in &zone.transitions {
        let get = |n: &str| {
            prop(&t.properties, n)
                .and_then(|p| p.value.clone())
                .unwrap()
        };
        let onset = NaiveDateTime::parse_from_str(&get("DTSTART"), "%Y%m%dT%H%M%S").unwrap();
        let to = offset_seconds(&get("TZOFFSETTO"));
        if onset <= local && best.is_none_or(|(b, _)| onset > b) {
            best = Some((onset, to));
        }
    }
    let (_, offset) = best.expect("an observance covers the time");
    Utc.from_utc_datetime(&(local - chrono::Duration::seconds(offset)))
}

/// An event's DTSTART or DTEND as an instant.
fn instant(calendar: &IcalCalendar, e: &IcalEvent, name: &str) -> DateTime<Utc> {
    let p = prop(&e.properties, name).unwrap_or_else(|| panic!("{name} is missing"));
    let v = p.value.as_deref().unwrap();
    let tzid = p
        .params
        .iter()
        .flatten()
        .find(|(k, _)| k == "TZID")
        .map(|(_, v)| v[0].clone());
    match tzid {
        None => {
            let t = NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%SZ").expect("UTC time");
            Utc.from_utc_datetime(&t)
        }
        Some(tzid) => {
            let zone = calendar
                .timezones
                .iter()
                .find(|z| {
                    prop(&z.properties, "TZID").and_then(|p| p.value.as_deref()) == Some(&tzid)
                })
                .expect("a VTIMEZONE for the TZID");
            resolve(
                zone,
                NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").unwrap(),
            )
        }
    }
}

fn export(agenda: &Agenda, ids: &[&str]) -> String {
    let ids: Vec<String> = ids.iter().map(|&s| s.to_owned()).collect();
    ics::calendar(agenda, &select(agenda, &ids).unwrap())
}

#[test]
fn the_hearing_is_seven_events_at_the_right_instants() {
    let agenda = hearing();
    let text = export(&agenda, &[]);
    let calendar = parse(&text);
    assert_eq!(calendar.events.len(), 7);
    assert_eq!(calendar.timezones.len(), 1);
    for (e, s) in calendar.events.iter().zip(&agenda.sessions) {
        assert_eq!(unescape(&value(e, "SUMMARY")), *s.title);
        assert_eq!(instant(&calendar, e, "DTSTART"), s.start(), "{}", s.id);
        assert_eq!(instant(&calendar, e, "DTEND"), s.end(), "{}", s.id);
        assert_eq!(
            unescape(&value(e, "LOCATION")),
            "Conference Room 4, United Nations Headquarters, New York"
        );
    }
    let panel = &calendar.events[2];
    let start = prop(&panel.properties, "DTSTART").unwrap();
    assert_eq!(start.value.as_deref(), Some("20170623T103000"));
    assert_eq!(
        start.params.as_ref().unwrap()[0],
        ("TZID".to_owned(), vec!["America/New_York".to_owned()])
    );
    assert_eq!(
        instant(&calendar, panel, "DTSTART").to_rfc3339(),
        "2017-06-23T14:30:00+00:00"
    );
}

#[test]
fn descriptions_list_participants_by_role_and_key_messages() {
    let agenda = hearing();
    let calendar = parse(&export(&agenda, &[]));
    for (e, s) in calendar.events.iter().zip(&agenda.sessions) {
        let description = unescape(&value(e, "DESCRIPTION"));
        for (role, group) in dais::commands::list::by_role(s) {
            let heading = format!("{}:\n", role.plural_label());
            let at = description
                .find(&heading)
                .unwrap_or_else(|| panic!("{heading} in {description}"));
            for p in group {
                let name = agenda.person(p).display_name();
                let found = description.find(&format!("- {name}")).expect(&name);
                assert!(found > at, "{name} is under {heading}");
            }
        }
        for &k in &s.key_messages {
            assert!(description.contains(&agenda.key_messages[k].label()));
        }
    }
    let panel = unescape(&value(&calendar.events[2], "DESCRIPTION"));
    assert!(
        panel.starts_with("Interactive Q and A\nPanellists:\n- Ms. Kay Buck, "),
        "{panel}"
    );
    assert!(
        panel.contains("\nModerators:\n- Ms. Purna Sen, Director, UN-WOMEN\n"),
        "{panel}"
    );
}

#[test]
fn uids_are_stable_and_distinct_and_lines_are_folded() {
    let agenda = hearing();
    let text = export(&agenda, &[]);
    assert_eq!(
        text,
        export(&agenda, &[]),
        "the same agenda gives the same bytes"
    );
    let calendar = parse(&text);
    let uids: Vec<String> = calendar.events.iter().map(|e| value(e, "UID")).collect();
    assert_eq!(
        uids[2],
        "panel-1@informal-interactive-multi-stakeholder-hearing-2017-06-23.dais"
    );
    let mut distinct = uids.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 7);
    assert!(
        calendar
            .events
            .iter()
            .all(|e| value(e, "DTSTAMP") == "20170623T000000Z")
    );
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    assert!(text.contains("\r\n "), "long lines are folded");
}

#[test]
fn one_session_is_one_event() {
    let agenda = hearing();
    let calendar = parse(&export(&agenda, &["panel-1"]));
    assert_eq!(calendar.events.len(), 1);
    assert_eq!(
        unescape(&value(&calendar.events[0], "SUMMARY")),
        *agenda.sessions[2].title
    );
    let err = select(&agenda, &["panel-9".to_owned()]).unwrap_err();
    assert!(
        err.starts_with("no session with id \"panel-9\"; the ids are \"opening\""),
        "{err}"
    );
}

#[test]
fn the_command_writes_the_calendar_and_refuses_unknown_ids() {
    let out = Home::new()
        .command()
        .args([
            "export",
            "ics",
            "--session",
            "panel-1",
            "--session",
            "closing",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let calendar = parse(&String::from_utf8(out.stdout).unwrap());
    let uids: Vec<String> = calendar.events.iter().map(|e| value(e, "UID")).collect();
    assert_eq!(uids.len(), 2);
    assert!(uids[0].starts_with("panel-1@") && uids[1].starts_with("closing@"));

    let out = Home::new()
        .command()
        .args(["export", "ics", "--session", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("hearing-2017-06-23.json (bundled): no session with id \"nope\""),
        "{stderr}"
    );
}

#[test]
fn schedule_files_export_with_rooms_tracks_and_their_zones() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schedule-json");
    let hub = load_file(&dir.join("schedule2-style.json"), &Limits::default())
        .unwrap()
        .agenda;
    let calendar = parse(&export(&hub, &[]));
    assert_eq!(calendar.events.len(), 2);
    let e = &calendar.events[1];
    assert_eq!(value(e, "LOCATION"), "Hall Zed");
    assert_eq!(unescape(&value(e, "CATEGORIES")), "Hardware & Making");
    assert_eq!(instant(&calendar, e, "DTSTART"), hub.sessions[1].start());
    assert_eq!(
        instant(&calendar, e, "DTSTART").to_rfc3339(),
        "2030-12-27T23:15:00+00:00"
    );

    // A zone that is UTC throughout is written as UTC times, no VTIMEZONE.
    let tiny = load_file(&dir.join("pretalx-style.json"), &Limits::default())
        .unwrap()
        .agenda;
    let calendar = parse(&export(&tiny, &[]));
    assert!(calendar.timezones.is_empty());
    assert_eq!(calendar.events.len(), 4);
    assert_eq!(value(&calendar.events[0], "DTSTART"), "20301214T080000Z");
    for (e, s) in calendar.events.iter().zip(&tiny.sessions) {
        assert_eq!(instant(&calendar, e, "DTEND"), s.end());
    }
}

#[test]
fn times_across_a_daylight_saving_change_and_awkward_text_survive() {
    let text = r#"{"format": "dais/1",
        "event": {"title": "Night; of, \\ DST", "date": "2024-10-26", "timezone": "Europe/Berlin"},
        "sessions": [
            {"id": "long", "title": "Über Nacht, bis früh", "kind": "other", "start": "22:00",
             "end": "04:00", "end_date": "2024-10-27", "room": "Saal 1",
             "description": "Zeile eins;\nZeile zwei, mit Komma\n\nÄ ö ü ß 日本語 ✓"},
            {"id": "after", "title": "After", "kind": "other", "date": "2024-10-27",
             "start": "04:00", "end": "05:00"}
        ]}"#;
    let agenda = load_bytes("dst.json", text.as_bytes(), &Limits::default())
        .unwrap()
        .agenda;
    let out = export(&agenda, &[]);
    let calendar = parse(&out);
    let e = &calendar.events[0];
    assert_eq!(
        instant(&calendar, e, "DTSTART").to_rfc3339(),
        "2024-10-26T20:00:00+00:00"
    );
    assert_eq!(
        instant(&calendar, e, "DTEND").to_rfc3339(),
        "2024-10-27T03:00:00+00:00"
    );
    assert_eq!(
        instant(&calendar, &calendar.events[1], "DTSTART"),
        agenda.sessions[1].start()
    );
    assert_eq!(unescape(&value(e, "SUMMARY")), "Über Nacht, bis früh");
    assert_eq!(
        unescape(&value(e, "DESCRIPTION")),
        "Zeile eins;\nZeile zwei, mit Komma\n\nÄ ö ü ß 日本語 ✓"
    );
    assert!(value(e, "UID").starts_with("long@night-of-dst-2024-10-26.dais"));
}
