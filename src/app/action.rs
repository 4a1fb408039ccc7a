//! Everything that can happen to the app: the input of [`super::App::update`].

use chrono::{DateTime, Utc};

/// A named thing a key can do; the keymap binds keys to these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Command {
    /// Move the selection (or scroll) up one.
    Up,
    /// Move the selection (or scroll) down one.
    Down,
    /// Up one page.
    PageUp,
    /// Down one page.
    PageDown,
    /// To the first item.
    Top,
    /// To the last item.
    Bottom,
    /// To the first session of the next day or part.
    NextSection,
    /// To the first session of this day or part, or of the one before.
    PrevSection,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Open the full detail of what is selected, or go to it.
    Open,
    /// Close what is open, clear the search, or go back.
    Back,
    /// Start a search.
    Search,
    /// Go to the next search match.
    NextMatch,
    /// Go to the previous search match.
    PrevMatch,
    /// Show or hide the help screen.
    Help,
    /// Quit dais.
    Quit,
    /// Show the agenda.
    ViewAgenda,
    /// Show all key messages.
    ViewMessages,
    /// Show all people.
    ViewPeople,
    /// Jump to what is on now and follow it.
    Now,
    /// The meeting runs 5 minutes later than planned from the live session on.
    Later,
    /// Take 5 minutes off the delay.
    Earlier,
    /// The selected session started just now.
    StartedNow,
    /// Back to the planned times.
    OnTime,
    /// Read the agenda file again.
    Reload,
}

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
    /// The terminal has a new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// The clock moved on.
    Tick(DateTime<Utc>),
}

impl From<Command> for Action {
    fn from(c: Command) -> Self {
        Action::Command(c)
    }
}
