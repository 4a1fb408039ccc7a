//! Moving in a [`Day`]: up and down a lane, across to the lane beside.

use super::Day;

/// The box after (`down`) or before box `b` in its lane.
pub fn along(day: &Day, b: usize, down: bool) -> Option<usize> {
    let lane = day.lanes.get(day.boxes.get(b)?.lane)?;
    let next = if down {
        b.checked_add(1)?
    } else {
        b.checked_sub(1)?
    };
    lane.boxes.contains(&next).then_some(next)
}

/// The box in the lane right (or left) of box `b`'s at the same time: one
/// running at its start, else the one starting nearest to it.
pub fn across(day: &Day, b: usize, right: bool) -> Option<usize> {
    let from = day.boxes.get(b)?;
    let lane = if right {
        from.lane.checked_add(1)?
    } else {
        from.lane.checked_sub(1)?
    };
    at_row(day, lane, from.top)
}

/// The box of `lane` running at row `row`, else the one starting nearest to
/// it (the earlier on a tie).
pub fn at_row(day: &Day, lane: usize, row: usize) -> Option<usize> {
    let range = day.lanes.get(lane)?.boxes.clone();
    let boxes = day.boxes.get(range.clone())?;
    if let Some(k) = boxes.iter().position(|x| x.covers(row)) {
        return Some(range.start + k);
    }
    boxes
        .iter()
        .enumerate()
        .min_by_key(|(_, x)| x.top.abs_diff(row))
        .map(|(k, _)| range.start + k)
}

/// The first box of the day: the earliest, leftmost.
pub fn first(day: &Day) -> Option<usize> {
    (0..day.boxes.len()).min_by_key(|&b| (day.boxes[b].top, day.boxes[b].lane, day.boxes[b].column))
}

/// The last box of the day: the latest to start, rightmost.
pub fn last(day: &Day) -> Option<usize> {
    (0..day.boxes.len()).max_by_key(|&b| (day.boxes[b].top, day.boxes[b].lane, day.boxes[b].column))
}
