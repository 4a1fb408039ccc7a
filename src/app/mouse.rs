//! Clicks select and focus; the wheel scrolls the pane under the pointer.

use super::{App, Command, Pane};
use crate::ui::layout::inner_height;
use crate::views::Views;
use ratatui::layout::{Position, Rect};

/// Lines the wheel moves per notch.
const WHEEL_LINES: i16 = 3;

impl App {
    /// The pane at a cell, with its area.
    fn pane_at(&self, x: u16, y: u16) -> Option<(Pane, Rect)> {
        let s = self.screen();
        let at = Position::new(x, y);
        Views::all_panes(self.view)
            .iter()
            .map(|&p| (p, s.pane(p)))
            .find(|(_, r)| r.contains(at))
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        if self.overlay.is_some() {
            return;
        }
        let Some((pane, area)) = self.pane_at(x, y) else {
            return;
        };
        self.views.set_focus(self.view, pane);
        // The first line inside the border is item `top`.
        let Some(line) = y.checked_sub(area.y + 1).map(usize::from) else {
            return;
        };
        if line >= inner_height(area) {
            return;
        }
        let e = self
            .views
            .click(self.view, &self.shared, pane, area, (x, line));
        self.apply(e);
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, lines: i16) {
        self.wheel_in(x, y, lines, false);
    }

    pub(super) fn wheel_in(&mut self, x: u16, y: u16, lines: i16, sideways: bool) {
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
        if self.views.wheel(self.view, &self.shared, lines, sideways) || sideways {
            return;
        }
        let focus = self.focus();
        self.views.set_focus(self.view, pane);
        for _ in 0..steps {
            let e = self.views.command(self.view, &self.shared, command);
            self.apply(e);
        }
        self.views.set_focus(self.view, focus);
    }
}
