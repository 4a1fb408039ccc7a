//! Where each part of the screen goes, for any terminal size.
//!
//! A pure function of the size and the state, shared by drawing and by
//! mouse hit-testing, so both always agree.

use crate::app::{App, Pane, View};
use ratatui::layout::{Constraint, Layout, Rect};

/// The smallest terminal the full screen fits in.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 12;
/// From this width on, panes sit side by side.
pub const WIDE: u16 = 100;
/// Below this many rows for the body, a narrow view shows its list and one
/// more pane, not two.
const SHORT: u16 = 12;

/// The areas of one frame. Areas a view does not use, or this size has no
/// room for, are empty.
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
    /// The key messages or people view on a short terminal: the panes
    /// below the list take turns in one place, the one with the keys shown
    /// (the text while the list has them), and Tab reaches each.
    pub taking_turns: bool,
}

impl Screen {
    /// Where `pane` of `view` is: empty if the view has no such pane, or
    /// this size no room for it.
    pub fn pane(&self, view: View, pane: Pane) -> Rect {
        match (view, pane) {
            (View::Agenda, Pane::Timeline) => self.timeline,
            (View::Agenda, Pane::Session) => self.session,
            (View::Agenda, Pane::People) => self.people,
            (View::Agenda, Pane::Messages) => self.messages,
            (View::Messages | View::People, Pane::List) => self.list,
            (View::Messages, Pane::Text) => self.text,
            (View::Messages | View::People, Pane::Sessions) => self.sessions,
            _ => Rect::default(),
        }
    }

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
        if !wide && body.height < SHORT && app.view != View::Agenda {
            // No room for three panes with something in each.
            let [list, below] =
                Layout::vertical([Constraint::Percentage(50), Constraint::Min(3)]).areas(body);
            s.list = list;
            if app.focus == Pane::Sessions {
                s.sessions = below;
            } else {
                s.text = below;
            }
            s.taking_turns = true;
            return s;
        }
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
        let people = people_height(app, right.width, right.height.saturating_sub(info));
        let [session, people, messages] = Layout::vertical([
            Constraint::Length(info),
            Constraint::Length(people),
            Constraint::Min(3),
        ])
        .areas(right);
        (s.timeline, s.session, s.people, s.messages) = (timeline, session, people, messages);
    } else {
        stacked(s, body, app);
    }
}

/// The agenda's panes one above the other, for a narrow terminal. The
/// timeline comes first; the session, people and key messages follow only
/// while there is room for them to show something (a pane with no line
/// inside its borders is left out, and the timeline takes its rows).
fn stacked(s: &mut Screen, body: Rect, app: &App) {
    let rest = body.height.saturating_sub((body.height * 2 / 5).max(5));
    let info = session_height(app, body.width, 5).min(rest);
    // Two lines at least: one would cut the title short.
    let info = if info >= 4 { info } else { 0 };
    let panes = rest - info;
    let panes = if info > 0 && panes >= 3 { panes } else { 0 };
    let tl = body.height - info - panes;
    let [timeline, session, panes] = Layout::vertical([
        Constraint::Length(tl),
        Constraint::Length(info),
        Constraint::Length(panes),
    ])
    .areas(body);
    let [people, messages] = if panes.is_empty() {
        [Rect::default(); 2]
    } else if body.width >= 70 {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Min(1)]).areas(panes)
    } else if panes.height >= 6 {
        let people = people_height(app, panes.width, panes.height);
        Layout::vertical([Constraint::Length(people), Constraint::Min(3)]).areas(panes)
    } else {
        [panes, Rect::default()]
    };
    (s.timeline, s.session, s.people, s.messages) = (timeline, session, people, messages);
}

/// Rows for the people pane above the key messages pane, of `rows` for
/// both: what its content needs, up to three quarters of them (who is
/// speaking comes first), or more where the key messages need less. Each
/// keeps three rows.
fn people_height(app: &App, width: u16, rows: u16) -> u16 {
    let inner = width.saturating_sub(2);
    let need = |n: usize| u16::try_from(n + 2).unwrap_or(u16::MAX);
    let people = need(super::people::lines(app, inner).len());
    let messages = need(super::messages::lines(app, inner).len());
    let share = (rows * 3 / 4).max(rows.saturating_sub(messages));
    people.min(share).clamp(3, rows.saturating_sub(3).max(3))
}

/// Rows for the session pane: its content plus borders, at most `max`.
fn session_height(app: &App, width: u16, max: u16) -> u16 {
    let lines = super::session::lines(app, width.saturating_sub(2)).len();
    u16::try_from(lines + 2)
        .unwrap_or(u16::MAX)
        .clamp(3, max.max(3))
}
