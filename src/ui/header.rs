//! The header: title, date and venue, view tabs, and the clock.

use super::text::{spans_width, truncate};
use crate::agenda::zone_abbr;
use crate::app::App;
use crate::command::Command;
use crate::views::Views;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the two header lines.
pub struct Header<'a>(pub &'a App);

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let e = &app.agenda.event;
        if area.height == 0 {
            return;
        }
        // The title keeps room for a few words: at narrow widths the
        // clock says less.
        let room = |spans: &[Span<'_>]| {
            usize::from(area.width).saturating_sub(spans_width(spans) + 2) >= TITLE_ROOM
        };
        let clock = [Clock::Full, Clock::Short, Clock::Agenda]
            .into_iter()
            .map(|c| clock_spans(app, c))
            .find(|spans| room(spans))
            .unwrap_or_else(|| clock_spans(app, Clock::Agenda));
        let clock_w = spans_width(&clock);
        let avail = usize::from(area.width).saturating_sub(clock_w + 2);
        let title = Span::styled(
            format!(" {}", truncate(&e.title, avail.saturating_sub(1))),
            t.strong,
        );
        Line::from(title).render(area, buf);
        if clock_w < usize::from(area.width) {
            let x = area.x + area.width - u16::try_from(clock_w + 1).unwrap_or(area.width);
            Line::from(clock).render(Rect::new(x, area.y, area.width - (x - area.x), 1), buf);
        }
        if area.height < 2 {
            return;
        }
        let tabs = tab_spans(app);
        let tabs_w = spans_width(&tabs);
        // The index knows the last day: the header is drawn every frame.
        let mut facts = vec![crate::agenda::dates_label(e.date, app.index.last_day)];
        // What the view is cut down to matters more than the dates, which
        // the timeline shows: first, so a narrow line keeps it.
        if let Some(only) = &app.only {
            facts.insert(0, only.clone());
        }
        // What my programme leaves on show, then the zone: said first.
        let f = app.programme.filter;
        if f.only_starred {
            facts.insert(0, hint(app, "only starred", Command::OnlyStarred, "all"));
        } else if f.show_hidden && app.programme.hidden_count() > 0 {
            facts.insert(0, hint(app, "hidden shown", Command::ShowHidden, "hide"));
        }
        // Times not in the agenda's zone: said before anything else.
        if let Some(zone) = app.zones().header_text(app.live.now) {
            facts.insert(0, zone);
        }
        facts.extend(e.venue.clone());
        let show_tabs = tabs_w < usize::from(area.width) / 2;
        let beside = if show_tabs { tabs_w + 2 } else { 1 };
        let avail = usize::from(area.width).saturating_sub(beside);
        let row = Rect::new(area.x, area.y + 1, area.width, 1);
        Line::from(Span::styled(
            format!(" {}", truncate(&facts.join(" · "), avail.saturating_sub(1))),
            t.dim,
        ))
        .render(row, buf);
        if show_tabs {
            let x = area.x + area.width - u16::try_from(tabs_w + 1).unwrap_or(area.width);
            Line::from(tabs).render(Rect::new(x, row.y, area.width - (x - area.x), 1), buf);
        }
    }
}

/// "only starred (o: all)": what is on show, and the first key bound to
/// undo it; `what` alone when none is.
fn hint(app: &App, what: &str, undo: Command, does: &str) -> String {
    match app.keymap.keys(undo).next() {
        Some(key) => format!("{what} ({key}: {does})"),
        None => what.to_owned(),
    }
}

/// Columns the title keeps before the clock gives up detail.
const TITLE_ROOM: usize = 16;

/// How much the clock says.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Clock {
    /// "11:05 EDT · 15:05 UTC your time".
    Full,
    /// "11:05 EDT · 15:05 UTC".
    Short,
    /// "11:05 EDT".
    Agenda,
}

/// "11:05 EDT", and the viewer's own time when their zone differs (as
/// much of it as `how` says).
fn clock_spans(app: &App, how: Clock) -> Vec<Span<'static>> {
    let t = &app.theme;
    let tz = app.agenda.event.timezone;
    let here = app.live.now.with_timezone(&tz);
    let here_text = format!("{} {}", here.format("%H:%M"), zone_abbr(tz, app.live.now));
    let mut spans = vec![Span::styled(here_text.clone(), t.live)];
    if let Some(viewer) = app
        .live
        .viewer_tz
        .filter(|v| crate::agenda::Zone::from(*v) != tz && how != Clock::Agenda)
    {
        let there = app.live.now.with_timezone(&viewer);
        let there_text = format!(
            "{} {}",
            there.format("%H:%M"),
            zone_abbr(viewer, app.live.now)
        );
        if there_text != here_text {
            let suffix = if how == Clock::Full { " your time" } else { "" };
            spans.push(Span::styled(format!(" · {there_text}{suffix}"), t.dim));
        }
    }
    if here.date_naive() != app.agenda.event.date && !app.index.multi_day {
        spans.insert(
            0,
            Span::styled(here.format("%a %-d %b %Y ").to_string(), t.dim),
        );
    }
    spans
}

fn tab_spans(app: &App) -> Vec<Span<'static>> {
    let t = &app.theme;
    let mut spans = Vec::new();
    // A view with nothing to show for this agenda has no tab; the others
    // keep their keys.
    for view in Views::offered(app) {
        // The first key bound to show it (the digit, by default).
        let key = app
            .keymap
            .keys(view.command())
            .next()
            .map(|k| format!("{k} "))
            .unwrap_or_default();
        let style = if app.view == view { t.selected } else { t.dim };
        spans.push(Span::styled(format!(" {key}{} ", view.label()), style));
        spans.push(Span::raw(" "));
    }
    spans
}
