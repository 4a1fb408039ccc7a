//! The key messages view: every message, its full text, and the whole
//! programme with the sessions that speak to it highlighted.

use super::list_row::ListRow;
use super::pane::block;
use super::scrolled::Scrolled;
use super::text::{truncate, width};
use super::times;
use crate::app::{App, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The selected message's text at `width`.
pub fn text_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    if app.agenda.key_messages.is_empty() {
        return vec![Line::styled(
            "This agenda has no key messages.",
            app.theme.dim,
        )];
    }
    super::messages::message_lines(app, app.message.selected, usize::from(width))
}

/// The first programme row shown in a sessions pane of `height` rows, so
/// the selected linked session is in view. Shared with mouse hit-testing.
pub fn programme_top(app: &App, height: usize) -> usize {
    let n = app.agenda.sessions.len();
    let Some(&s) = app.linked_sessions().get(app.linked.selected) else {
        return 0;
    };
    s.saturating_sub(height / 3).min(n.saturating_sub(height))
}

/// Draws the key messages view.
pub struct MessagesView<'a>(pub &'a App);

impl MessagesView<'_> {
    /// Draws the three panes into their areas.
    pub fn render_into(self, list: Rect, text: Rect, sessions: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let pane = block(
            format!("Key messages · {}", app.agenda.key_messages.len()),
            app.focus == Pane::List,
            t,
        );
        let inner = pane.inner(list);
        pane.render(list, buf);
        let rows = app
            .agenda
            .key_messages
            .iter()
            .enumerate()
            .skip(app.message.top);
        for ((k, m), y) in rows.zip(inner.y..inner.y + inner.height) {
            ListRow {
                app,
                label: &m.label(),
                count: app.index.sessions_of_message[k].len(),
                matched: app.search.is_active() && app.search.messages.binary_search(&k).is_ok(),
                selected: k == app.message.selected,
                focused: app.focus == Pane::List,
            }
            .render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
        Scrolled {
            title: Line::from("Text"),
            lines: text_lines(app, text.width.saturating_sub(2)),
            scroll: app.message_text_scroll,
            focused: app.focus == Pane::Text,
            theme: t,
        }
        .render(text, buf);
        self.programme(sessions, buf);
    }

    fn programme(&self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let linked = app.linked_sessions();
        let title = format!("Sessions that speak to it · {}", linked.len());
        let focused = app.focus == Pane::Sessions;
        let pane = block(title, focused, t);
        let inner = pane.inner(area);
        pane.render(area, buf);
        let top = programme_top(app, usize::from(inner.height));
        let chosen = linked.get(app.linked.selected).copied();
        for (i, y) in (top..app.agenda.sessions.len()).zip(inner.y..inner.y + inner.height) {
            let s = &app.agenda.sessions[i];
            let lit = linked.binary_search(&i).is_ok();
            let style = t.selection(chosen == Some(i), focused).unwrap_or(if lit {
                t.strong
            } else {
                t.dim
            });
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
}
