//! A timeline with some sessions left out (hidden ones, or all but the
//! starred after `o`): its rows rebuilt, and moving the selection among
//! the sessions it shows.

use super::{Index, timeline};
use crate::agenda::Agenda;

impl Index {
    /// Rebuilds the timeline with only the sessions `shows` lets through
    /// (every one: as [`Index::new`] made it).
    pub fn show_only(&mut self, agenda: &Agenda, shows: &dyn Fn(usize) -> bool) {
        let shown: Vec<usize> = (0..agenda.sessions.len()).filter(|&i| shows(i)).collect();
        let (rows, row_of, parts) = timeline(agenda, self.multi_day, &shown);
        self.rows = rows;
        self.row_of = row_of;
        self.parts = parts;
        self.shown = (shown.len() != agenda.sessions.len()).then_some(shown);
    }

    /// Whether every session is in the timeline.
    pub fn shows_all(&self) -> bool {
        self.shown.is_none()
    }

    /// Whether session `i` is in the timeline.
    pub fn is_shown(&self, i: usize) -> bool {
        self.shown
            .as_ref()
            .is_none_or(|s| s.binary_search(&i).is_ok())
    }

    /// The session `delta` sessions on from `from` in the timeline (back
    /// if negative), stopping at either end; from a session left out, the
    /// first shown after it counts as one step. `None` when the timeline
    /// shows none.
    pub fn step(&self, from: usize, delta: isize, sessions: usize) -> Option<usize> {
        let Some(shown) = &self.shown else {
            let last = sessions.checked_sub(1)?;
            return Some(from.saturating_add_signed(delta).min(last));
        };
        let last = shown.len().checked_sub(1)?;
        let pos = match shown.binary_search(&from) {
            // Between shown sessions, a step forward lands on the next.
            Err(p) if delta > 0 => p.saturating_add_signed(delta - 1),
            // On a shown one, or a step back (to the one before).
            Ok(p) | Err(p) => p.saturating_add_signed(delta),
        };
        Some(shown[pos.min(last)])
    }

    /// The nearest session in the timeline to `i` (itself if shown; the
    /// next shown, else the last); `None` when it shows none.
    pub fn nearest_shown(&self, i: usize) -> Option<usize> {
        match &self.shown {
            None => Some(i),
            Some(shown) => {
                let p = shown.partition_point(|&s| s < i);
                shown.get(p).or_else(|| shown.last()).copied()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Index, Row};
    use crate::testing::hearing;

    #[test]
    fn sessions_left_out_leave_the_rows_and_their_gaps_close_up() {
        let a = hearing();
        let mut index = Index::new(&a);
        let at = |id: &str| a.sessions.iter().position(|s| &*s.id == id).unwrap();
        let (p2, p3) = (at("panel-2"), at("panel-3"));
        index.show_only(&a, &|i| i != p2);
        assert!(!index.rows.contains(&Row::Session(p2)));
        // Panel 1 ends at 11:45: free time now runs from there to 15:00.
        let gap = index.rows.iter().find_map(|r| match r {
            Row::Gap { from, to } => Some((
                from.format("%H:%M").to_string(),
                to.format("%H:%M").to_string(),
            )),
            _ => None,
        });
        assert_eq!(gap, Some(("11:45".into(), "15:00".into())));
        // A session left out points at the next shown one's row.
        assert_eq!(index.row_of[p2], index.row_of[p3]);
        assert!(!index.is_shown(p2) && index.is_shown(p3));
        // Back to all.
        index.show_only(&a, &|_| true);
        assert_eq!(index.rows, Index::new(&a).rows);
        assert_eq!(index.shown, None);
    }

    #[test]
    fn steps_skip_what_is_left_out() {
        let a = hearing();
        let n = a.sessions.len();
        let mut index = Index::new(&a);
        assert_eq!(index.step(2, 1, n), Some(3));
        assert_eq!(index.step(0, -1, n), Some(0));
        assert_eq!(index.step(n - 1, 10, n), Some(n - 1));
        index.show_only(&a, &|i| i % 2 == 0);
        assert_eq!(index.step(2, 1, n), Some(4));
        assert_eq!(index.step(2, -1, n), Some(0));
        assert_eq!(index.step(2, 100, n), Some(6));
        // From one left out: forward to the next shown, back to the one before.
        assert_eq!(index.step(3, 1, n), Some(4));
        assert_eq!(index.step(3, -1, n), Some(2));
        assert_eq!(index.nearest_shown(3), Some(4));
        assert_eq!(index.nearest_shown(4), Some(4));
        index.show_only(&a, &|_| false);
        assert_eq!(index.step(2, 1, n), None);
        assert_eq!(index.nearest_shown(2), None);
        assert!(index.rows.is_empty());
    }
}
