//! One row of the key messages or people list: a search mark, the label
//! (search matches lit), and a count at the right.

use super::text::{highlight, truncate, width};
use crate::app::shared::Shared;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// A list row.
pub struct ListRow<'a> {
    /// The state (theme and search).
    pub app: &'a Shared,
    /// What the row names.
    pub label: &'a str,
    /// How many sessions it has, shown at the right.
    pub count: usize,
    /// Whether it matches the search.
    pub matched: bool,
    /// Whether it is the selected row.
    pub selected: bool,
    /// Whether its list has focus.
    pub focused: bool,
}

impl Widget for ListRow<'_> {
    fn render(self, row: Rect, buf: &mut Buffer) {
        let t = &self.app.theme;
        let q = if self.app.search.is_active() {
            self.app.search.query.as_str()
        } else {
            ""
        };
        let count = format!(" {}", self.count);
        let w = usize::from(row.width);
        let label = truncate(self.label, w.saturating_sub(width(&count) + 2));
        let mark = if self.matched { "»" } else { " " };
        let mut spans = vec![Span::styled(mark, t.matched)];
        spans.extend(highlight(&label, q, Style::new(), t.matched));
        let pad = w.saturating_sub(1 + width(&label) + width(&count));
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(count, t.dim));
        buf.set_style(
            row,
            t.selection(self.selected, self.focused).unwrap_or_default(),
        );
        Line::from(spans).render(row, buf);
    }
}
