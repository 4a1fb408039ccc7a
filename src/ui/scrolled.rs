//! A bordered pane showing a window of prepared lines.

use super::doc::Doc;
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
        let total = self.lines.len();
        let mut lines = self.lines;
        draw(
            self.title,
            total,
            self.scroll,
            self.focused,
            self.theme,
            |from, _| lines.drain(from.min(lines.len())..).collect(),
            area,
            buf,
        );
    }
}

/// A [`Doc`] in a pane, scrolled: only the lines shown are built.
pub struct ScrolledDoc<'a> {
    /// The pane's title.
    pub title: Line<'a>,
    /// The lines, laid out at the pane's inner width.
    pub doc: Doc<'a>,
    /// The first line shown.
    pub scroll: usize,
    /// Whether the pane has focus.
    pub focused: bool,
    /// The theme.
    pub theme: &'a Theme,
}

impl Widget for ScrolledDoc<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let doc = self.doc;
        draw(
            self.title,
            doc.len(),
            self.scroll,
            self.focused,
            self.theme,
            |from, count| doc.window(from, count),
            area,
            buf,
        );
    }
}

/// Draws the pane: `total` lines scrolled by `scroll`, clamped; `window`
/// gives the lines from a first one, as many as are asked.
#[allow(clippy::too_many_arguments)] // The two widgets' fields, passed on.
fn draw<'a>(
    title: Line<'a>,
    total: usize,
    scroll: usize,
    focused: bool,
    theme: &Theme,
    window: impl FnOnce(usize, usize) -> Vec<Line<'a>>,
    area: Rect,
    buf: &mut Buffer,
) {
    let pane = block(title, focused, theme);
    let inner = pane.inner(area);
    let height = usize::from(inner.height);
    // The state may hold a scroll from a taller pane; clamp to this one.
    let scroll = scroll.min(total.saturating_sub(height));
    let mut pane = pane;
    if total > height && height > 0 {
        let shown = (scroll + height).min(total);
        pane = pane.title_bottom(
            Line::from(format!(" {shown}/{total} "))
                .right_aligned()
                .style(theme.dim),
        );
    }
    pane.render(area, buf);
    if height == 0 {
        return;
    }
    for (y, line) in (inner.y..inner.y + inner.height).zip(window(scroll, height)) {
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
