//! The selected session: title, time, length, part, notes, description;
//! the user's notes on it too when the agenda has no key messages pane.

use crate::agenda::humanize_minutes;
use crate::app::shared::Shared;
use crate::ui::doc::Doc;
use crate::ui::scrolled::ScrolledDoc;
use crate::ui::text::{self, wrap};
use crate::ui::times;
use crate::ui::wraps::Key;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The session pane's lines at `width`.
pub fn lines(app: &Shared, width: u16) -> Vec<Line<'static>> {
    doc(app, width).all()
}

/// The session pane's lines at `width`, laid out as far as they are used:
/// its notes and description are wrapped only where shown or counted.
pub fn doc(app: &Shared, width: u16) -> Doc<'_> {
    let q = app.query();
    let mut doc = Doc::new(usize::from(width), q);
    let Some(s) = app.agenda.sessions.get(app.selected()) else {
        return doc;
    };
    let i = app.selected();
    let t = &app.theme;
    let w = usize::from(width);
    let key = |session, part| Key {
        session,
        part,
        width: w,
    };
    let p = &app.programme;
    if p.is_starred(i) {
        let title = format!("★ {}", s.title);
        doc.lines(
            wrap(&title, w)
                .into_iter()
                .map(|l| Line::from(text::highlight(&l, q, t.strong, t.matched)))
                .collect::<Vec<Line<'static>>>(),
        );
    } else {
        let starts = app.wraps.starts(&app.agenda, key(i, Key::TITLE), &s.title);
        doc.text_at(&s.title, t.strong, t.matched, starts);
    }
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut facts = Vec::new();
    if app.index.multi_day {
        facts.push(s.date().format("%a %-d %b").to_string());
    }
    facts.push(times::range(app, i));
    // Where and which track come first: in a programme of parallel rooms
    // they are what tells sessions at one time apart.
    facts.extend(s.room.as_deref().map(str::to_owned));
    facts.extend(s.track.as_deref().map(str::to_owned));
    facts.push(humanize_minutes(s.span.minutes()));
    facts.extend(s.part.as_deref().map(str::to_owned));
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
    // My programme: what it clashes with, and whether it is hidden.
    for o in p.clashes(i) {
        let said = format!(
            "⚠ {}",
            crate::agenda::overlap::overlap_text(&app.agenda, *o)
        );
        out.extend(wrap(&said, w).into_iter().map(|l| Line::styled(l, t.error)));
    }
    if p.is_hidden(i) {
        let key = app.keymap.keys_label(crate::command::Command::Hide);
        out.push(Line::styled(format!("✕ hidden ({key} unhides it)"), t.dim));
    }
    doc.lines(out);
    for (n, note) in s.notes.iter().enumerate() {
        let starts = app.wraps.starts(&app.agenda, key(i, Key::note(n)), note);
        doc.text_at(note, t.suggestion, t.matched, starts);
    }
    if let Some(d) = &s.description {
        let starts = app.wraps.starts(&app.agenda, key(i, Key::DESCRIPTION), d);
        doc.text_at(d, t.dim, t.matched, starts);
    }
    // With no key messages there is no pane for them: the notes come
    // here, after the description.
    if app.agenda.key_messages.is_empty() {
        doc.lines(super::messages::notes_lines(app, width));
    }
    doc
}

/// Draws the session pane.
pub struct SessionPane<'a> {
    /// The shared state.
    pub shared: &'a Shared,
    /// The first line shown.
    pub scroll: usize,
    /// Whether the pane has the keys.
    pub focused: bool,
}

impl Widget for SessionPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.shared;
        ScrolledDoc {
            title: Line::from("Session"),
            doc: doc(app, area.width.saturating_sub(2)),
            scroll: self.scroll,
            focused: self.focused,
            theme: &app.theme,
        }
        .render(area, buf);
    }
}
