//! Every way dais shows a published schedule agrees with the agenda it
//! loaded (issue 18), session by session and person by person: `list`,
//! `now`, the screen, `export ics` (read back: the instants, the people and
//! their roles) and `convert` (read back: the same, and each person's id),
//! on the null-zone one-offset file, the DST weekend and the merged
//! schedule whose person ids collide. And a note naming people of the
//! merged schedule still names them after the file changes.

use crate::support::harness::{Home, dais, fixture};
use crate::support::screen::{render, text};
use chrono::{DateTime, TimeDelta, Utc};
use dais::agenda::Agenda;
use dais::app::{Action, App};
use dais::load::{Limits, load_bytes, load_file};

const FIXTURES: [&str; 3] = [
    "schedule-json/offsets-no-zone.json",
    "schedule-json/offsets-dst.json",
    "schedule-json/merged-ids.json",
];

/// One session as every output must give it.
#[derive(Debug, PartialEq)]
struct Seen {
    title: String,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    /// Start as printed, in the agenda's own zone.
    local: String,
    /// Each participant: id, name, role.
    people: Vec<(String, String, String)>,
}

fn seen(a: &Agenda) -> Vec<Seen> {
    let zone = a.event.timezone;
    a.sessions
        .iter()
        .map(|s| Seen {
            title: s.title.to_string(),
            start: s.start(),
            end: s.end(),
            local: s
                .start()
                .with_timezone(&zone)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            people: s
                .participants
                .iter()
                .map(|p| {
                    let who = a.person(p);
                    (
                        who.id.to_string(),
                        who.display_name(),
                        p.role.as_str().to_owned(),
                    )
                })
                .collect(),
        })
        .collect()
}

fn load(name: &str) -> Agenda {
    load_file(&fixture(name), &Limits::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .agenda
}

fn read_back(name: &str, what: &str, text: &str) -> Agenda {
    load_bytes(what, text.as_bytes(), &Limits::default())
        .unwrap_or_else(|e| panic!("{name}: {what} does not read back: {e}\n{text}"))
        .agenda
}

#[test]
fn convert_and_export_ics_read_back_to_the_same_sessions_and_people() {
    for name in FIXTURES {
        let want = seen(&load(name));
        assert!(!want.is_empty(), "{name}");
        let converted = dais(&["convert", name]);
        assert_eq!(converted.code, 0, "{name}: {converted:?}");
        let back = read_back(name, "c.json", &converted.stdout);
        assert_eq!(seen(&back), want, "{name}: convert");
        // A calendar keeps instants, names, roles and (as urn:x-dais:person)
        // ids; times are then in the calendar's zone.
        let ics = dais(&["export", "ics", name]);
        assert_eq!(ics.code, 0, "{name}: {ics:?}");
        let back = read_back(name, "e.ics", &ics.stdout);
        let mut got = seen(&back);
        got.sort_by_key(|s| (s.start, s.title.clone()));
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(
                (&g.title, g.start, g.end, &g.people),
                (&w.title, w.start, w.end, &w.people),
                "{name}: export ics"
            );
        }
        assert_eq!(got.len(), want.len(), "{name}: export ics");
    }
}

#[test]
fn list_names_each_sessions_own_people_at_the_printed_time() {
    for name in FIXTURES {
        let agenda = load(name);
        let list = dais(&["list", name]);
        assert_eq!(list.code, 0, "{name}: {list:?}");
        let blocks: Vec<&str> = list.stdout.split("\n\n").collect();
        for s in seen(&agenda) {
            let head = format!("{}-", &s.local[11..]);
            let block = blocks
                .iter()
                .find(|b| {
                    let first = b.lines().next().unwrap_or_default();
                    first.starts_with(&head) && first.ends_with(&format!("  {}", s.title))
                })
                .unwrap_or_else(|| panic!("{name}: no {head} {}:\n{}", s.title, list.stdout));
            // The people are the lines indented past the role headings.
            let names: Vec<&str> = block
                .lines()
                .filter(|l| l.starts_with("               "))
                .map(str::trim)
                .collect();
            let want: Vec<&str> = s.people.iter().map(|(_, n, _)| n.as_str()).collect();
            assert_eq!(names, want, "{name}: {}\n{block}", s.title);
        }
    }
}

#[test]
fn now_gives_each_session_at_its_instant_and_printed_time() {
    for name in FIXTURES {
        for s in seen(&load(name)) {
            let at = (s.start + TimeDelta::minutes(1)).to_rfc3339();
            let now = dais(&["now", "-f", "json", name, "--at", &at]);
            assert_eq!(now.code, 0, "{name}: {now:?}");
            let v: serde_json::Value = serde_json::from_str(&now.stdout).unwrap();
            let session = &v["session"];
            assert_eq!(session["title"], s.title.as_str(), "{name}: {}", now.stdout);
            let start = session["start"].as_str().unwrap();
            let printed = DateTime::parse_from_rfc3339(start).unwrap();
            assert_eq!(printed.with_timezone(&Utc), s.start, "{name}: {start}");
            assert_eq!(
                printed.format("%Y-%m-%d %H:%M").to_string(),
                s.local,
                "{name}: {start}"
            );
        }
    }
}

#[test]
fn the_screen_shows_each_live_session_with_its_own_people() {
    for name in FIXTURES {
        let agenda = load(name);
        for s in seen(&agenda) {
            let mut app = App::new(agenda.clone(), s.start + TimeDelta::minutes(1));
            app.update(Action::Resize {
                width: 120,
                height: 40,
            });
            let screen = text(&render(&app));
            let time = &s.local[11..];
            let row = screen
                .lines()
                .find(|l| l.contains(&format!("{time}-")) && l.contains(&s.title))
                .unwrap_or_else(|| panic!("{name}: no row {time} {}:\n{screen}", s.title));
            assert!(
                row.contains('●'),
                "{name}: {} is not shown live:\n{screen}",
                s.title
            );
            assert!(
                screen.contains(&format!("● LIVE {}", s.title)),
                "{name}:\n{screen}"
            );
            // The session pane (right of the programme) lists its people.
            let pane: String = screen
                .lines()
                .map(|l| l.chars().skip(54).collect::<String>() + "\n")
                .collect();
            assert!(
                pane.contains(&format!("People · {}", s.people.len())),
                "{name}:\n{screen}"
            );
            for (_, who, _) in &s.people {
                assert!(
                    pane.contains(who.as_str()),
                    "{name}: {who} in {}:\n{screen}",
                    s.title
                );
            }
        }
    }
}

#[test]
fn a_note_naming_merged_people_names_them_after_the_file_changes() {
    let home = Home::new();
    let file = home.path().join("merged.json");
    let original = std::fs::read_to_string(fixture("schedule-json/merged-ids.json")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let agenda = load_file(&file, &Limits::default()).unwrap().agenda;
    // The Grace Hopper of the assembly (not the main programme's) and the
    // assembly's Margaret Hamilton (id 0 in the file).
    let session = agenda
        .sessions
        .iter()
        .find(|s| &*s.title == "Assembly two")
        .unwrap();
    let ids: Vec<String> = session
        .participants
        .iter()
        .map(|p| agenda.person(p).id.to_string())
        .collect();
    assert!(ids.iter().any(|i| i.starts_with("grace-hopper")), "{ids:?}");
    let db = home.state_dir().join("dais").join(dais::store::FILE_NAME);
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let key = dais::commands::open::key(&dais::source::Source::File(file.clone()), &agenda);
    let mut store = dais::store::Store::open(&db);
    let note = dais::notes::NewNote {
        session: session.id.to_string(),
        session_title: session.title.to_string(),
        at: session.start(),
        text: "asked about the compiler".to_owned(),
        messages: Vec::new(),
        people: ids.clone(),
    };
    store
        .apply(&key, &dais::store::Change::AddNote(note))
        .unwrap();
    drop(store);
    let path = file.to_str().unwrap();
    let before = home.dais(&["notes", path, "--format", "text"]);
    assert_eq!(before.code, 0, "{before:?}");
    // Another source renumbers its people and a talk moves: a reload.
    let edited = original
        .replace(
            r#""id": 0, "public_name": "Margaret"#,
            r#""id": 4, "public_name": "Margaret"#,
        )
        .replace("2030-12-27T12:00:00+01:00", "2030-12-27T12:30:00+01:00");
    assert_ne!(edited, original);
    std::fs::write(&file, edited).unwrap();
    let again = load_file(&file, &Limits::default()).unwrap().agenda;
    let session = again
        .sessions
        .iter()
        .find(|s| &*s.title == "Assembly two")
        .unwrap();
    let now_ids: Vec<String> = session
        .participants
        .iter()
        .map(|p| again.person(p).id.to_string())
        .collect();
    assert_eq!(now_ids, ids, "the people's ids survive the edit");
    let after = home.dais(&["notes", path, "--format", "text"]);
    assert_eq!(after.code, 0, "{after:?}");
    assert_eq!(after.stdout, before.stdout);
    let names: Vec<String> = session
        .participants
        .iter()
        .map(|p| again.person(p).display_name())
        .collect();
    for n in &names {
        assert!(after.stdout.contains(n.as_str()), "{n}:\n{}", after.stdout);
    }
}
