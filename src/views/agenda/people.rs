//! The selected session's people, grouped by role, in printed order.

use crate::agenda::{Appearance, Participant, Role, Session};
use crate::app::shared::Shared;
use crate::commands::list::by_role;
use crate::ui::scrolled::Scrolled;
use crate::ui::text::{highlight, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The lines for one participant: name (and video marker), then
/// affiliation and capacity, indented.
pub fn participant_lines(app: &Shared, p: &Participant, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let q = if app.search.is_active() {
        app.search.query.as_str()
    } else {
        ""
    };
    let person = app.agenda.person(p);
    let mut name = vec![Span::raw("  ")];
    name.extend(highlight(&person.display_name(), q, t.strong, t.matched));
    if p.appearance == Appearance::Video {
        name.extend(highlight("  ▶ video message", q, t.video, t.matched));
    }
    let mut out = vec![Line::from(name)];
    let indent = 4;
    if let Some(a) = &person.affiliation {
        for l in wrap(a, width.saturating_sub(indent)) {
            let mut spans = vec![Span::raw("    ")];
            spans.extend(highlight(&l, q, t.dim, t.matched));
            out.push(Line::from(spans));
        }
    }
    if let Some(c) = &p.capacity {
        for l in wrap(&format!("as {c}"), width.saturating_sub(indent)) {
            let mut spans = vec![Span::raw("    ")];
            spans.extend(highlight(&l, q, t.suggestion, t.matched));
            out.push(Line::from(spans));
        }
    }
    out
}

/// All of a session's people as lines, grouped under role headings: who
/// leads it (chair, moderator) first, so a short pane still shows them.
pub fn session_people(app: &Shared, s: &Session, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = Vec::new();
    let mut groups = by_role(s);
    groups.sort_by_key(|(role, _)| !matches!(role, Role::Chair | Role::Moderator));
    for (role, group) in groups {
        let video: Vec<&str> = group
            .iter()
            .filter(|p| p.appearance == Appearance::Video)
            .map(|p| app.agenda.person(p).name.as_str())
            .collect();
        let label = format!("{} ({})", role.plural_label(), group.len());
        // Who speaks by video is said up front: a short pane may not show
        // every entry without scrolling.
        let mut heading = vec![Span::styled(label.clone(), t.heading)];
        let mut below = Vec::new();
        if !video.is_empty() {
            let names = format!("by video: {}", video.join(", "));
            let room = width.saturating_sub(crate::ui::text::width(&label) + 3);
            if crate::ui::text::width(&names) <= room {
                heading.push(Span::styled(format!(" · {names}"), t.video));
            } else {
                below = wrap(&names, width.saturating_sub(2))
                    .into_iter()
                    .map(|l| Line::from(vec![Span::raw("  "), Span::styled(l, t.video)]))
                    .collect();
            }
        }
        out.push(Line::from(heading));
        out.extend(below);
        for p in group {
            out.extend(participant_lines(app, p, width));
        }
    }
    if out.is_empty() {
        out.push(Line::styled("No participants listed.", t.dim));
    }
    out
}

/// The people pane's lines at `width`.
pub fn lines(app: &Shared, width: u16) -> Vec<Line<'static>> {
    app.agenda
        .sessions
        .get(app.selected())
        .map(|s| session_people(app, s, usize::from(width)))
        .unwrap_or_default()
}

/// Draws the people pane.
pub struct PeoplePane<'a> {
    /// The shared state.
    pub shared: &'a Shared,
    /// The first line shown.
    pub scroll: usize,
    /// Whether the pane has the keys.
    pub focused: bool,
}

impl Widget for PeoplePane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.shared;
        let n = app
            .agenda
            .sessions
            .get(app.selected())
            .map_or(0, |s| s.participants.len());
        Scrolled {
            title: Line::from(format!("People · {n}")),
            lines: lines(app, area.width.saturating_sub(2)),
            scroll: self.scroll,
            focused: self.focused,
            theme: &app.theme,
        }
        .render(area, buf);
    }
}
