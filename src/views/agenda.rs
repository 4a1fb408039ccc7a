//! The agenda view: the timeline and, for the selected session, its
//! details, its people and its key messages, each a pane of this view with
//! its scroll in this view's state.

use super::{Effect, ViewState, delta};
use crate::app::cursor::scroll;
use crate::app::index::Row;
use crate::app::search::Search;
use crate::app::shared::Shared;
use crate::command::{Command, Overlay, Pane};
use crate::ui::layout::{Areas, Screen, inner_height, inner_width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub mod detail;
pub mod layout;
pub mod messages;
pub mod people;
pub mod session;
pub mod timeline;

/// The agenda view's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AgendaView {
    /// The pane with the keys.
    pub focus: Pane,
    /// The timeline's first visible row.
    pub top: usize,
    /// Scroll of the selected session's pane, in lines.
    pub session_scroll: usize,
    /// Scroll of the selected session's people pane, in lines.
    pub people_scroll: usize,
    /// Scroll of the selected session's key messages pane, in lines.
    pub messages_scroll: usize,
}

impl AgendaView {
    /// The timeline widget, as this view draws it.
    pub fn timeline<'a>(&self, shared: &'a Shared) -> timeline::Timeline<'a> {
        timeline::Timeline {
            shared,
            top: self.top,
            highlight: None,
            focused: self.focus == Pane::Timeline,
        }
    }

    /// The selected session's pane, as this view draws it.
    pub fn session_pane<'a>(&self, shared: &'a Shared) -> session::SessionPane<'a> {
        session::SessionPane {
            shared,
            scroll: self.session_scroll,
            focused: self.focus == Pane::Session,
        }
    }

    /// The selected session's people pane, as this view draws it.
    pub fn people_pane<'a>(&self, shared: &'a Shared) -> people::PeoplePane<'a> {
        people::PeoplePane {
            shared,
            scroll: self.people_scroll,
            focused: self.focus == Pane::People,
        }
    }

    /// The selected session's key messages pane, as this view draws it.
    pub fn messages_pane<'a>(&self, shared: &'a Shared) -> messages::MessagesPane<'a> {
        messages::MessagesPane {
            shared,
            scroll: self.messages_scroll,
            focused: self.focus == Pane::Messages,
        }
    }

    /// Scrolls the timeline so the selected session (and the headings just
    /// above it) are visible.
    pub fn reveal_selected(&mut self, shared: &Shared) {
        let Some(&row) = shared.index.row_of.get(shared.selection) else {
            return;
        };
        let height = inner_height(self.areas(shared).pane(Pane::Timeline)).max(1);
        let rows = &shared.index.rows;
        let mut first = row;
        while first > 0 && row - first + 1 < height && rows[first - 1].is_heading() {
            first -= 1;
        }
        if first < self.top {
            self.top = first;
        } else if row >= self.top + height {
            self.top = row + 1 - height;
        }
        self.top = self.top.min(rows.len().saturating_sub(height));
    }

    /// `]` and `[`: the selection to the start of the next day or part, or
    /// of this one (or the one before), whichever pane has the keys.
    fn section(shared: &Shared, c: Command) -> Effect {
        let here = shared.selection;
        let to = if c == Command::NextSection {
            shared.index.next_section(here)
        } else {
            // Above the first heading: the first session.
            Some(shared.index.prev_section(here).unwrap_or(0))
        };
        match to.filter(|&to| to != here) {
            Some(to) => Effect::Select(to),
            None => Effect::None,
        }
    }

    /// Scrolls one of the text panes by what `c` asks.
    fn scroll_pane(&mut self, shared: &Shared, pane: Pane, c: Command) {
        let area = self.areas(shared).pane(pane);
        let (w, h) = (inner_width(area), inner_height(area));
        let (offset, lines) = match pane {
            Pane::Session => (&mut self.session_scroll, session::doc(shared, w).len()),
            Pane::People => (&mut self.people_scroll, people::lines(shared, w).len()),
            Pane::Messages => (&mut self.messages_scroll, messages::lines(shared, w).len()),
            _ => return,
        };
        *offset = scroll(*offset, delta(c, h), lines, h);
    }
}

impl ViewState for AgendaView {
    const PANES: &'static [Pane] = &[Pane::Timeline, Pane::People, Pane::Messages];
    const ALL_PANES: &'static [Pane] =
        &[Pane::Timeline, Pane::Session, Pane::People, Pane::Messages];
    const FOUND: (&'static str, &'static str) = ("session", "sessions");

    fn focus(&self) -> Pane {
        self.focus
    }

    fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
    }

    fn layout(&self, shared: &Shared, body: Rect) -> Areas {
        layout::areas(shared, body)
    }

    fn command(&mut self, shared: &Shared, c: Command) -> Effect {
        match c {
            Command::Open => Effect::Overlay(Overlay::Detail),
            Command::NextSection | Command::PrevSection => Self::section(shared, c),
            _ => match self.focus {
                Pane::Session | Pane::People | Pane::Messages => {
                    self.scroll_pane(shared, self.focus, c);
                    Effect::None
                }
                _ => {
                    let h = inner_height(self.areas(shared).pane(Pane::Timeline));
                    // Among the sessions the timeline shows (hidden ones
                    // and, after `o`, unstarred ones are left out).
                    let n = shared.agenda.sessions.len();
                    match shared.index.step(shared.selection, delta(c, h), n) {
                        Some(to) => Effect::Select(to),
                        None => Effect::None,
                    }
                }
            },
        }
    }

    fn click(&mut self, shared: &Shared, pane: Pane, _area: Rect, _x: u16, line: usize) -> Effect {
        match (pane, shared.index.rows.get(self.top + line)) {
            (Pane::Timeline, Some(Row::Session(i))) => Effect::Select(*i),
            _ => Effect::None,
        }
    }

    fn current(&self, shared: &Shared) -> usize {
        shared.selection
    }

    fn matches<'s>(&self, search: &'s Search) -> &'s [usize] {
        &search.matches
    }

    fn select(&mut self, _shared: &Shared, i: usize) -> Effect {
        Effect::Select(i)
    }

    fn selected(&mut self, shared: &Shared, moved: bool, _showing: bool) {
        if moved {
            self.session_scroll = 0;
            self.people_scroll = 0;
            self.messages_scroll = 0;
        }
        self.reveal_selected(shared);
    }

    fn reveal(&mut self, shared: &Shared, _showing: bool) {
        self.reveal_selected(shared);
    }

    fn replaced(&mut self, _old: &crate::agenda::Agenda, shared: &Shared) {
        self.top = 0;
        self.reveal_selected(shared);
    }

    fn render(&self, shared: &Shared, screen: &Screen, buf: &mut Buffer) {
        self.timeline(shared)
            .render(screen.pane(Pane::Timeline), buf);
        self.session_pane(shared)
            .render(screen.pane(Pane::Session), buf);
        self.people_pane(shared)
            .render(screen.pane(Pane::People), buf);
        self.messages_pane(shared)
            .render(screen.pane(Pane::Messages), buf);
    }
}

#[cfg(test)]
mod tests {
    use super::AgendaView;
    use crate::app::shared::Shared;
    use crate::command::{Command, Overlay, Pane};
    use crate::testing::hearing_app;
    use crate::views::{Effect, ViewState};

    /// The hearing at 120x40, Panel 1 (session 2) selected.
    fn shared() -> Shared {
        let mut s = hearing_app().shared;
        s.size = (120, 40);
        assert_eq!(s.selection, 2);
        s
    }

    #[test]
    fn movement_in_the_timeline_asks_to_select_a_session() {
        let s = shared();
        let mut v = AgendaView::default();
        assert_eq!(v.command(&s, Command::Down), Effect::Select(3));
        assert_eq!(v.command(&s, Command::Up), Effect::Select(1));
        let last = s.agenda.sessions.len() - 1;
        assert_eq!(v.command(&s, Command::Bottom), Effect::Select(last));
        assert_eq!(v.command(&s, Command::PageDown), Effect::Select(last));
        assert_eq!(v.command(&s, Command::Top), Effect::Select(0));
        assert_eq!(v, AgendaView::default(), "the view itself is unchanged");
    }

    #[test]
    fn enter_opens_the_detail_and_sections_step_by_part() {
        let s = shared();
        let mut v = AgendaView::default();
        assert_eq!(
            v.command(&s, Command::Open),
            Effect::Overlay(Overlay::Detail)
        );
        let next = s.index.next_section(2).expect("a part after Panel 1");
        assert_eq!(v.command(&s, Command::NextSection), Effect::Select(next));
        // From the panel, [ goes to the start of its part.
        let prev = s.index.prev_section(2).expect("Panel 1 is in a part");
        assert_eq!(v.command(&s, Command::PrevSection), Effect::Select(prev));
    }

    #[test]
    fn a_focused_text_pane_scrolls_and_a_new_selection_resets_it() {
        let mut s = shared();
        s.size = (80, 24);
        let mut v = AgendaView {
            focus: Pane::People,
            ..AgendaView::default()
        };
        assert_eq!(v.command(&s, Command::Down), Effect::None);
        assert_eq!(v.people_scroll, 1, "Panel 1's people do not fit 80x24");
        assert_eq!(v.command(&s, Command::Up), Effect::None);
        assert_eq!(v.people_scroll, 0);
        v.command(&s, Command::Bottom);
        assert!(v.people_scroll > 1);
        v.selected(&s, false, true);
        assert!(v.people_scroll > 1, "the same session keeps its scroll");
        v.selected(&s, true, true);
        assert_eq!(v.people_scroll, 0);
    }

    #[test]
    fn tab_passes_the_session_pane_by_and_a_click_selects_a_row() {
        let s = shared();
        let mut v = AgendaView::default();
        v.cycle_focus(&s, true);
        assert_eq!(v.focus, Pane::People);
        v.cycle_focus(&s, true);
        assert_eq!(v.focus, Pane::Messages);
        v.cycle_focus(&s, true);
        assert_eq!(v.focus, Pane::Timeline);
        let area = v.areas(&s).pane(Pane::Timeline);
        let row = s.index.row_of[3];
        assert_eq!(v.click(&s, Pane::Timeline, area, 0, row), Effect::Select(3));
        let heading = s.index.row_of[0] - 1;
        assert_eq!(v.click(&s, Pane::Timeline, area, 0, heading), Effect::None);
    }

    #[test]
    fn the_timeline_scrolls_to_the_selection() {
        let mut s = shared();
        s.size = (80, 16);
        let mut v = AgendaView::default();
        s.selection = s.agenda.sessions.len() - 1;
        v.selected(&s, true, true);
        assert!(v.top > 0);
        s.selection = 0;
        v.selected(&s, true, true);
        assert_eq!(v.top, 0, "the headings above the first session show");
    }
}
