//! Notes in the store: each a row of its agenda, kept when its session
//! leaves the agenda; and the draft, the note being typed when dais last
//! stopped (one per agenda).

use super::id::{self, AgendaId, AgendaKey};
use crate::notes::{NewNote, Note};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

/// The longest text a note (or the draft) may hold; a longer one is
/// damage and is skipped when read.
pub const MAX_TEXT: usize = 64 * 1024;

/// The most links a note may hold of each kind.
pub const MAX_LINKS: usize = 256;

/// The agenda's notes in time order. A row that does not read is
/// skipped and noted in `skipped` (and left in the file).
pub fn read(
    conn: &Connection,
    agenda: AgendaId,
    skipped: &mut Vec<String>,
) -> rusqlite::Result<Vec<Note>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, session, session_title, at, text, links FROM note
         WHERE agenda = ?1 ORDER BY at, id",
    )?;
    let mut rows = stmt.query([agenda.0])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        match note(row, id) {
            Ok(n) => out.push(n),
            Err(why) => skipped.push(format!("skipped note row {id}: {why}")),
        }
    }
    Ok(out)
}

fn note(row: &rusqlite::Row<'_>, id: i64) -> Result<Note, String> {
    let text = |i: usize| row.get::<_, String>(i).map_err(|e| e.to_string());
    let session = text(1)?;
    // Untrusted as any file is: nothing reaches the terminal unclean.
    let session_title = crate::sanitize::clean_owned(text(2)?, crate::sanitize::Lines::Single);
    let secs: i64 = row.get(3).map_err(|e| e.to_string())?;
    let at = stamp(secs).ok_or(format!("the stamp {secs} is not a time"))?;
    let body = crate::sanitize::clean_owned(text(4)?, crate::sanitize::Lines::Single);
    if body.len() > MAX_TEXT || session.len() > MAX_TEXT || session_title.len() > MAX_TEXT {
        return Err(format!("longer than {MAX_TEXT} bytes"));
    }
    let (messages, people) = links(&text(5)?)?;
    Ok(Note {
        id,
        session,
        session_title,
        at,
        text: body,
        messages,
        people,
    })
}

/// A stamp in Unix seconds, if it is a time dais can show.
pub fn stamp(secs: i64) -> Option<DateTime<Utc>> {
    // Years 1..=9999: beyond them chrono's formatting is no longer a
    // plain date.
    const MIN: i64 = -62_135_596_800;
    const MAX: i64 = 253_402_300_799;
    (MIN..=MAX)
        .contains(&secs)
        .then(|| DateTime::from_timestamp(secs, 0))
        .flatten()
}

/// `links` as written in a row: the key message ids and the person ids.
fn links(json: &str) -> Result<(Vec<String>, Vec<String>), String> {
    let v: Value = serde_json::from_str(json).map_err(|e| format!("links: {e}"))?;
    let ids = |key: &str| -> Result<Vec<String>, String> {
        match v.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(a)) if a.len() <= MAX_LINKS => a
                .iter()
                .map(|x| match x {
                    Value::String(s) if s.len() <= MAX_TEXT => Ok(s.clone()),
                    _ => Err(format!("links.{key}: expected a list of ids")),
                })
                .collect(),
            Some(_) => Err(format!("links.{key}: expected a list of ids")),
        }
    };
    Ok((ids("messages")?, ids("people")?))
}

/// Adds `note` to the agenda (an import, or [`add`]).
pub fn insert(conn: &Connection, agenda: AgendaId, note: &NewNote) -> rusqlite::Result<()> {
    let links = json!({ "messages": note.messages, "people": note.people }).to_string();
    conn.execute(
        "INSERT INTO note (agenda, session, session_title, at, text, links)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            agenda.0,
            note.session,
            note.session_title,
            note.at.timestamp(),
            note.text,
            links
        ],
    )?;
    Ok(())
}

/// Whether the agenda has a note on the same session with the same stamp
/// and text (an import adds it only once).
pub fn has(conn: &Connection, agenda: AgendaId, note: &NewNote) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT 1 FROM note WHERE agenda = ?1 AND session = ?2 AND at = ?3 AND text = ?4",
        params![agenda.0, note.session, note.at.timestamp(), note.text],
        |_| Ok(()),
    )
    .optional()
    .map(|x| x.is_some())
}

/// Adds `note` inside a write transaction; returns the agenda's notes
/// after it (other windows' included).
pub fn add(conn: &Connection, key: &AgendaKey, note: &NewNote) -> rusqlite::Result<Vec<Note>> {
    let agenda = id::find_or_make(conn, key)?;
    insert(conn, agenda, note)?;
    read(conn, agenda, &mut Vec::new())
}

/// Replaces the notes on `session` with `notes` (what the editor saved),
/// inside a write transaction; returns the agenda's notes after it.
/// Rows that do not read stay: they were never shown, so the user did
/// not ask for them to go.
pub fn replace(
    conn: &Connection,
    key: &AgendaKey,
    session: &str,
    notes: &[NewNote],
) -> rusqlite::Result<Vec<Note>> {
    let agenda = id::find_or_make(conn, key)?;
    let shown: Vec<i64> = read(conn, agenda, &mut Vec::new())?
        .into_iter()
        .filter(|n| n.session == session)
        .map(|n| n.id)
        .collect();
    for id in shown {
        conn.execute(
            "DELETE FROM note WHERE id = ?1 AND agenda = ?2",
            params![id, agenda.0],
        )?;
    }
    for n in notes {
        insert(conn, agenda, n)?;
    }
    read(conn, agenda, &mut Vec::new())
}

/// The agenda's draft, if one is kept (a row that does not read is
/// noted and taken as none).
pub fn draft(
    conn: &Connection,
    agenda: AgendaId,
    skipped: &mut Vec<String>,
) -> rusqlite::Result<Option<String>> {
    let got = conn
        .query_row(
            "SELECT text FROM draft WHERE agenda = ?1",
            [agenda.0],
            |r| Ok(r.get::<_, String>(0)),
        )
        .optional()?;
    Ok(match got {
        None => None,
        Some(Ok(t)) if t.len() <= MAX_TEXT => Some(t),
        Some(Ok(_)) => {
            skipped.push(format!("skipped the draft: longer than {MAX_TEXT} bytes"));
            None
        }
        Some(Err(e)) => {
            skipped.push(format!("skipped the draft: {e}"));
            None
        }
    })
}

/// Keeps `text` as the agenda's draft, or (`None`) drops it, inside a
/// write transaction.
pub fn put_draft(conn: &Connection, key: &AgendaKey, text: Option<&str>) -> rusqlite::Result<()> {
    match text {
        Some(t) => {
            let agenda = id::find_or_make(conn, key)?;
            conn.execute(
                "INSERT INTO draft (agenda, text) VALUES (?1, ?2)
                 ON CONFLICT (agenda) DO UPDATE SET text = excluded.text",
                params![agenda.0, t],
            )?;
        }
        // Clearing makes no agenda row.
        None => {
            if let Some(agenda) = id::find(conn, key)?.id() {
                conn.execute("DELETE FROM draft WHERE agenda = ?1", [agenda.0])?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
