//! Clashes in my programme: starred sessions whose times overlap, as they
//! stand (the caller applies any running-late shift).

use super::{Agenda, humanize_minutes};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// One session overlapping another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overlap {
    /// The other session (index into the agenda's sessions).
    pub other: usize,
    /// For how long the two run at once, in whole minutes (at least 1).
    pub minutes: i64,
}

/// The clashes among `times` (session, start, end): for each session that
/// overlaps any other, the others in the order they start. Sessions that
/// only touch (one ends as the next starts) do not clash.
pub fn overlaps(times: &[(usize, DateTime<Utc>, DateTime<Utc>)]) -> BTreeMap<usize, Vec<Overlap>> {
    let mut by_start = times.to_vec();
    by_start.sort_unstable_by_key(|&(i, start, _)| (start, i));
    let mut out: BTreeMap<usize, Vec<Overlap>> = BTreeMap::new();
    for (k, &(a, a_start, a_end)) in by_start.iter().enumerate() {
        // Only those that start before this one ends can overlap it.
        for &(b, b_start, b_end) in by_start[k + 1..].iter().take_while(|t| t.1 < a_end) {
            let together = a_end.min(b_end) - a_start.max(b_start);
            if together <= chrono::Duration::zero() || a == b {
                continue;
            }
            // A clash of seconds still counts as one minute.
            let minutes = (together.num_seconds() + 59) / 60;
            out.entry(a)
                .or_default()
                .push(Overlap { other: b, minutes });
            out.entry(b)
                .or_default()
                .push(Overlap { other: a, minutes });
        }
    }
    // Each list is in start order already: the sessions before one push
    // themselves in the order they start, then it pushes those after.
    out
}

/// Where session `i` is held, for a clash or a reminder: its room, else
/// the venue's first part ("Conference Room 4" of "Conference Room 4,
/// United Nations Headquarters, New York").
pub fn place(agenda: &Agenda, i: usize) -> Option<&str> {
    let s = &agenda.sessions[i];
    s.room.as_deref().or_else(|| {
        let venue = agenda.event.venue.as_deref()?;
        Some(venue.split_once(", ").map_or(venue, |(first, _)| first))
    })
}

/// "overlaps Panel 4 (Conference Room 4) by 25 min".
pub fn overlap_text(agenda: &Agenda, o: Overlap) -> String {
    let other = agenda.sessions[o.other].short_title();
    let at = place(agenda, o.other).map_or_else(String::new, |p| format!(" ({p})"));
    format!("overlaps {other}{at} by {}", humanize_minutes(o.minutes))
}

#[cfg(test)]
mod tests {
    use super::{Overlap, overlap_text, overlaps, place};
    use crate::testing::hearing;
    use chrono::{DateTime, TimeZone, Utc};

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2017, 6, 23, h, m, 0).unwrap()
    }

    #[test]
    fn both_sides_of_a_clash_name_each_other() {
        let times = [
            (0, at(10, 0), at(11, 0)),
            (1, at(10, 35), at(12, 0)),
            (2, at(12, 0), at(13, 0)),
        ];
        let o = overlaps(&times);
        assert_eq!(
            o[&0],
            [Overlap {
                other: 1,
                minutes: 25
            }]
        );
        assert_eq!(
            o[&1],
            [Overlap {
                other: 0,
                minutes: 25
            }]
        );
        // 2 starts as 1 ends: touching is not a clash.
        assert!(!o.contains_key(&2));
    }

    #[test]
    fn a_session_inside_another_and_several_at_once() {
        let times = [
            (5, at(9, 0), at(17, 0)),
            (3, at(10, 0), at(10, 30)),
            (4, at(10, 15), at(11, 0)),
        ];
        let o = overlaps(&times);
        let others = |i: usize| {
            o[&i]
                .iter()
                .map(|x| (x.other, x.minutes))
                .collect::<Vec<_>>()
        };
        assert_eq!(others(5), [(3, 30), (4, 45)]);
        assert_eq!(others(3), [(5, 30), (4, 15)]);
        assert_eq!(others(4), [(5, 45), (3, 15)]);
    }

    #[test]
    fn nothing_clashes_in_an_empty_or_single_programme() {
        assert!(overlaps(&[]).is_empty());
        assert!(overlaps(&[(0, at(10, 0), at(11, 0))]).is_empty());
    }

    #[test]
    fn the_text_names_the_other_session_and_its_place() {
        let a = hearing();
        let p4 = a.sessions.iter().position(|s| &*s.id == "panel-4").unwrap();
        assert_eq!(place(&a, p4), Some("Conference Room 4"));
        assert_eq!(
            overlap_text(
                &a,
                Overlap {
                    other: p4,
                    minutes: 25
                }
            ),
            "overlaps Panel 4 (Conference Room 4) by 25 min"
        );
    }
}
