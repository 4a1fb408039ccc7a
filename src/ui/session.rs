//! The selected session: title, time, length, part, notes, description.

use super::scrolled::Scrolled;
use super::text::{self, highlight, wrap};
use super::times;
use crate::agenda::humanize_minutes;
use crate::app::{App, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The session pane's lines at `width`.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let Some(s) = app.agenda.sessions.get(app.selected()) else {
        return Vec::new();
    };
    let i = app.selected();
    let t = &app.theme;
    let w = usize::from(width);
    let q = if app.search.is_active() {
        app.search.query.as_str()
    } else {
        ""
    };
    let mut out: Vec<Line<'static>> = wrap(&s.title, w)
        .into_iter()
        .map(|l| Line::from(highlight(&l, q, t.strong, t.matched)))
        .collect();
    let mut facts = Vec::new();
    if app.index.multi_day {
        facts.push(s.date().format("%a %-d %b").to_string());
    }
    facts.push(times::range(app, i));
    facts.push(humanize_minutes(s.span.minutes()));
    facts.extend(s.part.clone());
    facts.extend(s.room.clone());
    facts.extend(s.track.clone());
    facts.push(s.kind.as_str().to_owned());
    let mut facts = wrap(&facts.join(" · "), w);
    let last = facts.pop().unwrap_or_default();
    out.extend(facts.into_iter().map(|l| Line::styled(l, t.text)));
    if app.live.shift.minutes(i) == 0 {
        out.push(Line::styled(last, t.text));
    } else {
        // After the facts, on their last line if it fits.
        let planned = format!("(planned {})", times::planned(app, i));
        if text::width(&last) + 2 + text::width(&planned) <= w {
            out.push(Line::from(vec![
                Span::styled(last, t.text),
                Span::raw("  "),
                Span::styled(planned, t.late),
            ]));
        } else {
            out.push(Line::styled(last, t.text));
            out.extend(
                wrap(&planned, w)
                    .into_iter()
                    .map(|l| Line::styled(l, t.late)),
            );
        }
    }
    for note in &s.notes {
        out.extend(
            wrap(note, w)
                .into_iter()
                .map(|l| Line::from(highlight(&l, q, t.suggestion, t.matched))),
        );
    }
    if let Some(d) = &s.description {
        out.extend(
            wrap(d, w)
                .into_iter()
                .map(|l| Line::from(highlight(&l, q, t.dim, t.matched))),
        );
    }
    out
}

/// Draws the session pane.
pub struct SessionPane<'a>(pub &'a App);

impl Widget for SessionPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        Scrolled {
            title: Line::from("Session"),
            lines: lines(app, area.width.saturating_sub(2)),
            scroll: app.session_scroll,
            focused: app.focus == Pane::Session,
            theme: &app.theme,
        }
        .render(area, buf);
    }
}
