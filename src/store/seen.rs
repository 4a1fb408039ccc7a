//! The version of each agenda view the user last looked at, so the screen
//! can say what changed since: the agenda as it was shown, kept whole as
//! normalized dais/1 JSON (a session's old time or title is needed to say
//! it moved or was renamed, not just that it changed).
//!
//! It is not in backups (`dais state export`): it is not the user's own
//! work, only what they saw, and it is as big as the agenda.

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
    /// The agenda as shown, as dais/1 JSON.
    pub version: String,
}

/// The version of the agenda view last seen, if one was kept. One that
/// does not read, or is larger than [`MAX_BYTES`], is skipped and noted.
pub fn version(
    conn: &Connection,
    agenda: AgendaId,
    view: &str,
    skipped: &mut Vec<String>,
) -> rusqlite::Result<Option<String>> {
    let row = conn
        .query_row(
            "SELECT length(version), version FROM seen WHERE agenda = ?1 AND view = ?2",
            params![agenda.0, view],
            |r| {
                let len: i64 = r.get(0)?;
                if usize::try_from(len).map_or(true, |n| n > MAX_BYTES) {
                    return Ok(Err(format!("skipped the version last seen: {len} bytes")));
                }
                Ok(r.get::<_, String>(1)
                    .map_err(|e| format!("skipped the version last seen: {e}")))
            },
        )
        .optional()?;
    match row {
        Some(Ok(v)) => Ok(Some(v)),
        Some(Err(why)) => {
            skipped.push(why);
            Ok(None)
        }
        None => Ok(None),
    }
}

/// Keeps `seen` as the version last seen, inside a write transaction.
pub fn mark(conn: &Connection, key: &AgendaKey, seen: &Seen) -> rusqlite::Result<()> {
    let agenda = id::find_or_make(conn, key)?;
    conn.execute(
        "INSERT INTO seen (agenda, view, version) VALUES (?1, ?2, ?3)
         ON CONFLICT (agenda, view) DO UPDATE SET version = excluded.version",
        params![agenda.0, seen.view, seen.version],
    )?;
    Ok(())
}
