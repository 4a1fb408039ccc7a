//! The frab / c3voc schedule.json family: the real example files open,
//! validate with their warnings, list, and convert to dais/1 files that load
//! to the same agenda; and the mapping's lenient corners.

use dais::agenda::{Agenda, Kind, Role};
use dais::cli::ListFormat;
use dais::commands::list::{Styling, render};
use dais::load::{Format, Limits, Loaded, load_bytes, load_file};
use std::path::PathBuf;

mod lenient;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/schedule-json")
        .join(name)
}

fn load(name: &str) -> Loaded {
    load_file(&fixture(name), &Limits::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn warnings(loaded: &Loaded) -> Vec<String> {
    loaded
        .warnings
        .iter()
        .map(|w| w.display_in("f").to_string())
        .collect()
}

fn utc(agenda: &Agenda, i: usize) -> (String, String) {
    let s = &agenda.sessions[i];
    (s.start().to_rfc3339(), s.end().to_rfc3339())
}

/// Converts to dais/1 and loads that back.
fn round_trip(agenda: &Agenda) -> Loaded {
    let json = dais::write::to_json(agenda);
    load_bytes("converted.json", json.as_bytes(), &Limits::default())
        .unwrap_or_else(|e| panic!("{e}\n{json}"))
}

#[test]
fn version_1_example_reads_with_its_oddities_as_warnings() {
    let loaded = load("pretalx-style.json");
    assert_eq!(loaded.format, Format::ScheduleV1);
    let a = &loaded.agenda;
    assert_eq!(a.event.title, "TinyCon");
    assert_eq!(a.event.timezone, chrono_tz::UTC);
    assert_eq!(a.event.date.to_string(), "2030-12-14");
    assert_eq!(a.sessions.len(), 4);
    assert_eq!(a.people.len(), 2, "persons are one per id");
    assert_eq!(
        warnings(&loaded),
        [
            "f: schedule.conference.rooms[1].guid: the same guid as rooms[0]; references by \
             guid find rooms[0]",
            "f: schedule.conference.days[0].rooms[\"Gray Room\"][0].date: carries the offset \
             +01:00, but the conference's time_zone_name \"UTC\" is +00:00 then; dais follows \
             the dates' offsets and shows times in UTC (and 3 more times)",
        ]
    );
    // 09:00+01:00 is 08:00 UTC, and the zone is UTC: the offset wins.
    let first = &a.sessions[0];
    // The numeric id, not the slug made from the title: a rename keeps it.
    assert_eq!(&*first.id, "25");
    assert_eq!(utc(a, 0).0, "2030-12-14T08:00:00+00:00");
    assert_eq!(utc(a, 0).1, "2030-12-14T08:30:00+00:00");
    assert_eq!(first.span.local_start.to_string(), "2030-12-14 08:00:00");
    assert_eq!(first.room.as_deref(), Some("Gray Room"));
    assert_eq!(first.track.as_deref(), Some("Phased"));
    assert_eq!(first.kind, Kind::Other);
    assert_eq!(*first.notes, ["Talk"]);
    assert_eq!(first.participants.len(), 1);
    assert_eq!(a.person(&first.participants[0]).name, "Rosa Marsh");
    assert_eq!(a.person(&first.participants[0]).id, "rosa-marsh");
    assert_eq!(first.participants[0].role, Role::Speaker);
    // Same start: programme order puts the rooms in conference.rooms order.
    assert_eq!(a.sessions[1].room.as_deref(), Some("Tan Room"));
    assert_eq!(
        utc(a, 1),
        (
            "2030-12-14T08:00:00+00:00".into(),
            "2030-12-14T09:30:00+00:00".into()
        )
    );
    assert!(a.sessions.windows(2).all(|w| w[0].start() <= w[1].start()));
    let curtis: Vec<_> = a
        .people
        .iter()
        .filter(|p| p.name == "Curtis Ames")
        .collect();
    assert_eq!(curtis.len(), 1);
}

#[test]
fn schedule2_example_reads_rooms_tracks_and_roles() {
    let loaded = load("schedule2-style.json");
    assert_eq!(loaded.format, Format::Schedule2);
    assert_eq!(warnings(&loaded), Vec::<String>::new());
    let a = &loaded.agenda;
    assert_eq!(a.event.title, "Hackdays");
    assert_eq!(a.event.timezone, chrono_tz::Europe::Berlin);
    assert_eq!(a.sessions.len(), 2);
    let opening = &a.sessions[0];
    // The code, not the slug made from the title: a rename keeps it.
    assert_eq!(&*opening.id, "OPEN01");
    assert_eq!(utc(a, 0).0, "2030-12-27T09:30:00+00:00");
    assert_eq!(opening.span.local_start.to_string(), "2030-12-27 10:30:00");
    assert_eq!(opening.room.as_deref(), Some("Hall One"));
    assert_eq!(
        opening.track.as_deref(),
        Some("Main"),
        "the track slug is looked up"
    );
    assert!(opening.notes.is_empty(), "type OTHER says nothing");
    let roles: Vec<(String, Role, Option<String>)> = opening
        .participants
        .iter()
        .map(|p| {
            (
                a.person(p).name.to_string(),
                p.role,
                p.capacity.clone().map(String::from),
            )
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("Mira Stone".into(), Role::Speaker, None),
            ("Lev Ortiz".into(), Role::Speaker, None),
            ("Quill".into(), Role::Speaker, Some("contributor".into())),
        ]
    );
    let talk = &a.sessions[1];
    assert_eq!(talk.span.local_start.to_string(), "2030-12-28 00:15:00");
    assert_eq!(talk.track.as_deref(), Some("Hardware & Making"));
    assert_eq!(talk.room.as_deref(), Some("Hall Zed"));
    assert_eq!(*talk.notes, ["Its subtitle, as a note", "Talk"]);
    assert!(a.is_multi_day());
}

#[test]
fn every_example_lists_and_converts_to_an_equal_dais_1_agenda() {
    for name in ["pretalx-style.json", "schedule2-style.json"] {
        let loaded = load(name);
        let text = render(&loaded.agenda, ListFormat::Text, Styling::Plain);
        for s in &loaded.agenda.sessions {
            assert!(text.contains(&*s.title), "{name}: {}", s.title);
        }
        let again = round_trip(&loaded.agenda);
        assert_eq!(again.format, Format::Dais1);
        assert_eq!(again.agenda, loaded.agenda, "{name}");
        assert!(again.warnings.is_empty(), "{name}: {:?}", warnings(&again));
        assert_eq!(
            render(&again.agenda, ListFormat::Text, Styling::Plain),
            text,
            "{name}"
        );
    }
}

#[test]
fn converted_files_meet_the_published_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../../docs/agenda.schema.json")).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("mem:agenda.schema.json", schema)
        .unwrap();
    let index = compiler
        .compile("mem:agenda.schema.json", &mut schemas)
        .unwrap();
    for name in ["pretalx-style.json", "schedule2-style.json"] {
        let json = dais::write::to_json(&load(name).agenda);
        let instance: serde_json::Value = serde_json::from_str(&json).unwrap();
        if let Err(e) = schemas.validate(&instance, index) {
            panic!("{name}: {e}");
        }
    }
}
