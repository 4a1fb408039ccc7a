//! The grid view's pane: its title names the day and the zoom; inside, the
//! grid widget with the live, past and selected sessions marked.

use super::GridView;
use crate::app::shared::Shared;
use crate::grid::Day;
use crate::ui::grid::{AXIS, Glyphs, GridPaint, Marks, lanes_that_fit};
use crate::ui::pane::block;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// The grid inside the pane's border.
pub fn grid_area(pane: Rect) -> Rect {
    Rect::new(
        pane.x.saturating_add(1),
        pane.y.saturating_add(1),
        pane.width.saturating_sub(2),
        pane.height.saturating_sub(2),
    )
}

/// The box under column `x` at axis row `row`, in the grid drawn in `grid`
/// scrolled to (`top`, `left`).
pub fn box_at(
    day: &Day,
    grid: Rect,
    (_top, left): (usize, usize),
    x: u16,
    row: usize,
) -> Option<usize> {
    let (fit, lane_w) = lanes_that_fit(grid.width, day.lanes.len());
    let dx = x.checked_sub(grid.x + AXIS)?;
    let k = usize::from(dx / lane_w.max(1));
    if k >= fit {
        return None;
    }
    let lane = left + k;
    let l = day.lanes.get(lane)?;
    let within = dx % lane_w.max(1);
    day.lane_boxes(lane)
        .iter()
        .position(|b| {
            // Sub-columns are as wide as the box's own cluster makes them.
            let col = usize::from(within / b.sub_width(lane_w)).min(b.columns.saturating_sub(1));
            b.covers(row) && b.column == col
        })
        .map(|j| l.boxes.start + j)
}

/// Draws the grid view into its pane `area`.
pub fn render(view: &GridView, shared: &Shared, area: Rect, buf: &mut Buffer) {
    let t = &shared.theme;
    let Some(here) = view.here(shared) else {
        block("Grid · no sessions", true, t).render(area, buf);
        return;
    };
    let day = &*here.day;
    let title = format!(
        "Grid · {} · {} min a row",
        day.date.format("%A %-d %B %Y"),
        day.axis.zoom.minutes()
    );
    block(title, true, t).render(area, buf);
    let inner = grid_area(area);
    let now = shared.live.now;
    let marks = |i: usize| {
        let (start, end) = shared.shifted(i);
        Marks {
            live: start <= now && now < end,
            past: end <= now,
            starred: shared.programme.is_starred(i),
        }
    };
    let (rows, _) = view.window(shared, day);
    // Scrolled no further than the day goes.
    let top = view.top.min(day.axis.rows.saturating_sub(rows));
    GridPaint {
        day,
        rooms: &here.programme.rooms,
        agenda: &shared.agenda,
        top,
        left: view.left.min(day.lanes.len().saturating_sub(1)),
        selected: here.selected,
        now: Some(now),
        theme: t,
        glyphs: Glyphs::Unicode,
        marks: &marks,
    }
    .render(inner, buf);
}
