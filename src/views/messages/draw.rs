//! Drawing the key messages view: the list, the text, the programme.

use super::MessagesView;
use crate::app::shared::Shared;
use crate::command::Pane;
use crate::ui::layout::Areas;
use crate::ui::list_row::ListRow;
use crate::ui::pane::block;
use crate::ui::scrolled::Scrolled;
use crate::ui::text::{truncate, width};
use crate::ui::times;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Message `k`'s text at `width`.
pub fn text_lines(app: &Shared, k: usize, width: u16) -> Vec<Line<'static>> {
    if app.agenda.key_messages.is_empty() {
        return vec![Line::styled(
            "This agenda has no key messages.",
            app.theme.dim,
        )];
    }
    crate::views::agenda::messages::message_lines(app, k, usize::from(width))
}

/// Draws the key messages view into its areas.
pub fn render(view: &MessagesView, app: &Shared, areas: &Areas, buf: &mut Buffer) {
    let (list, text, sessions) = (
        areas.pane(Pane::List),
        areas.pane(Pane::Text),
        areas.pane(Pane::Sessions),
    );
    let t = &app.theme;
    let pane = block(
        format!("Key messages · {}", app.agenda.key_messages.len()),
        view.focus == Pane::List,
        t,
    );
    let inner = pane.inner(list);
    pane.render(list, buf);
    let rows = app
        .agenda
        .key_messages
        .iter()
        .enumerate()
        .skip(view.list.top);
    for ((k, m), y) in rows.zip(inner.y..inner.y + inner.height) {
        ListRow {
            app,
            label: &m.label(),
            count: app.index.sessions_of_message[k].len(),
            matched: app.search.is_active() && app.search.messages.binary_search(&k).is_ok(),
            selected: k == view.list.selected,
            focused: view.focus == Pane::List,
        }
        .render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
    Scrolled {
        title: Line::from("Text"),
        lines: view.text_lines(app, text.width.saturating_sub(2)),
        scroll: view.text_scroll,
        focused: view.focus == Pane::Text,
        theme: t,
    }
    .render(text, buf);
    programme(view, app, sessions, buf);
}

fn programme(view: &MessagesView, app: &Shared, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let linked = view.sessions(app);
    let title = format!("Sessions that speak to it · {}", linked.len());
    let focused = view.focus == Pane::Sessions;
    let pane = block(title, focused, t);
    let inner = pane.inner(area);
    pane.render(area, buf);
    let top = view.programme_top(app, usize::from(inner.height));
    let chosen = linked.get(view.linked.selected).copied();
    for (i, y) in (top..app.agenda.sessions.len()).zip(inner.y..inner.y + inner.height) {
        let s = &app.agenda.sessions[i];
        let lit = linked.binary_search(&i).is_ok();
        let style =
            t.selection(chosen == Some(i), focused)
                .unwrap_or(if lit { t.strong } else { t.dim });
        let mark = if lit {
            Span::styled("» ", t.matched)
        } else {
            Span::raw("  ")
        };
        let time = times::range(app, i);
        let title_w = usize::from(inner.width).saturating_sub(width(&time) + 3);
        let row = Rect::new(inner.x, y, inner.width, 1);
        buf.set_style(row, style);
        Line::from(vec![
            mark,
            Span::raw(time),
            Span::raw(" "),
            Span::raw(truncate(&s.title, title_w)),
        ])
        .render(row, buf);
    }
    if linked.is_empty() && inner.height > 0 {
        Line::styled("No session is linked to this message.", t.dim).render(
            Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1),
            buf,
        );
    }
}
