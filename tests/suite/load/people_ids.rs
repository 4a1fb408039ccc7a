//! Person ids as merged schedules really use them (issue 18): an id that
//! names several people is split, `0` is no id, a guid joins, and the ids
//! dais gives people stay the same when the file changes elsewhere.

use crate::support::harness::fixture;
use dais::agenda::Agenda;
use dais::load::{Limits, load_bytes, load_file};

/// Each session's id and its people's names.
fn speakers(agenda: &Agenda) -> Vec<(String, Vec<String>)> {
    agenda
        .sessions
        .iter()
        .map(|s| {
            let names = s
                .participants
                .iter()
                .map(|p| agenda.people[p.person].name.to_string())
                .collect();
            (s.id.to_string(), names)
        })
        .collect()
}

fn merged_text() -> String {
    std::fs::read_to_string(fixture("schedule-json/merged-ids.json")).expect("fixture")
}

#[test]
fn each_talk_of_a_merged_schedule_lists_its_own_speakers() {
    let loaded = load_file(
        &fixture("schedule-json/merged-ids.json"),
        &Limits::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let agenda = &loaded.agenda;
    let names = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        speakers(agenda),
        [
            ("101".into(), names(&["Ada Lovelace", "Grace Hopper"])),
            ("201".into(), names(&["Alan Turing", "Edsger Dijkstra"])),
            ("202".into(), names(&["Barbara Liskov"])),
            (
                "301".into(),
                names(&["Margaret Hamilton", "Barbara Liskov", "Ada Lovelace"])
            ),
            ("302".into(), names(&["Alan Turing", "Grace Hopper"])),
        ]
    );
    // Everyone once: Ada's two ids share her guid, Barbara under id 0 is
    // found by name; the Grace Hopper under another id, with no guid to
    // say so, stays another person, with an id of her own.
    let people: Vec<(&str, &str)> = agenda
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("ada-lovelace", "Ada Lovelace"),
            ("grace-hopper", "Grace Hopper"),
            ("alan-turing", "Alan Turing"),
            ("edsger-dijkstra", "Edsger Dijkstra"),
            ("barbara-liskov", "Barbara Liskov"),
            ("margaret-hamilton", "Margaret Hamilton"),
            ("grace-hopper-9", "Grace Hopper"),
        ]
    );
    let said: Vec<String> = loaded.warnings.iter().map(|w| w.message.clone()).collect();
    assert_eq!(
        said,
        [
            "2 person ids name more than one person (as in schedules merged from several \
          sources); each name is read as its own person"
        ]
    );
}

fn people_of(text: &str) -> Vec<String> {
    let loaded = load_bytes("a.json", text.as_bytes(), &Limits::default()).expect("loads");
    loaded
        .agenda
        .people
        .into_iter()
        .map(|p| p.id.into())
        .collect()
}

#[test]
fn person_ids_survive_a_reload_of_a_changed_file() {
    let text = merged_text();
    let before = load_bytes("a.json", text.as_bytes(), &Limits::default()).expect("loads");
    // A speaker added at the top, the stage's people swapped round, and
    // a third Grace Hopper before the one with id 9.
    let changed = text
        .replacen(
            r#"[{"id": 1, "guid": "g-ada""#,
            r#"[{"id": 5, "public_name": "Hedy Lamarr"}, {"id": 1, "guid": "g-ada""#,
            1,
        )
        .replacen(
            r#"[{"id": 1, "public_name": "Alan Turing"},
                           {"id": 2, "public_name": "Edsger Dijkstra"}]"#,
            r#"[{"id": 2, "public_name": "Edsger Dijkstra"},
                           {"id": 1, "public_name": "Alan Turing"}]"#,
            1,
        )
        .replacen(
            r#"[{"id": 0, "public_name": "Barbara Liskov"}]"#,
            r#"[{"id": 4, "public_name": "Grace Hopper"}, {"id": 0, "public_name": "Barbara Liskov"}]"#,
            1,
        );
    assert_ne!(changed, text);
    assert_eq!(
        people_of(&changed).len(),
        people_of(&text).len() + 2,
        "Hedy and the third Grace are new"
    );
    let after = load_bytes("a.json", changed.as_bytes(), &Limits::default()).expect("loads");
    for p in &before.agenda.people {
        let again = after.agenda.people.iter().filter(|q| q.name == p.name);
        assert!(
            again.clone().any(|q| q.id == p.id),
            "{} was {} and is now {:?}",
            p.name,
            p.id,
            again.map(|q| &q.id).collect::<Vec<_>>()
        );
    }
}

/// An Indico export with one contribution, its speakers as given.
fn indico_with(speakers: &str) -> String {
    format!(
        r#"{{"results": [{{"id": "1", "title": "W", "timezone": "Europe/Zurich",
        "contributions": [{{"id": "1", "title": "Talk",
          "startDate": {{"date": "2030-09-14", "time": "09:00:00", "tz": "Europe/Zurich"}},
          "endDate": {{"date": "2030-09-14", "time": "09:30:00", "tz": "Europe/Zurich"}},
          "speakers": {speakers}}}]}}]}}"#
    )
}

#[test]
fn indico_and_icalendar_share_the_people_pass_and_its_warning() {
    // One person_id with two names: two people, and said once.
    let text = indico_with(
        r#"[{"fullName": "Ann Smith", "person_id": 7}, {"fullName": "Bo Chen", "person_id": 7},
            {"fullName": "Ann Smith", "affiliation": "CERN"}]"#,
    );
    let loaded = load_bytes("i.json", text.as_bytes(), &Limits::default()).unwrap();
    let names: Vec<&str> = loaded
        .agenda
        .people
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Ann Smith", "Bo Chen", "Ann Smith"], "{names:?}");
    let split: Vec<_> = loaded
        .warnings
        .iter()
        .filter(|w| w.message.contains("more than one person"))
        .collect();
    assert_eq!(split.len(), 1, "{:?}", loaded.warnings);
    assert!(
        split[0].message.starts_with("1 person id names"),
        "{split:?}"
    );
    // iCalendar: the id export ics wrote comes back; an address is one
    // person whatever its CN.
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Berlin\r\n\
        BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20300301T100000Z\r\nDTEND:20300301T110000Z\r\n\
        SUMMARY:A\r\nATTENDEE;CN=Ada:urn:x-dais:person:chair-7\r\n\
        ATTENDEE;CN=Bob:mailto:bob@example.org\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20300301T120000Z\r\nDTEND:20300301T130000Z\r\n\
        SUMMARY:B\r\nATTENDEE;CN=Robert:mailto:BOB@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let loaded = load_bytes("c.ics", ics.as_bytes(), &Limits::default()).unwrap();
    let people: Vec<(&str, &str)> = loaded
        .agenda
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(people, [("chair-7", "Ada"), ("bob", "Bob")]);
    let s = &loaded.agenda.sessions[1];
    assert_eq!(s.participants[0].person, 1, "the address is one person");
}

#[test]
fn a_star_on_a_merged_schedules_session_survives_an_edit_elsewhere() {
    // Person stars do not exist: stars are on sessions, by id.
    let home = crate::support::harness::Home::new();
    let file = home.path().join("merged.json");
    std::fs::write(&file, merged_text()).unwrap();
    let path = file.to_str().unwrap();
    let star = home.dais(&["star", path, "302"]);
    assert_eq!(star.code, 0, "{star:?}");
    // Another source renumbers its people and moves a talk.
    let edited = merged_text()
        .replace(
            r#""id": 0, "public_name": "Margaret"#,
            r#""id": 4, "public_name": "Margaret"#,
        )
        .replace("2030-12-27T12:00:00+01:00", "2030-12-27T12:30:00+01:00");
    assert_ne!(edited, merged_text());
    std::fs::write(&file, edited).unwrap();
    let list = home.dais(&["list", "--starred", path]);
    assert_eq!(list.code, 0, "{list:?}");
    assert!(list.stdout.contains("Assembly two"), "{}", list.stdout);
    assert!(list.stdout.contains("Alan Turing"), "{}", list.stdout);
    assert!(list.stdout.contains("Grace Hopper"), "{}", list.stdout);
    assert!(!list.stdout.contains("Opening"), "{}", list.stdout);
}
