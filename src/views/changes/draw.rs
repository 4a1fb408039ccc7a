//! Drawing the changes view: one line per change, its mark (`+` new, `-`
//! cancelled, `~` changed) first.

use super::ChangesView;
use crate::agenda::changes::{Kind, Tally};
use crate::app::shared::Shared;
use crate::command::Pane;
use crate::ui::layout::Areas;
use crate::ui::pane::block;
use crate::ui::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the list of changes into its area.
pub fn render(view: &ChangesView, app: &Shared, areas: &Areas, buf: &mut Buffer) {
    let area = areas.pane(Pane::List);
    let t = &app.theme;
    let title = if view.changes.is_empty() {
        "Changes since you last looked".to_owned()
    } else {
        format!(
            "Changes since you last looked · {}",
            Tally::of(&view.changes)
        )
    };
    let pane = block(title, true, t);
    let inner = pane.inner(area);
    pane.render(area, buf);
    if view.changes.is_empty() {
        let text = if view.known {
            "Nothing changed since you last looked."
        } else {
            "This is the first version you have looked at."
        };
        Line::styled(text, t.dim).render(inner, buf);
        return;
    }
    let rows = view.changes.iter().enumerate().skip(view.list.top);
    for ((i, c), y) in rows.zip(inner.y..inner.y + inner.height) {
        let (mark, style) = match c.kind {
            Kind::Added => ("+ ", t.strong),
            Kind::Removed => ("- ", t.late),
            _ => ("~ ", t.text),
        };
        let star = if view.is_starred(c) { "★ " } else { "" };
        let room = usize::from(inner.width).saturating_sub(2 + star.chars().count());
        let mut line = Line::from(vec![
            Span::styled(mark, style),
            Span::styled(star, t.strong),
            Span::styled(truncate(&c.text, room), t.text),
        ]);
        let row = Rect::new(inner.x, y, inner.width, 1);
        if i == view.list.selected {
            buf.set_style(row, t.selected);
            line = line.patch_style(t.selected);
        }
        line.render(row, buf);
    }
}
