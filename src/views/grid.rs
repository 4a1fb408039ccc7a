//! The grid view: rooms side by side, time running down, one day at a
//! time. It shows the shared selection (its day, scrolled into sight);
//! `j`/`k` move along a lane, `h`/`l` across, `[`/`]` between days, `<`/`>`
//! zoom.

use super::{Effect, ViewState};
use crate::app::search::Search;
use crate::app::shared::Shared;
use crate::command::{Command, Overlay, Pane};
use crate::grid::{Day, GridBox, Zoom, nav};
use crate::ui::grid::lanes_that_fit;
use crate::ui::layout::{Areas, Screen};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::sync::Arc;

mod cache;
mod draw;

pub use cache::zone;

/// The name the zoom is remembered by in the agenda's settings.
pub const ZOOM_SETTING: &str = "grid_zoom";

/// Rows a wheel notch scrolls.
const WHEEL_ROWS: usize = 3;

/// The grid view's state.
#[derive(Debug, Clone, Default)]
pub struct GridView {
    /// Minutes a row.
    pub zoom: Zoom,
    /// The first row shown.
    pub top: usize,
    /// The first lane shown.
    pub left: usize,
    cache: cache::Cache,
}

/// The day on show and where the selection is in it.
struct Here {
    programme: Arc<cache::Programme>,
    day: Arc<Day>,
    selected: Option<usize>,
}

impl GridView {
    /// The day the selection is on (else the nearest day with sessions),
    /// laid out.
    pub fn day(&self, shared: &Shared) -> Option<Arc<Day>> {
        self.here(shared).map(|h| h.day)
    }

    fn here(&self, shared: &Shared) -> Option<Here> {
        let programme = self.cache.programme(shared);
        let want = programme.day_of(shared.selection)?;
        let date = match programme.days.binary_search(&want) {
            Ok(k) => programme.days[k],
            Err(k) => *programme.days.get(k).or(programme.days.last())?,
        };
        let day = self.cache.day(&programme, date, self.zoom);
        let selected = day.find(shared.selection);
        Some(Here {
            programme,
            day,
            selected,
        })
    }

    /// Rows and lanes the grid has room for in its pane at this size.
    fn window(&self, shared: &Shared, day: &Day) -> (usize, usize) {
        let area = draw::grid_area(self.areas(shared).pane(Pane::Grid));
        let (fit, _) = lanes_that_fit(area.width, day.lanes.len());
        (usize::from(area.height.saturating_sub(1)).max(1), fit)
    }

    /// Scrolls so box `b` shows.
    fn reveal_box(&mut self, shared: &Shared, day: &Day, b: &GridBox) {
        let (rows, fit) = self.window(shared, day);
        if b.top < self.top {
            self.top = b.top;
        } else if b.bottom() > self.top + rows {
            // The box's end in sight, unless it is taller than the window:
            // then its start.
            self.top = b.bottom().saturating_sub(rows).min(b.top);
        }
        if b.lane < self.left {
            self.left = b.lane;
        } else if b.lane >= self.left + fit {
            self.left = b.lane + 1 - fit;
        }
    }

    fn select_box(day: &Day, b: Option<usize>) -> Effect {
        match b.and_then(|b| day.boxes.get(b)) {
            Some(x) => Effect::Select(x.item.session),
            None => Effect::None,
        }
    }

    /// The box on `day` at the same room and time of day as `from` on its
    /// day, else the day's first.
    fn same_place(from: Option<(&Day, &GridBox)>, day: &Day) -> Option<usize> {
        if let Some((old, b)) = from {
            let room = old.lanes.get(b.lane).map(|l| l.room);
            if let Some(lane) = day.lanes.iter().position(|l| Some(l.room) == room) {
                let clock = b.item.start.with_timezone(&old.axis.zone).time();
                let then = day.date.and_time(clock);
                let row = match crate::agenda::resolve_naive(day.axis.zone, then) {
                    crate::agenda::Resolved::At(t) => day.axis.row_of(t),
                    crate::agenda::Resolved::Gap => 0,
                };
                return nav::at_row(day, lane, row);
            }
        }
        nav::first(day)
    }

    fn step_day(&self, here: &Here, forward: bool) -> Effect {
        let days = &here.programme.days;
        let Ok(k) = days.binary_search(&here.day.date) else {
            return Effect::None;
        };
        let next = if forward {
            k.checked_add(1)
        } else {
            k.checked_sub(1)
        };
        let Some(&date) = next.and_then(|n| days.get(n)) else {
            return Effect::None;
        };
        let day = here.programme.day(date, self.zoom);
        let from = here.selected.and_then(|b| here.day.boxes.get(b));
        let b = Self::same_place(from.map(|b| (&*here.day, b)), &day);
        Self::select_box(&day, b)
    }

    fn end_of_programme(&self, here: &Here, last: bool) -> Effect {
        let days = &here.programme.days;
        let Some(&date) = (if last { days.last() } else { days.first() }) else {
            return Effect::None;
        };
        let day = here.programme.day(date, self.zoom);
        let b = if last {
            nav::last(&day)
        } else {
            nav::first(&day)
        };
        Self::select_box(&day, b)
    }
}

impl ViewState for GridView {
    const PANES: &'static [Pane] = &[Pane::Grid];
    const FOUND: (&'static str, &'static str) = ("session", "sessions");

    fn focus(&self) -> Pane {
        Pane::Grid
    }

    fn set_focus(&mut self, _pane: Pane) {}

    fn layout(&self, _shared: &Shared, body: Rect) -> Areas {
        Areas {
            panes: vec![(Pane::Grid, body)],
            taking_turns: false,
        }
    }

    fn command(&mut self, shared: &Shared, c: Command) -> Effect {
        if let Command::ZoomIn | Command::ZoomOut = c {
            self.zoom = if c == Command::ZoomIn {
                self.zoom.finer()
            } else {
                self.zoom.coarser()
            };
            self.reveal(shared, true);
            return Effect::None;
        }
        let Some(here) = self.here(shared) else {
            return Effect::None;
        };
        let day = &*here.day;
        let Some(b) = here.selected else {
            // The selection is not on the grid (hidden, or on no day):
            // any move starts from the day's first box.
            return match c {
                Command::Top | Command::Bottom => {
                    self.end_of_programme(&here, c == Command::Bottom)
                }
                _ => Self::select_box(day, nav::first(day)),
            };
        };
        let (rows, _) = self.window(shared, day);
        let x = day.boxes[b];
        match c {
            Command::Open => Effect::Overlay(Overlay::Detail),
            Command::Down | Command::Up => {
                Self::select_box(day, nav::along(day, b, c == Command::Down))
            }
            Command::Right | Command::Left => {
                Self::select_box(day, nav::across(day, b, c == Command::Right))
            }
            Command::PageDown => {
                let row = x.top.saturating_add(rows.saturating_sub(1).max(1));
                let to = nav::at_row(day, x.lane, row).filter(|&t| day.boxes[t].top > x.top);
                Self::select_box(day, to.or_else(|| nav::along(day, b, true)))
            }
            Command::PageUp => {
                let row = x.top.saturating_sub(rows.saturating_sub(1).max(1));
                let to = nav::at_row(day, x.lane, row).filter(|&t| day.boxes[t].top < x.top);
                Self::select_box(day, to.or_else(|| nav::along(day, b, false)))
            }
            Command::NextSection | Command::PrevSection => {
                self.step_day(&here, c == Command::NextSection)
            }
            Command::Top | Command::Bottom => self.end_of_programme(&here, c == Command::Bottom),
            _ => Effect::None,
        }
    }

    fn click(&mut self, shared: &Shared, _pane: Pane, area: Rect, x: u16, line: usize) -> Effect {
        let Some(here) = self.here(shared) else {
            return Effect::None;
        };
        // The first line inside the border holds the room names.
        let Some(row) = line.checked_sub(1) else {
            return Effect::None;
        };
        let grid = draw::grid_area(area);
        let hit = draw::box_at(&here.day, grid, (self.top, self.left), x, self.top + row);
        Self::select_box(&here.day, hit)
    }

    fn wheel(&mut self, shared: &Shared, lines: i16, sideways: bool) -> bool {
        let Some(here) = self.here(shared) else {
            return true;
        };
        let (rows, fit) = self.window(shared, &here.day);
        if sideways {
            let lanes = here.day.lanes.len();
            let to = self.left.saturating_add_signed(isize::from(lines));
            self.left = to.min(lanes.saturating_sub(fit));
        } else {
            let by = isize::from(lines).saturating_mul(WHEEL_ROWS.cast_signed());
            let to = self.top.saturating_add_signed(by);
            self.top = to.min(here.day.axis.rows.saturating_sub(rows));
        }
        true
    }

    fn current(&self, shared: &Shared) -> usize {
        shared.selection
    }

    fn matches<'s>(&self, search: &'s Search) -> &'s [usize] {
        &search.matches
    }

    fn select(&mut self, _shared: &Shared, i: usize) -> Effect {
        Effect::Select(i)
    }

    fn selected(&mut self, shared: &Shared, _moved: bool, showing: bool) {
        // Laying out a day is work only worth doing for a grid on screen.
        self.reveal(shared, showing);
    }

    fn reveal(&mut self, shared: &Shared, showing: bool) {
        if !showing {
            return;
        }
        let Some(here) = self.here(shared) else {
            return;
        };
        let (rows, fit) = self.window(shared, &here.day);
        self.top = self.top.min(here.day.axis.rows.saturating_sub(rows));
        self.left = self.left.min(here.day.lanes.len().saturating_sub(fit));
        // Live: now's line in sight, a third of the way down.
        let now = shared.live.now;
        let axis = here.day.axis;
        if shared.live.follow && now >= axis.origin && now < axis.time_of(axis.rows) {
            let r = axis.row_of(now);
            if r < self.top || r >= self.top + rows {
                self.top = r.saturating_sub(rows / 3);
            }
        }
        if let Some(b) = here.selected {
            let x = here.day.boxes[b];
            self.reveal_box(shared, &here.day, &x);
        }
    }

    fn replaced(&mut self, _old: &crate::agenda::Agenda, _shared: &Shared) {
        self.cache = cache::Cache::default();
    }

    fn render(&self, shared: &Shared, screen: &Screen, buf: &mut Buffer) {
        draw::render(self, shared, screen.body.pane(Pane::Grid), buf);
    }
}

#[cfg(test)]
mod tests;
