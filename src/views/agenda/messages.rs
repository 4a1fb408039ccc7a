//! The selected session's key messages in full, or suggestions when it
//! links none; then the user's notes on it (`Your notes · 3`), newest
//! last.

use crate::app::shared::Shared;
use crate::ui::scrolled::Scrolled;
use crate::ui::text::{highlight, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The lines of key message `k` in full: numbered title, then paragraphs.
pub fn message_lines(app: &Shared, k: usize, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let q = if app.search.is_active() {
        app.search.query.as_str()
    } else {
        ""
    };
    let m = &app.agenda.key_messages[k];
    let mut out: Vec<Line<'static>> = wrap(&m.label(), width)
        .into_iter()
        .map(|l| Line::from(highlight(&l, q, t.strong, t.matched)))
        .collect();
    for p in &m.text {
        out.push(Line::default());
        out.extend(
            wrap(p, width)
                .into_iter()
                .map(|l| Line::from(highlight(&l, q, t.text, t.matched))),
        );
    }
    out
}

/// The key messages pane's lines at `width`: the key messages, then the
/// user's notes on the session.
pub fn lines(app: &Shared, width: u16) -> Vec<Line<'static>> {
    let mut out = message_pane_lines(app, width);
    out.extend(notes_lines(app, width));
    out
}

/// The user's notes on the selected session at `width`, oldest first,
/// under a blank line and `Your notes · N`; none if it has none.
pub fn notes_lines(app: &Shared, width: u16) -> Vec<Line<'static>> {
    let notes: Vec<_> = app.notes_of(app.selected()).collect();
    let mut out = Vec::new();
    if !notes.is_empty() {
        out.push(Line::default());
        out.push(Line::styled(
            format!("Your notes · {}", notes.len()),
            app.theme.heading,
        ));
        for n in notes {
            out.extend(crate::ui::notes::lines(app, n, usize::from(width)));
        }
    }
    out
}

fn message_pane_lines(app: &Shared, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let w = usize::from(width);
    let Some(s) = app.agenda.sessions.get(app.selected()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if app.agenda.key_messages.is_empty() {
        out.push(Line::styled("This agenda has no key messages.", t.dim));
        return out;
    }
    for (n, &k) in s.key_messages.iter().enumerate() {
        if n > 0 {
            out.push(Line::default());
        }
        out.extend(message_lines(app, k, w));
    }
    if !out.is_empty() {
        return out;
    }
    let suggestions = app.suggester.suggest(s, 3);
    if suggestions.is_empty() {
        out.extend(
            wrap(
                "No key messages are linked to this session, and none shares its terms.",
                w,
            )
            .into_iter()
            .map(|l| Line::styled(l, t.dim)),
        );
        return out;
    }
    out.extend(
        wrap(
            "No key messages are linked to this session. Suggestions, by shared terms:",
            w,
        )
        .into_iter()
        .map(|l| Line::styled(l, t.dim)),
    );
    for sug in suggestions {
        out.push(Line::default());
        let label = format!(
            "suggested: {}",
            app.agenda.key_messages[sug.message].label()
        );
        out.extend(
            wrap(&label, w)
                .into_iter()
                .map(|l| Line::styled(l, t.suggestion)),
        );
        let terms = format!("shared terms: {}", sug.terms.join(", "));
        out.extend(
            wrap(&terms, w.saturating_sub(2))
                .into_iter()
                .map(|l| Line::from(vec![Span::raw("  "), Span::styled(l, t.dim)])),
        );
    }
    out
}

/// Draws the key messages pane.
pub struct MessagesPane<'a> {
    /// The shared state.
    pub shared: &'a Shared,
    /// The first line shown.
    pub scroll: usize,
    /// Whether the pane has the keys.
    pub focused: bool,
}

impl Widget for MessagesPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.shared;
        let n = app
            .agenda
            .sessions
            .get(app.selected())
            .map_or(0, |s| s.key_messages.len());
        // The notes come after the messages: the title says they are there.
        let title = match app.notes_of(app.selected()).count() {
            0 => format!("Key messages · {n}"),
            1 => format!("Key messages · {n} · 1 note"),
            notes => format!("Key messages · {n} · {notes} notes"),
        };
        Scrolled {
            title: Line::from(title),
            lines: lines(app, area.width.saturating_sub(2)),
            scroll: self.scroll,
            focused: self.focused,
            theme: &app.theme,
        }
        .render(area, buf);
    }
}
