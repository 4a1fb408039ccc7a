//! The agenda's zone: an IANA zone, or the offsets a file printed its dates
//! with when no IANA zone is known to have them ("as printed").
//!
//! Both are a [`chrono::TimeZone`], so everything that shows or reads a
//! time in the agenda's zone does it the same way for either; nothing else
//! needs to tell them apart.

use chrono::{
    DateTime, FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc,
};
use chrono_tz::{OffsetName, Tz, TzOffset};
use std::fmt::{self, Write as _};

/// The most changes of offset an "as printed" zone keeps: a programme of
/// a few weeks crosses one or two daylight-saving changes.
pub const MAX_CHANGES: usize = 12;

/// The agenda's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// An IANA zone.
    Named(Tz),
    /// The offsets the file printed, in force from where each was seen.
    Printed(Printed),
}

/// The offsets a file printed its dates with: from each observed change on
/// (an instant, in UTC seconds), that offset; before the first, the first.
/// At most [`MAX_CHANGES`] + 1 offsets; kept in place so a zone stays `Copy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Printed {
    len: u8,
    from: [i64; MAX_CHANGES + 1],
    secs: [i32; MAX_CHANGES + 1],
}

/// A [`Zone`]'s offset at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneOffset {
    /// An IANA zone's offset (with its abbreviation, CEST).
    Named(TzOffset),
    /// A printed offset, with the zone it belongs to.
    Printed(Printed, FixedOffset),
}

impl Zone {
    /// UTC.
    pub const UTC: Zone = Zone::Named(Tz::UTC);

    /// The IANA zone, if it is one.
    pub fn named(self) -> Option<Tz> {
        match self {
            Zone::Named(tz) => Some(tz),
            Zone::Printed(_) => None,
        }
    }

    /// The IANA name, or "as printed".
    pub fn name(&self) -> &'static str {
        match self {
            Zone::Named(tz) => tz.name(),
            Zone::Printed(_) => "as printed",
        }
    }

    /// The zone as a word that [`Zone::from_key`] reads back: the IANA
    /// name, or `printed` and each offset (seconds) with the instant (UTC
    /// seconds) it comes into force from (`printed 7200 1919325600:3600`).
    /// For keeping a zone in the state store, not for people.
    pub fn key(&self) -> String {
        match self {
            Zone::Named(tz) => tz.name().to_owned(),
            Zone::Printed(p) => {
                let mut out = String::from("printed");
                for (i, (from, secs)) in p.entries().enumerate() {
                    if i == 0 {
                        let _ = write!(out, " {secs}");
                    } else {
                        let _ = write!(out, " {from}:{secs}");
                    }
                }
                out
            }
        }
    }

    /// The zone [`Zone::key`] wrote; `None` for anything else.
    pub fn from_key(key: &str) -> Option<Zone> {
        let Some(rest) = key.strip_prefix("printed ") else {
            return key.parse::<Tz>().ok().map(Zone::Named);
        };
        let mut words = rest.split(' ');
        let first: i32 = words.next()?.parse().ok()?;
        FixedOffset::east_opt(first)?;
        let mut p = Printed {
            len: 1,
            from: [i64::MIN; MAX_CHANGES + 1],
            secs: [first; MAX_CHANGES + 1],
        };
        for w in words {
            let (from, secs) = w.split_once(':')?;
            let (from, secs): (i64, i32) = (from.parse().ok()?, secs.parse().ok()?);
            let n = usize::from(p.len);
            let later = n == 1 || p.from[n - 1] < from;
            if n > MAX_CHANGES || !later || FixedOffset::east_opt(secs).is_none() {
                return None;
            }
            p.from[n] = from;
            p.secs[n] = secs;
            p.len += 1;
        }
        Some(Zone::Printed(p))
    }

    /// The offset in force at `at`.
    pub fn fixed_at(&self, at: DateTime<Utc>) -> FixedOffset {
        self.offset_from_utc_datetime(&at.naive_utc()).fix()
    }

    /// The zone a `dais/1` copy of an agenda in this zone, its sessions
    /// starting at `starts`, reads back. A named zone is itself; offsets as
    /// printed are kept as each session's `utc_offset`, so only as the
    /// sessions' starts show them (not the days' ends or the other dates
    /// they were picked from), and one offset for all is `event.timezone`'s
    /// `Etc/` zone ([`Printed::written_tz`]).
    pub fn as_written(self, starts: impl Iterator<Item = DateTime<Utc>>) -> Zone {
        let Zone::Printed(_) = self else {
            return self;
        };
        let marks: Vec<(DateTime<Utc>, FixedOffset)> =
            starts.map(|t| (t, self.fixed_at(t))).collect();
        let Some(p) = Printed::from_marks(&marks) else {
            return self;
        };
        let named = Zone::Named(p.written_tz());
        if marks.iter().all(|(t, o)| named.fixed_at(*t) == *o) {
            named
        } else {
            Zone::Printed(p)
        }
    }
}

impl fmt::Display for Zone {
    /// The IANA name, or the offsets as printed (`UTC+02:00, then
    /// UTC+01:00 (as printed)`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Zone::Named(tz) => f.write_str(tz.name()),
            Zone::Printed(_) => f.write_str(&super::zone_label(*self)),
        }
    }
}

impl PartialEq<Tz> for Zone {
    fn eq(&self, other: &Tz) -> bool {
        *self == Zone::Named(*other)
    }
}

impl From<Tz> for Zone {
    fn from(tz: Tz) -> Zone {
        Zone::Named(tz)
    }
}

impl Printed {
    /// The zone of `marks` (instants and the offsets printed with them, in
    /// any order), so each mark shows at its own offset: an offset comes
    /// into force halfway between the last mark printed with the one
    /// before it and the first printed with it. `None` with no marks or
    /// more than [`MAX_CHANGES`] changes; at one instant with two offsets,
    /// the later in `marks` order after sorting wins.
    pub fn from_marks(marks: &[(DateTime<Utc>, FixedOffset)]) -> Option<Printed> {
        let mut sorted: Vec<(i64, i32)> = marks
            .iter()
            .map(|(t, o)| (t.timestamp(), o.local_minus_utc()))
            .collect();
        sorted.sort_unstable();
        let first = sorted.first()?;
        let mut p = Printed {
            len: 1,
            from: [i64::MIN; MAX_CHANGES + 1],
            secs: [first.1; MAX_CHANGES + 1],
        };
        // The first and the last mark of the offset now in force.
        let (mut run_first, mut run_last) = (first.0, first.0);
        for &(at, secs) in &sorted[1..] {
            let last = usize::from(p.len) - 1;
            if p.secs[last] == secs {
                run_last = at;
                continue;
            }
            if run_first == at {
                p.secs[last] = secs;
                continue;
            }
            if usize::from(p.len) > MAX_CHANGES {
                return None;
            }
            // Halfway through the gap, where a real change (at night,
            // between the days' sessions) most likely was: the end of the
            // last session at the earlier offset keeps that offset
            // (past the last earlier mark, so that one keeps its own).
            let half = (i128::from(at) - i128::from(run_last)) / 2;
            p.from[last + 1] = i64::try_from(i128::from(at) - half).ok()?;
            p.secs[last + 1] = secs;
            p.len += 1;
            (run_first, run_last) = (at, at);
        }
        Some(p)
    }

    /// The zone `event.timezone` names in a `dais/1` copy: the first
    /// offset's `Etc/` zone (a whole number of hours, not zero), else UTC,
    /// so a reader that knows no `utc_offset` still finds a zone.
    pub fn written_tz(&self) -> Tz {
        let secs = self.secs[0];
        let etc = format!("Etc/GMT{:+}", -secs / 3600);
        match etc.parse::<Tz>() {
            Ok(tz) if secs % 3600 == 0 && secs != 0 => tz,
            _ => Tz::UTC,
        }
    }

    /// The (from, offset) entries in force, oldest first.
    fn entries(&self) -> impl Iterator<Item = (i64, i32)> + '_ {
        (0..usize::from(self.len)).map(|i| (self.from[i], self.secs[i]))
    }

    /// The offsets in the order they come into force (each once per change).
    pub fn offsets(&self) -> impl Iterator<Item = FixedOffset> + '_ {
        self.entries().filter_map(|(_, s)| FixedOffset::east_opt(s))
    }

    fn at_utc(&self, secs: i64) -> FixedOffset {
        let s = self
            .entries()
            .take_while(|(from, _)| *from <= secs)
            .last()
            .map_or(self.secs[0], |(_, s)| s);
        FixedOffset::east_opt(s).unwrap_or(FixedOffset::east_opt(0).expect("zero"))
    }

    /// Each offset under which `local` names an instant inside the span it
    /// is in force: none in a gap, two in an overlap (earliest first).
    fn at_local(&self, local: &NaiveDateTime) -> MappedLocalTime<FixedOffset> {
        let wall = local.and_utc().timestamp();
        let n = usize::from(self.len);
        let mut found: Vec<(i64, i32)> = (0..n)
            .filter_map(|i| {
                let utc = wall.checked_sub(i64::from(self.secs[i]))?;
                let ends = if i + 1 < n {
                    self.from[i + 1]
                } else {
                    i64::MAX
                };
                (self.from[i] <= utc && utc < ends).then_some((utc, self.secs[i]))
            })
            .collect();
        found.sort_unstable();
        let fix = |s: i32| FixedOffset::east_opt(s);
        match (found.first(), found.last()) {
            (Some(a), Some(b)) if a == b => {
                fix(a.1).map_or(MappedLocalTime::None, MappedLocalTime::Single)
            }
            (Some(a), Some(b)) => match (fix(a.1), fix(b.1)) {
                (Some(x), Some(y)) => MappedLocalTime::Ambiguous(x, y),
                _ => MappedLocalTime::None,
            },
            _ => MappedLocalTime::None,
        }
    }
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        match self {
            ZoneOffset::Named(o) => o.fix(),
            ZoneOffset::Printed(_, o) => *o,
        }
    }
}

impl fmt::Display for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZoneOffset::Named(o) => fmt::Display::fmt(o, f),
            ZoneOffset::Printed(_, o) => fmt::Display::fmt(o, f),
        }
    }
}

impl OffsetName for ZoneOffset {
    fn tz_id(&self) -> &str {
        match self {
            ZoneOffset::Named(o) => o.tz_id(),
            ZoneOffset::Printed(..) => "as printed",
        }
    }

    fn abbreviation(&self) -> Option<&str> {
        match self {
            ZoneOffset::Named(o) => o.abbreviation(),
            ZoneOffset::Printed(..) => None,
        }
    }
}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        match offset {
            ZoneOffset::Named(o) => Zone::Named(Tz::from_offset(o)),
            ZoneOffset::Printed(p, _) => Zone::Printed(*p),
        }
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<ZoneOffset> {
        self.offset_from_local_datetime(&local.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<ZoneOffset> {
        match self {
            Zone::Named(tz) => tz.offset_from_local_datetime(local).map(ZoneOffset::Named),
            Zone::Printed(p) => p.at_local(local).map(|o| ZoneOffset::Printed(*p, o)),
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        match self {
            Zone::Named(tz) => ZoneOffset::Named(tz.offset_from_utc_datetime(utc)),
            Zone::Printed(p) => ZoneOffset::Printed(*p, p.at_utc(utc.and_utc().timestamp())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_CHANGES, Printed, Zone};
    use crate::testing::marks;
    use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};

    fn shown(z: Zone, s: &str) -> String {
        let t = DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        t.with_timezone(&z).format("%a %H:%M %:z").to_string()
    }

    /// Offsets no zone has: +02:00 on the Saturday, +03:00 from Sunday.
    fn odd() -> Zone {
        Zone::Printed(
            Printed::from_marks(&marks(&[
                "2030-10-27T11:00:00+03:00",
                "2030-10-26T11:00:00+02:00",
                "2030-10-26T12:00:00+02:00",
            ]))
            .unwrap(),
        )
    }

    #[test]
    fn each_printed_date_shows_at_its_own_offset() {
        let z = odd();
        assert_eq!(shown(z, "2030-10-26T11:00:00+02:00"), "Sat 11:00 +02:00");
        assert_eq!(shown(z, "2030-10-27T11:00:00+03:00"), "Sun 11:00 +03:00");
        // Before the first date, the first offset; after the last, the last.
        assert_eq!(shown(z, "2030-10-01T09:00:00Z"), "Tue 11:00 +02:00");
        assert_eq!(shown(z, "2031-01-01T09:00:00Z"), "Wed 12:00 +03:00");
        // The change is halfway between the last date printed at the
        // earlier offset (10:00 UTC) and the first at the later (08:00 UTC
        // the next day): the night, not the first session's start.
        assert_eq!(shown(z, "2030-10-26T20:59:00Z"), "Sat 22:59 +02:00");
        assert_eq!(shown(z, "2030-10-26T21:00:00Z"), "Sun 00:00 +03:00");
        assert_eq!(shown(z, "2030-10-27T07:59:00Z"), "Sun 10:59 +03:00");
    }

    #[test]
    fn local_times_resolve_with_gaps_and_overlaps() {
        let z = odd();
        let sat = NaiveDate::from_ymd_opt(2030, 10, 26).unwrap();
        let sun = NaiveDate::from_ymd_opt(2030, 10, 27).unwrap();
        let at = |d: NaiveDate, h, m| d.and_hms_opt(h, m, 0).unwrap();
        // The clocks jump 23:00 → 00:00 at 21:00 UTC: 23:30 does not exist.
        assert!(z.from_local_datetime(&at(sat, 23, 30)).earliest().is_none());
        let t = z.from_local_datetime(&at(sun, 0, 0)).single().unwrap();
        assert_eq!(
            t.with_timezone(&Utc).to_rfc3339(),
            "2030-10-26T21:00:00+00:00"
        );
        let t = z.from_local_datetime(&at(sun, 11, 0)).single().unwrap();
        assert_eq!(
            t.with_timezone(&Utc).to_rfc3339(),
            "2030-10-27T08:00:00+00:00"
        );
        // Going back instead repeats an hour: both, earliest first.
        let back = Zone::Printed(
            Printed::from_marks(&marks(&[
                "2030-10-26T11:00:00+02:00",
                "2030-10-27T11:00:00+01:00",
            ]))
            .unwrap(),
        );
        // The change is at 21:30 UTC: 22:30 to 23:30 comes twice.
        assert!(back.from_local_datetime(&at(sun, 11, 0)).single().is_some());
        let both = back.from_local_datetime(&at(sat, 23, 0));
        let (a, b) = match both {
            chrono::MappedLocalTime::Ambiguous(a, b) => (a, b),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            a.with_timezone(&Utc).to_rfc3339(),
            "2030-10-26T21:00:00+00:00"
        );
        assert_eq!(
            b.with_timezone(&Utc).to_rfc3339(),
            "2030-10-26T22:00:00+00:00"
        );
    }

    #[test]
    fn too_many_changes_or_none_make_no_zone() {
        assert_eq!(Printed::from_marks(&[]), None);
        let base = DateTime::parse_from_rfc3339("2030-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let flip = |n: usize| -> Vec<(DateTime<Utc>, FixedOffset)> {
            (0..n)
                .map(|i| {
                    let secs = if i % 2 == 0 { 3600 } else { 7200 };
                    let at = base + chrono::TimeDelta::days(i64::try_from(i).unwrap());
                    (at, FixedOffset::east_opt(secs).unwrap())
                })
                .collect()
        };
        assert!(Printed::from_marks(&flip(MAX_CHANGES + 1)).is_some());
        assert_eq!(Printed::from_marks(&flip(MAX_CHANGES + 2)), None);
    }

    #[test]
    fn keys_read_back_to_the_same_zone() {
        for z in [odd(), Zone::from(chrono_tz::Europe::Berlin), Zone::UTC] {
            assert_eq!(Zone::from_key(&z.key()), Some(z), "{}", z.key());
        }
        assert_eq!(odd().key(), "printed 7200 1919278800:10800");
        for bad in [
            "",
            "printed",
            "printed x",
            "printed 90000",
            "printed 0 5:0 5:60",
            "Mars/Base",
        ] {
            assert_eq!(Zone::from_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_named_zone_is_its_iana_zone() {
        let z = Zone::from(chrono_tz::Europe::Berlin);
        assert_eq!(z.name(), "Europe/Berlin");
        assert_eq!(shown(z, "2030-07-01T09:00:00Z"), "Mon 11:00 +02:00");
        let t = Utc.with_ymd_and_hms(2030, 7, 1, 9, 0, 0).unwrap();
        assert_eq!(t.with_timezone(&z).format("%Z").to_string(), "CEST");
        assert_eq!(odd().name(), "as printed");
    }
}
