//! Which agenda a row belongs to: its place (canonical path, later a URL)
//! and the meeting it is.

use rusqlite::{Connection, OptionalExtension, params};

/// An agenda as the store knows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AgendaKey {
    /// Where it is read from: the canonical path of its file, a URL, or
    /// `bundled:NAME`. `None` when it has no place (standard input): it is
    /// then known by its meeting alone.
    pub source: Option<String>,
    /// The meeting: its date, zone and title (`app::identity`).
    pub meeting: String,
}

/// The row id of an agenda in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AgendaId(pub i64);

impl AgendaKey {
    /// An agenda read from `source`.
    pub fn new(source: Option<String>, meeting: impl Into<String>) -> Self {
        AgendaKey {
            source,
            meeting: meeting.into(),
        }
    }
}

/// The agenda's row, if there is one. An agenda with a place that has no
/// row of its own takes one that has no place and the same meeting (a
/// shift migrated from state.json, or made on standard input): that is
/// `adopt`, which the caller does when it may write.
pub fn find(conn: &Connection, key: &AgendaKey) -> rusqlite::Result<Found> {
    if let Some(source) = &key.source {
        let own = conn
            .query_row("SELECT id FROM agenda WHERE source = ?1", [source], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(id) = own {
            return Ok(Found::Own(AgendaId(id)));
        }
    }
    let placeless = conn
        .query_row(
            "SELECT id FROM agenda WHERE source IS NULL AND meeting = ?1 ORDER BY id LIMIT 1",
            [&key.meeting],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match placeless {
        Some(id) if key.source.is_some() => Found::Placeless(AgendaId(id)),
        Some(id) => Found::Own(AgendaId(id)),
        None => Found::None,
    })
}

/// What [`find`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// The agenda's own row.
    Own(AgendaId),
    /// A row without a place for the same meeting, to adopt.
    Placeless(AgendaId),
    /// Nothing.
    None,
}

impl Found {
    /// The row to read from, if any.
    pub fn id(self) -> Option<AgendaId> {
        match self {
            Found::Own(id) | Found::Placeless(id) => Some(id),
            Found::None => None,
        }
    }
}

/// The agenda's row, made or adopted if needed (inside a write
/// transaction).
pub fn find_or_make(conn: &Connection, key: &AgendaKey) -> rusqlite::Result<AgendaId> {
    match find(conn, key)? {
        Found::Own(id) => Ok(id),
        Found::Placeless(id) => {
            conn.execute(
                "UPDATE agenda SET source = ?1 WHERE id = ?2",
                params![key.source, id.0],
            )?;
            Ok(id)
        }
        Found::None => {
            conn.execute(
                "INSERT INTO agenda (source, meeting) VALUES (?1, ?2)",
                params![key.source, key.meeting],
            )?;
            Ok(AgendaId(conn.last_insert_rowid()))
        }
    }
}
