//! The synthetic agenda generator: valid, clean, deterministic, to size.

use chrono::Offset;
use dais::load::{Limits, Loaded, load_bytes};
use dais::synth::{agenda_json, write_agenda};

fn load(json: &str) -> Loaded {
    load_bytes("synth.json", json.as_bytes(), &Limits::default())
        .unwrap_or_else(|e| panic!("the generated agenda does not load:\n{e}"))
}

#[test]
fn a_thousand_sessions_load_without_errors_or_warnings() {
    let loaded = load(&agenda_json(1000, 7));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let a = &loaded.agenda;
    assert_eq!(a.sessions.len(), 1000);
    assert_eq!(a.people.len(), 500);
    assert!((5..=20).contains(&a.key_messages.len()));
    assert!(a.is_multi_day());
}

#[test]
fn small_and_odd_counts_load_and_end_properly() {
    for n in [1, 2, 3, 19, 20, 21, 22, 41, 99] {
        let loaded = load(&agenda_json(n, 3));
        assert_eq!(loaded.agenda.sessions.len(), n, "{n} sessions");
        assert!(loaded.warnings.is_empty(), "{n}: {:?}", loaded.warnings);
    }
    assert_eq!(load(&agenda_json(0, 3)).agenda.sessions.len(), 1);
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let a = agenda_json(300, 42);
    assert_eq!(a, agenda_json(300, 42));
    assert_ne!(a, agenda_json(300, 43));
    let mut streamed = Vec::new();
    write_agenda(&mut streamed, 300, 42).unwrap();
    assert_eq!(streamed, a.as_bytes());
}

#[test]
fn it_looks_like_a_real_programme() {
    let json = agenda_json(1000, 1);
    let a = load(&json).agenda;
    // Names in many scripts, as the hearing's people and more.
    let names: String = a
        .people
        .iter()
        .map(dais::agenda::Person::display_name)
        .collect();
    for (script, range) in [
        ("Latin with diacritics", 'À'..='ž'),
        ("Greek", 'Α'..='ω'),
        ("Cyrillic", 'А'..='я'),
        ("Arabic", '\u{600}'..='\u{6ff}'),
        ("Devanagari", '\u{900}'..='\u{97f}'),
        ("Han", '\u{4e00}'..='\u{9fff}'),
        ("Hangul", '\u{ac00}'..='\u{d7a3}'),
    ] {
        assert!(
            names.chars().any(|c| range.contains(&c)),
            "no {script} name"
        );
    }
    assert!(a.people.iter().any(|p| p.honorific.is_some()));
    assert!(a.people.iter().any(|p| p.affiliation.is_some()));
    // People come back: far fewer people than participations.
    let participations: usize = a.sessions.iter().map(|s| s.participants.len()).sum();
    assert!(participations > 3 * a.people.len(), "{participations}");
    for kind in dais::agenda::Kind::ALL {
        assert!(a.sessions.iter().any(|s| s.kind == *kind), "no {kind}");
    }
    for role in dais::agenda::Role::ALL {
        let has = |s: &dais::agenda::Session| s.participants.iter().any(|p| p.role == *role);
        assert!(a.sessions.iter().any(has), "no {role}");
    }
    let participants = || a.sessions.iter().flat_map(|s| &s.participants);
    assert!(participants().any(|p| p.appearance == dais::agenda::Appearance::Video));
    assert!(participants().any(|p| p.capacity.is_some()));
    assert!(a.sessions.iter().any(|s| !s.key_messages.is_empty()));
    assert!(a.sessions.iter().any(|s| !s.notes.is_empty()));
    assert!(a.sessions.iter().any(|s| s.description.is_some()));
    let parts = ["Morning Meeting", "Afternoon Meeting"];
    for part in parts {
        assert!(a.sessions.iter().any(|s| s.part.as_deref() == Some(part)));
    }
    // Some sessions leave `end` out and end when the next one starts.
    assert!(json.matches(r#""end":"#).count() < a.sessions.len());
}

#[test]
fn the_programme_crosses_daylight_saving_changes() {
    for seed in [1, 2] {
        let a = load(&agenda_json(1000, seed)).agenda;
        let tz = a.event.timezone;
        let offsets: std::collections::BTreeSet<i32> = a
            .sessions
            .iter()
            .map(|s| {
                s.start()
                    .with_timezone(&tz)
                    .offset()
                    .fix()
                    .local_minus_utc()
            })
            .collect();
        assert!(offsets.len() >= 2, "{tz}: one offset only: {offsets:?}");
    }
}

#[test]
fn size_scales_with_sessions() {
    let small = agenda_json(1000, 5).len();
    let big = agenda_json(10_000, 5).len();
    // About 450 bytes a session, so 100,000 sessions are about 45 MB.
    assert!((350_000..=550_000).contains(&small), "{small}");
    assert!(big > 9 * small && big < 11 * small, "{small} -> {big}");
}

/// The FOSDEM-shaped schedule.xml (`generate N --schedule-xml`), for the
/// figures of the other formats.
fn schedule_xml(events: usize, seed: u64) -> String {
    let mut out = Vec::new();
    dais::synth::write_schedule_xml(&mut out, events, seed).unwrap();
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn a_schedule_xml_of_any_size_loads_every_talk_on_two_days() {
    for n in [0, 1, 2, 39, 40, 41, 600] {
        let xml = schedule_xml(n, 1);
        let loaded = load_bytes("synth.xml", xml.as_bytes(), &Limits::default())
            .unwrap_or_else(|e| panic!("{n} events do not load:\n{e}"));
        assert_eq!(loaded.format, dais::load::Format::ScheduleXml);
        let a = &loaded.agenda;
        assert_eq!(a.sessions.len(), n.max(1), "{n} events");
        assert_eq!(a.event.timezone, chrono_tz::Europe::Brussels);
        assert_eq!(a.is_multi_day(), n > 1, "{n} events");
        // Only what dais does not show is said: no event is refused or
        // guessed at.
        for w in &loaded.warnings {
            assert!(w.message.starts_with("not shown by dais"), "{n}: {w:?}");
        }
        let ids: std::collections::HashSet<_> = a.sessions.iter().map(|s| &s.id).collect();
        assert_eq!(ids.len(), a.sessions.len(), "{n}: ids are unique");
    }
    let xml = schedule_xml(600, 1);
    assert_eq!(xml, schedule_xml(600, 1));
    assert_ne!(xml, schedule_xml(600, 2));
    // About the size of FOSDEM's: 1,100 to 1,300 bytes a talk.
    assert!((660_000..780_000).contains(&xml.len()), "{}", xml.len());
}
