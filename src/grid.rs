//! The rooms-by-time grid: one lane per room, time running down, one day at
//! a time. Pure: from the sessions' (shifted) times, their rooms and a zone
//! to boxes placed on rows and columns. The widget (`ui::grid`) draws a
//! [`Day`], the grid view moves in it, `dais list --format grid` prints it.

use crate::agenda::Agenda;
use crate::agenda::Zone;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use std::collections::HashMap;
use std::ops::Range;

pub mod axis;
pub mod lanes;
pub mod nav;

pub use axis::{Axis, Zoom};
pub use lanes::Rooms;

/// A session as the grid places it: its index and its (shifted) times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// The session's index in the agenda.
    pub session: usize,
    /// When it starts.
    pub start: DateTime<Utc>,
    /// When it ends (never before `start`).
    pub end: DateTime<Utc>,
}

/// One room's column on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    /// The room's index in [`Rooms`].
    pub room: usize,
    /// Its boxes in [`Day::boxes`], by start.
    pub boxes: Range<usize>,
    /// Rows of its tallest box: no box starting this far above the window
    /// reaches into it, so drawing skips those without looking.
    pub tallest: usize,
}

/// A session's box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridBox {
    /// The session and its times.
    pub item: Item,
    /// Its lane in [`Day::lanes`].
    pub lane: usize,
    /// Its sub-column in the lane.
    pub column: usize,
    /// How many sub-columns the lane is split into where it is: those of
    /// the sessions it overlaps, directly or through others (1 when it
    /// overlaps none, so it takes the lane's width).
    pub columns: usize,
    /// Its first row.
    pub top: usize,
    /// How many rows it takes (at least 1).
    pub rows: usize,
}

impl GridBox {
    /// The row after its last.
    pub fn bottom(&self) -> usize {
        self.top.saturating_add(self.rows)
    }

    /// Whether row `r` is one of its rows.
    pub fn covers(&self, r: usize) -> bool {
        (self.top..self.bottom()).contains(&r)
    }
}

/// One day of the grid.
#[derive(Debug, Clone)]
pub struct Day {
    /// The day, in the zone shown.
    pub date: NaiveDate,
    /// Its time axis.
    pub axis: Axis,
    /// The rooms with sessions that day, in the programme's order.
    pub lanes: Vec<Lane>,
    /// Every box, lane by lane, each lane's by start.
    pub boxes: Vec<GridBox>,
    by_session: HashMap<usize, usize>,
}

/// The local days that have sessions, in order, from items sorted by start.
pub fn days(items: &[Item], zone: Zone) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = Vec::new();
    for it in items {
        let d = it.start.with_timezone(&zone).date_naive();
        if out.last() != Some(&d) {
            out.push(d);
        }
    }
    out
}

/// The first instant of local day `date` in `zone` (a day that begins in
/// a DST gap begins when the gap ends).
pub fn day_start(date: NaiveDate, zone: Zone) -> DateTime<Utc> {
    let midnight = date.and_time(NaiveTime::MIN);
    (0..=180)
        .step_by(15)
        .find_map(|m| {
            zone.from_local_datetime(&(midnight + Duration::minutes(m)))
                .earliest()
        })
        .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
}

/// The items of `items` (sorted by start) that start on local day `date`.
pub fn of_day(items: &[Item], date: NaiveDate, zone: Zone) -> &[Item] {
    let from = day_start(date, zone);
    let to = date
        .succ_opt()
        .map_or(DateTime::<Utc>::MAX_UTC, |d| day_start(d, zone));
    let a = items.partition_point(|it| it.start < from);
    let b = items.partition_point(|it| it.start < to);
    &items[a..b.max(a)]
}

impl Day {
    /// Lays out `items` (one day's, sorted by start) in lanes by room, at
    /// `zoom` in `zone`. A session running past the day's end is cut there.
    pub fn new(date: NaiveDate, items: &[Item], rooms: &Rooms, zone: Zone, zoom: Zoom) -> Day {
        let day_end = date
            .succ_opt()
            .map_or(DateTime::<Utc>::MAX_UTC, |d| day_start(d, zone));
        let first = items.first().map_or(day_start(date, zone), |it| it.start);
        let last = items
            .iter()
            .map(|it| it.end.min(day_end).max(it.start))
            .max()
            .unwrap_or(first);
        let axis = Axis::new(first, last, zone, zoom);
        let mut per_room: Vec<Vec<&Item>> = vec![Vec::new(); rooms.names.len()];
        for it in items {
            if let Some(list) = rooms
                .of_session
                .get(it.session)
                .and_then(|&r| per_room.get_mut(r))
            {
                list.push(it);
            }
        }
        let mut lanes = Vec::new();
        let mut boxes = Vec::with_capacity(items.len());
        for (room, list) in per_room.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
            let lane = lanes.len();
            let from = boxes.len();
            // Greedy: each box takes the first sub-column free by its top
            // row. Boxes that overlap, directly or through others, are a
            // cluster sharing its sub-columns; the next cluster starts
            // afresh, so a day's twelve posters side by side at 18:00 do not
            // split its morning talks into slivers.
            let mut free_from: Vec<usize> = Vec::new();
            let (mut cluster, mut cluster_end) = (from, 0);
            for it in list {
                let top = axis.row_near(it.start).min(axis.rows.saturating_sub(1));
                let end = it.end.min(day_end).max(it.start);
                let rows = axis.row_near(end).saturating_sub(top).max(1);
                if top >= cluster_end {
                    close(&mut boxes[cluster..]);
                    cluster = boxes.len();
                    free_from.clear();
                }
                let column = free_from.iter().position(|&f| f <= top).unwrap_or_else(|| {
                    free_from.push(0);
                    free_from.len() - 1
                });
                free_from[column] = top.saturating_add(rows);
                cluster_end = cluster_end.max(top.saturating_add(rows));
                boxes.push(GridBox {
                    item: **it,
                    lane,
                    column,
                    columns: 1,
                    top,
                    rows,
                });
            }
            close(&mut boxes[cluster..]);
            let tallest = boxes[from..].iter().map(|b| b.rows).max().unwrap_or(1);
            lanes.push(Lane {
                room,
                boxes: from..boxes.len(),
                tallest,
            });
        }
        let by_session = boxes
            .iter()
            .enumerate()
            .map(|(b, x)| (x.item.session, b))
            .collect();
        Day {
            date,
            axis,
            lanes,
            boxes,
            by_session,
        }
    }

    /// The box of session `s`, if it is on this day.
    pub fn find(&self, s: usize) -> Option<usize> {
        self.by_session.get(&s).copied()
    }

    /// A lane's boxes.
    pub fn lane_boxes(&self, lane: usize) -> &[GridBox] {
        self.lanes
            .get(lane)
            .and_then(|l| self.boxes.get(l.boxes.clone()))
            .unwrap_or(&[])
    }
}

impl GridBox {
    /// How wide its sub-column is in a lane `lane_w` cells wide (the last
    /// sub-column also takes what the division leaves over).
    pub fn sub_width(&self, lane_w: u16) -> u16 {
        let cols = u16::try_from(self.columns.max(1)).unwrap_or(u16::MAX);
        (lane_w / cols).max(1)
    }
}

/// Gives each box of a cluster the cluster's count of sub-columns.
fn close(cluster: &mut [GridBox]) {
    let columns = cluster.iter().map(|b| b.column + 1).max().unwrap_or(1);
    for b in cluster.iter_mut() {
        b.columns = columns;
    }
}

/// Every session of `agenda` as an [`Item`] at its planned times, by start.
pub fn planned(agenda: &Agenda) -> Vec<Item> {
    let mut items: Vec<Item> = agenda
        .sessions
        .iter()
        .enumerate()
        .map(|(session, s)| Item {
            session,
            start: s.span.start,
            end: s.span.end.max(s.span.start),
        })
        .collect();
    items.sort_by_key(|it| (it.start, it.session));
    items
}

#[cfg(test)]
mod tests;
