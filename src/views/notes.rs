//! The notes view: every note the user wrote on this agenda, in time
//! order, each with its stamp and session; the selected one in full below.
//! Enter goes to its session; `/` finds notes by their text.

use super::{Effect, ViewState, delta, fit, pane_height};
use crate::app::cursor::Cursor;
use crate::app::search::Search;
use crate::app::shared::Shared;
use crate::command::{Command, Pane};
use crate::ui::layout::{Areas, Screen};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

mod draw;

/// The rows the selected note takes below the list, borders included.
const NOTE_ROWS: u16 = 7;

/// The notes view's state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NotesView {
    /// The selected note (in `Notes::all` order) and the list's first
    /// visible one.
    pub list: Cursor,
}

impl NotesView {
    /// The selected note, if there is one.
    pub fn note<'s>(&self, shared: &'s Shared) -> Option<&'s crate::notes::Note> {
        let all = shared.notes.all();
        all.get(self.list.selected.min(all.len().saturating_sub(1)))
    }

    /// The session in the agenda that note `n` is on, if it is still there.
    pub fn session_of(shared: &Shared, n: &crate::notes::Note) -> Option<usize> {
        shared
            .agenda
            .sessions
            .iter()
            .position(|s| *s.id == *n.session)
    }

    fn height(&self, shared: &Shared) -> usize {
        pane_height(&self.areas(shared), Pane::List)
    }
}

impl ViewState for NotesView {
    const PANES: &'static [Pane] = &[Pane::List];
    const ALL_PANES: &'static [Pane] = &[Pane::List, Pane::Note];
    const FOUND: (&'static str, &'static str) = ("note", "notes");

    fn focus(&self) -> Pane {
        Pane::List
    }

    fn set_focus(&mut self, _pane: Pane) {}

    fn layout(&self, _shared: &Shared, body: Rect) -> Areas {
        // The note below the list while there is room for both.
        let rows = if body.height >= NOTE_ROWS * 2 {
            NOTE_ROWS
        } else {
            0
        };
        let [list, note] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(rows)]).areas(body);
        Areas {
            panes: vec![(Pane::List, list), (Pane::Note, note)],
            taking_turns: false,
        }
    }

    fn command(&mut self, shared: &Shared, c: Command) -> Effect {
        match c {
            Command::Open => {
                if let Some(s) = self.note(shared).and_then(|n| Self::session_of(shared, n)) {
                    return Effect::GoTo(s);
                }
            }
            Command::NextSection | Command::PrevSection => {}
            _ => {
                let h = self.height(shared);
                self.list.step(delta(c, h), shared.notes.len(), h);
            }
        }
        Effect::None
    }

    fn click(&mut self, shared: &Shared, pane: Pane, _area: Rect, _x: u16, line: usize) -> Effect {
        let at = self.list.top + line;
        if pane == Pane::List && at < shared.notes.len() {
            let h = self.height(shared);
            self.list.select(at, shared.notes.len(), h);
        }
        Effect::None
    }

    fn marked_session(&self, shared: &Shared) -> Option<usize> {
        self.note(shared).and_then(|n| Self::session_of(shared, n))
    }

    fn current(&self, _shared: &Shared) -> usize {
        self.list.selected
    }

    fn matches<'s>(&self, search: &'s Search) -> &'s [usize] {
        &search.notes
    }

    fn select(&mut self, shared: &Shared, i: usize) -> Effect {
        let h = self.height(shared);
        self.list.select(i, shared.notes.len(), h);
        Effect::None
    }

    fn reveal(&mut self, shared: &Shared, showing: bool) {
        let len = shared.notes.len();
        self.list.selected = self.list.selected.min(len.saturating_sub(1));
        if showing {
            let h = self.height(shared);
            fit(&mut self.list, len, h);
        }
    }

    fn render(&self, shared: &Shared, screen: &Screen, buf: &mut Buffer) {
        draw::render(self, shared, &screen.body, buf);
    }
}

#[cfg(test)]
mod tests;
