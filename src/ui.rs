//! Drawing: a pure function of the state into a buffer.

use crate::app::{App, Overlay, View};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub mod detail;
pub mod footer;
pub mod header;
pub mod help;
pub mod layout;
pub mod list_row;
pub mod messages;
pub mod messages_view;
pub mod pane;
pub mod people;
pub mod people_view;
pub mod scrolled;
pub mod session;
pub mod status;
pub mod text;
pub mod timeline;
pub mod times;
pub mod too_small;

/// The whole screen, as a widget.
pub struct Screen<'a>(pub &'a App);

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let s = layout::Screen::compute(area, app);
        if s.too_small {
            too_small::TooSmall(&app.theme).render(area, buf);
            return;
        }
        header::Header(app).render(s.header, buf);
        status::StatusLine(app).render(s.status, buf);
        match app.view {
            View::Agenda => {
                timeline::Timeline::new(app).render(s.timeline, buf);
                session::SessionPane(app).render(s.session, buf);
                people::PeoplePane(app).render(s.people, buf);
                messages::MessagesPane(app).render(s.messages, buf);
            }
            View::Messages => {
                messages_view::MessagesView(app).render_into(s.list, s.text, s.sessions, buf);
            }
            View::People => {
                people_view::PeopleView(app).render_into(s.list, s.text, s.sessions, buf);
            }
        }
        match app.overlay {
            Some(Overlay::Help) => help::Help(app).render(s.overlay, buf),
            Some(Overlay::Detail) => detail::Detail(app).render(s.overlay, buf),
            None => {}
        }
        footer::Footer(app).render(s.footer, buf);
    }
}
