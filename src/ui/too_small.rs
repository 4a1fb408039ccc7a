//! What a terminal below the minimum size shows instead of the screen.

use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::text::wrap;
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// Draws "terminal too small", centred, clipped to any size.
pub struct TooSmall<'a>(pub &'a Theme);

impl Widget for TooSmall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let text = format!(
            "Terminal too small: {}x{}. dais needs {MIN_WIDTH}x{MIN_HEIGHT}.",
            area.width, area.height
        );
        let lines = wrap(&text, usize::from(area.width));
        let top = area
            .height
            .saturating_sub(u16::try_from(lines.len()).unwrap_or(u16::MAX))
            / 2;
        for (y, l) in (area.y + top..area.y + area.height).zip(lines) {
            Line::styled(l, self.0.strong)
                .centered()
                .render(Rect::new(area.x, y, area.width, 1), buf);
        }
    }
}
