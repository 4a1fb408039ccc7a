//! The running-late shift in the store: steps of (session, minutes) per
//! agenda and view, each delaying that session and every later one.

use super::id::{self, AgendaId, AgendaKey};
use rusqlite::{Connection, OptionalExtension, params};

/// The largest delay a step may hold, in minutes (a year): beyond it a
/// stored value is taken as damage and skipped.
pub const MAX_MINUTES: i64 = 366 * 24 * 60;

/// A change to an agenda view's shift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShiftChange {
    /// `minutes` more delay from `session` on (fewer if negative).
    Add {
        /// `""` for the whole agenda, else the view's label.
        view: String,
        /// The session id.
        session: String,
        /// Minutes to add.
        minutes: i64,
    },
    /// Back to the planned times.
    Clear {
        /// `""` for the whole agenda, else the view's label.
        view: String,
    },
}

/// The steps of the agenda view's shift, in the order they were made.
/// A row that does not read, or holds more than [`MAX_MINUTES`], is
/// skipped and noted in `skipped`.
pub fn steps(
    conn: &Connection,
    agenda: AgendaId,
    view: &str,
    skipped: &mut Vec<String>,
) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT rowid, session, minutes FROM shift WHERE agenda = ?1 AND view = ?2 ORDER BY rowid",
    )?;
    let mut rows = stmt.query(params![agenda.0, view])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let rowid: i64 = row.get(0)?;
        match (row.get::<_, String>(1), row.get::<_, i64>(2)) {
            (Ok(session), Ok(m)) if m.abs() <= MAX_MINUTES => out.push((session, m)),
            (Ok(_), Ok(m)) => skipped.push(format!(
                "skipped shift row {rowid}: {m} minutes is more than a year"
            )),
            (Err(e), _) | (_, Err(e)) => {
                skipped.push(format!("skipped shift row {rowid}: {e}"));
            }
        }
    }
    Ok(out)
}

/// Makes `change` inside a write transaction; returns the view's steps
/// after it.
pub fn change(
    conn: &Connection,
    key: &AgendaKey,
    change: &ShiftChange,
) -> rusqlite::Result<Vec<(String, i64)>> {
    let agenda = id::find_or_make(conn, key)?;
    let view = match change {
        ShiftChange::Add {
            view,
            session,
            minutes,
        } => {
            // A row that does not read counts as no delay: the screen
            // showed none for it.
            let have: i64 = conn
                .query_row(
                    "SELECT minutes FROM shift WHERE agenda = ?1 AND view = ?2 AND session = ?3",
                    params![agenda.0, view, session],
                    |r| r.get::<_, i64>(0),
                )
                .optional()
                .ok()
                .flatten()
                .filter(|m| m.abs() <= MAX_MINUTES)
                .unwrap_or(0);
            let new = have
                .checked_add(*minutes)
                .filter(|m| m.abs() <= MAX_MINUTES)
                .ok_or_else(|| too_far(*minutes))?;
            if new == 0 {
                conn.execute(
                    "DELETE FROM shift WHERE agenda = ?1 AND view = ?2 AND session = ?3",
                    params![agenda.0, view, session],
                )?;
            } else {
                conn.execute(
                    "INSERT INTO shift (agenda, view, session, minutes) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (agenda, view, session) DO UPDATE SET minutes = excluded.minutes",
                    params![agenda.0, view, session, new],
                )?;
            }
            view
        }
        ShiftChange::Clear { view } => {
            // Rows that do not read stay: they were never shown, so the
            // user did not ask for them to go.
            conn.execute(
                "DELETE FROM shift WHERE agenda = ?1 AND view = ?2
                 AND typeof(minutes) = 'integer' AND abs(minutes) <= ?3",
                params![agenda.0, view, MAX_MINUTES],
            )?;
            view
        }
    };
    steps(conn, agenda, view, &mut Vec::new())
}

/// Sets a step to `minutes` (an import): replaces the step, keeps the rest.
pub fn set(
    conn: &Connection,
    agenda: AgendaId,
    view: &str,
    session: &str,
    minutes: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO shift (agenda, view, session, minutes) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (agenda, view, session) DO UPDATE SET minutes = excluded.minutes",
        params![agenda.0, view, session, minutes],
    )?;
    Ok(())
}

fn too_far(minutes: i64) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(
        format!("a delay of {minutes} more minutes would pass a year").into(),
    )
}
