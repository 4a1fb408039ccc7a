//! The changes view: what changed in the agenda since the user last
//! looked at it (sessions added, cancelled, moved, retimed, renamed or
//! re-peopled), one line each; Enter goes to the session. The version last
//! seen is kept in the store and by the seen worker ([`crate::seen`]),
//! which tells the changes; opening this view marks the version on screen
//! as seen.

use super::{Effect, ViewState, delta, fit, pane_height};
use crate::agenda::Agenda;
use crate::agenda::changes::{Change, Tally};
use crate::app::cursor::Cursor;
use crate::app::search::Search;
use crate::app::shared::Shared;
use crate::command::{Command, Pane};
use crate::ui::layout::{Areas, Screen};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::sync::{Arc, Weak};

mod draw;

/// What the banner that points here starts with.
pub const BANNER: &str = "Changed since you last looked: ";

/// The changes view's state.
#[derive(Debug, Clone, Default)]
pub struct ChangesView {
    /// The selected change and the list's first visible one.
    pub list: Cursor,
    /// Whether a version last looked at is known (kept from before, or
    /// marked here): the list tells the changes since.
    pub known: bool,
    /// The agenda last marked as seen here, so it is saved once.
    marked: Weak<Agenda>,
    /// The changes from the version seen to the agenda on screen, as the
    /// seen worker told them: starred sessions first, when there are
    /// stars.
    pub changes: Vec<Change>,
    /// Whether the user has opened this view since the list last changed.
    pub looked: bool,
    /// The sessions the user starred: their changes come first, marked.
    pub marks: crate::agenda::Marks,
    /// `changes` in the detector's order, to put in order again when the
    /// stars change.
    detected: Vec<Change>,
}

impl ChangesView {
    /// The changes from the version seen to the one on screen, as the
    /// seen worker told them (in the detector's order).
    pub fn told(&mut self, detected: Vec<Change>) {
        self.known = true;
        let changes = self.starred_first(detected.clone());
        if changes != self.changes {
            self.looked = false;
            self.changes = changes;
            self.list = Cursor::default();
        }
        self.detected = detected;
    }

    /// The version on screen, `now`, is looked at: it is the one seen
    /// from here on. The list stays until the agenda changes again.
    /// Whether it is another version than the one last marked here (to be
    /// saved).
    pub fn mark_seen(&mut self, now: &Arc<Agenda>) -> bool {
        self.known = true;
        self.looked = true;
        let again = std::ptr::eq(self.marked.as_ptr(), Arc::as_ptr(now));
        self.marked = Arc::downgrade(now);
        !again
    }

    /// The banner that points here, while there is something the user
    /// has not looked at: "Changed since you last looked: 2 moved, 1
    /// cancelled, 3 new · c shows them".
    pub fn banner(&self, key: &str) -> Option<String> {
        (!self.looked && !self.changes.is_empty())
            .then(|| format!("{BANNER}{} · {key} shows them", Tally::of(&self.changes)))
    }

    /// The sessions starred now (`*` on the screen, or another window):
    /// the list is put in order again, starred first, the selected change
    /// kept selected.
    pub fn set_marks(&mut self, marks: crate::agenda::Marks) {
        if marks == self.marks {
            return;
        }
        self.marks = marks;
        let selected = self.changes.get(self.list.selected).cloned();
        self.changes = self.starred_first(self.detected.clone());
        if let Some(i) = selected.and_then(|s| self.changes.iter().position(|c| *c == s)) {
            self.list.selected = i;
        }
    }

    /// Whether a change is about a starred session.
    pub fn is_starred(&self, change: &Change) -> bool {
        change
            .session
            .as_deref()
            .is_some_and(|id| self.marks.is_starred(id))
    }

    /// The session a change is about, in the agenda on screen.
    pub fn session_of(shared: &Shared, change: &Change) -> Option<usize> {
        let id = change.session.as_deref()?;
        shared.agenda.sessions.iter().position(|s| &*s.id == id)
    }

    /// `changes` with the starred sessions' first; each group keeps the
    /// detector's order.
    fn starred_first(&self, mut changes: Vec<Change>) -> Vec<Change> {
        changes.sort_by_key(|c| !self.is_starred(c));
        changes
    }
}

impl ViewState for ChangesView {
    const PANES: &'static [Pane] = &[Pane::List];
    const FOUND: (&'static str, &'static str) = ("change", "changes");

    fn focus(&self) -> Pane {
        Pane::List
    }

    fn set_focus(&mut self, _pane: Pane) {}

    fn layout(&self, _shared: &Shared, body: Rect) -> Areas {
        Areas {
            panes: vec![(Pane::List, body)],
            taking_turns: false,
        }
    }

    fn command(&mut self, shared: &Shared, c: Command) -> Effect {
        match c {
            Command::Open => {
                let change = self.changes.get(self.list.selected);
                if let Some(s) = change.and_then(|c| Self::session_of(shared, c)) {
                    return Effect::GoTo(s);
                }
            }
            Command::NextSection | Command::PrevSection => {}
            _ => {
                let h = pane_height(&self.areas(shared), Pane::List);
                self.list.step(delta(c, h), self.changes.len(), h);
            }
        }
        Effect::None
    }

    fn click(&mut self, shared: &Shared, _pane: Pane, _area: Rect, _x: u16, line: usize) -> Effect {
        let at = self.list.top + line;
        if at < self.changes.len() {
            let h = pane_height(&self.areas(shared), Pane::List);
            self.list.select(at, self.changes.len(), h);
        }
        Effect::None
    }

    fn current(&self, _shared: &Shared) -> usize {
        self.list.selected
    }

    fn matches<'s>(&self, _search: &'s Search) -> &'s [usize] {
        &[]
    }

    fn select(&mut self, shared: &Shared, i: usize) -> Effect {
        let h = pane_height(&self.areas(shared), Pane::List);
        self.list.select(i, self.changes.len(), h);
        Effect::None
    }

    fn reveal(&mut self, shared: &Shared, showing: bool) {
        if showing {
            let h = pane_height(&self.areas(shared), Pane::List);
            fit(&mut self.list, self.changes.len(), h);
        }
    }

    fn replaced(&mut self, _old: &Agenda, _shared: &Shared) {
        // The app asks the seen worker for the changes again.
    }

    fn render(&self, shared: &Shared, screen: &Screen, buf: &mut Buffer) {
        draw::render(self, shared, &screen.body, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::ChangesView;
    use crate::agenda::Agenda;
    use crate::agenda::changes::detect;
    use std::sync::Arc;

    fn later(a: &Agenda, id: &str) -> Agenda {
        let mut new = a.clone();
        let s = new.sessions.iter_mut().find(|s| &*s.id == id).unwrap();
        s.span.local_start += chrono::Duration::minutes(15);
        s.span.start += chrono::Duration::minutes(15);
        new
    }

    #[test]
    fn the_banner_counts_what_was_not_looked_at_until_it_is() {
        let seen = crate::testing::hearing();
        let now = later(&seen, "panel-3");
        let mut view = ChangesView::default();
        view.told(detect(&seen, &seen));
        assert_eq!(view.banner("c"), None, "nothing changed");
        view.told(detect(&seen, &now));
        assert_eq!(
            view.banner("c").as_deref(),
            Some("Changed since you last looked: 1 moved · c shows them")
        );
        let now = Arc::new(now);
        assert!(view.mark_seen(&now), "a new version to save");
        assert!(!view.mark_seen(&now), "the same, saved once");
        // Starred sessions' changes come first.
        view.marks.set(crate::agenda::Mark::Star, "panel-4", true);
        assert_eq!(view.banner("c"), None);
        assert_eq!(view.changes.len(), 1, "the list stays while looked at");
        // A newer version: told against the one looked at, the starred
        // session's change first.
        let newer = later(&later(&now, "panel-3"), "panel-4");
        view.told(detect(&now, &newer));
        let ids: Vec<_> = view.changes.iter().map(|c| c.session.as_deref()).collect();
        assert_eq!(ids, [Some("panel-4"), Some("panel-3")]);
        assert!(view.is_starred(&view.changes[0]));
        assert!(view.banner("c").is_some());
    }

    #[test]
    fn starring_while_the_list_is_open_puts_it_in_order_again() {
        let seen = crate::testing::hearing();
        let now = later(&later(&seen, "panel-3"), "panel-4");
        let mut view = ChangesView::default();
        view.told(detect(&seen, &now));
        view.mark_seen(&Arc::new(now));
        let ids = |v: &ChangesView| {
            v.changes
                .iter()
                .map(|c| c.session.clone().unwrap_or_default())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&view), ["panel-3", "panel-4"]);
        view.list.selected = 0;
        let mut marks = crate::agenda::Marks::default();
        marks.set(crate::agenda::Mark::Star, "panel-4", true);
        view.set_marks(marks);
        assert_eq!(ids(&view), ["panel-4", "panel-3"]);
        assert!(view.is_starred(&view.changes[0]));
        assert_eq!(view.list.selected, 1, "panel-3 stays selected");
        assert!(view.looked, "reordering is not a new change");
        view.set_marks(crate::agenda::Marks::default());
        assert_eq!(ids(&view), ["panel-3", "panel-4"]);
    }
}
