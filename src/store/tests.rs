//! The store on real SQLite files in temporary directories.

use super::*;
use rusqlite::params;

mod marks_and_seen;

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
