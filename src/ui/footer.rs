//! The footer: the most useful keys (from the keymap), or the search box.

use super::text::width;
use crate::app::App;
use crate::views::Views;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the footer line.
pub struct Footer<'a>(pub &'a App);

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let s = &app.search;
        let mut spans: Vec<Span<'static>> = Vec::new();
        if s.editing || s.is_active() {
            spans.push(Span::styled(" /", t.key));
            spans.push(Span::styled(s.query.clone(), t.strong));
            if s.editing {
                spans.push(Span::styled("▏", t.key));
            }
            let (one, many) = Views::found(app.view);
            let found = count(app.views.matches(app.view, s).len(), one, many);
            let found_style = if s.is_active() && found.starts_with("0 ") {
                t.late
            } else {
                t.dim
            };
            spans.push(Span::styled(format!("  {found}  "), found_style));
            let hints: &[(&str, &str)] = if s.editing {
                &[("Enter", "keep"), ("Esc", "clear")]
            } else {
                &[("n", "next"), ("N", "previous"), ("Esc", "clear")]
            };
            for (k, what) in hints {
                spans.push(Span::styled(*k, t.key));
                spans.push(Span::styled(format!(" {what}  "), t.dim));
            }
        } else {
            spans.push(Span::raw(" "));
            let mut used = 1;
            let offered: Vec<_> = Views::offered(app).collect();
            for (key, label) in app.keymap.footer(app.view, app.overlay, &offered) {
                // Key, space, label; the two spaces after only separate.
                let w = width(&key) + width(label) + 1;
                if used + w > usize::from(area.width) {
                    break;
                }
                used += w + 2;
                spans.push(Span::styled(key, t.key));
                spans.push(Span::styled(format!(" {label}  "), t.dim));
            }
        }
        Line::from(spans).render(area, buf);
    }
}
