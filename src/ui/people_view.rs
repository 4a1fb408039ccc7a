//! The people view: everyone on the programme, and for the selected
//! person their sessions and roles.

use super::list_row::ListRow;
use super::pane::block;
use super::scrolled::Scrolled;
use super::text::{highlight, truncate, width, wrap};
use super::times;
use crate::agenda::Appearance;
use crate::app::{App, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The selected person's details at `width`.
pub fn info_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let Some(p) = app.agenda.people.get(app.person.selected) else {
        return vec![Line::styled("This agenda names no people.", t.dim)];
    };
    let q = if app.search.is_active() {
        app.search.query.as_str()
    } else {
        ""
    };
    let mut out = vec![Line::from(highlight(
        &p.display_name(),
        q,
        t.strong,
        t.matched,
    ))];
    if let Some(a) = &p.affiliation {
        out.extend(
            wrap(a, usize::from(width))
                .into_iter()
                .map(|l| Line::from(highlight(&l, q, t.dim, t.matched))),
        );
    }
    out
}

/// Draws the people view.
pub struct PeopleView<'a>(pub &'a App);

impl PeopleView<'_> {
    /// Draws the list, the person and their sessions into their areas.
    pub fn render_into(self, list: Rect, info: Rect, sessions: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let pane = block(
            format!("People · {}", app.agenda.people.len()),
            app.focus == Pane::List,
            t,
        );
        let inner = pane.inner(list);
        pane.render(list, buf);
        let rows = app.agenda.people.iter().enumerate().skip(app.person.top);
        for ((i, p), y) in rows.zip(inner.y..inner.y + inner.height) {
            ListRow {
                app,
                label: &p.display_name(),
                count: app.index.sessions_of_person[i].len(),
                matched: app.search.is_active() && app.search.people.binary_search(&i).is_ok(),
                selected: i == app.person.selected,
                focused: app.focus == Pane::List,
            }
            .render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
        Scrolled {
            title: Line::from("Person"),
            lines: info_lines(app, info.width.saturating_sub(2)),
            scroll: 0,
            focused: false,
            theme: t,
        }
        .render(info, buf);
        self.sessions(sessions, buf);
    }

    fn sessions(&self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let linked = app.linked_sessions();
        let focused = app.focus == Pane::Sessions;
        let pane = block(
            format!("Their sessions · {} · Enter to go", linked.len()),
            focused,
            t,
        );
        let inner = pane.inner(area);
        pane.render(area, buf);
        let person = app.person.selected;
        for ((n, &i), y) in linked
            .iter()
            .enumerate()
            .skip(app.linked.top)
            .zip(inner.y..inner.y + inner.height)
        {
            let s = &app.agenda.sessions[i];
            let style = t
                .selection(n == app.linked.selected, focused)
                .unwrap_or_default();
            let roles: Vec<String> = s
                .participants
                .iter()
                .filter(|p| p.person == person)
                .map(|p| {
                    let mut r = p.role.as_str().to_owned();
                    if p.appearance == Appearance::Video {
                        r.push_str(" ▶ video");
                    }
                    r
                })
                .collect();
            let role = format!(" {}", roles.join(", "));
            let time = if app.index.multi_day {
                format!("{} {}", s.date().format("%a %-d %b"), times::range(app, i))
            } else {
                times::range(app, i)
            };
            let title_w = usize::from(inner.width).saturating_sub(width(&time) + width(&role) + 1);
            let row = Rect::new(inner.x, y, inner.width, 1);
            buf.set_style(row, style);
            Line::from(vec![
                Span::raw(time),
                Span::raw(" "),
                Span::raw(truncate(&s.title, title_w)),
                Span::styled(role, t.video.patch(style)),
            ])
            .render(row, buf);
        }
    }
}
