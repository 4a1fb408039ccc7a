//! A session's marks in a list row: `★` starred, `⚠` clashing with
//! another starred session, `✕` hidden (shown after `X`).

use crate::app::shared::Shared;
use ratatui::text::Span;

/// The marks of session `i`, each followed by a space; none when it has
/// none.
pub fn spans(app: &Shared, i: usize) -> Vec<Span<'static>> {
    let (p, t) = (&app.programme, &app.theme);
    let mut spans = Vec::new();
    if p.is_starred(i) {
        spans.push(Span::styled("★", t.late));
        if !p.clashes(i).is_empty() {
            spans.push(Span::styled("⚠", t.error));
        }
        spans.push(Span::raw(" "));
    }
    if p.is_hidden(i) {
        spans.push(Span::styled("✕ ", t.dim));
    }
    spans
}
