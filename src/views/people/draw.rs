//! Drawing the people view: the list, the person, their sessions.

use super::PeopleView;
use crate::agenda::Appearance;
use crate::app::shared::Shared;
use crate::command::Pane;
use crate::ui::layout::Areas;
use crate::ui::list_row::ListRow;
use crate::ui::pane::block;
use crate::ui::scrolled::Scrolled;
use crate::ui::text::{highlight, truncate, width, wrap};
use crate::ui::times;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Person `person`'s details at `width`.
pub fn info_lines(app: &Shared, person: usize, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let Some(p) = app.agenda.people.get(person) else {
        return vec![Line::styled("This agenda names no people.", t.dim)];
    };
    let q = if app.search.is_active() {
        app.search.query.as_str()
    } else {
        ""
    };
    let mut out = vec![Line::from(highlight(
        &app.index
            .person_labels
            .get(person)
            .cloned()
            .unwrap_or_else(|| p.display_name()),
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

/// Draws the people view into its areas: the list, the person and their
/// sessions.
pub fn render(view: &PeopleView, app: &Shared, areas: &Areas, buf: &mut Buffer) {
    let (list, info, sessions) = (
        areas.pane(Pane::List),
        areas.pane(Pane::Text),
        areas.pane(Pane::Sessions),
    );
    let t = &app.theme;
    let pane = block(
        format!("People · {}", app.agenda.people.len()),
        view.focus == Pane::List,
        t,
    );
    let inner = pane.inner(list);
    pane.render(list, buf);
    let rows = app.agenda.people.iter().enumerate().skip(view.list.top);
    for ((i, p), y) in rows.zip(inner.y..inner.y + inner.height) {
        ListRow {
            app,
            label: &app
                .index
                .person_labels
                .get(i)
                .cloned()
                .unwrap_or_else(|| p.display_name()),
            count: app.index.sessions_of_person[i].len(),
            matched: app.search.is_active() && app.search.people.binary_search(&i).is_ok(),
            selected: i == view.list.selected,
            focused: view.focus == Pane::List,
        }
        .render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
    Scrolled {
        title: Line::from("Person"),
        lines: info_lines(app, view.list.selected, info.width.saturating_sub(2)),
        scroll: 0,
        focused: false,
        theme: t,
    }
    .render(info, buf);
    sessions_pane(view, app, sessions, buf);
}

fn sessions_pane(view: &PeopleView, app: &Shared, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let linked = view.sessions(app);
    let focused = view.focus == Pane::Sessions;
    let pane = block(
        format!("Their sessions · {} · Enter to go", linked.len()),
        focused,
        t,
    );
    let inner = pane.inner(area);
    pane.render(area, buf);
    let person = view.list.selected;
    for ((n, &i), y) in linked
        .iter()
        .enumerate()
        .skip(view.linked.top)
        .zip(inner.y..inner.y + inner.height)
    {
        let s = &app.agenda.sessions[i];
        let style = t
            .selection(n == view.linked.selected, focused)
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
        // Set off from the title as the agenda sets off its facts.
        let role = format!(" · {}", roles.join(", "));
        let time = if app.index.multi_day {
            format!("{} {}", s.date().format("%a %-d %b"), times::range(app, i))
        } else {
            times::range(app, i)
        };
        let mut spans = vec![Span::raw(time), Span::raw(" ")];
        spans.extend(crate::ui::marks::spans(app, i));
        let used = crate::ui::text::spans_width(&spans);
        let title_w = usize::from(inner.width).saturating_sub(used + width(&role));
        spans.push(Span::raw(truncate(&s.title, title_w)));
        spans.push(Span::styled(role, t.video.patch(style)));
        let row = Rect::new(inner.x, y, inner.width, 1);
        buf.set_style(row, style);
        Line::from(spans).render(row, buf);
    }
}
