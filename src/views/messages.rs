//! The key messages view: every message, its full text, and the whole
//! programme with the sessions that speak to it highlighted.

use super::{Effect, ViewState, delta, fit, pane_height, refind, taking_turns};
use crate::agenda::Agenda;
use crate::app::cursor::{Cursor, scroll};
use crate::app::search::Search;
use crate::app::shared::Shared;
use crate::command::{Command, Pane};
use crate::ui::layout::{Areas, Screen, inner_height, inner_width, split};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

mod draw;

/// The key messages view's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessagesView {
    /// The pane with the keys.
    pub focus: Pane,
    /// The selected message and the list's first visible one.
    pub list: Cursor,
    /// Scroll of the message's text, in lines.
    pub text_scroll: usize,
    /// The selected one of the message's sessions.
    pub linked: Cursor,
}

impl Default for MessagesView {
    fn default() -> Self {
        MessagesView {
            focus: Pane::List,
            list: Cursor::default(),
            text_scroll: 0,
            linked: Cursor::default(),
        }
    }
}

impl MessagesView {
    /// The sessions that speak to the selected message.
    pub fn sessions<'s>(&self, shared: &'s Shared) -> &'s [usize] {
        shared
            .index
            .sessions_of_message
            .get(self.list.selected)
            .map_or(&[], Vec::as_slice)
    }

    /// The selected message's text at `width`.
    pub fn text_lines(&self, shared: &Shared, width: u16) -> Vec<ratatui::text::Line<'static>> {
        draw::text_lines(shared, self.list.selected, width)
    }

    /// The first programme row shown in a sessions pane of `height` rows, so
    /// the selected linked session is in view. Shared with mouse hit-testing.
    pub fn programme_top(&self, shared: &Shared, height: usize) -> usize {
        let n = shared.agenda.sessions.len();
        let Some(&s) = self.sessions(shared).get(self.linked.selected) else {
            return 0;
        };
        s.saturating_sub(height / 3).min(n.saturating_sub(height))
    }

    fn pick(&mut self) {
        self.text_scroll = 0;
        self.linked = Cursor::default();
    }
}

impl ViewState for MessagesView {
    const PANES: &'static [Pane] = &[Pane::List, Pane::Text, Pane::Sessions];
    const FOUND: (&'static str, &'static str) = ("message", "messages");

    fn empty(shared: &Shared) -> Option<&'static str> {
        shared
            .agenda
            .key_messages
            .is_empty()
            .then_some("This agenda has no key messages")
    }

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

    fn layout(&self, _shared: &Shared, body: Rect) -> Areas {
        if let Some(a) = taking_turns(body, self.focus) {
            return a;
        }
        let (list, rest) = split(body, body.width >= crate::ui::layout::WIDE, 38, 30);
        let [text, sessions] =
            Layout::vertical([Constraint::Percentage(60), Constraint::Min(3)]).areas(rest);
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
            (Command::Open, Pane::List | Pane::Text) => self.focus = Pane::Sessions,
            (Command::Open, _) => {
                if let Some(&s) = self.sessions(shared).get(self.linked.selected) {
                    return Effect::GoTo(s);
                }
            }
            (_, Pane::Text) => {
                let area = areas.pane(Pane::Text);
                let lines = self.text_lines(shared, inner_width(area)).len();
                let h = inner_height(area);
                self.text_scroll = scroll(self.text_scroll, delta(c, h), lines, h);
            }
            (_, Pane::List) => {
                let h = pane_height(&areas, Pane::List);
                self.list
                    .step(delta(c, h), shared.agenda.key_messages.len(), h);
                self.pick();
            }
            (_, _) => {
                let h = pane_height(&areas, Pane::Sessions);
                let n = self.sessions(shared).len();
                self.linked.step(delta(c, h), n, h);
            }
        }
        Effect::None
    }

    fn click(&mut self, shared: &Shared, pane: Pane, area: Rect, _x: u16, line: usize) -> Effect {
        match pane {
            Pane::List => {
                let at = self.list.top + line;
                if at < shared.agenda.key_messages.len() {
                    return self.select(shared, at);
                }
            }
            Pane::Sessions => {
                let row = self.programme_top(shared, inner_height(area)) + line;
                if let Ok(at) = self.sessions(shared).binary_search(&row) {
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
        &search.messages
    }

    fn select(&mut self, shared: &Shared, i: usize) -> Effect {
        let h = pane_height(&self.areas(shared), Pane::List);
        self.list.select(i, shared.agenda.key_messages.len(), h);
        self.pick();
        Effect::None
    }

    fn reveal(&mut self, shared: &Shared, showing: bool) {
        if showing {
            let h = pane_height(&self.areas(shared), Pane::List);
            fit(&mut self.list, shared.agenda.key_messages.len(), h);
        }
    }

    fn replaced(&mut self, old: &Agenda, shared: &Shared) {
        let id = old.key_messages.get(self.list.selected).map(|m| &m.id);
        let ids = shared.agenda.key_messages.iter().map(|m| &m.id);
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
    use super::MessagesView;
    use crate::app::shared::Shared;
    use crate::command::{Command, Pane, View};
    use crate::testing::hearing_app;
    use crate::views::{Effect, ViewState};

    fn shared() -> Shared {
        let mut s = hearing_app().shared;
        s.size = (120, 40);
        s
    }

    #[test]
    fn an_agenda_without_key_messages_says_so_instead_of_showing_an_empty_list() {
        use crate::app::Action;
        use crate::keymap::Key;
        use crate::views::Views;
        let mut app = crate::testing::conference_app();
        assert!(app.agenda.key_messages.is_empty());
        app.update(Command::ViewPeople.into());
        for key in [Key::ch('2'), Key::ch('m')] {
            let c = app.keymap.command(key).expect("bound by default");
            app.update(Action::Command(c));
            assert_eq!(app.view, View::People, "{key}: stays in the view it was in");
            let banner = app.banner.take().expect("a banner");
            assert_eq!(banner.text, "This agenda has no key messages");
            assert!(!banner.error);
        }
        let offered: Vec<_> = Views::offered(&app).collect();
        assert_eq!(
            offered,
            [View::Agenda, View::People, View::Notes, View::Grid]
        );
        // The hearing has them: `2` shows them.
        let mut hearing = hearing_app();
        hearing.update(Command::ViewMessages.into());
        assert_eq!(hearing.view, View::Messages);
        assert_eq!(hearing.banner, None);
        assert_eq!(Views::offered(&hearing).count(), View::ALL.len());
    }

    #[test]
    fn the_list_moves_and_a_new_message_starts_its_text_and_sessions_over() {
        let s = shared();
        let mut v = MessagesView {
            text_scroll: 3,
            ..MessagesView::default()
        };
        v.linked.selected = 1;
        assert_eq!(v.command(&s, Command::Down), Effect::None);
        assert_eq!(v.list.selected, 1);
        assert_eq!((v.text_scroll, v.linked.selected), (0, 0));
        v.command(&s, Command::Bottom);
        assert_eq!(v.list.selected, s.agenda.key_messages.len() - 1);
        v.command(&s, Command::Down);
        assert_eq!(v.list.selected, s.agenda.key_messages.len() - 1, "clamped");
    }

    #[test]
    fn enter_goes_to_the_sessions_then_to_the_agenda() {
        let s = shared();
        let mut v = MessagesView::default();
        assert_eq!(v.command(&s, Command::Open), Effect::None);
        assert_eq!(v.focus, Pane::Sessions);
        let linked = v.sessions(&s).to_vec();
        assert!(linked.len() > 1, "message 1 has several sessions");
        v.command(&s, Command::Down);
        assert_eq!(v.linked.selected, 1);
        assert_eq!(v.command(&s, Command::Open), Effect::GoTo(linked[1]));
        v.command(&s, Command::Bottom);
        v.command(&s, Command::Down);
        assert_eq!(v.linked.selected, linked.len() - 1, "clamped");
    }

    #[test]
    fn shown_again_it_starts_on_its_list() {
        let s = shared();
        let mut v = MessagesView::default();
        v.command(&s, Command::Down);
        v.command(&s, Command::Open);
        v.command(&s, Command::Down);
        v.enter();
        assert_eq!((v.focus, v.linked.selected), (Pane::List, 0));
        assert_eq!(v.list.selected, 1, "the message stays");
        assert_eq!(v.current(&s), 1);
    }

    #[test]
    fn a_new_agenda_keeps_the_message_by_id() {
        let mut s = shared();
        let mut v = MessagesView::default();
        v.select(&s, 2);
        let old = std::sync::Arc::clone(&s.agenda);
        let mut new = crate::agenda::Agenda::clone(&old);
        new.key_messages.remove(0);
        s.agenda = new.into();
        v.replaced(&old, &s);
        assert_eq!(
            s.agenda.key_messages[v.list.selected].id,
            old.key_messages[2].id
        );
    }
}
