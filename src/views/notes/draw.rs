//! Drawing the notes view: one row a note (stamp, session, text), the
//! selected note in full below.

use super::NotesView;
use crate::app::shared::Shared;
use crate::command::Pane;
use crate::ui::layout::Areas;
use crate::ui::pane::block;
use crate::ui::scrolled::Scrolled;
use crate::ui::text::{truncate, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The widest a session's title is in a row, in cells.
const TITLE_CELLS: usize = 24;

/// Draws the notes view into its areas.
pub fn render(view: &NotesView, app: &Shared, areas: &Areas, buf: &mut Buffer) {
    let area = areas.pane(Pane::List);
    let t = &app.theme;
    let notes = app.notes.all();
    let pane = block(format!("Your notes · {}", notes.len()), true, t);
    let inner = pane.inner(area);
    pane.render(area, buf);
    if notes.is_empty() {
        let key = app.keymap.keys_label(crate::command::Command::Back);
        let text = format!("No notes on this agenda yet. ({key} goes back)");
        Line::styled(text, t.dim).render(inner, buf);
    }
    let selected = view.list.selected.min(notes.len().saturating_sub(1));
    let rows = notes.iter().enumerate().skip(view.list.top);
    for ((i, n), y) in rows.zip(inner.y..inner.y + inner.height) {
        let stamp = crate::ui::notes::stamp(app, n);
        let gone = NotesView::session_of(app, n).is_none();
        let title = if gone {
            format!("gone: {}", n.session_title)
        } else {
            n.session_title.clone()
        };
        let title = truncate(&title, TITLE_CELLS);
        let pad = " ".repeat(TITLE_CELLS.saturating_sub(width(&title)));
        let used = width(&stamp) + 2 + TITLE_CELLS + 2;
        let room = usize::from(inner.width).saturating_sub(used);
        let text = truncate(&n.text, room);
        let matched = app.search.is_active() && app.search.notes.binary_search(&i).is_ok();
        let mut spans = vec![
            Span::styled(format!("{stamp}  "), t.dim),
            Span::styled(
                format!("{title}{pad}  "),
                if gone { t.dim } else { t.strong },
            ),
        ];
        spans.extend(crate::ui::notes::spans(
            &text,
            n,
            &app.agenda,
            t.text,
            t.key,
        ));
        let mut line = Line::from(spans);
        let row = Rect::new(inner.x, y, inner.width, 1);
        if i == selected {
            buf.set_style(row, t.selected);
            line = line.patch_style(t.selected);
        } else if matched {
            line = line.patch_style(t.matched);
        }
        line.render(row, buf);
    }
    let below = areas.pane(Pane::Note);
    if below.is_empty() {
        return;
    }
    let lines = view.note(app).map_or_else(Vec::new, |n| {
        let w = usize::from(below.width.saturating_sub(2));
        let mut out = vec![Line::styled(truncate(&n.session_title, w), t.strong)];
        out.extend(crate::ui::notes::lines(app, n, w));
        out
    });
    Scrolled {
        title: Line::from("Note"),
        lines,
        scroll: 0,
        focused: false,
        theme: t,
    }
    .render(below, buf);
}
