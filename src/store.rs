//! The user's state: what dais keeps between runs (the running-late
//! shift, stars, hidden sessions, settings, notes and the note being
//! typed), in one SQLite database, `$XDG_STATE_HOME/dais/dais.sqlite3`
//! (`~/.local/state/dais/`).
//!
//! # How it holds up
//!
//! - WAL mode and a busy timeout: any number of dais processes read and
//!   write it at once. Every change is one transaction that takes the
//!   write lock first (`BEGIN IMMEDIATE`), so two writers queue and
//!   neither loses the other's change; changes are deltas (`+5 min at
//!   panel 3`), not whole copies, so two windows add up.
//! - A file it cannot use as it is (damaged, from a newer dais, of another
//!   program, in a read-only directory, on a full disk) is never written:
//!   what could be read is copied into memory, dais goes on with that,
//!   and [`Store::problems`] names the file and the problem for a banner.
//!   A row that does not read is skipped with a warning and left in the
//!   file: no later change erases it.
//! - `state.json` of earlier versions is migrated once, then renamed
//!   `state.json.migrated`.
//!
//! # Adding to it (stars, hidden sessions, notes, …)
//!
//! 1. A table: append one migration to [`schema::MIGRATIONS`] (`STRICT`,
//!    rows keyed by `agenda INTEGER REFERENCES agenda (id)` and the
//!    session id). Salvaging a damaged file copies it without more code.
//! 2. Reading: a module beside `shift.rs` with functions over
//!    `&Connection`, called through [`Store::read`]; skip a row that does
//!    not read with a warning (see `shift::steps`). Find the agenda with
//!    [`id::find`] (reads never make rows).
//! 3. Writing: a variant of [`Change`] and its arm in [`Store::apply`],
//!    done through [`Store::write`] (one transaction; [`id::find_or_make`]
//!    gives the agenda's row). `App::update` never calls the store: it
//!    pushes the `Change` on `App::changes`; the event loop hands each to
//!    `commands/open.rs`, which applies it before the next frame is drawn
//!    and shows a banner if it was not saved.
//! 4. Other windows: the event loop asks `UserState::refresh` (in
//!    `commands/open.rs`) on every wake; it reads again when
//!    [`Store::changed_elsewhere`]. Extend it for what you show.
//! 5. Backups: a key per agenda in `backup.rs`, in both `export` and
//!    `import` (import merges: it adds and updates rows, never drops any).

use crate::load::file_name;
use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};

pub mod backup;
pub mod file;
pub mod id;
mod legacy;
pub mod marks;
pub mod migrate;
pub mod notes;
mod open;
pub mod schema;
pub mod seen;
pub mod shift;

pub use id::{AgendaId, AgendaKey};
pub use seen::{Kept, Seen};
pub use shift::ShiftChange;

/// The file's name in the state directory.
pub const FILE_NAME: &str = "dais.sqlite3";

/// How long a writer waits for others to finish before giving up.
/// Transactions take milliseconds, but SQLite's waiting is not fair: with
/// eight processes writing back to back on a loaded machine, one waited
/// over 5 s.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// A change to the user's state, asked for by `App::update` and saved by
/// the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A change to the running-late shift.
    Shift(ShiftChange),
    /// A session starred or hidden (`on`), or no longer.
    Mark {
        /// The session's id.
        session: String,
        /// Which mark.
        mark: crate::agenda::Mark,
        /// Put on, or taken off.
        on: bool,
    },
    /// A setting of the agenda's (`zone`: whose zone times are shown in).
    Setting {
        /// Its name.
        name: String,
        /// Its value.
        value: String,
    },
    /// The version of the agenda the user has now looked at.
    Seen(Seen),
    /// A note written (Enter in the note input).
    AddNote(crate::notes::NewNote),
    /// The notes on a session replaced by these (what the editor saved):
    /// the session's notes that read are dropped, these added.
    ReplaceNotes {
        /// The session's id.
        session: String,
        /// Its notes now.
        notes: Vec<crate::notes::NewNote>,
    },
    /// The note being typed kept as the agenda's draft, or (`None`) the
    /// draft dropped.
    Draft(Option<String>),
}

/// What a saved [`Change`] left in the store, for the app to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// The agenda view's shift now, by session id (other windows' changes
    /// included).
    Shift(Vec<(String, i64)>),
    /// The agenda's marks now (other windows' included).
    Marks(crate::agenda::Marks),
    /// The setting is saved.
    Setting,
    /// The version seen is kept.
    Seen,
    /// The agenda's notes now, in time order (other windows' included).
    Notes(crate::notes::Notes),
    /// The draft is kept (or dropped).
    Draft,
}

/// The user's state database.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    conn: Connection,
    unsaved: Option<String>,
    problems: Vec<String>,
    /// `PRAGMA data_version` when last looked at.
    seen: Option<i64>,
}

impl Store {
    /// Where the database is: `$XDG_STATE_HOME/dais/dais.sqlite3` on Linux.
    pub fn default_path() -> Option<PathBuf> {
        let dir = dirs::state_dir().or_else(dirs::data_local_dir)?;
        Some(dir.join("dais").join(FILE_NAME))
    }

    /// Opens the database at `path`, making it (and its directory) if
    /// there is none, migrating `state.json` beside it once. Never fails:
    /// a file it cannot use is left alone and the state kept in memory
    /// (see [`Store::problems`] and [`Store::read_only`]).
    pub fn open(path: impl Into<PathBuf>) -> Store {
        open::open(path.into(), true)
    }

    /// Opens the database at `path` if there is one; makes nothing (for
    /// reading: `dais now`, `dais state export`). With none, the store is
    /// empty and held in memory.
    pub fn open_existing(path: impl Into<PathBuf>) -> Store {
        open::open(path.into(), false)
    }

    /// An empty store in memory that takes changes as a file would (tests,
    /// fuzzing); they last as long as it does.
    pub fn in_memory() -> Store {
        let mut store = open::memory(PathBuf::from(":memory:"), None);
        store.unsaved = None;
        store
    }

    /// Where the database is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What went wrong opening or reading it, each naming the file: for a
    /// banner or standard error.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// The problems, leaving none.
    pub fn take_problems(&mut self) -> Vec<String> {
        std::mem::take(&mut self.problems)
    }

    /// Why changes are not saved to the file, if they are not: they are
    /// then kept in memory until dais quits.
    pub fn read_only(&self) -> Option<&str> {
        self.unsaved.as_deref()
    }

    /// Reads with `f`, which notes a row it skips in its `Vec`: those
    /// become [`Store::problems`]. `None` if SQLite failed (also noted).
    pub fn read<T>(
        &mut self,
        f: impl FnOnce(&Connection, &mut Vec<String>) -> rusqlite::Result<T>,
    ) -> Option<T> {
        let mut skipped = Vec::new();
        let got = f(&self.conn, &mut skipped);
        let name = file_name(&self.path);
        for s in skipped {
            self.note(format!("{name}: {s}"));
        }
        match got {
            Ok(v) => Some(v),
            Err(e) => {
                self.note(format!("cannot read {name}: {}", describe(&e)));
                None
            }
        }
    }

    /// Does `f` in one transaction holding the write lock; `what` names
    /// the change for a message ("the shift"). Committed to the file
    /// before this returns `Ok`. When the file cannot be written, the
    /// change is kept in memory and this says it was not saved.
    pub fn write<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, String> {
        let done = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let v = f(&tx)?;
            tx.commit()?;
            Ok(v)
        })();
        let name = file_name(&self.path);
        match (done, &self.unsaved) {
            (Ok(_), Some(why)) => Err(format!("{what} is not saved: {why}")),
            (Ok(v), None) => Ok(v),
            (Err(e), _) => Err(format!("cannot save {what} to {name}: {}", describe(&e))),
        }
    }

    /// Saves `change` to the agenda `key`; returns what is stored now.
    pub fn apply(&mut self, key: &AgendaKey, change: &Change) -> Result<Stored, String> {
        match change {
            Change::Shift(c) => self
                .write("the shift", |tx| shift::change(tx, key, c))
                .map(Stored::Shift),
            Change::Mark { session, mark, on } => {
                let what = match (mark, on) {
                    (crate::agenda::Mark::Star, true) => "the star",
                    (crate::agenda::Mark::Star, false) => "the unstar",
                    (crate::agenda::Mark::Hide, true) => "the hidden session",
                    (crate::agenda::Mark::Hide, false) => "the unhidden session",
                };
                self.write(what, |tx| marks::change(tx, key, session, *mark, *on))
                    .map(Stored::Marks)
            }
            Change::Setting { name, value } => self
                .write("the setting", |tx| {
                    let agenda = id::find_or_make(tx, key)?;
                    marks::put_setting(tx, agenda, name, value)
                })
                .map(|()| Stored::Setting),
            Change::Seen(s) => self
                .write("the version seen", |tx| seen::mark(tx, key, s))
                .map(|()| Stored::Seen),
            Change::AddNote(n) => self
                .write("the note", |tx| notes::add(tx, key, n))
                .map(|all| Stored::Notes(crate::notes::Notes::new(all))),
            Change::ReplaceNotes {
                session,
                notes: new,
            } => self
                .write("the notes", |tx| notes::replace(tx, key, session, new))
                .map(|all| Stored::Notes(crate::notes::Notes::new(all))),
            Change::Draft(text) => self
                .write("the draft", |tx| notes::put_draft(tx, key, text.as_deref()))
                .map(|()| Stored::Draft),
        }
    }

    /// The agenda's starred and hidden sessions (none if it has no row).
    pub fn marks(&mut self, key: &AgendaKey) -> crate::agenda::Marks {
        self.read(|conn, skipped| {
            let Some(id) = id::find(conn, key)?.id() else {
                return Ok(crate::agenda::Marks::default());
            };
            marks::read(conn, id, skipped)
        })
        .unwrap_or_default()
    }

    /// The version of the agenda view last seen (`view` is `""` for the
    /// whole agenda); `None` if none was kept.
    pub fn seen(&mut self, key: &AgendaKey, view: &str) -> Option<Kept> {
        self.read(|conn, skipped| {
            let Some(id) = id::find(conn, key)?.id() else {
                return Ok(None);
            };
            seen::version(conn, id, view, skipped)
        })
        .flatten()
    }

    /// The agenda's notes in time order (none if it has no row).
    pub fn notes(&mut self, key: &AgendaKey) -> crate::notes::Notes {
        self.read(|conn, skipped| {
            let Some(id) = id::find(conn, key)?.id() else {
                return Ok(Vec::new());
            };
            notes::read(conn, id, skipped)
        })
        .map(crate::notes::Notes::new)
        .unwrap_or_default()
    }

    /// The agenda's draft: the note being typed when dais last stopped.
    pub fn draft(&mut self, key: &AgendaKey) -> Option<String> {
        self.read(|conn, skipped| {
            let Some(id) = id::find(conn, key)?.id() else {
                return Ok(None);
            };
            notes::draft(conn, id, skipped)
        })
        .flatten()
    }

    /// The agenda's setting `name`, if saved.
    pub fn setting(&mut self, key: &AgendaKey, name: &str) -> Option<String> {
        self.read(|conn, skipped| {
            let Some(id) = id::find(conn, key)?.id() else {
                return Ok(None);
            };
            let all = marks::settings(conn, id, skipped)?;
            Ok(all.into_iter().find(|(n, _)| n == name).map(|(_, v)| v))
        })
        .flatten()
    }

    /// The agenda view's saved shift by session id (`view` is `""` for the
    /// whole agenda); empty if none.
    pub fn shift(&mut self, key: &AgendaKey, view: &str) -> Vec<(String, i64)> {
        self.read(|conn, skipped| {
            let Some(id) = id::find(conn, key)?.id() else {
                return Ok(Vec::new());
            };
            shift::steps(conn, id, view, skipped)
        })
        .unwrap_or_default()
    }

    /// Whether another connection (another dais) has committed a change
    /// since the store was opened or this was last asked. Cheap: SQLite
    /// answers from the WAL index.
    pub fn changed_elsewhere(&mut self) -> bool {
        let now: Option<i64> = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .ok();
        let changed = now.is_some() && self.seen.is_some() && now != self.seen;
        self.seen = now.or(self.seen);
        changed
    }

    fn note(&mut self, problem: String) {
        if !self.problems.contains(&problem) {
            self.problems.push(problem);
        }
    }
}

/// A SQLite error in words a user can act on.
pub fn describe(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DiskFull) => "the disk is full".into(),
        Some(C::ReadOnly) => "it is read-only".into(),
        Some(C::DatabaseCorrupt | C::NotADatabase) => "it is damaged (not a valid database)".into(),
        Some(C::DatabaseBusy | C::DatabaseLocked) => {
            format!("another dais held it for over {} s", BUSY_TIMEOUT.as_secs())
        }
        Some(C::PermissionDenied) => "permission denied".into(),
        Some(C::CannotOpen) => "it cannot be opened".into(),
        _ => crate::sanitize::clean(&e.to_string(), crate::sanitize::Lines::Single),
    }
}

#[cfg(test)]
mod tests;
