//! The version of each agenda view the user last looked at, so the screen
//! can say what changed since: kept as a digest of it
//! ([`crate::agenda::digest`]: per session what the change detector
//! compares, and a hash of the rest), written by the seen worker.
//!
//! Earlier versions kept the whole agenda as normalized dais/1 JSON (table
//! `seen`). Such a row is still read ([`Kept::Whole`]) while its view has
//! no digest; the screen turns it into a digest and writes that, which
//! deletes the row in the same transaction.
//!
//! It is not in backups (`dais state export`): it is not the user's own
//! work, only what they saw.

use super::id::{self, AgendaId, AgendaKey};
use rusqlite::{Connection, OptionalExtension, params};

/// The largest version kept, in bytes: beyond it (a damaged row) it is
/// skipped as if there were none.
pub const MAX_BYTES: usize = 256 * 1024 * 1024;

/// Marking a version as seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// `""` for the whole agenda, else the view's label.
    pub view: String,
    /// The digest of the agenda as shown ([`crate::agenda::digest::Digest::encode`]).
    pub digest: Vec<u8>,
}

/// The version last seen, as the store kept it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// A digest.
    Digest(Vec<u8>),
    /// The whole agenda as dais/1 JSON, as dais kept it before digests.
    Whole(String),
}

/// The version of the agenda view last seen, if one was kept: its digest,
/// else a whole copy of the earlier kind. One that does not read, or is
/// larger than [`MAX_BYTES`], is skipped and noted.
pub fn version(
    conn: &Connection,
    agenda: AgendaId,
    view: &str,
    skipped: &mut Vec<String>,
) -> rusqlite::Result<Option<Kept>> {
    let digest = read(
        conn,
        "SELECT length(digest), digest FROM seen_digest WHERE agenda = ?1 AND view = ?2",
        (agenda, view),
        |r| r.get::<_, Vec<u8>>(1).map(Kept::Digest),
    )?;
    let kept = match digest {
        Some(Ok(d)) => return Ok(Some(d)),
        // Unreadable: the whole copy, if one is left, is older but reads.
        Some(Err(why)) => {
            skipped.push(why);
            None
        }
        None => None,
    };
    let whole = read(
        conn,
        "SELECT length(version), version FROM seen WHERE agenda = ?1 AND view = ?2",
        (agenda, view),
        |r| r.get::<_, String>(1).map(Kept::Whole),
    )?;
    match whole {
        Some(Ok(v)) => Ok(Some(v)),
        Some(Err(why)) => {
            skipped.push(why);
            Ok(kept)
        }
        None => Ok(kept),
    }
}

/// One row's value, `Err` saying why it was skipped.
fn read(
    conn: &Connection,
    sql: &str,
    (agenda, view): (AgendaId, &str),
    get: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<Kept>,
) -> rusqlite::Result<Option<Result<Kept, String>>> {
    conn.query_row(sql, params![agenda.0, view], |r| {
        let len: i64 = r.get(0)?;
        if usize::try_from(len).map_or(true, |n| n > MAX_BYTES) {
            return Ok(Err(format!("skipped the version last seen: {len} bytes")));
        }
        Ok(get(r).map_err(|e| format!("skipped the version last seen: {e}")))
    })
    .optional()
}

/// Keeps `seen` as the version last seen, inside a write transaction: its
/// digest replaces the one kept, and a whole copy of the earlier kind.
pub fn mark(conn: &Connection, key: &AgendaKey, seen: &Seen) -> rusqlite::Result<()> {
    let agenda = id::find_or_make(conn, key)?;
    conn.execute(
        "INSERT INTO seen_digest (agenda, view, digest) VALUES (?1, ?2, ?3)
         ON CONFLICT (agenda, view) DO UPDATE SET digest = excluded.digest",
        params![agenda.0, seen.view, seen.digest],
    )?;
    conn.execute(
        "DELETE FROM seen WHERE agenda = ?1 AND view = ?2",
        params![agenda.0, seen.view],
    )?;
    Ok(())
}
