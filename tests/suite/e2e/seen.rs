//! What changed since the user last looked, in the real binary, for a
//! local file: changed while dais was closed, the next start says so; and
//! the whole copy an earlier dais kept is read and turned into a digest.

#![cfg(unix)]

use crate::support::harness::Home;
use crate::support::pty::{Dais, Spawn};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const HEARING: &str = include_str!("../../../data/hearing-2017-06-23.json");

fn moved() -> String {
    HEARING.replacen("\"start\": \"15:00\"", "\"start\": \"15:15\"", 1)
}

fn spawn_in(home: &Home, file: &Path) -> Dais {
    Dais::start(&Spawn {
        home: home.clone(),
        ..Spawn::dais(&[file.to_str().unwrap()])
    })
}

fn db(home: &Home) -> PathBuf {
    home.state_dir().join("dais").join(dais::store::FILE_NAME)
}

/// The rows of `table` in the state database, once it has `want` (the
/// seen worker answers in its own time), or what it has after 30 s.
fn rows(home: &Home, table: &str, want: i64) -> i64 {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let n = rusqlite::Connection::open(db(home))
            .and_then(|c| c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)))
            .unwrap_or(-1);
        if n == want || Instant::now() > deadline {
            return n;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_file_changed_while_dais_was_closed_is_bannered_at_the_next_start() {
    let home = &Home::new();
    let file = home.path().join("hearing.json");
    std::fs::write(&file, HEARING).unwrap();
    let mut d = spawn_in(home, &file);
    d.wait_for("┏ Programme · 7 sessions");
    // The first version is kept as seen (its digest, written by the
    // worker's answer) before dais is closed.
    assert_eq!(rows(home, "seen_digest", 1), 1);
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    std::fs::write(&file, moved()).unwrap();
    let mut d = spawn_in(home, &file);
    d.wait_for("Changed since you last looked: 1 moved · c shows them");
    d.send("c");
    d.wait_for("Changes since you last looked · 1 moved");
    d.wait_for("~ Panel 3 moved from 15:00 to 15:15");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    // Looked at: the next start has nothing to say.
    let mut d = spawn_in(home, &file);
    d.wait_for("┏ Programme · 7 sessions");
    d.send("c");
    d.wait_for("Nothing changed since you last looked.");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
}

#[test]
fn the_whole_copy_an_earlier_dais_kept_is_told_and_replaced_by_a_digest() {
    let home = &Home::new();
    let file = home.path().join("hearing.json");
    std::fs::write(&file, moved()).unwrap();
    // The state database as dais left it at schema version 4, the version
    // seen a whole dais/1 copy of the hearing before the move.
    let old = dais::load::load_bytes(
        "old.json",
        HEARING.as_bytes(),
        &dais::load::Limits::default(),
    )
    .unwrap()
    .agenda;
    let key = dais::commands::open::key(&dais::source::Source::File(file.clone()), &old);
    std::fs::create_dir_all(db(home).parent().unwrap()).unwrap();
    let conn = rusqlite::Connection::open(db(home)).unwrap();
    for sql in &dais::store::schema::MIGRATIONS[..4] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", 4).unwrap();
    conn.execute(
        "INSERT INTO agenda (id, source, meeting) VALUES (1, ?1, ?2)",
        rusqlite::params![key.source, key.meeting],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO seen (agenda, view, version) VALUES (1, '', ?1)",
        [dais::write::to_json(&old)],
    )
    .unwrap();
    drop(conn);
    let mut d = spawn_in(home, &file);
    d.wait_for("Changed since you last looked: 1 moved · c shows them");
    // Turned into a digest of the same version, the whole copy deleted.
    assert_eq!(rows(home, "seen_digest", 1), 1);
    assert_eq!(rows(home, "seen", 0), 0);
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    let mut d = spawn_in(home, &file);
    d.wait_for("Changed since you last looked: 1 moved · c shows them");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
}
