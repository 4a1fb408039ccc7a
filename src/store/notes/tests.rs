//! Notes and the draft on real SQLite files in temporary directories.

use super::super::{AgendaKey, Change, FILE_NAME, Store, Stored, backup, schema};
use crate::notes::{NewNote, Notes};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use std::path::PathBuf;

fn key(source: &str) -> AgendaKey {
    AgendaKey::new(Some(source.to_owned()), "2017-06-23 UTC Hearing")
}

fn db(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("dais").join(FILE_NAME)
}

fn at(minute: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_498_230_000 + minute * 60, 0).unwrap()
}

fn new(session: &str, minute: i64, text: &str) -> NewNote {
    NewNote {
        session: session.into(),
        session_title: format!("Title of {session}"),
        at: at(minute),
        text: text.into(),
        messages: vec!["km-1".into()],
        people: vec!["buck".into(), "sorvino".into()],
    }
}

fn texts(notes: &Notes) -> Vec<&str> {
    notes.all().iter().map(|n| n.text.as_str()).collect()
}

#[test]
fn notes_are_kept_per_agenda_in_time_order_and_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut store = Store::open(&path);
    let got = store
        .apply(&key("/a"), &Change::AddNote(new("p1", 5, "later")))
        .unwrap();
    let Stored::Notes(notes) = got else {
        panic!("{got:?}")
    };
    assert_eq!(texts(&notes), ["later"]);
    store
        .apply(&key("/a"), &Change::AddNote(new("p2", 1, "earlier")))
        .unwrap();
    store
        .apply(&key("/b"), &Change::AddNote(new("p1", 1, "other agenda")))
        .unwrap();
    drop(store);
    let mut store = Store::open(&path);
    let notes = store.notes(&key("/a"));
    assert_eq!(texts(&notes), ["earlier", "later"]);
    assert_eq!(notes.all()[1], {
        let n = new("p1", 5, "later");
        crate::notes::Note {
            id: notes.all()[1].id,
            session: n.session,
            session_title: n.session_title,
            at: n.at,
            text: n.text,
            messages: n.messages,
            people: n.people,
        }
    });
    assert_eq!(texts(&store.notes(&key("/b"))), ["other agenda"]);
    assert!(store.notes(&key("/none")).is_empty());
    assert_eq!(store.problems(), [] as [String; 0]);
}

#[test]
fn replacing_a_sessions_notes_leaves_the_others() {
    let mut store = Store::in_memory();
    for (s, m, t) in [("p1", 1, "a"), ("p2", 2, "b"), ("p1", 3, "c")] {
        store
            .apply(&key("/a"), &Change::AddNote(new(s, m, t)))
            .unwrap();
    }
    let replace = Change::ReplaceNotes {
        session: "p1".into(),
        notes: vec![new("p1", 4, "edited")],
    };
    let Ok(Stored::Notes(notes)) = store.apply(&key("/a"), &replace) else {
        panic!()
    };
    assert_eq!(texts(&notes), ["b", "edited"]);
    // Nothing: the session's notes all go.
    let clear = Change::ReplaceNotes {
        session: "p1".into(),
        notes: vec![],
    };
    store.apply(&key("/a"), &clear).unwrap();
    assert_eq!(texts(&store.notes(&key("/a"))), ["b"]);
}

#[test]
fn two_windows_see_each_others_notes() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut one = Store::open(&path);
    let mut two = Store::open(&path);
    one.apply(&key("/a"), &Change::AddNote(new("p1", 1, "from one")))
        .unwrap();
    assert!(two.changed_elsewhere());
    let got = two
        .apply(&key("/a"), &Change::AddNote(new("p1", 2, "from two")))
        .unwrap();
    assert!(matches!(got, Stored::Notes(n) if texts(&n) == ["from one", "from two"]));
    assert_eq!(texts(&one.notes(&key("/a"))), ["from one", "from two"]);
}

#[test]
fn a_bad_note_row_is_skipped_with_a_warning_and_never_erased() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut store = Store::open(&path);
    store
        .apply(&key("/a"), &Change::AddNote(new("p1", 1, "good")))
        .unwrap();
    for (at, links) in [(1_498_230_000_i64, "not json"), (i64::MAX, "{}")] {
        store
            .conn
            .execute(
                "INSERT INTO note (agenda, session, session_title, at, text, links)
                 VALUES (1, 'p1', 't', ?1, 'bad', ?2)",
                params![at, links],
            )
            .unwrap();
    }
    drop(store);
    let mut store = Store::open(&path);
    assert_eq!(texts(&store.notes(&key("/a"))), ["good"]);
    let problems = store.take_problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems
            .iter()
            .all(|p| p.contains(FILE_NAME) && p.contains("skipped note row"))
    );
    // Replacing the session's notes drops what was shown, not the damage.
    let replace = Change::ReplaceNotes {
        session: "p1".into(),
        notes: vec![],
    };
    store.apply(&key("/a"), &replace).unwrap();
    let left: i64 = store
        .conn
        .query_row("SELECT count(*) FROM note WHERE text = 'bad'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(left, 2, "the bad rows are still there");
}

#[test]
fn the_draft_is_kept_replaced_and_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut store = Store::open(&path);
    // Dropping a draft that is not there makes no agenda row.
    store.apply(&key("/a"), &Change::Draft(None)).unwrap();
    assert_eq!(backup::export(&mut store).matches("\"meeting\"").count(), 0);
    store
        .apply(&key("/a"), &Change::Draft(Some("half a".into())))
        .unwrap();
    assert_eq!(
        store.apply(&key("/a"), &Change::Draft(Some("half a thought".into()))),
        Ok(Stored::Draft)
    );
    drop(store);
    let mut store = Store::open(&path);
    assert_eq!(store.draft(&key("/a")).as_deref(), Some("half a thought"));
    assert_eq!(store.draft(&key("/b")), None);
    store.apply(&key("/a"), &Change::Draft(None)).unwrap();
    assert_eq!(store.draft(&key("/a")), None);
}

#[test]
fn a_database_of_the_previous_version_gains_notes_and_keeps_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    {
        // As the dais before notes left it: three migrations, rows in them.
        let conn = Connection::open(&path).unwrap();
        for sql in &schema::MIGRATIONS[..3] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute_batch(
            "INSERT INTO agenda (source, meeting) VALUES ('/a', '2017-06-23 UTC Hearing');
             INSERT INTO shift (agenda, view, session, minutes) VALUES (1, '', 'p1', 10);
             INSERT INTO mark (agenda, session, mark) VALUES (1, 'p2', 'star');",
        )
        .unwrap();
    }
    let mut store = Store::open(&path);
    assert_eq!(store.problems(), [] as [String; 0]);
    assert_eq!(store.read_only(), None);
    assert_eq!(store.shift(&key("/a"), ""), [("p1".to_owned(), 10)]);
    assert!(store.marks(&key("/a")).is_starred("p2"));
    store
        .apply(&key("/a"), &Change::AddNote(new("p1", 1, "first note")))
        .unwrap();
    drop(store);
    let mut store = Store::open(&path);
    assert_eq!(texts(&store.notes(&key("/a"))), ["first note"]);
    let version: i64 = store
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::version());
}

#[test]
fn a_backup_carries_notes_and_a_second_import_adds_none_twice() {
    let mut a = Store::in_memory();
    a.apply(&key("/a"), &Change::AddNote(new("p1", 1, "one")))
        .unwrap();
    // Its session may since have left the agenda: the note is kept all
    // the same, under the title it was written under.
    a.apply(&key("/a"), &Change::AddNote(new("gone", 2, "two")))
        .unwrap();
    let json = backup::export(&mut a);
    assert!(json.contains("\"at\": \"2017-06-23T15:01:00Z\""), "{json}");
    let mut skipped = Vec::new();
    let parsed = backup::parse(json.as_bytes(), &mut skipped).unwrap();
    assert_eq!(skipped, [] as [String; 0]);
    let mut b = Store::in_memory();
    b.apply(&key("/a"), &Change::AddNote(new("p9", 9, "already here")))
        .unwrap();
    assert_eq!(backup::import(&mut b, &parsed).unwrap().notes, 2);
    assert_eq!(backup::import(&mut b, &parsed).unwrap().notes, 0);
    let notes = b.notes(&key("/a"));
    assert_eq!(texts(&notes), ["one", "two", "already here"]);
    assert_eq!(notes.all()[1].session_title, "Title of gone");
    assert_eq!(notes.all()[1].people, ["buck", "sorvino"]);
}

#[test]
fn a_bad_note_in_a_backup_is_skipped_by_its_path() {
    let mut skipped = Vec::new();
    let got = backup::parse(
        br#"{"dais_state":1,"agendas":[{"source":null,"meeting":"m","notes":[
            {"session":"a","at":"2017-06-23T15:01:00Z","text":"fine"},
            {"session":"a","at":"yesterday","text":"no time"},
            {"session":"a","at":"2017-06-23T15:01:00Z","text":"x","people":[1]}]}]}"#,
        &mut skipped,
    )
    .unwrap();
    let notes = &got.agendas[0].notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].session_title, "a", "the id stands in for a title");
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(
        skipped[0].starts_with("agendas[0].notes[1].at:"),
        "{skipped:?}"
    );
    assert!(
        skipped[1].starts_with("agendas[0].notes[2].people:"),
        "{skipped:?}"
    );
}
