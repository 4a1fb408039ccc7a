//! Opening the database, and what to do when it cannot be used as it is:
//! copy what can be read into memory and leave the file alone.

use super::file::{self, Kind};
use super::migrate::{self, Refused};
use super::{BUSY_TIMEOUT, Store, describe, legacy};
use crate::load::file_name;
use rusqlite::{Connection, OpenFlags};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// Opens the store at `path` (see [`Store::open`]); `create` makes the
/// file if there is none.
pub fn open(path: PathBuf, create: bool) -> Store {
    let name = file_name(&path);
    match file::kind(&path) {
        Err(e) => return memory(path, Some(e)),
        Ok(Kind::Other(what)) => {
            return memory(path, Some(format!("{name} is {what}, not a database")));
        }
        // Nothing to read, unless a state.json waits to be migrated.
        Ok(Kind::Absent) if !create && !legacy::waiting(&path) => return memory(path, None),
        Ok(Kind::Absent) => {
            if let Some(Err(e)) = path.parent().map(std::fs::create_dir_all) {
                let dir = path.parent().unwrap_or(&path);
                let why = format!(
                    "cannot make {}: {}",
                    file_name(dir),
                    crate::load::io_reason(&e)
                );
                return memory(path, Some(why));
            }
        }
        Ok(Kind::Regular) => {}
    }
    let mut store = match writable_soon(&path) {
        Ok(conn) => Store {
            path,
            conn,
            unsaved: None,
            problems: Vec::new(),
            seen: None,
        },
        Err(why) => salvage(path, &why),
    };
    if store.unsaved.is_none() {
        legacy::migrate(&mut store);
    }
    // From here on, another process's commit is news.
    store.changed_elsewhere();
    store
}

/// How often opening is tried again while another process holds the
/// file, and how long between tries (2 s in all).
const OPEN_TRIES: u32 = 40;
const OPEN_PAUSE: std::time::Duration = std::time::Duration::from_millis(50);

/// [`writable`], tried again while SQLite answers "busy". Two windows
/// started together on a new file race to make it: while one turns it to
/// WAL and migrates it, the other's first reads can be refused at once,
/// without waiting in the busy timeout; a moment later the file is ready.
fn writable_soon(path: &Path) -> Result<Connection, Refused> {
    let mut tries = 1;
    loop {
        match writable(path) {
            Err(Refused::Sql(e)) if busy(&e) && tries < OPEN_TRIES => {
                tries += 1;
                std::thread::sleep(OPEN_PAUSE);
            }
            done => return done,
        }
    }
}

fn busy(e: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode as C;
    matches!(
        e.sqlite_error_code(),
        Some(C::DatabaseBusy | C::DatabaseLocked)
    )
}

/// What is wrong with a file, in words.
fn say(why: &Refused) -> String {
    match why {
        Refused::Newer(have, ours) => {
            format!("it was made by a newer dais (schema {have}; this one knows {ours})")
        }
        Refused::Foreign => "it is not a dais database".into(),
        Refused::Sql(e) => describe(e),
    }
}

fn writable(path: &Path) -> Result<Connection, Refused> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
            None,
        )
        .into());
    }
    // Refuse before anything is written: a newer or foreign file stays
    // exactly as it is.
    migrate::check(&conn)?;
    let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            None,
        )
        .into());
    }
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        // Still safe (rollback journal), only slower with two windows.
        conn.pragma_update(None, "synchronous", "FULL")?;
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    migrate::migrate(&mut conn)?;
    Ok(conn)
}

/// A store in memory, saving nothing; `why` says why, if it is a problem.
pub fn memory(path: PathBuf, why: Option<String>) -> Store {
    let mut conn = Connection::open_in_memory().expect("SQLite opens a database in memory");
    migrate::migrate(&mut conn).expect("the migrations run on an empty database");
    let problems = why.iter().cloned().collect();
    Store {
        path,
        conn,
        unsaved: Some(why.unwrap_or_else(|| "there is no state file".into())),
        problems,
        seen: None,
    }
}

/// A store in memory holding what could be read of the file at `path`,
/// which is left as it is.
fn salvage(path: PathBuf, why: &Refused) -> Store {
    let name = file_name(&path);
    let reason = say(why);
    let mut store = memory(
        path,
        Some(format!(
            "{name}: {reason}; dais goes on with what it could read and saves nothing there"
        )),
    );
    store.unsaved = Some(format!("{name}: {reason}"));
    let Some(src) = read_only(&store.path) else {
        return store;
    };
    let mut skipped = Vec::new();
    copy_all(&src, &store.conn, &mut skipped);
    for s in skipped {
        store.note(format!("{name}: {s}"));
    }
    store
}

/// The file opened only to read, if SQLite can read it at all.
fn read_only(path: &Path) -> Option<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).ok()?;
    conn.busy_timeout(BUSY_TIMEOUT).ok()?;
    if conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
        .is_ok()
    {
        return Some(conn);
    }
    // In a read-only directory a WAL file cannot get its index: read the
    // file alone, as it was at its last checkpoint.
    let mut uri = url_path(path);
    uri.push_str("?immutable=1");
    let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI).ok()?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .ok()?;
    Some(conn)
}

fn url_path(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut uri = String::from("file:");
    for b in abs.as_os_str().as_encoded_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(char::from(*b));
            }
            _ => {
                let _ = write!(uri, "%{b:02X}");
            }
        }
    }
    uri
}

/// Copies every row of our tables that reads from `src` to `dst`, which
/// has this dais's schema; a row that does not fit is skipped and noted.
pub fn copy_all(src: &Connection, dst: &Connection, skipped: &mut Vec<String>) {
    let tables: Vec<String> = dst
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rowid")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .unwrap_or_default();
    for table in tables {
        if let Err(e) = copy(src, dst, &table, skipped) {
            skipped.push(format!("could not read table {table}: {}", describe(&e)));
        }
    }
}

fn copy(
    src: &Connection,
    dst: &Connection,
    table: &str,
    skipped: &mut Vec<String>,
) -> rusqlite::Result<()> {
    let cols: Vec<String> = dst
        .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let list = cols.join(", ");
    let marks = vec!["?"; cols.len()].join(", ");
    let mut read = src.prepare(&format!("SELECT {list} FROM {table}"))?;
    let mut write = dst.prepare(&format!(
        "INSERT OR IGNORE INTO {table} ({list}) VALUES ({marks})"
    ))?;
    let mut rows = read.query([])?;
    let mut n = 0usize;
    loop {
        let row = match rows.next() {
            Ok(Some(row)) => row,
            Ok(None) => break,
            Err(e) => {
                skipped.push(format!(
                    "stopped reading table {table} after {n} rows: {}",
                    describe(&e)
                ));
                break;
            }
        };
        n += 1;
        let values: Vec<rusqlite::types::Value> = (0..cols.len())
            .map(|i| row.get(i))
            .collect::<Result<_, _>>()?;
        if let Err(e) = write.execute(rusqlite::params_from_iter(values)) {
            skipped.push(format!("skipped a row of table {table}: {}", describe(&e)));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
