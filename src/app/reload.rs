//! Swapping in a new version of the agenda while keeping the user's place:
//! the selection stays on the same session id, the shift on the same ids.

use super::{App, Index, SearchText, Shift, Suggester};
use crate::agenda::Agenda;

impl App {
    /// The identity under which this agenda's state is saved.
    pub fn identity(&self) -> String {
        identity(&self.agenda)
    }

    /// The shift by session id, for saving.
    pub fn shift_by_id(&self) -> Vec<(String, i64)> {
        self.live
            .shift
            .steps
            .iter()
            .map(|&(i, m)| (self.agenda.sessions[i].id.clone(), m))
            .collect()
    }

    /// Restores a shift saved by id; ids no longer in the agenda are
    /// dropped.
    pub fn set_shift_by_id(&mut self, steps: &[(String, i64)]) {
        let mut shift = Shift::default();
        for (id, m) in steps {
            if let Some(i) = self.agenda.sessions.iter().position(|s| &s.id == id) {
                shift.add(i, *m);
            }
        }
        self.set_shift(shift);
        // Restoring is not a change to save.
        self.live.shift_changed = false;
        self.follow_now();
    }

    /// Replaces the agenda, keeping the selected session and the shift
    /// (matched by id) and the view.
    pub fn replace_agenda(&mut self, agenda: Agenda) {
        let selected = self
            .agenda
            .sessions
            .get(self.selected())
            .map(|s| s.id.clone());
        let shift = self.shift_by_id();
        let message = self
            .agenda
            .key_messages
            .get(self.message.selected)
            .map(|m| m.id.clone());
        let person = self
            .agenda
            .people
            .get(self.person.selected)
            .map(|p| p.id.clone());
        self.index = Index::new(&agenda);
        self.text = SearchText::new(&agenda);
        self.suggester = Suggester::new(&agenda);
        self.agenda = agenda;
        let s = find(
            self.agenda.sessions.iter().map(|s| &s.id),
            selected.as_ref(),
        );
        self.message.selected = find(
            self.agenda.key_messages.iter().map(|m| &m.id),
            message.as_ref(),
        );
        self.person.selected = find(self.agenda.people.iter().map(|p| &p.id), person.as_ref());
        self.message.top = self.message.top.min(self.message.selected);
        self.person.top = self.person.top.min(self.person.selected);
        self.linked = super::Cursor::default();
        self.timeline.selected = s;
        self.timeline.top = 0;
        let prev = self.search.query.clone();
        self.search.refresh(&self.agenda, &self.text, &prev);
        self.set_shift_by_id(&shift);
        self.reveal_selected();
    }
}

/// The position of `want` among `ids`, or 0.
fn find<'a>(mut ids: impl Iterator<Item = &'a String>, want: Option<&String>) -> usize {
    want.and_then(|w| ids.position(|id| id == w)).unwrap_or(0)
}

/// An agenda's identity: its date, zone and title. Stable across edits of
/// its sessions, so a saved shift survives them.
pub fn identity(agenda: &Agenda) -> String {
    let e = &agenda.event;
    format!("{} {} {}", e.date, e.timezone.name(), e.title)
}
