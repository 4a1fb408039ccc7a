//! Where each part of the screen goes, for any terminal size.
//!
//! The frame (header, status line, body, footer) is cut here; each view
//! places its own panes in the body. The result is a pure function of the
//! size and the state, shared by drawing and by mouse hit-testing, so both
//! always agree.

use crate::command::Pane;
use ratatui::layout::{Constraint, Layout, Rect};

/// The smallest terminal the full screen fits in.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 12;
/// From this width on, panes sit side by side.
pub const WIDE: u16 = 100;
/// Below this many rows for the body, a narrow view shows its list and one
/// more pane, not two.
pub const SHORT: u16 = 12;

/// Where a view's panes are in the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Areas {
    /// Each pane the view shows, with its area (empty when this size has
    /// no room for it).
    pub panes: Vec<(Pane, Rect)>,
    /// The panes below a list take turns in one place, the one with the
    /// keys shown (the text while the list has them), and Tab reaches each.
    pub taking_turns: bool,
}

impl Areas {
    /// Where `pane` is: empty if the view has no such pane, or this size
    /// no room for it.
    pub fn pane(&self, pane: Pane) -> Rect {
        self.panes
            .iter()
            .find(|(p, _)| *p == pane)
            .map_or_else(Rect::default, |&(_, r)| r)
    }
}

/// The areas of one frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Screen {
    /// The whole terminal is below the minimum size.
    pub too_small: bool,
    /// Title, date, venue and clock.
    pub header: Rect,
    /// Now and next.
    pub status: Rect,
    /// Keys, or the search box.
    pub footer: Rect,
    /// The body, between the status line and the footer: the view's panes
    /// go here, and an overlay (help, detail) covers it.
    pub overlay: Rect,
    /// The showing view's panes in the body.
    pub body: Areas,
}

impl Screen {
    /// The frame of `area`, with no panes placed yet.
    pub fn frame(area: Rect) -> Screen {
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
        Screen {
            too_small: false,
            header,
            status,
            footer,
            overlay: body,
            body: Areas::default(),
        }
    }

    /// Where `pane` of the showing view is: empty if the view has no such
    /// pane, or this size no room for it.
    pub fn pane(&self, pane: Pane) -> Rect {
        self.body.pane(pane)
    }
}

/// Splits `body` into a first and second part: side by side when wide
/// (`pct_wide` percent of the width first), else stacked (`pct_tall` percent
/// of the height first).
pub fn split(body: Rect, wide: bool, pct_wide: u16, pct_tall: u16) -> (Rect, Rect) {
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

/// Lines inside a bordered pane.
pub fn inner_height(r: Rect) -> usize {
    usize::from(r.height.saturating_sub(2))
}

/// Columns inside a bordered pane.
pub fn inner_width(r: Rect) -> u16 {
    r.width.saturating_sub(2)
}
