//! Opening a state file another process is making at that moment.

use super::super::schema::{MIGRATIONS, version};
use super::super::{AgendaKey, Change, ShiftChange, Stored, shift};
use super::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

fn key() -> AgendaKey {
    AgendaKey::new(Some("/a".to_owned()), "2017-06-23 UTC Hearing")
}

fn add(session: &str, minutes: i64) -> ShiftChange {
    ShiftChange::Add {
        view: String::new(),
        session: session.into(),
        minutes,
    }
}

/// Another dais holds a brand-new file in its first write transaction
/// (still in the rollback journal: it has not reached WAL yet) and lets
/// go after about half a second. SQLite refuses `PRAGMA journal_mode =
/// WAL` with "busy" at once then, without waiting in the busy timeout;
/// the opener must try again rather than fall back to memory.
#[test]
fn a_file_another_dais_is_making_is_waited_for_not_given_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(super::super::FILE_NAME);
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    for sql in MIGRATIONS {
        other.execute_batch(sql).unwrap();
    }
    other
        .pragma_update(None, "user_version", version())
        .unwrap();
    shift::change(&other, &key(), &add("p1", 5)).unwrap();
    let committed = Arc::new(AtomicBool::new(false));
    let (started, opening) = mpsc::channel();
    let holder = {
        let committed = Arc::clone(&committed);
        std::thread::spawn(move || {
            // Let go only once the opener has started.
            opening.recv().unwrap();
            std::thread::sleep(Duration::from_millis(500));
            committed.store(true, Ordering::SeqCst);
            other.execute_batch("COMMIT").unwrap();
        })
    };
    started.send(()).unwrap();
    let mut store = Store::open(&path);
    assert!(
        committed.load(Ordering::SeqCst),
        "returned before the other let go"
    );
    holder.join().unwrap();
    assert_eq!(store.read_only(), None, "{:?}", store.problems());
    assert_eq!(store.problems(), [] as [String; 0]);
    // The other's change is there, and this one's is saved beside it.
    assert_eq!(store.shift(&key(), ""), [("p1".to_owned(), 5)]);
    let change = Change::Shift(add("p2", 10));
    assert_eq!(
        store.apply(&key(), &change),
        Ok(Stored::Shift(vec![("p1".into(), 5), ("p2".into(), 10)]))
    );
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}
