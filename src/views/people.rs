//! The people view: everyone on the programme, and for the selected
//! person their details, sessions and roles.

use super::{Effect, ViewState, delta, fit, pane_height, refind, taking_turns};
use crate::agenda::Agenda;
use crate::app::cursor::Cursor;
use crate::app::search::Search;
use crate::app::shared::Shared;
use crate::command::{Command, Pane};
use crate::ui::layout::{Areas, Screen, WIDE, split};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

mod draw;

pub use draw::info_lines;

/// The people view's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeopleView {
    /// The pane with the keys.
    pub focus: Pane,
    /// The selected person and the list's first visible one.
    pub list: Cursor,
    /// The selected one of the person's sessions.
    pub linked: Cursor,
}

impl Default for PeopleView {
    fn default() -> Self {
        PeopleView {
            focus: Pane::List,
            list: Cursor::default(),
            linked: Cursor::default(),
        }
    }
}

impl PeopleView {
    /// The selected person's sessions.
    pub fn sessions<'s>(&self, shared: &'s Shared) -> &'s [usize] {
        shared
            .index
            .sessions_of_person
            .get(self.list.selected)
            .map_or(&[], Vec::as_slice)
    }
}

impl ViewState for PeopleView {
    const PANES: &'static [Pane] = &[Pane::List, Pane::Sessions];
    const FOUND: (&'static str, &'static str) = ("person", "people");

    fn focus(&self) -> Pane {
        self.focus
    }

    fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
    }

    fn enter(&mut self) {
        self.focus = Pane::List;
        self.linked = Cursor::default();
    }

    fn layout(&self, shared: &Shared, body: Rect) -> Areas {
        if let Some(a) = taking_turns(body, self.focus) {
            return a;
        }
        let (list, rest) = split(body, body.width >= WIDE, 40, 35);
        let lines = info_lines(shared, self.list.selected, rest.width.saturating_sub(2)).len();
        let info = u16::try_from(lines + 2)
            .unwrap_or(u16::MAX)
            .clamp(3, (rest.height / 2).max(3));
        let [text, sessions] =
            Layout::vertical([Constraint::Length(info), Constraint::Min(3)]).areas(rest);
        Areas {
            panes: vec![
                (Pane::List, list),
                (Pane::Text, text),
                (Pane::Sessions, sessions),
            ],
            taking_turns: false,
        }
    }

    fn command(&mut self, shared: &Shared, c: Command) -> Effect {
        let areas = self.areas(shared);
        match (c, self.focus) {
            (Command::NextSection | Command::PrevSection, _) => {}
            (Command::Open, Pane::List) => self.focus = Pane::Sessions,
            (Command::Open, _) => {
                if let Some(&s) = self.sessions(shared).get(self.linked.selected) {
                    return Effect::GoTo(s);
                }
            }
            (_, Pane::List) => {
                let h = pane_height(&areas, Pane::List);
                self.list.step(delta(c, h), shared.agenda.people.len(), h);
                self.linked = Cursor::default();
            }
            (_, _) => {
                let h = pane_height(&areas, Pane::Sessions);
                let n = self.sessions(shared).len();
                self.linked.step(delta(c, h), n, h);
            }
        }
        Effect::None
    }

    fn click(&mut self, shared: &Shared, pane: Pane, _area: Rect, _x: u16, line: usize) -> Effect {
        match pane {
            Pane::List => {
                let at = self.list.top + line;
                if at < shared.agenda.people.len() {
                    return self.select(shared, at);
                }
            }
            Pane::Sessions => {
                let at = self.linked.top + line;
                if at < self.sessions(shared).len() {
                    self.linked.selected = at;
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn marked_session(&self, shared: &Shared) -> Option<usize> {
        self.sessions(shared).get(self.linked.selected).copied()
    }

    fn current(&self, _shared: &Shared) -> usize {
        self.list.selected
    }

    fn matches<'s>(&self, search: &'s Search) -> &'s [usize] {
        &search.people
    }

    fn select(&mut self, shared: &Shared, i: usize) -> Effect {
        let h = pane_height(&self.areas(shared), Pane::List);
        self.list.select(i, shared.agenda.people.len(), h);
        self.linked = Cursor::default();
        Effect::None
    }

    fn reveal(&mut self, shared: &Shared, showing: bool) {
        if showing {
            let areas = self.areas(shared);
            let h = pane_height(&areas, Pane::List);
            fit(&mut self.list, shared.agenda.people.len(), h);
            let len = self.sessions(shared).len();
            fit(&mut self.linked, len, pane_height(&areas, Pane::Sessions));
        }
    }

    fn replaced(&mut self, old: &Agenda, shared: &Shared) {
        let id = old.people.get(self.list.selected).map(|p| &p.id);
        let ids = shared.agenda.people.iter().map(|p| &p.id);
        self.list.selected = refind(ids, id, self.list.selected);
        self.list.top = self.list.top.min(self.list.selected);
        self.linked = Cursor::default();
    }

    fn render(&self, shared: &Shared, screen: &Screen, buf: &mut Buffer) {
        draw::render(self, shared, &screen.body, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::PeopleView;
    use crate::app::shared::Shared;
    use crate::command::{Command, Pane};
    use crate::testing::hearing_app;
    use crate::views::{Effect, ViewState};

    fn shared() -> Shared {
        let mut s = hearing_app().shared;
        s.size = (120, 40);
        s
    }

    #[test]
    fn the_list_and_the_sessions_move_apart() {
        let s = shared();
        let mut v = PeopleView::default();
        assert_eq!(v.command(&s, Command::Down), Effect::None);
        assert_eq!(v.list.selected, 1);
        v.command(&s, Command::Top);
        let theirs = v.sessions(&s).to_vec();
        assert_eq!(theirs.len(), 2, "Peter Thomson chairs two");
        assert_eq!(v.command(&s, Command::Open), Effect::None);
        assert_eq!(v.focus, Pane::Sessions);
        v.command(&s, Command::Down);
        v.command(&s, Command::Down);
        assert_eq!(v.linked.selected, 1, "clamped");
        assert_eq!(v.command(&s, Command::Open), Effect::GoTo(theirs[1]));
        v.cycle_focus(&s, false);
        assert_eq!(v.focus, Pane::List);
        v.command(&s, Command::Down);
        assert_eq!(v.linked.selected, 0, "a new person starts at their first");
    }

    #[test]
    fn a_click_selects_a_person_and_one_of_their_sessions() {
        let s = shared();
        let mut v = PeopleView::default();
        let a = v.areas(&s);
        assert_eq!(
            v.click(&s, Pane::List, a.pane(Pane::List), 0, 3),
            Effect::None
        );
        assert_eq!(v.list.selected, 3);
        v.click(&s, Pane::List, a.pane(Pane::List), 0, 10_000);
        assert_eq!(v.list.selected, 3, "below the list: nothing");
        v.command(&s, Command::Top);
        v.click(&s, Pane::Sessions, a.pane(Pane::Sessions), 0, 1);
        assert_eq!(v.linked.selected, 1);
    }

    #[test]
    fn search_matches_are_people() {
        let mut s = shared();
        let v = PeopleView::default();
        s.search.query = "thomson".to_owned();
        let shared = &mut s;
        shared.search.refresh(&shared.agenda, &shared.text, "");
        assert_eq!(v.matches(&s.search), [0]);
    }
}
