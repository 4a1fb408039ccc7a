//! Strict parsing of the format's dates and times, and the order warnings.

use super::problem::{Capped, Path, Problem};
use crate::agenda::{Agenda, Session};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// Parses exactly `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(i32::try_from(n(0..4)?).ok()?, n(5..7)?, n(8..10)?)
}

/// A wall-clock time of day as the format writes it; `24:00` (allowed for
/// ends only) is midnight at the end of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockTime {
    /// A time within the day.
    At(NaiveTime),
    /// `24:00`.
    EndOfDay,
}

impl ClockTime {
    /// The local date-time this time means on `date`.
    pub fn on(self, date: NaiveDate) -> NaiveDateTime {
        match self {
            ClockTime::At(t) => date.and_time(t),
            ClockTime::EndOfDay => date.succ_opt().unwrap_or(date).and_time(NaiveTime::MIN),
        }
    }
}

/// Parses exactly `HH:MM` (24-hour); `24:00` only when `allow_24`.
pub fn parse_time(s: &str, allow_24: bool) -> Option<ClockTime> {
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b':' || ![0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit()) {
        return None;
    }
    let h = u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0');
    let m = u32::from(b[3] - b'0') * 10 + u32::from(b[4] - b'0');
    if allow_24 && h == 24 && m == 0 {
        return Some(ClockTime::EndOfDay);
    }
    NaiveTime::from_hms_opt(h, m, 0)
        .filter(|_| h < 24)
        .map(ClockTime::At)
}

/// Warnings about order: a start earlier than the previous session's, and
/// sessions in the same room (or both without one) that overlap in time.
/// Sessions in different rooms run in parallel by design.
pub fn order_warnings(agenda: &Agenda, warnings: &mut Capped) {
    let s = &agenda.sessions;
    let root = Path::Root;
    let sessions = root.key("sessions");
    let mut in_order = true;
    for i in 1..s.len() {
        if s[i].span.start < s[i - 1].span.start {
            in_order = false;
            warnings.push(Problem::at(
                sessions.index(i).key("start"),
                format!(
                    "starts at {}, earlier than the previous session (sessions[{}] at {})",
                    s[i].span.local_start.format("%Y-%m-%d %H:%M"),
                    i - 1,
                    s[i - 1].span.local_start.format("%Y-%m-%d %H:%M"),
                ),
            ));
        }
    }
    overlaps_in(s, in_order, &|i| sessions.index(i).to_string(), warnings);
}

/// Warnings for sessions in the same room (or both without one) that
/// overlap in time; `path_of` names a session by its index.
pub fn overlaps(s: &[Session], path_of: &dyn Fn(usize) -> String, warnings: &mut Capped) {
    let in_order = s.windows(2).all(|w| w[0].span.start <= w[1].span.start);
    overlaps_in(s, in_order, path_of, warnings);
}

/// [`overlaps`], told whether the sessions are in order of their starts
/// already: then they are taken as they lie, not sorted (at 100,000
/// sessions each pass over them is a pass over 20 MB).
fn overlaps_in(
    s: &[Session],
    in_order: bool,
    path_of: &dyn Fn(usize) -> String,
    warnings: &mut Capped,
) {
    let by_start = (!in_order).then(|| {
        let mut by_start: Vec<usize> = (0..s.len()).collect();
        by_start.sort_by_key(|&i| (s[i].span.start, i));
        by_start
    });
    // The session that ends last so far, per room (looked up once a
    // session: hashed with foldhash, as the id maps are).
    let mut latest: HashMap<Option<&str>, usize, foldhash::fast::RandomState> = HashMap::default();
    for k in 0..s.len() {
        let i = by_start.as_ref().map_or(k, |b| b[k]);
        let last = match latest.entry(s[i].room.as_deref()) {
            Entry::Occupied(last) => last.into_mut(),
            Entry::Vacant(room) => {
                room.insert(i);
                continue;
            }
        };
        let j = *last;
        if s[i].span.start < s[j].span.end {
            warnings.push(Problem::at(
                path_of(i),
                format!(
                    "overlaps {} {} ({}-{})",
                    path_of(j),
                    super::problem::quote(&s[j].title),
                    s[j].span.local_start.format("%H:%M"),
                    s[j].span.local_end.format("%H:%M"),
                ),
            ));
        }
        if s[i].span.end > s[j].span.end {
            *last = i;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ClockTime, parse_date, parse_time};

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2017-06-23").is_some());
        for bad in [
            "2017-6-23",
            "2017-02-30",
            "17-06-23",
            "2017/06/23",
            "",
            "２０１７-06-23",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_are_strict() {
        assert!(matches!(parse_time("09:05", false), Some(ClockTime::At(_))));
        assert_eq!(parse_time("24:00", true), Some(ClockTime::EndOfDay));
        for bad in ["24:00", "9:05", "10.15", "25:00", "12:60", "12:00:00", ""] {
            assert_eq!(parse_time(bad, false), None, "{bad}");
        }
        assert_eq!(parse_time("24:01", true), None);
    }
}
