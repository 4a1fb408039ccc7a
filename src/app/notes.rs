//! The user's notes in the app: read from the store, shown by the
//! session pane and the notes view, and found by the search.

use super::Shared;
use crate::notes::{Note, Notes};

impl Shared {
    /// Shows `notes` (read from the store: at start, after a save, or
    /// made by another window); true if anything changed.
    pub fn set_notes(&mut self, notes: Notes) -> bool {
        if notes == self.notes {
            return false;
        }
        self.notes = notes;
        self.text.set_notes(&self.agenda, &self.notes);
        // Afresh: a new note can match where nothing did.
        self.search.refresh(&self.agenda, &self.text, "");
        true
    }

    /// The notes on session `i` of the agenda, oldest first.
    pub fn notes_of(&self, i: usize) -> impl Iterator<Item = &Note> {
        let id = self.agenda.sessions.get(i).map_or("", |s| s.id.as_str());
        // A session always has an id; "" matches none.
        self.notes.of_session(id).filter(move |_| !id.is_empty())
    }
}
