//! The dates, times and durations schedule files write, read leniently.

use chrono::{
    DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Utc,
};

/// A point in time as a file wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    /// A date-time with an offset ("2020-12-14T09:00:00+01:00", "…Z").
    Instant(DateTime<FixedOffset>),
    /// A date-time without one, in the conference's zone.
    Local(NaiveDateTime),
    /// A date alone.
    Day(NaiveDate),
}

/// The years a stamp may fall in. dais/1 writes four-digit years, and a
/// stamp moved into the agenda's zone, or a session's end after it, may
/// fall a year later or earlier: a year either side stays writable.
/// (chrono reads `-0001` and `+12345` as years.)
const YEARS: std::ops::RangeInclusive<i32> = 1..=9998;

/// Parses an ISO 8601 date, or date-time with or without an offset. Seconds
/// and fractions are optional; a space may stand for the `T`. A year
/// outside [`YEARS`] is no stamp.
pub fn parse_stamp(s: &str) -> Option<Stamp> {
    use chrono::Datelike;
    parse_any_year(s).filter(|stamp| {
        let year = match stamp {
            Stamp::Instant(t) => t.year(),
            Stamp::Local(t) => t.year(),
            Stamp::Day(d) => d.year(),
        };
        YEARS.contains(&year)
    })
}

/// Whether `t` falls in [`YEARS`]: a start plus a length may not.
pub fn in_years(t: DateTime<Utc>) -> bool {
    use chrono::Datelike;
    YEARS.contains(&t.year())
}

fn parse_any_year(s: &str) -> Option<Stamp> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(Stamp::Instant(t));
    }
    let zulu = s.strip_suffix('Z').map(|t| format!("{t}+00:00"));
    let with_offset = zulu.as_deref().unwrap_or(s);
    for format in [
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(with_offset, format) {
            return Some(Stamp::Instant(t));
        }
    }
    let t = s.replacen(' ', "T", 1);
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(&t, format) {
            return Some(Stamp::Local(t));
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(Stamp::Day)
}

/// The instant at the start of the minute `t` falls in, on the clocks of
/// `tz`. dais/1 writes times to the minute, so seconds kept here (from the
/// file, or from a zone's old local mean time such as +00:53:28) would
/// come back from a converted copy as a different instant.
pub fn to_minute(t: DateTime<Utc>, tz: impl Into<crate::agenda::Zone>) -> DateTime<Utc> {
    let local = t.with_timezone(&tz.into()).time();
    let past = TimeDelta::seconds(i64::from(local.second()))
        + TimeDelta::nanoseconds(i64::from(local.nanosecond()));
    t.checked_sub_signed(past).unwrap_or(t)
}

/// Parses a clock time: "HH:MM", "H:MM" or "HH:MM:SS".
pub fn parse_clock(s: &str) -> Option<NaiveTime> {
    let (h, m, sec) = hms(s.trim())?;
    NaiveTime::from_hms_opt(u32::try_from(h).ok()?, m, sec)
}

/// Parses a length: "HH:MM", "H:MM", "HH:MM:SS" (hours may pass 24), or
/// ISO 8601 ("PT1H30M", "P1DT2H").
pub fn parse_duration(s: &str) -> Option<TimeDelta> {
    let s = s.trim();
    if let Some((h, m, sec)) = hms(s) {
        return TimeDelta::try_seconds(h.checked_mul(3600)? + i64::from(m * 60 + sec));
    }
    iso_duration(s)
}

/// Hours (any number of digits), minutes and optional seconds, each
/// minute and second field two digits below 60.
fn hms(s: &str) -> Option<(i64, u32, u32)> {
    let mut parts = s.split(':');
    let h = parts.next()?;
    let m = parts.next()?;
    let sec = parts.next();
    if parts.next().is_some() || h.is_empty() || h.len() > 6 {
        return None;
    }
    let two = |p: &str| {
        (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
            .filter(|&v| v < 60)
    };
    let hours = h
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| h.parse::<i64>().ok())
        .flatten()?;
    Some((hours, two(m)?, sec.map_or(Some(0), two)?))
}

/// `P[nD]T[nH][nM][nS]` (weeks, days and time parts; no years or months,
/// whose length varies).
fn iso_duration(s: &str) -> Option<TimeDelta> {
    let rest = s.strip_prefix('P')?;
    let (date, time) = rest.split_once('T').unwrap_or((rest, ""));
    if date.is_empty() && time.is_empty() {
        return None;
    }
    let mut total = 0i64;
    for (part, units) in [
        (date, &[('W', 604_800), ('D', 86_400)][..]),
        (time, &[('H', 3600), ('M', 60), ('S', 1)][..]),
    ] {
        let mut number = String::new();
        let mut allowed = units.iter();
        for c in part.chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let &(_, seconds) = allowed.find(|(u, _)| *u == c)?;
            let n: i64 = number.parse().ok()?;
            total = total.checked_add(n.checked_mul(seconds)?)?;
            number.clear();
        }
        if !number.is_empty() {
            return None;
        }
    }
    TimeDelta::try_seconds(total)
}

#[cfg(test)]
mod tests {
    use super::{Stamp, parse_clock, parse_duration, parse_stamp, to_minute};
    use chrono::DateTime;
    use chrono::TimeDelta;

    #[test]
    fn stamps_with_and_without_offsets() {
        let Some(Stamp::Instant(t)) = parse_stamp("2020-12-14T09:00:00+01:00") else {
            panic!("an offset date-time")
        };
        assert_eq!(t.to_rfc3339(), "2020-12-14T09:00:00+01:00");
        let Some(Stamp::Instant(z)) = parse_stamp("2024-12-27T10:30Z") else {
            panic!("Z is UTC")
        };
        assert_eq!(z.to_rfc3339(), "2024-12-27T10:30:00+00:00");
        assert!(matches!(
            parse_stamp("2020-12-14T09:00+0100"),
            Some(Stamp::Instant(_))
        ));
        assert!(matches!(
            parse_stamp("2020-12-14 09:00:00"),
            Some(Stamp::Local(_))
        ));
        assert!(matches!(parse_stamp("2020-12-14"), Some(Stamp::Day(_))));
        for bad in [
            "",
            "09:00",
            "2020-13-01",
            "tomorrow",
            "-0001-01-01",
            "-001-01-01T10:00:00",
            "-2024-05-01T10:00:00+02:00",
            "0000-12-31T23:00:00Z",
            "9999-12-31",
            "+12345-01-01T00:00Z",
            "+262143-12-31T23:59:59+05:00",
        ] {
            assert_eq!(parse_stamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn durations_in_every_spelling() {
        let min = TimeDelta::minutes;
        assert_eq!(parse_duration("00:30"), Some(min(30)));
        assert_eq!(parse_duration("1:30"), Some(min(90)));
        assert_eq!(
            parse_duration("01:30:30"),
            Some(min(90) + TimeDelta::seconds(30))
        );
        assert_eq!(parse_duration("26:00"), Some(min(26 * 60)));
        assert_eq!(parse_duration("PT1H30M"), Some(min(90)));
        assert_eq!(parse_duration("PT15M"), Some(min(15)));
        assert_eq!(parse_duration("P1DT2H"), Some(min(26 * 60)));
        for bad in [
            "", "0:3", "1:60", "PT", "P", "PT1X", "1h", "PT1M1H", "-1:00",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn instants_are_cut_to_the_minute_on_the_zone_s_clocks() {
        let utc = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        let berlin = chrono_tz::Europe::Berlin;
        assert_eq!(
            to_minute(utc("2024-12-27T10:30:15.5+01:00"), berlin),
            utc("2024-12-27T10:30:00+01:00")
        );
        // Before 1893 Berlin kept local mean time, 53 min 28 s ahead of UTC:
        // 09:30 UTC was 10:23:28 there, so the minute began at 09:29:32.
        assert_eq!(
            to_minute(utc("1012-12-27T09:30:00Z"), berlin),
            utc("1012-12-27T09:29:32Z")
        );
    }

    #[test]
    fn clock_times() {
        assert_eq!(parse_clock("9:05").unwrap().to_string(), "09:05:00");
        assert_eq!(parse_clock("23:59:59").unwrap().to_string(), "23:59:59");
        assert_eq!(parse_clock("24:00"), None);
    }
}
