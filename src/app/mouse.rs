//! Clicks select and focus; the wheel scrolls the pane under the pointer.

use super::navigate::inner_height;
use super::{App, Command, Pane, Row, View};
use ratatui::layout::{Position, Rect};

/// Lines the wheel moves per notch.
const WHEEL_LINES: i16 = 3;

impl App {
    /// The pane at a cell, with its area.
    fn pane_at(&self, x: u16, y: u16) -> Option<(Pane, Rect)> {
        let s = self.screen();
        let at = Position::new(x, y);
        self.view
            .all_panes()
            .iter()
            .map(|&p| (p, s.pane(self.view, p)))
            .find(|(_, r)| r.contains(at))
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        if self.overlay.is_some() {
            return;
        }
        let Some((pane, area)) = self.pane_at(x, y) else {
            return;
        };
        self.focus = pane;
        // The first line inside the border is item `top`.
        let Some(line) = y.checked_sub(area.y + 1).map(usize::from) else {
            return;
        };
        if line >= inner_height(area) {
            return;
        }
        match (self.view, pane) {
            (View::Agenda, Pane::Timeline) => {
                if let Some(Row::Session(i)) = self.index.rows.get(self.timeline.top + line) {
                    self.live.follow = false;
                    self.select_session(*i);
                }
            }
            (View::Messages | View::People, Pane::List) => {
                let at = match self.view {
                    View::Messages => self.message.top,
                    _ => self.person.top,
                } + line;
                let len = match self.view {
                    View::Messages => self.agenda.key_messages.len(),
                    _ => self.agenda.people.len(),
                };
                if at < len {
                    self.select_item(at);
                }
            }
            (View::Messages, Pane::Sessions) => {
                let row = crate::ui::messages_view::programme_top(self, inner_height(area)) + line;
                if let Ok(at) = self.linked_sessions().binary_search(&row) {
                    self.linked.selected = at;
                }
            }
            (View::People, Pane::Sessions) => {
                let at = self.linked.top + line;
                if at < self.linked_sessions().len() {
                    self.linked.selected = at;
                }
            }
            _ => {}
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, lines: i16) {
        let command = if lines < 0 {
            Command::Up
        } else {
            Command::Down
        };
        let steps = lines.unsigned_abs() * WHEEL_LINES.unsigned_abs();
        if self.overlay.is_some() {
            for _ in 0..steps {
                self.update(command.into());
            }
            return;
        }
        let Some((pane, _)) = self.pane_at(x, y) else {
            return;
        };
        let focus = std::mem::replace(&mut self.focus, pane);
        for _ in 0..steps {
            self.navigate(command);
        }
        self.focus = focus;
    }
}
