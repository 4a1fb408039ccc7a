//! Where the agenda view's panes go: side by side on a wide terminal,
//! stacked on a narrow one, each sized to what it shows.

use crate::app::shared::Shared;
use crate::command::Pane;
use crate::ui::layout::{Areas, WIDE};
use ratatui::layout::{Constraint, Layout, Rect};

/// Where the agenda view's panes go in `body`.
pub fn areas(shared: &Shared, body: Rect) -> Areas {
    let [timeline, session, people, messages] = if body.width >= WIDE {
        wide(body, shared)
    } else {
        stacked(body, shared)
    };
    Areas {
        panes: vec![
            (Pane::Timeline, timeline),
            (Pane::Session, session),
            (Pane::People, people),
            (Pane::Messages, messages),
        ],
        taking_turns: false,
    }
}

/// Timeline on the left, the session's panes on the right.
fn wide(body: Rect, app: &Shared) -> [Rect; 4] {
    let tl = (body.width * 9 / 20).clamp(44, 80);
    let [timeline, right] =
        Layout::horizontal([Constraint::Length(tl), Constraint::Min(1)]).areas(body);
    if app.agenda.key_messages.is_empty() {
        // No key messages pane: its rows go to the session (its
        // description) and the people.
        let [session, people] = without_messages(app, right);
        return [timeline, session, people, Rect::default()];
    }
    let info = session_height(app, right.width, body.height / 3);
    let people = people_height(app, right.width, right.height.saturating_sub(info));
    let [session, people, messages] = Layout::vertical([
        Constraint::Length(info),
        Constraint::Length(people),
        Constraint::Min(3),
    ])
    .areas(right);
    [timeline, session, people, messages]
}

/// The agenda's panes one above the other, for a narrow terminal. The
/// timeline comes first; the session, people and key messages follow only
/// while there is room for them to show something (a pane with no line
/// inside its borders is left out, and the timeline takes its rows).
fn stacked(body: Rect, app: &Shared) -> [Rect; 4] {
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
    } else if app.agenda.key_messages.is_empty() {
        // No key messages pane: the people take its place.
        [panes, Rect::default()]
    } else if body.width >= 70 {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Min(1)]).areas(panes)
    } else if panes.height >= 6 {
        let people = people_height(app, panes.width, panes.height);
        Layout::vertical([Constraint::Length(people), Constraint::Min(3)]).areas(panes)
    } else {
        [panes, Rect::default()]
    };
    [timeline, session, people, messages]
}

/// The session pane above the people pane in `area`, for an agenda with
/// no key messages: each as tall as it needs if both fit, else the
/// session's description gets at least half and the people the rest.
fn without_messages(app: &Shared, area: Rect) -> [Rect; 2] {
    let inner = area.width.saturating_sub(2);
    let people = u16::try_from(super::people::lines(app, inner).len() + 2)
        .unwrap_or(u16::MAX)
        .max(3);
    let info = session_height(app, area.width, area.height);
    let info = if info.saturating_add(people) <= area.height {
        info
    } else {
        info.min(area.height.saturating_sub(people).max(area.height / 2))
    };
    Layout::vertical([Constraint::Length(info), Constraint::Min(0)]).areas(area)
}

/// Rows for the people pane above the key messages pane, of `rows` for
/// both: what its content needs, up to three quarters of them (who is
/// speaking comes first), or more where the key messages need less. Each
/// keeps three rows.
fn people_height(app: &Shared, width: u16, rows: u16) -> u16 {
    let inner = width.saturating_sub(2);
    let need = |n: usize| u16::try_from(n + 2).unwrap_or(u16::MAX);
    let people = need(super::people::lines(app, inner).len());
    let messages = need(super::messages::lines(app, inner).len());
    let share = (rows * 3 / 4).max(rows.saturating_sub(messages));
    people.min(share).clamp(3, rows.saturating_sub(3).max(3))
}

/// Rows for the session pane: its content plus borders, at most `max`.
fn session_height(app: &Shared, width: u16, max: u16) -> u16 {
    // Only as many lines as could show: a long description is not counted.
    let lines = super::session::doc(app, width.saturating_sub(2)).len_up_to(usize::from(max));
    u16::try_from(lines + 2)
        .unwrap_or(u16::MAX)
        .clamp(3, max.max(3))
}
