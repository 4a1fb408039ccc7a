//! A bordered pane showing a window of prepared lines.

use super::pane::block;
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// Lines in a pane, scrolled; a "more" mark shows when some are hidden.
pub struct Scrolled<'a> {
    /// The pane's title.
    pub title: Line<'a>,
    /// All the lines (already fitted to the width).
    pub lines: Vec<Line<'a>>,
    /// The first line shown.
    pub scroll: usize,
    /// Whether the pane has focus.
    pub focused: bool,
    /// The theme.
    pub theme: &'a Theme,
}

impl Widget for Scrolled<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let pane = block(self.title, self.focused, self.theme);
        let inner = pane.inner(area);
        let height = usize::from(inner.height);
        let total = self.lines.len();
        // The state may hold a scroll from a taller pane; clamp to this one.
        let scroll = self.scroll.min(total.saturating_sub(height));
        let mut pane = pane;
        if total > height && height > 0 {
            let shown = (scroll + height).min(total);
            pane = pane.title_bottom(
                Line::from(format!(" {shown}/{total} "))
                    .right_aligned()
                    .style(self.theme.dim),
            );
        }
        pane.render(area, buf);
        for (y, line) in (inner.y..inner.y + inner.height).zip(self.lines.into_iter().skip(scroll))
        {
            line.render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}
