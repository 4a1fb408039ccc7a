//! The store on real SQLite files in temporary directories.

use super::*;
use rusqlite::params;

fn key(source: &str) -> AgendaKey {
    AgendaKey::new(Some(source.to_owned()), "2017-06-23 UTC Hearing")
}

fn add(view: &str, session: &str, minutes: i64) -> Change {
    Change::Shift(ShiftChange::Add {
        view: view.into(),
        session: session.into(),
        minutes,
    })
}

fn steps(pairs: &[(&str, i64)]) -> Vec<(String, i64)> {
    pairs.iter().map(|&(s, m)| (s.to_owned(), m)).collect()
}

fn db(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("state").join("dais").join(FILE_NAME)
}

#[test]
fn shifts_are_kept_per_agenda_and_view_and_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut store = Store::open(&path);
    assert_eq!(store.problems(), [] as [String; 0]);
    assert_eq!(store.read_only(), None);
    assert_eq!(
        store.apply(&key("/a"), &add("", "p1", 5)),
        Ok(Stored::Shift(steps(&[("p1", 5)])))
    );
    store.apply(&key("/a"), &add("", "p1", 5)).unwrap();
    store.apply(&key("/a"), &add("room B", "p2", -5)).unwrap();
    store.apply(&key("/b"), &add("", "x", 15)).unwrap();
    drop(store);
    let mut store = Store::open(&path);
    assert_eq!(store.shift(&key("/a"), ""), steps(&[("p1", 10)]));
    assert_eq!(store.shift(&key("/a"), "room B"), steps(&[("p2", -5)]));
    assert_eq!(store.shift(&key("/b"), ""), steps(&[("x", 15)]));
    assert_eq!(store.shift(&key("/c"), ""), steps(&[]));
    // Back to zero removes the step; clearing removes the view's steps.
    store.apply(&key("/a"), &add("", "p1", -10)).unwrap();
    assert_eq!(store.shift(&key("/a"), ""), steps(&[]));
    let clear = Change::Shift(ShiftChange::Clear {
        view: "room B".into(),
    });
    assert_eq!(store.apply(&key("/a"), &clear), Ok(Stored::Shift(vec![])));
    assert_eq!(store.shift(&key("/b"), ""), steps(&[("x", 15)]));
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_delay_past_a_year_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(db(&dir));
    store.apply(&key("/a"), &add("", "p1", 5)).unwrap();
    for huge in [i64::MAX, shift::MAX_MINUTES] {
        let err = store.apply(&key("/a"), &add("", "p1", huge)).unwrap_err();
        assert!(err.contains("pass a year"), "{err}");
    }
    assert_eq!(store.shift(&key("/a"), ""), steps(&[("p1", 5)]));
}

#[test]
fn two_windows_add_up_and_each_sees_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut one = Store::open(&path);
    let mut two = Store::open(&path);
    one.apply(&key("/a"), &add("", "p1", 5)).unwrap();
    let got = two.apply(&key("/a"), &add("", "p2", 5)).unwrap();
    assert_eq!(got, Stored::Shift(steps(&[("p1", 5), ("p2", 5)])));
    let got = one.apply(&key("/a"), &add("", "p1", 5)).unwrap();
    assert_eq!(got, Stored::Shift(steps(&[("p1", 10), ("p2", 5)])));
    // Each learns of the other's commits, not of its own.
    assert!(two.changed_elsewhere());
    assert!(!two.changed_elsewhere());
    two.apply(&key("/a"), &add("", "p2", 5)).unwrap();
    assert!(!two.changed_elsewhere());
    assert!(one.changed_elsewhere());
}

#[test]
fn a_bad_row_is_skipped_with_a_warning_and_never_erased() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut store = Store::open(&path);
    store.apply(&key("/a"), &add("", "good", 5)).unwrap();
    // Damage as another program might leave it: a delay past any sense.
    store
        .conn
        .execute(
            "INSERT INTO shift (agenda, view, session, minutes) VALUES (1, '', 'bad', ?1)",
            params![i64::MAX],
        )
        .unwrap();
    drop(store);
    let mut store = Store::open(&path);
    assert_eq!(store.shift(&key("/a"), ""), steps(&[("good", 5)]));
    let problems = store.take_problems();
    assert!(
        problems.len() == 1 && problems[0].contains(FILE_NAME) && problems[0].contains("skipped"),
        "{problems:?}"
    );
    store.apply(&key("/a"), &add("", "other", 5)).unwrap();
    let clear = Change::Shift(ShiftChange::Clear {
        view: String::new(),
    });
    store.apply(&key("/a"), &clear).unwrap();
    let left: i64 = store
        .conn
        .query_row("SELECT minutes FROM shift WHERE session = 'bad'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(left, i64::MAX, "the bad row is still there");
}

#[test]
fn a_corrupt_file_is_read_as_far_as_it_goes_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let garbage = b"SQLite format 3\0 but not really, and then some".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    let mut store = Store::open(&path);
    let why = store.read_only().expect("not saved").to_owned();
    assert!(why.contains(FILE_NAME) && why.contains("damaged"), "{why}");
    assert!(
        store.problems()[0].contains("saves nothing there"),
        "{:?}",
        store.problems()
    );
    // dais goes on: the change holds in memory, and says it is not saved.
    let err = store.apply(&key("/a"), &add("", "p1", 5)).unwrap_err();
    assert!(
        err.contains("not saved") && err.contains("damaged"),
        "{err}"
    );
    assert_eq!(store.shift(&key("/a"), ""), steps(&[("p1", 5)]));
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}

#[test]
fn a_damaged_page_loses_only_what_is_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut store = Store::open(&path);
    for i in 0..400 {
        store
            .apply(
                &key("/a"),
                &add("", &format!("session-{i:04}-{}", "x".repeat(40)), 5),
            )
            .unwrap();
    }
    drop(store);
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    assert!(bytes.len() > 6 * page, "{} bytes", bytes.len());
    // Scribble over the last page: the first rows still read.
    let last = bytes.len() - page;
    bytes[last..].fill(0xA5);
    std::fs::write(&path, &bytes).unwrap();
    let mut store = Store::open(&path);
    assert!(store.read_only().is_some());
    let got = store.shift(&key("/a"), "");
    assert!(!got.is_empty() && got.len() < 400, "{} steps", got.len());
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "never written");
}

#[test]
fn a_file_from_a_newer_dais_is_read_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut store = Store::open(&path);
    store.apply(&key("/a"), &add("", "p1", 5)).unwrap();
    store
        .conn
        .pragma_update(None, "user_version", schema::version() + 1)
        .unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let mut store = Store::open(&path);
    let why = store.read_only().unwrap().to_owned();
    assert!(why.contains("newer dais"), "{why}");
    assert_eq!(store.shift(&key("/a"), ""), steps(&[("p1", 5)]));
    assert!(store.apply(&key("/a"), &add("", "p1", 5)).is_err());
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn another_programs_database_is_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("CREATE TABLE notes (x TEXT)").unwrap();
    drop(other);
    let before = std::fs::read(&path).unwrap();
    let store = Store::open(&path);
    assert!(store.read_only().unwrap().contains("not a dais database"));
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_directory_in_the_way_is_a_problem_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    std::fs::create_dir_all(&path).unwrap();
    let mut store = Store::open(&path);
    assert!(
        store.problems()[0].contains("a directory"),
        "{:?}",
        store.problems()
    );
    assert!(store.apply(&key("/a"), &add("", "p1", 5)).is_err());
    // The parent is a file: the directory cannot be made.
    let blocked = dir.path().join("file");
    std::fs::write(&blocked, "").unwrap();
    let store = Store::open(blocked.join("dais").join(FILE_NAME));
    assert!(
        store.problems()[0].contains("Not a directory"),
        "{:?}",
        store.problems()
    );
}

#[test]
fn state_json_is_migrated_once_then_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let old = path.with_file_name("state.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let meeting = "2017-06-23 UTC Hearing";
    let text = format!(
        r#"{{"version":1,"agendas":{{"{meeting}":{{"shift":[["p1",10],["p3",-5]]}},
           "{meeting} · room B":{{"shift":[["p2",5]]}}}}}}"#
    );
    std::fs::write(&old, &text).unwrap();
    let mut store = Store::open_existing(&path);
    assert_eq!(store.problems(), [] as [String; 0]);
    assert!(!old.exists());
    assert_eq!(
        std::fs::read_to_string(old.with_file_name("state.json.migrated")).unwrap(),
        text
    );
    // Found by the meeting, then kept by the file's place.
    assert_eq!(
        store.shift(&key("/h.json"), ""),
        steps(&[("p1", 10), ("p3", -5)])
    );
    store.apply(&key("/h.json"), &add("", "p1", 5)).unwrap();
    assert_eq!(store.shift(&key("/h.json"), "room B"), steps(&[("p2", 5)]));
    // A state.json put back is migrated again, merging, nothing doubled.
    std::fs::write(&old, &text).unwrap();
    drop(store);
    let mut store = Store::open(&path);
    let placeless = AgendaKey::new(None, meeting);
    assert_eq!(
        store.shift(&placeless, ""),
        steps(&[("p1", 10), ("p3", -5)])
    );
    assert_eq!(
        store.shift(&key("/h.json"), ""),
        steps(&[("p1", 15), ("p3", -5)])
    );
}

#[test]
fn a_state_json_that_does_not_read_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let old = path.with_file_name("state.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&old, "{ not json").unwrap();
    let store = Store::open(&path);
    let p = store.problems().join("\n");
    assert!(
        p.contains("state.json") && p.contains("not migrated"),
        "{p}"
    );
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "{ not json");
}

#[test]
fn export_then_import_round_trips_and_import_merges() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Store::open(db(&dir));
    a.apply(&key("/a"), &add("", "p1", 5)).unwrap();
    a.apply(&key("/a"), &add("room B", "p2", 10)).unwrap();
    a.apply(&AgendaKey::new(None, "piped"), &add("", "s", -5))
        .unwrap();
    let json = backup::export(&mut a);
    let mut skipped = Vec::new();
    let parsed = backup::parse(json.as_bytes(), &mut skipped).unwrap();
    assert_eq!(skipped, [] as [String; 0]);
    let mut b = Store::in_memory();
    b.apply(&key("/a"), &add("", "kept", 1)).unwrap();
    b.apply(&key("/a"), &add("", "p1", 1)).unwrap();
    let done = backup::import(&mut b, &parsed).unwrap();
    assert_eq!((done.agendas, done.shift), (2, 3));
    assert_eq!(b.shift(&key("/a"), ""), steps(&[("kept", 1), ("p1", 5)]));
    assert_eq!(b.shift(&key("/a"), "room B"), steps(&[("p2", 10)]));
    assert_eq!(
        b.shift(&AgendaKey::new(None, "piped"), ""),
        steps(&[("s", -5)])
    );
}

#[test]
fn a_bad_backup_row_is_skipped_by_its_path() {
    let mut skipped = Vec::new();
    let got = backup::parse(
        br#"{"dais_state":1,"agendas":[
            {"source":null,"meeting":"m","shift":[
                {"view":"","session":"a","minutes":5},
                {"view":"","session":"b","minutes":"5"},
                {"view":"","session":"c","minutes":1e300}]},
            {"meeting":7},
            {"meeting":"n","extra":1}]}"#,
        &mut skipped,
    )
    .unwrap();
    assert_eq!(got.agendas.len(), 2);
    assert_eq!(got.agendas[0].shift, [(String::new(), "a".into(), 5)]);
    assert_eq!(skipped.len(), 4, "{skipped:?}");
    assert!(
        skipped[0].starts_with("agendas[0].shift[1].minutes"),
        "{skipped:?}"
    );
    assert!(skipped[2].starts_with("agendas[1]: meeting"), "{skipped:?}");
    assert!(skipped[3].contains("\"extra\": unknown key"), "{skipped:?}");
    let err = backup::parse(b"{\"dais_state\":1,\n \"agendas\": [}", &mut skipped).unwrap_err();
    assert!(err.starts_with("2:"), "{err}");
    let err = backup::parse(br#"{"dais_state":2,"agendas":[]}"#, &mut skipped).unwrap_err();
    assert!(err.contains("newer dais"), "{err}");
}

fn star(session: &str, on: bool) -> Change {
    Change::Mark {
        session: session.into(),
        mark: crate::agenda::Mark::Star,
        on,
    }
}

#[test]
fn marks_from_two_windows_add_up_and_each_sees_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut one = Store::open(&path);
    let mut two = Store::open(&path);
    assert!(!one.changed_elsewhere(), "the first look sets the baseline");
    assert!(!two.changed_elsewhere());
    one.apply(&key("/a"), &star("panel-3", true)).unwrap();
    assert!(two.changed_elsewhere(), "window two sees window one's star");
    assert!(!one.changed_elsewhere(), "its own write is not news");
    let Ok(Stored::Marks(after)) = two.apply(&key("/a"), &star("panel-4", true)) else {
        panic!("saved")
    };
    // What the store returns includes the other window's star.
    assert!(after.is_starred("panel-3") && after.is_starred("panel-4"));
    assert_eq!(one.marks(&key("/a")), after);
    // Marks are per agenda.
    assert!(one.marks(&key("/b")).is_empty());
    one.apply(&key("/a"), &star("panel-3", false)).unwrap();
    let hide = Change::Mark {
        session: "opening".into(),
        mark: crate::agenda::Mark::Hide,
        on: true,
    };
    one.apply(&key("/a"), &hide).unwrap();
    drop((one, two));
    let mut again = Store::open(&path);
    let m = again.marks(&key("/a"));
    assert!(!m.is_starred("panel-3") && m.is_starred("panel-4") && m.is_hidden("opening"));
}

#[test]
fn settings_are_kept_per_agenda_and_a_bad_mark_row_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut store = Store::open(&path);
    let zone = Change::Setting {
        name: "zone".into(),
        value: "viewer".into(),
    };
    assert_eq!(store.apply(&key("/a"), &zone), Ok(Stored::Setting));
    assert_eq!(store.setting(&key("/a"), "zone").as_deref(), Some("viewer"));
    assert_eq!(store.setting(&key("/b"), "zone"), None);
    store.apply(&key("/a"), &star("p1", true)).unwrap();
    store
        .conn
        .execute(
            "INSERT INTO mark (agenda, session, mark) VALUES (1, 'p2', 'maybe')",
            params![],
        )
        .unwrap();
    let m = store.marks(&key("/a"));
    assert!(m.is_starred("p1") && !m.is_starred("p2"));
    assert!(
        store
            .problems()
            .iter()
            .any(|p| p.contains("skipped mark row") && p.contains("\"maybe\"")),
        "{:?}",
        store.problems()
    );
    // The next save leaves the row it could not read alone.
    store.apply(&key("/a"), &star("p3", true)).unwrap();
    let left: i64 = store
        .conn
        .query_row("SELECT count(*) FROM mark WHERE mark = 'maybe'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(left, 1);
}

#[test]
fn a_backup_carries_marks_and_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(db(&dir));
    store.apply(&key("/a"), &star("panel-3", true)).unwrap();
    store
        .apply(
            &key("/a"),
            &Change::Setting {
                name: "zone".into(),
                value: "viewer".into(),
            },
        )
        .unwrap();
    let json = backup::export(&mut store);
    assert!(json.contains("\"mark\": \"star\""), "{json}");
    let mut skipped = Vec::new();
    let parsed = backup::parse(json.as_bytes(), &mut skipped).unwrap();
    assert_eq!(skipped, [] as [String; 0]);
    let other = tempfile::tempdir().unwrap();
    let mut fresh = Store::open(db(&other));
    let done = backup::import(&mut fresh, &parsed).unwrap();
    assert_eq!((done.marks, done.settings), (1, 1));
    assert!(fresh.marks(&key("/a")).is_starred("panel-3"));
    assert_eq!(fresh.setting(&key("/a"), "zone").as_deref(), Some("viewer"));
}

#[test]
fn the_version_seen_is_kept_per_agenda_view_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dais.sqlite3");
    let mut store = Store::open(&path);
    let k = key("/a");
    assert_eq!(store.seen(&k, ""), None);
    let seen = |view: &str, digest: &[u8]| {
        Change::Seen(crate::store::Seen {
            view: view.into(),
            digest: digest.to_vec(),
        })
    };
    assert_eq!(store.apply(&k, &seen("", b"v1")), Ok(Stored::Seen));
    assert_eq!(store.apply(&k, &seen("room A", b"v9")), Ok(Stored::Seen));
    assert_eq!(store.apply(&k, &seen("", b"v2")), Ok(Stored::Seen));
    drop(store);
    // Committed to the file: another process reads it.
    let mut again = Store::open(&path);
    assert_eq!(again.seen(&k, ""), Some(Kept::Digest(b"v2".to_vec())));
    assert_eq!(again.seen(&k, "room A"), Some(Kept::Digest(b"v9".to_vec())));
    assert_eq!(again.seen(&key("/b"), ""), None);
}

#[test]
fn a_whole_version_seen_kept_by_an_earlier_dais_is_read_until_a_digest_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dais.sqlite3");
    let json = crate::write::to_json(&crate::testing::hearing());
    // A database as dais left it at schema version 4: the seen version a
    // whole dais/1 copy.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in &schema::MIGRATIONS[..4] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 4).unwrap();
        conn.execute(
            "INSERT INTO agenda (id, source, meeting) VALUES (7, '/a', '2017-06-23 UTC Hearing')",
            [],
        )
        .unwrap();
        for view in ["", "room A"] {
            conn.execute(
                "INSERT INTO seen (agenda, view, version) VALUES (7, ?1, ?2)",
                params![view, json],
            )
            .unwrap();
        }
    }
    let k = key("/a");
    let mut store = Store::open(&path);
    assert_eq!(store.problems(), [] as [String; 0]);
    assert_eq!(store.seen(&k, ""), Some(Kept::Whole(json.clone())));
    // Its digest written: read from now on, and the whole copy gone.
    let digest = crate::agenda::digest::Digest::of(&crate::testing::hearing()).encode();
    let change = Change::Seen(crate::store::Seen {
        view: String::new(),
        digest: digest.clone(),
    });
    assert_eq!(store.apply(&k, &change), Ok(Stored::Seen));
    drop(store);
    let mut again = Store::open(&path);
    assert_eq!(again.seen(&k, ""), Some(Kept::Digest(digest)));
    // The other view's whole copy is left until that view is looked at.
    assert_eq!(again.seen(&k, "room A"), Some(Kept::Whole(json)));
    drop(again);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let left: i64 = conn
        .query_row("SELECT count(*) FROM seen", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 1, "only the copy its digest replaced is deleted");
}
