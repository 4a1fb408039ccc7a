//! Marks, settings and the version seen, on real SQLite files in
//! temporary directories.

use super::*;

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
