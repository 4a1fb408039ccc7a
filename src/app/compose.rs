//! The note being written (`i`), as state: its line, the choices Tab
//! offers, the question before it is dropped; the keys it takes. What
//! they do is in `app/writing.rs`.

use super::line::LineEdit;
use crate::notes::tags::Choice;
use std::ops::Range;

/// A key while the note input is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKey {
    /// A character typed.
    Char(char),
    /// Text pasted (bracketed paste): goes in as one line, made safe.
    Paste(String),
    /// ← or Ctrl-B.
    Left,
    /// → or Ctrl-F.
    Right,
    /// Home or Ctrl-A.
    Home,
    /// End or Ctrl-E.
    End,
    /// Backspace (or Ctrl-H).
    Backspace,
    /// Delete or Ctrl-D.
    Delete,
    /// Ctrl-W: the word before the cursor.
    DeleteWord,
    /// Ctrl-U: everything before the cursor.
    DeleteToStart,
    /// Ctrl-K: everything from the cursor on.
    DeleteToEnd,
    /// Tab: complete the tag, or the next choice.
    Complete,
    /// Shift-Tab: the previous choice.
    CompleteBack,
    /// Enter: save the note.
    Save,
    /// Esc or Ctrl-C: drop the note (asking first if text is typed), or
    /// answer no to that question.
    Cancel,
}

/// The note being written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compose {
    /// The text and its cursor.
    pub line: LineEdit,
    /// Choices Tab offered for the tag at the cursor, while Tab is being
    /// pressed.
    pub choices: Option<Choices>,
    /// "Discard this note? y/n" is asked.
    pub asking: bool,
    /// Enter was pressed and the store has not answered yet.
    pub saving: bool,
}

/// The choices for an ambiguous tag, and which one is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices {
    /// Where the tag is in the text now.
    pub range: Range<usize>,
    /// Each way to complete it.
    pub list: Vec<Choice>,
    /// The one put in, once Tab is pressed again (None: only listed).
    pub at: Option<usize>,
}

/// What became of `e`, as the event loop tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edited {
    /// The notes were handed to the store to replace; the banner once
    /// saved.
    Replaced(String),
    /// The file was saved as it was, or not at all.
    Unchanged,
    /// No editor set, or it could not run, or exited with a failure.
    Failed(String),
}
