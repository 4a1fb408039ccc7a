//! Moving the selection and scrolling panes, in every view.

use super::{App, Command, Cursor, Overlay, Pane, Row, View, cursor};
use crate::ui::layout::Screen;
use ratatui::layout::Rect;

/// How far a movement command goes in a window of `height` lines.
fn delta(c: Command, height: usize) -> isize {
    let page = isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(isize::MAX);
    match c {
        Command::Up => -1,
        Command::Down => 1,
        Command::PageUp => -page,
        Command::PageDown => page,
        Command::Top => isize::MIN / 2,
        Command::Bottom => isize::MAX / 2,
        _ => 0,
    }
}

/// Lines inside a bordered pane.
pub(super) fn inner_height(r: Rect) -> usize {
    usize::from(r.height.saturating_sub(2))
}

fn inner_width(r: Rect) -> u16 {
    r.width.saturating_sub(2)
}

impl App {
    /// Where everything is on the current terminal.
    pub fn screen(&self) -> Screen {
        Screen::compute(Rect::new(0, 0, self.size.0, self.size.1), self)
    }

    /// The view's panes, in Tab order, that this size has room for (all of
    /// them when the terminal is too small to draw any, or when they take
    /// turns in one place).
    pub(super) fn shown_panes(&self) -> Vec<Pane> {
        let s = self.screen();
        let all = self.view.panes().iter().copied();
        if s.too_small || s.taking_turns {
            return all.collect();
        }
        all.filter(|&p| !s.pane(self.view, p).is_empty()).collect()
    }

    pub(super) fn navigate(&mut self, c: Command) {
        let screen = self.screen();
        match (self.view, self.focus) {
            (View::Agenda, Pane::Session) => {
                let lines = crate::ui::session::lines(self, inner_width(screen.session)).len();
                let h = inner_height(screen.session);
                self.session_scroll = cursor::scroll(self.session_scroll, delta(c, h), lines, h);
            }
            (View::Agenda, Pane::People) => {
                let lines = crate::ui::people::lines(self, inner_width(screen.people)).len();
                let h = inner_height(screen.people);
                self.people_scroll = cursor::scroll(self.people_scroll, delta(c, h), lines, h);
            }
            (View::Agenda, Pane::Messages) => {
                let lines = crate::ui::messages::lines(self, inner_width(screen.messages)).len();
                let h = inner_height(screen.messages);
                self.messages_scroll = cursor::scroll(self.messages_scroll, delta(c, h), lines, h);
            }
            (View::Agenda, _) => {
                self.live.follow = false;
                let n = self.agenda.sessions.len();
                let to = self
                    .timeline
                    .selected
                    .saturating_add_signed(delta(c, inner_height(screen.timeline)))
                    .min(n.saturating_sub(1));
                self.select_session(to);
            }
            (View::Messages, Pane::Text) => {
                let lines =
                    crate::ui::messages_view::text_lines(self, inner_width(screen.text)).len();
                let h = inner_height(screen.text);
                self.message_text_scroll =
                    cursor::scroll(self.message_text_scroll, delta(c, h), lines, h);
            }
            (View::Messages, Pane::List) => {
                let h = inner_height(screen.list);
                let n = self.agenda.key_messages.len();
                self.message.step(delta(c, h), n, h);
                self.message_text_scroll = 0;
                self.linked = Cursor::default();
            }
            (View::People, Pane::List) => {
                let h = inner_height(screen.list);
                self.person.step(delta(c, h), self.agenda.people.len(), h);
                self.linked = Cursor::default();
            }
            (_, _) => {
                let h = inner_height(screen.sessions);
                let n = self.linked_sessions().len();
                self.linked.step(delta(c, h), n, h);
            }
        }
    }

    /// `]` and `[`: the timeline's selection to the start of the next day
    /// or part, or of this one (or the one before). In the agenda view,
    /// whichever pane has the keys.
    pub(super) fn section(&mut self, c: Command) {
        if self.view != View::Agenda {
            return;
        }
        let here = self.timeline.selected;
        let to = if c == Command::NextSection {
            self.index.next_section(here)
        } else {
            // Above the first heading: the first session.
            Some(self.index.prev_section(here).unwrap_or(0))
        };
        if let Some(to) = to.filter(|&to| to != here) {
            self.live.follow = false;
            self.select_session(to);
        }
    }

    /// Scrolls the timeline so the selected session (and the headings just
    /// above it) are visible.
    pub fn reveal_selected(&mut self) {
        let Some(&row) = self.index.row_of.get(self.timeline.selected) else {
            return;
        };
        let height = inner_height(self.screen().timeline).max(1);
        let mut first = row;
        while first > 0
            && row - first + 1 < height
            && matches!(self.index.rows[first - 1], Row::Day(_) | Row::Part(_))
        {
            first -= 1;
        }
        if first < self.timeline.top {
            self.timeline.top = first;
        } else if row >= self.timeline.top + height {
            self.timeline.top = row + 1 - height;
        }
        let last_top = self.index.rows.len().saturating_sub(height);
        self.timeline.top = self.timeline.top.min(last_top);
    }

    /// Scrolls the key messages or people view's lists so their selections
    /// are visible and no rows are wasted past the end, after the panes
    /// changed size (a resize, or the view just shown).
    pub(super) fn reveal_lists(&mut self) {
        let s = self.screen();
        let (list, sessions) = (inner_height(s.list), inner_height(s.sessions));
        let (cursor, len) = match self.view {
            View::Agenda => return,
            View::Messages => (&mut self.message, self.agenda.key_messages.len()),
            View::People => (&mut self.person, self.agenda.people.len()),
        };
        cursor.top = cursor.top.min(len.saturating_sub(list));
        cursor.reveal(list);
        if self.view == View::People {
            let len = self.linked_sessions().len();
            self.linked.top = self.linked.top.min(len.saturating_sub(sessions));
            self.linked.reveal(sessions);
        }
    }

    /// Rows in the list pane of the key messages or people view.
    pub(super) fn list_height(&self) -> usize {
        inner_height(self.screen().list)
    }

    pub(super) fn overlay_height(&self) -> usize {
        inner_height(self.screen().overlay)
    }

    pub(super) fn overlay_lines(&self) -> usize {
        let width = inner_width(self.screen().overlay);
        match self.overlay {
            Some(Overlay::Help) => crate::ui::help::lines(self).len(),
            Some(Overlay::Detail) => crate::ui::detail::lines(self, width).len(),
            None => 0,
        }
    }
}
