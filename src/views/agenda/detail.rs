//! The full detail of the selected session, over the whole body.

use crate::app::shared::Shared;
use crate::ui::doc::Doc;
use crate::ui::scrolled::ScrolledDoc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

/// The detail overlay's lines at `width`.
pub fn lines(app: &Shared, width: u16) -> Vec<Line<'static>> {
    doc(app, width).all()
}

/// The detail overlay's lines at `width`, laid out as far as they are used.
pub fn doc(app: &Shared, width: u16) -> Doc<'_> {
    let t = &app.theme;
    let mut out = super::session::doc(app, width);
    out.line(Line::default());
    out.line(Line::styled("People", t.heading));
    out.lines(super::people::lines(app, width));
    // A conference's programme has none: no section to say so (the
    // user's notes on the session are in its part above then).
    if !app.agenda.key_messages.is_empty() {
        out.line(Line::default());
        out.line(Line::styled("Key messages", t.heading));
        out.lines(super::messages::lines(app, width));
    }
    out
}

/// Draws the detail overlay.
pub struct Detail<'a>(pub &'a Shared);

impl Widget for Detail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        Clear.render(area, buf);
        ScrolledDoc {
            title: Line::from("Session detail · Esc to close"),
            doc: doc(app, area.width.saturating_sub(2)),
            scroll: app.overlay_scroll,
            focused: true,
            theme: &app.theme,
        }
        .render(area, buf);
    }
}
