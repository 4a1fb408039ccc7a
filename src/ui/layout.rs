//! Where each part of the screen goes, for any terminal size.
//!
//! A pure function of the size and the state, shared by drawing and by
//! mouse hit-testing, so both always agree.

use crate::app::{App, View};
use ratatui::layout::{Constraint, Layout, Rect};

/// The smallest terminal the full screen fits in.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 12;
/// From this width on, panes sit side by side.
pub const WIDE: u16 = 100;

/// The areas of one frame. Areas a view does not use are empty.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Screen {
    /// The whole terminal is below the minimum size.
    pub too_small: bool,
    /// Title, date, venue and clock.
    pub header: Rect,
    /// Now and next.
    pub status: Rect,
    /// Keys, or the search box.
    pub footer: Rect,
    /// The agenda view's timeline.
    pub timeline: Rect,
    /// The agenda view's selected session.
    pub session: Rect,
    /// The agenda view's people pane.
    pub people: Rect,
    /// The agenda view's key messages pane.
    pub messages: Rect,
    /// The list of the key messages or people view.
    pub list: Rect,
    /// The key messages view's text.
    pub text: Rect,
    /// The key messages or people view's sessions.
    pub sessions: Rect,
    /// Where an overlay (help, detail) is drawn.
    pub overlay: Rect,
}

impl Screen {
    /// The layout of `area` for `app`.
    pub fn compute(area: Rect, app: &App) -> Screen {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return Screen {
                too_small: true,
                ..Screen::default()
            };
        }
        let [header, status, body, footer] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let mut s = Screen {
            header,
            status,
            footer,
            overlay: body,
            ..Screen::default()
        };
        let wide = area.width >= WIDE;
        match app.view {
            View::Agenda => agenda(&mut s, body, wide, app),
            View::Messages => {
                let (list, rest) = split(body, wide, 38, 30);
                let [text, sessions] =
                    Layout::vertical([Constraint::Percentage(60), Constraint::Min(3)]).areas(rest);
                (s.list, s.text, s.sessions) = (list, text, sessions);
            }
            View::People => {
                let (list, rest) = split(body, wide, 40, 35);
                let lines = super::people_view::info_lines(app, rest.width.saturating_sub(2)).len();
                let info = u16::try_from(lines + 2)
                    .unwrap_or(u16::MAX)
                    .clamp(3, (rest.height / 2).max(3));
                let [text, sessions] =
                    Layout::vertical([Constraint::Length(info), Constraint::Min(3)]).areas(rest);
                (s.list, s.text, s.sessions) = (list, text, sessions);
            }
        }
        s
    }
}

/// Splits `body` into a first and second part: side by side when wide
/// (`pct_wide` percent of the width first), else stacked (`pct_tall` percent
/// of the height first).
fn split(body: Rect, wide: bool, pct_wide: u16, pct_tall: u16) -> (Rect, Rect) {
    let [a, b] = if wide {
        Layout::horizontal([Constraint::Percentage(pct_wide), Constraint::Min(1)]).areas(body)
    } else {
        // At least one row inside the borders, or a short terminal would
        // show the list as two bare borders.
        let first = (body.height * pct_tall / 100).max(3);
        Layout::vertical([Constraint::Length(first), Constraint::Min(1)]).areas(body)
    };
    (a, b)
}

fn agenda(s: &mut Screen, body: Rect, wide: bool, app: &App) {
    if wide {
        let tl = (body.width * 9 / 20).clamp(44, 80);
        let [timeline, right] =
            Layout::horizontal([Constraint::Length(tl), Constraint::Min(1)]).areas(body);
        let info = session_height(app, right.width, body.height / 3);
        let [session, people, messages] = Layout::vertical([
            Constraint::Length(info),
            Constraint::Percentage(55),
            Constraint::Min(3),
        ])
        .areas(right);
        (s.timeline, s.session, s.people, s.messages) = (timeline, session, people, messages);
    } else {
        let tl = (body.height * 2 / 5).max(5);
        let [timeline, rest] =
            Layout::vertical([Constraint::Length(tl), Constraint::Min(1)]).areas(body);
        let info = session_height(app, rest.width, 5);
        let [session, panes] =
            Layout::vertical([Constraint::Length(info), Constraint::Min(1)]).areas(rest);
        let [people, messages] = if body.width >= 70 {
            Layout::horizontal([Constraint::Percentage(50), Constraint::Min(1)]).areas(panes)
        } else {
            Layout::vertical([Constraint::Percentage(50), Constraint::Min(1)]).areas(panes)
        };
        (s.timeline, s.session, s.people, s.messages) = (timeline, session, people, messages);
    }
}

/// Rows for the session pane: its content plus borders, at most `max`.
fn session_height(app: &App, width: u16, max: u16) -> u16 {
    let lines = super::session::lines(app, width.saturating_sub(2)).len();
    u16::try_from(lines + 2)
        .unwrap_or(u16::MAX)
        .clamp(3, max.max(3))
}
