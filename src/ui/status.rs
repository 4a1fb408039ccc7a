//! The status line: what is on now, how long is left, what comes next,
//! whether the meeting runs late, and whether the view follows it.

use super::text::{spans_width, truncate, width};
use crate::agenda::humanize_minutes;
use crate::app::App;
use crate::app::live::{Status, shifted};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the status line (or the banner over it).
pub struct StatusLine<'a>(pub &'a App);

/// Whole minutes from `a` to `b`, rounded up: "in 1 min" until it starts,
/// "1 min left" until it ends (to the millisecond: a clock read a moment
/// after 11:44:59 still has a minute to go).
pub fn minutes_until(a: chrono::DateTime<chrono::Utc>, b: chrono::DateTime<chrono::Utc>) -> i64 {
    let ms = (b - a).num_milliseconds().max(0);
    (ms + 59_999) / 60_000
}

/// The status as plain text parts: (what is on, the rest). Shared with
/// `dais now`.
pub fn describe(app: &App) -> (String, String) {
    let a = &app.agenda;
    let now = app.live.now;
    let title = |i: usize| a.sessions[i].title.to_string();
    let short = |i: usize| a.sessions[i].short_title().to_owned();
    // "at 10:00" today, else "on Fri 23 Jun at 10:00", with the year in
    // another year: as the meeting's end is said once it is over.
    let at = |i: usize| super::times::at_on(app, shifted(a, &app.live.shift, i).0, now);
    let until = |i: usize| humanize_minutes(minutes_until(now, shifted(a, &app.live.shift, i).0));
    match app.status() {
        Status::Before { first } => (
            format!("starts in {}", until(first)),
            format!("{} {}", title(first), at(first)),
        ),
        Status::Live { session, next } => {
            let (_, end) = shifted(a, &app.live.shift, session);
            let mut left = format!("{} left", humanize_minutes(minutes_until(now, end)));
            let until_end = super::times::hm_on(app, end, now);
            if until_end.contains(' ') {
                // It ends on another day: say which.
                left = format!("{left}, until {until_end}");
            }
            // Parallel rooms: the others live are marked in the timeline.
            let left = match app.also_live(session) {
                0 => left,
                others => format!("{left} · {others} more on now"),
            };
            let next = next.map_or_else(
                || "last session".to_owned(),
                |n| format!("next {} {}, in {}", short(n), at(n), until(n)),
            );
            (title(session), format!("{left} · {next}"))
        }
        Status::Gap { next } => (
            "no session now".to_owned(),
            format!("{} {}, in {}", title(next), at(next), until(next)),
        ),
        Status::After { last } => {
            let (_, end) = shifted(a, &app.live.shift, last);
            ("ended".to_owned(), super::times::at_on(app, end, now))
        }
    }
}

/// "running 10 min late" / "running 5 min early", or nothing on time.
pub fn delay_text(app: &App) -> Option<String> {
    match app.current_delay() {
        0 => None,
        d if d > 0 => Some(format!("running {} late", humanize_minutes(d))),
        d => Some(format!("running {} early", humanize_minutes(-d))),
    }
}

impl Widget for StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let w = usize::from(area.width);
        if let Some(b) = &app.banner {
            let style = if b.error { t.error } else { t.late };
            buf.set_style(area, style);
            Line::from(Span::styled(
                format!(" {}", truncate(&b.text, w.saturating_sub(1))),
                style,
            ))
            .render(area, buf);
            return;
        }
        let status = app.status();
        let live = matches!(status, Status::Live { .. });
        let (mut what, mut rest) = describe(app);
        let mut right = right_spans(app, true);
        // " ● LIVE what · rest  right": what it takes. The right side
        // shows only when it takes less than half the line.
        let shown = |right: &[Span<'_>]| Some(spans_width(right)).filter(|r| *r < w / 2);
        let needed = |what: &str, rest: &str, right: &[Span<'_>]| {
            let right = shown(right).unwrap_or(0);
            1 + if live { 7 } else { 0 } + width(what) + 3 + width(rest) + 2 + right
        };
        // Too long: give up what matters least first. The full title...
        if needed(&what, &rest, &right) > w {
            match status {
                Status::Live { session, .. } => {
                    app.agenda.sessions[session]
                        .short_title()
                        .clone_into(&mut what);
                }
                Status::Gap { next: s } | Status::Before { first: s } => {
                    let s = &app.agenda.sessions[s];
                    rest = rest.replacen(&*s.title, s.short_title(), 1);
                }
                Status::After { .. } => {}
            }
        }
        // ...then "in N min" (the time is there), then "following"...
        if needed(&what, &rest, &right) > w
            && let Some(cut) = rest.rfind(", in ")
        {
            rest.truncate(cut);
        }
        if needed(&what, &rest, &right) > w {
            right = right_spans(app, false);
        }
        // ...and what comes next, then how many more are on, rather than
        // cut either mid-word.
        while needed(&what, &rest, &right) > w
            && let Some(cut) = rest.rfind(" · ")
        {
            rest.truncate(cut);
        }
        let right_w = spans_width(&right);
        // When the right side does not show, the left may use its room.
        let show_right = shown(&right).is_some();
        let reserved = if show_right { right_w } else { 0 };
        let mut left = vec![Span::raw(" ")];
        if live {
            left.push(Span::styled("● LIVE ", t.live));
        }
        let avail = w.saturating_sub(reserved + 2 + if live { 8 } else { 0 });
        let what_w = width(&what).min(avail * 3 / 5);
        let what = truncate(&what, what_w.max(avail.min(12)));
        let rest_avail = avail.saturating_sub(width(&what) + 3);
        left.push(Span::styled(what, if live { t.live } else { t.strong }));
        if rest_avail > 3 {
            left.push(Span::styled(" · ", t.dim));
            left.push(Span::styled(truncate(&rest, rest_avail), t.text));
        }
        Line::from(left).render(area, buf);
        if show_right {
            let x = area.x + area.width - u16::try_from(right_w).unwrap_or(area.width);
            Line::from(right).render(Rect::new(x, area.y, area.width - (x - area.x), 1), buf);
        }
    }
}

/// The right side: the delay, and whether the view follows the meeting
/// ("following" only when `following`; off is always said, with its key).
fn right_spans(app: &App, following: bool) -> Vec<Span<'static>> {
    let t = &app.theme;
    let mut out = Vec::new();
    // My programme: how many starred and hidden, when any are.
    let p = &app.programme;
    let mine: Vec<String> = [
        (p.starred_count() > 0).then(|| format!("★ {}", p.starred_count())),
        (p.hidden_count() > 0).then(|| format!("{} hidden", p.hidden_count())),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !mine.is_empty() {
        out.push(Span::styled(mine.join(" · "), t.late));
    }
    if let Some(d) = delay_text(app) {
        if !out.is_empty() {
            out.push(Span::raw("  "));
        }
        out.push(Span::styled(d, t.late));
    }
    if !app.live.follow || following {
        if !out.is_empty() {
            out.push(Span::raw("  "));
        }
        if app.live.follow {
            out.push(Span::styled("following", t.dim));
        } else {
            let key = app
                .keymap
                .keys(crate::command::Command::Now)
                .next()
                .map(|k| k.to_string())
                .unwrap_or_default();
            out.push(Span::styled("follow off · ", t.dim));
            out.push(Span::styled(key, t.key));
            out.push(Span::styled(" now", t.dim));
        }
    }
    if !out.is_empty() {
        out.push(Span::raw(" "));
    }
    out
}
