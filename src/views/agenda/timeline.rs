//! The timeline: sessions in programme order under their parts, gaps as
//! rows of their own, a duration bar, and the live, past and selected
//! sessions told apart at a glance. Only visible rows are drawn.

use crate::agenda::{Kind, humanize_minutes};
use crate::app::index::Row;
use crate::app::live::shifted;
use crate::app::shared::Shared;
use crate::ui::pane::block;
use crate::ui::text::{highlight, spans_width, truncate, width};
use crate::ui::times;
use chrono::{Duration, NaiveDateTime};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// A timeline this wide names each session's track beside its room.
const WIDE_ROOM: usize = 70;
/// Cells of the duration bar.
const BAR: usize = 5;
const EIGHTHS: [&str; 8] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// The glyph for a kind of session (the help screen has the legend).
pub fn glyph(kind: Kind) -> &'static str {
    match kind {
        Kind::Opening | Kind::Closing => "◆",
        Kind::Statements => "■",
        Kind::Panel => "●",
        Kind::Break => "○",
        Kind::Other => "·",
    }
}

/// Draws the timeline pane.
pub struct Timeline<'a> {
    /// The shared state.
    pub shared: &'a Shared,
    /// The first row shown.
    pub top: usize,
    /// Sessions to highlight (those linked to a key message), if any.
    pub highlight: Option<&'a [usize]>,
    /// Whether this pane has focus.
    pub focused: bool,
}

/// A duration bar of `minutes` against `longest`, in eighths of a cell.
fn bar(minutes: i64, longest: i64) -> String {
    let total = i64::try_from(BAR * 8).unwrap_or(40);
    let eighths = if longest <= 0 {
        0
    } else {
        (minutes * total + longest - 1) / longest
    };
    let eighths = usize::try_from(eighths.clamp(1, total)).unwrap_or(1);
    let mut s = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        s.push_str(EIGHTHS[eighths % 8]);
    }
    format!("{s:<BAR$}")
}

/// How many sessions the timeline shows: "7 sessions", or with some left
/// out (hidden, or not starred after `o`) "2 of 7 sessions".
fn count(app: &Shared) -> String {
    let n = app.agenda.sessions.len();
    let s = if n == 1 { "" } else { "s" };
    match &app.index.shown {
        Some(shown) => format!("{} of {n} session{s}", shown.len()),
        None => format!("{n} session{s}"),
    }
}

impl Widget for Timeline<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.shared;
        let t = &app.theme;
        let title = format!("Programme · {}", count(app));
        let pane = block(title, self.focused, t);
        let inner = pane.inner(area);
        pane.render(area, buf);
        let rows = app
            .index
            .rows
            .iter()
            .enumerate()
            .skip(self.top)
            .take(usize::from(inner.height));
        for (y, (r, row)) in (inner.y..).zip(rows) {
            let line_area = Rect::new(inner.x, y, inner.width, 1);
            let line = match *row {
                Row::Day(d) => Line::from(Span::styled(
                    d.format("%A %-d %B %Y").to_string(),
                    t.heading,
                )),
                Row::Part(i) => Line::from(Span::styled(
                    app.agenda.sessions[i]
                        .part
                        .as_deref()
                        .unwrap_or_default()
                        .to_owned(),
                    t.heading,
                )),
                Row::SideBySide(k) => Line::from(Span::styled(
                    app.index.parts.side_by_side[k].clone(),
                    t.heading,
                )),
                Row::Gap { from, to } => {
                    let (from, to) = shifted_gap(app, r, from, to);
                    let mins = (to - from).num_minutes();
                    Line::from(vec![
                        Span::raw(" "),
                        Span::styled(
                            format!(
                                "{:<w$}",
                                format!(
                                    "{}-{}",
                                    times::local_hm(app, from),
                                    times::local_hm(app, to)
                                ),
                                w = time_width(app)
                            ),
                            t.dim,
                        ),
                        Span::styled(
                            format!(" ┈┈┈┈┈   no session · {}", humanize_minutes(mins)),
                            t.dim,
                        ),
                    ])
                }
                Row::Session(i) => {
                    let (line, style) = self.session_line(i, usize::from(inner.width));
                    buf.set_style(line_area, style);
                    line
                }
            };
            line.render(line_area, buf);
        }
    }
}

/// The width of the time column: "10:40-11:55", and room for " (10:30)"
/// when any session is shifted, so the bars stay in one column.
fn time_width(app: &Shared) -> usize {
    // With a shift, " (10:30)" follows: the planned start.
    let planned = if app.live.shift.is_empty() { 0 } else { 8 };
    app.index.time_width + planned
}

/// A gap's times moved with the sessions around it when the meeting runs
/// late: it starts when the one before ends and ends when the next starts.
fn shifted_gap(
    app: &Shared,
    row: usize,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> (NaiveDateTime, NaiveDateTime) {
    let session = |r: &Row| match r {
        Row::Session(i) => Some(*i),
        _ => None,
    };
    let rows = &app.index.rows;
    let before = rows[..row].iter().rev().find_map(session);
    let after = rows
        .get(row + 1..)
        .unwrap_or_default()
        .iter()
        .find_map(session);
    let delay = |i: Option<usize>| Duration::minutes(i.map_or(0, |i| app.live.shift.minutes(i)));
    let from = from + delay(before);
    (from, (to + delay(after)).max(from))
}

impl Timeline<'_> {
    fn session_line(&self, i: usize, w: usize) -> (Line<'static>, Style) {
        let app = self.shared;
        let t = &app.theme;
        let s = &app.agenda.sessions[i];
        let now = app.live.now;
        let (start, end) = shifted(&app.agenda, &app.live.shift, i);
        let live = start <= now && now < end;
        let past = end <= now;
        let selected = i == app.selection;
        let lit = self.highlight.is_some_and(|h| h.binary_search(&i).is_ok());
        let searched = app.search.is_active() && app.search.matches_session(i);
        let row_style =
            t.selection(selected, self.focused)
                .unwrap_or(if app.programme.is_hidden(i) {
                    t.past
                } else if live {
                    t.live
                } else if past {
                    t.past
                } else {
                    Style::new()
                });
        let marker = match () {
            () if live => Span::styled("●", t.live),
            () if searched || lit => Span::styled("»", t.matched),
            () if selected => Span::raw("▌"),
            () => Span::raw(" "),
        };
        let mut time = times::range(app, i);
        if let Some(p) = times::planned_start_if_shifted(app, i) {
            time = format!("{time} ({p})");
        }
        let time = format!("{time:<w$}", w = time_width(app));
        let mut spans = vec![
            marker,
            Span::styled(time, if live { t.live } else { t.text }),
            Span::raw(" "),
        ];
        let minutes = s.span.minutes();
        let bar_text = bar(minutes, app.index.longest_minutes);
        if live {
            // The bar becomes a progress bar: elapsed in the live style.
            let total = (end - start).num_seconds().max(1);
            let done = usize::try_from((now - start).num_seconds() * 5 / total).unwrap_or(0);
            let chars: Vec<char> = bar_text.chars().collect();
            let (a, b) = chars.split_at(done.min(chars.len()));
            spans.push(Span::styled(a.iter().collect::<String>(), t.live));
            spans.push(Span::styled(b.iter().collect::<String>(), t.bar));
        } else {
            spans.push(Span::styled(bar_text, t.bar));
        }
        spans.push(Span::raw(" "));
        spans.push(Span::raw(glyph(s.kind)));
        spans.push(Span::raw(" "));
        // My programme: starred, clashing with another starred, hidden.
        spans.extend(crate::ui::marks::spans(app, i));
        let tag = if s.is_video_only() { " ▶ video" } else { "" };
        // Parallel sessions are told apart by their room, at the right;
        // a wide pane adds the track. With no room, one under a heading of
        // parts side by side is told apart by its part.
        let part = s
            .part
            .as_deref()
            .filter(|_| app.index.parts.is_side_by_side(i));
        let place = match (s.room.as_deref().or(part), s.track.as_deref()) {
            (Some(r), Some(k)) if w >= WIDE_ROOM => Some(format!("{r} · {k}")),
            (r, _) => r.map(str::to_owned),
        };
        let room = place
            .map(|r| {
                let most = if w >= WIDE_ROOM { w / 4 } else { w / 5 };
                format!(" {}", truncate(&r, most.clamp(6, 30)))
            })
            .unwrap_or_default();
        let used = spans_width(&spans);
        let title_w = w.saturating_sub(used + width(tag) + width(&room));
        let title = truncate(&s.title, title_w);
        let base = if lit && !selected {
            t.matched
        } else {
            Style::new()
        };
        let query = if app.search.is_active() {
            app.search.query.as_str()
        } else {
            ""
        };
        spans.extend(highlight(&title, query, base, t.matched));
        if !room.is_empty() {
            let pad = title_w.saturating_sub(width(&title));
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::styled(room, t.dim));
        }
        if !tag.is_empty() {
            spans.push(Span::styled(tag, t.video));
        }
        (Line::from(spans), row_style)
    }
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bars_scale_with_duration() {
        assert_eq!(bar(85, 85), "█████");
        assert_eq!(bar(10, 85), "▋    ");
        assert_eq!(bar(0, 85), "▏    ");
        assert_eq!(bar(15, 0), "▏    ");
    }
}
