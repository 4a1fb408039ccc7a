//! My programme in the store: starred and hidden sessions of each agenda
//! (shared by its room/track views), and small per-agenda settings (the
//! zone times are shown in).

use super::id::{self, AgendaId, AgendaKey};
use crate::agenda::{Mark, Marks};
use rusqlite::{Connection, params};

/// The longest value a setting may hold; a longer one is damage.
pub const MAX_SETTING: usize = 1024;

/// The agenda's marks. A row that does not read, or names a mark this
/// dais does not know, is skipped and noted in `skipped` (and left in the
/// file).
pub fn read(
    conn: &Connection,
    agenda: AgendaId,
    skipped: &mut Vec<String>,
) -> rusqlite::Result<Marks> {
    let mut stmt = conn
        .prepare_cached("SELECT rowid, session, mark FROM mark WHERE agenda = ?1 ORDER BY rowid")?;
    let mut rows = stmt.query([agenda.0])?;
    let mut pairs: Vec<(String, Mark)> = Vec::new();
    while let Some(row) = rows.next()? {
        let rowid: i64 = row.get(0)?;
        match (row.get::<_, String>(1), row.get::<_, String>(2)) {
            (Ok(session), Ok(name)) => match Mark::from_name(&name) {
                Some(mark) => pairs.push((session, mark)),
                None => skipped.push(format!(
                    "skipped mark row {rowid}: unknown mark {}",
                    crate::load::quote(&name)
                )),
            },
            (Err(e), _) | (_, Err(e)) => skipped.push(format!("skipped mark row {rowid}: {e}")),
        }
    }
    Ok(Marks::from_pairs(
        pairs.iter().map(|(s, m)| (s.as_str(), *m)),
    ))
}

/// Puts `mark` on `session` or takes it off, inside a write transaction;
/// returns the agenda's marks after it (other windows' included).
pub fn change(
    conn: &Connection,
    key: &AgendaKey,
    session: &str,
    mark: Mark,
    on: bool,
) -> rusqlite::Result<Marks> {
    let agenda = id::find_or_make(conn, key)?;
    set(conn, agenda, session, mark, on)?;
    read(conn, agenda, &mut Vec::new())
}

/// Puts `mark` on `session` or takes it off (an import, or [`change`]).
pub fn set(
    conn: &Connection,
    agenda: AgendaId,
    session: &str,
    mark: Mark,
    on: bool,
) -> rusqlite::Result<()> {
    if on {
        conn.execute(
            "INSERT INTO mark (agenda, session, mark) VALUES (?1, ?2, ?3)
             ON CONFLICT (agenda, session, mark) DO NOTHING",
            params![agenda.0, session, mark.name()],
        )?;
    } else {
        conn.execute(
            "DELETE FROM mark WHERE agenda = ?1 AND session = ?2 AND mark = ?3",
            params![agenda.0, session, mark.name()],
        )?;
    }
    Ok(())
}

/// The agenda's settings as (name, value), in name order; a row that does
/// not read is skipped and noted.
pub fn settings(
    conn: &Connection,
    agenda: AgendaId,
    skipped: &mut Vec<String>,
) -> rusqlite::Result<Vec<(String, String)>> {
    let mut stmt = conn
        .prepare_cached("SELECT rowid, name, value FROM setting WHERE agenda = ?1 ORDER BY name")?;
    let mut rows = stmt.query([agenda.0])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let rowid: i64 = row.get(0)?;
        match (row.get::<_, String>(1), row.get::<_, String>(2)) {
            (Ok(name), Ok(value)) if value.len() <= MAX_SETTING => out.push((name, value)),
            (Ok(_), Ok(_)) => skipped.push(format!(
                "skipped setting row {rowid}: longer than {MAX_SETTING} bytes"
            )),
            (Err(e), _) | (_, Err(e)) => {
                skipped.push(format!("skipped setting row {rowid}: {e}"));
            }
        }
    }
    Ok(out)
}

/// Sets the agenda's setting `name` to `value`, inside a write
/// transaction.
pub fn put_setting(
    conn: &Connection,
    agenda: AgendaId,
    name: &str,
    value: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO setting (agenda, name, value) VALUES (?1, ?2, ?3)
         ON CONFLICT (agenda, name) DO UPDATE SET value = excluded.value",
        params![agenda.0, name, value],
    )?;
    Ok(())
}
