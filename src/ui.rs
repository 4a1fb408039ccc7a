//! Drawing: a pure function of the state into a buffer. The frame
//! (header, status line, footer, overlays) is drawn here; the body by the
//! view that is showing (see `views`).

use crate::app::App;
use crate::command::Overlay;
use crate::views::agenda::detail::Detail;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub mod doc;
pub mod footer;
pub mod grid;
pub mod header;
pub mod help;
pub mod layout;
pub mod list_row;
pub mod marks;
pub mod note_input;
pub mod notes;
pub mod pane;
pub mod scrolled;
pub mod status;
pub mod text;
pub mod times;
pub mod too_small;
pub mod wraps;

/// The whole screen, as a widget.
pub struct Screen<'a>(pub &'a App);

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let s = app.screen_in(area);
        if s.too_small {
            too_small::TooSmall(&app.theme).render(area, buf);
            return;
        }
        header::Header(app).render(s.header, buf);
        status::StatusLine(app).render(s.status, buf);
        app.views.render(app.view, app, &s, buf);
        match app.overlay {
            Some(Overlay::Help) => help::Help(app).render(s.overlay, buf),
            Some(Overlay::Detail) => Detail(app).render(s.overlay, buf),
            None => {}
        }
        match &app.compose {
            Some(c) => note_input::NoteInput(app, c).render(s.footer, buf),
            None => footer::Footer(app).render(s.footer, buf),
        }
    }
}
