//! Indico's `{date, time, tz}` objects as instants.

use crate::agenda::{Resolved, resolve_naive};
use crate::load::base::iso::{in_years, to_minute};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde_json::Value;

/// Why a date object could not be read.
pub enum Bad {
    /// Not there.
    Missing,
    /// There, but not `{date: "YYYY-MM-DD", time: "HH:MM[:SS]"}`.
    Malformed,
    /// A wall-clock time the zone skips.
    Gap(Tz),
}

/// The instant of `{date, time, tz}`; the object's own `tz` wins over
/// `zone`, the agenda's zone. The instant is cut to the minute on the
/// agenda's clocks: a zone's old local mean time (Zurich's +00:34:08 before
/// 1894) would otherwise leave seconds that dais/1, written to the minute,
/// cannot carry, and a converted copy would move.
pub fn instant(v: Option<&Value>, zone: Tz) -> Result<DateTime<Utc>, Bad> {
    let v = v.filter(|v| !v.is_null()).ok_or(Bad::Missing)?;
    let date = v
        .get("date")
        .and_then(Value::as_str)
        .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
        .ok_or(Bad::Malformed)?;
    let time = v
        .get("time")
        .and_then(Value::as_str)
        .and_then(|t| {
            let t = t.trim();
            NaiveTime::parse_from_str(t, "%H:%M:%S")
                .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M"))
                .ok()
        })
        .ok_or(Bad::Malformed)?;
    let tz = v
        .get("tz")
        .and_then(Value::as_str)
        .and_then(|z| z.trim().parse::<Tz>().ok())
        .unwrap_or(zone);
    // Seconds are dropped: dais keeps whole minutes.
    let time = NaiveTime::from_hms_opt(
        chrono::Timelike::hour(&time),
        chrono::Timelike::minute(&time),
        0,
    )
    .ok_or(Bad::Malformed)?;
    match resolve_naive(tz, date.and_time(time)) {
        // dais/1 writes four-digit years: chrono reads "-0013-09-14" too.
        Resolved::At(t) if in_years(t) => Ok(to_minute(t, zone)),
        Resolved::At(_) => Err(Bad::Malformed),
        Resolved::Gap => Err(Bad::Gap(tz)),
    }
}
