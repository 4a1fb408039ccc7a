//! Everything that can happen to the app: the input of [`super::App::update`].

use crate::command::Command;
use chrono::{DateTime, Utc};

/// An input to `update`: a command, typing, the mouse, time, or the outside.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A keymap command.
    Command(Command),
    /// A character typed into the search box.
    SearchChar(char),
    /// Backspace in the search box.
    SearchBackspace,
    /// Enter in the search box: keep the query, stop typing.
    SearchSubmit,
    /// Esc in the search box: clear the query.
    SearchCancel,
    /// A left click at a cell.
    Click {
        /// Column.
        x: u16,
        /// Row.
        y: u16,
    },
    /// The wheel turned over a cell: `lines` down (negative: up).
    Scroll {
        /// Column.
        x: u16,
        /// Row.
        y: u16,
        /// How far.
        lines: i16,
    },
    /// The wheel turned sideways (or with Shift) over a cell: `lines`
    /// right (negative: left).
    ScrollSideways {
        /// Column.
        x: u16,
        /// Row.
        y: u16,
        /// How far.
        lines: i16,
    },
    /// The terminal has a new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// The clock moved on.
    Tick(DateTime<Utc>),
    /// A key while the note input is open.
    Note(super::compose::NoteKey),
    /// The store's answer to a note change: `None` when it is saved, else
    /// the problem.
    NoteSaved(Option<String>),
    /// What became of the editor `e` opened.
    NotesEdited(super::compose::Edited),
}

impl From<Command> for Action {
    fn from(c: Command) -> Self {
        Action::Command(c)
    }
}
