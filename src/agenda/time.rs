//! When a session runs: planned wall-clock times and the instants they mean.

use super::Zone;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// A session's time: the wall-clock times as planned in the agenda's zone,
/// and the instants they resolve to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Planned local start.
    pub local_start: NaiveDateTime,
    /// Planned local end.
    pub local_end: NaiveDateTime,
    /// The start instant.
    pub start: DateTime<Utc>,
    /// The end instant.
    pub end: DateTime<Utc>,
}

impl Span {
    /// The span from `start` to `end` with its wall-clock times in `zone`;
    /// in offsets as printed ([`Zone::Printed`]) both at the start's
    /// offset, as `dais/1` writes a session (one `utc_offset` each), so a
    /// session from 10:00 +02:00 that lasts an hour ends at 11:00 even where
    /// the printed offsets turn to +01:00 before its end.
    pub fn in_zone(zone: Zone, start: DateTime<Utc>, end: DateTime<Utc>) -> Span {
        let local_start = start.with_timezone(&zone).naive_local();
        let local_end = match zone {
            Zone::Named(tz) => end.with_timezone(&tz).naive_local(),
            Zone::Printed(_) => end.with_timezone(&zone.fixed_at(start)).naive_local(),
        };
        Span {
            local_start,
            local_end,
            start,
            end,
        }
    }

    /// The `utc_offset` a `dais/1` copy must give this span for its times
    /// to be read back in `zone`, which reads a time in the hour that
    /// repeats when clocks go back as its first instance: the offset at
    /// the start when the start is the second instance and that offset
    /// gives the end too; `None` when the zone alone reads both back (or
    /// no one offset does).
    pub fn offset_to_write(&self, zone: Zone) -> Option<FixedOffset> {
        if resolve_naive(zone, self.local_start) == Resolved::At(self.start) {
            return None;
        }
        let offset = zone.fixed_at(self.start);
        let at = |local: NaiveDateTime| {
            offset
                .from_local_datetime(&local)
                .single()
                .map(|t| t.with_timezone(&Utc))
        };
        (at(self.local_start) == Some(self.start) && at(self.local_end) == Some(self.end))
            .then_some(offset)
    }

    /// Length in whole minutes, measured between instants (so a session
    /// across a daylight-saving change has its real length).
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    /// Whether it ends at the midnight that closes its start's day (the
    /// format's `24:00`).
    pub fn ends_at_midnight(&self) -> bool {
        ends_at_midnight(self.local_start, self.local_end)
    }

    /// Whether it ends on a later day than it starts (not counting an end
    /// at the midnight that closes its start's day): then its end must be
    /// shown with its day.
    pub fn ends_on_later_day(&self) -> bool {
        ends_on_later_day(self.local_start, self.local_end)
    }
}

/// Whether `end` is the midnight that closes `start`'s day.
pub fn ends_at_midnight(start: NaiveDateTime, end: NaiveDateTime) -> bool {
    end.time() == NaiveTime::MIN && Some(end.date()) == start.date().succ_opt()
}

/// Whether `end` falls on a later day than `start`, other than at the
/// midnight that closes `start`'s day.
pub fn ends_on_later_day(start: NaiveDateTime, end: NaiveDateTime) -> bool {
    end.date() > start.date() && !ends_at_midnight(start, end)
}

/// Local start and end as a range: "10:00-11:30", or with the days when
/// the end falls on a later day: "Mon 10:00-Tue 12:30" (within a week),
/// "Mon 1 Jul 10:00-Tue 9 Jul 12:30" (longer).
pub fn range_label(start: NaiveDateTime, end: NaiveDateTime) -> String {
    if !ends_on_later_day(start, end) {
        return format!("{}-{}", start.format("%H:%M"), end.format("%H:%M"));
    }
    let f = if (end.date() - start.date()).num_days() < 7 {
        "%a %H:%M"
    } else {
        "%a %-d %b %H:%M"
    };
    format!("{}-{}", start.format(f), end.format(f))
}

/// Where a wall-clock time falls in a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// One instant (an ambiguous time takes the earlier one).
    At(DateTime<Utc>),
    /// The time does not exist there: a daylight-saving gap.
    Gap,
}

/// Resolves a local date and time in `tz`. An ambiguous time (the repeated
/// hour when clocks go back) takes the earlier instant.
pub fn resolve(tz: impl Into<Zone>, date: NaiveDate, time: NaiveTime) -> Resolved {
    resolve_naive(tz, date.and_time(time))
}

/// As [`resolve`], for a combined date-time.
pub fn resolve_naive(tz: impl Into<Zone>, local: NaiveDateTime) -> Resolved {
    match tz.into().from_local_datetime(&local).earliest() {
        Some(t) => Resolved::At(t.with_timezone(&Utc)),
        None => Resolved::Gap,
    }
}

/// Formats a duration in minutes compactly: "45 min", "1 h 15 min", "2 d 3 h".
pub fn humanize_minutes(total: i64) -> String {
    let total = total.max(0);
    let (d, h, m) = (total / 1440, total % 1440 / 60, total % 60);
    match (d, h, m) {
        (0, 0, m) => format!("{m} min"),
        (0, h, 0) => format!("{h} h"),
        (0, h, m) => format!("{h} h {m} min"),
        (d, 0, _) => format!("{d} d"),
        (d, h, _) => format!("{d} d {h} h"),
    }
}

#[cfg(test)]
mod tests {
    use super::{Resolved, humanize_minutes, resolve};
    use chrono::{NaiveDate, NaiveTime};

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn gap_and_overlap_in_new_york() {
        let tz = chrono_tz::America::New_York;
        let spring = NaiveDate::from_ymd_opt(2017, 3, 12).unwrap();
        assert_eq!(resolve(tz, spring, t(2, 30)), Resolved::Gap);
        let fall = NaiveDate::from_ymd_opt(2017, 11, 5).unwrap();
        let Resolved::At(at) = resolve(tz, fall, t(1, 30)) else {
            panic!("1:30 exists on the fall-back day")
        };
        // The earlier of the two 1:30s is EDT, UTC-4.
        assert_eq!(at.to_rfc3339(), "2017-11-05T05:30:00+00:00");
    }

    #[test]
    fn a_range_past_midnight_names_its_days() {
        let at = |d: u32, h: u32, m: u32| {
            NaiveDate::from_ymd_opt(2024, 7, d)
                .unwrap()
                .and_time(t(h, m))
        };
        assert_eq!(
            super::range_label(at(1, 10, 0), at(1, 11, 30)),
            "10:00-11:30"
        );
        assert_eq!(super::range_label(at(1, 23, 0), at(2, 0, 0)), "23:00-00:00");
        assert_eq!(
            super::range_label(at(1, 10, 0), at(2, 12, 30)),
            "Mon 10:00-Tue 12:30"
        );
        assert_eq!(
            super::range_label(at(1, 10, 0), at(9, 12, 30)),
            "Mon 1 Jul 10:00-Tue 9 Jul 12:30"
        );
    }

    #[test]
    fn humanized() {
        assert_eq!(humanize_minutes(0), "0 min");
        assert_eq!(humanize_minutes(40), "40 min");
        assert_eq!(humanize_minutes(60), "1 h");
        assert_eq!(humanize_minutes(72), "1 h 12 min");
        assert_eq!(humanize_minutes(3 * 1440 + 185), "3 d 3 h");
        assert_eq!(humanize_minutes(2 * 1440), "2 d");
    }
}
