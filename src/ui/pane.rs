//! The bordered block every pane sits in; focus shows in its border.

use crate::theme::Theme;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

/// A pane's block: thick, accented border when focused; plain otherwise.
pub fn block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    let (style, kind) = if focused {
        (theme.border_focus, theme.border_focus_type)
    } else {
        (theme.border, BorderType::Plain)
    };
    let title: Line<'a> = title.into();
    let mut spans = vec![Span::raw(" ")];
    spans.extend(title.spans);
    spans.push(Span::raw(" "));
    let title = Line::from(spans);
    let title = if focused {
        title.patch_style(theme.strong)
    } else {
        title
    };
    Block::new()
        .borders(Borders::ALL)
        .border_type(kind)
        .border_style(style)
        .title(title)
}
