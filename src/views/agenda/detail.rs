//! The full detail of the selected session, over the whole body.

use crate::app::shared::Shared;
use crate::ui::scrolled::Scrolled;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

/// The detail overlay's lines at `width`.
pub fn lines(app: &Shared, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = super::session::lines(app, width);
    out.push(Line::default());
    out.push(Line::styled("People", t.heading));
    out.extend(super::people::lines(app, width));
    out.push(Line::default());
    out.push(Line::styled("Key messages", t.heading));
    out.extend(super::messages::lines(app, width));
    out
}

/// Draws the detail overlay.
pub struct Detail<'a>(pub &'a Shared);

impl Widget for Detail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        Clear.render(area, buf);
        Scrolled {
            title: Line::from("Session detail · Esc to close"),
            lines: lines(app, area.width.saturating_sub(2)),
            scroll: app.overlay_scroll,
            focused: true,
            theme: &app.theme,
        }
        .render(area, buf);
    }
}
