//! The clock, injected: real time or a rehearsal that starts at a chosen
//! moment and may run faster. `main` supplies the source of real time;
//! nothing else reads it.

use chrono::{DateTime, Duration, TimeZone, Utc};

/// The fastest `--speed`: a day in under a tenth of a second. Faster is
/// refused (nobody could follow it, and at 1e12 a few seconds would run
/// past the end of the calendar).
pub const MAX_SPEED: f64 = 1e6;

/// The earliest moment the clock shows: the start of year 0000 (UTC), the
/// first year the agenda format can name.
pub fn earliest() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0)
        .single()
        .expect("0000-01-01 is a date")
}

/// The latest moment the clock shows: the end of year 9999 (UTC), the
/// last year the agenda format can name.
pub fn latest() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59)
        .single()
        .expect("9999-12-31 is a date")
}

/// Where real time comes from.
pub type Source = Box<dyn Fn() -> DateTime<Utc> + Send>;

/// A clock that may be offset and sped up.
pub struct Clock {
    source: Source,
    real_origin: DateTime<Utc>,
    origin: DateTime<Utc>,
    speed: f64,
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clock")
            .field("origin", &self.origin)
            .field("speed", &self.speed)
            .finish_non_exhaustive()
    }
}

impl Clock {
    /// A clock reading `source`, starting at `at` (default: the source's
    /// now) and running `speed` times as fast as real time. A speed that
    /// is not a positive number counts as 1, one above [`MAX_SPEED`] as
    /// that; `main` refuses both before they get here.
    pub fn new(source: Source, at: Option<DateTime<Utc>>, speed: f64) -> Self {
        let real_origin = source();
        Clock {
            source,
            real_origin,
            origin: at.unwrap_or(real_origin).clamp(earliest(), latest()),
            speed: if speed.is_finite() && speed > 0.0 {
                speed.min(MAX_SPEED)
            } else {
                1.0
            },
        }
    }

    /// A clock stopped at `at`, for tests.
    pub fn frozen(at: DateTime<Utc>) -> Self {
        Clock::new(Box::new(move || at), Some(at), 1.0)
    }

    /// The time now, on this clock. It stops at the ends of the calendar
    /// ([`earliest`], [`latest`]) rather than run past them, whatever the
    /// real clock does (a system clock set back or far ahead).
    pub fn now(&self) -> DateTime<Utc> {
        let real = (self.source)().signed_duration_since(self.real_origin);
        let t = self
            .origin
            .checked_add_signed(scale(real, self.speed))
            .unwrap_or(if real < Duration::zero() {
                earliest()
            } else {
                latest()
            });
        t.clamp(earliest(), latest())
    }

    /// How long in real time until this clock shows `t` (zero if past).
    pub fn real_wait_until(&self, t: DateTime<Utc>) -> std::time::Duration {
        let virtual_wait = t.signed_duration_since(self.now());
        scale(virtual_wait, 1.0 / self.speed)
            .to_std()
            .unwrap_or_default()
    }
}

/// `d` times `by`, saturating: a product past what a `Duration` holds is
/// its largest (or most negative) value.
#[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
fn scale(d: Duration, by: f64) -> Duration {
    let micros = d.num_microseconds().unwrap_or(if d < Duration::zero() {
        i64::MIN
    } else {
        i64::MAX
    });
    // `as` saturates at the ends of i64 (and makes NaN 0).
    Duration::microseconds((micros as f64 * by) as i64)
}

#[cfg(test)]
mod tests {
    use super::Clock;
    use chrono::{DateTime, Duration, TimeZone, Utc};
    use std::sync::{Arc, Mutex};

    #[test]
    fn rehearsal_starts_at_the_chosen_moment_and_runs_fast() {
        let real = Arc::new(Mutex::new(
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        ));
        let r = Arc::clone(&real);
        let at: DateTime<Utc> = Utc.with_ymd_and_hms(2017, 6, 23, 15, 5, 0).unwrap();
        let clock = Clock::new(Box::new(move || *r.lock().unwrap()), Some(at), 60.0);
        assert_eq!(clock.now(), at);
        *real.lock().unwrap() += Duration::seconds(2);
        assert_eq!(clock.now(), at + Duration::minutes(2));
        let wait = clock.real_wait_until(at + Duration::minutes(3));
        assert_eq!(wait, std::time::Duration::from_secs(1));
        assert_eq!(clock.real_wait_until(at), std::time::Duration::ZERO);
    }
}

/// Parses `--at`: RFC 3339 with an offset; or "YYYY-MM-DD HH:MM[:SS]" (or
/// with a `T`) in the agenda's zone; or "HH:MM" on the agenda's first day.
/// A local time in a daylight-saving gap is an error; an ambiguous one is
/// the earlier instant.
pub fn parse_at(
    s: &str,
    tz: impl Into<crate::agenda::Zone>,
    day: chrono::NaiveDate,
) -> Result<DateTime<Utc>, String> {
    use chrono::{NaiveDateTime, NaiveTime};
    let tz = tz.into();
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return in_calendar(t.with_timezone(&Utc));
    }
    let local = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .or_else(|| {
        ["%H:%M", "%H:%M:%S"]
            .iter()
            .find_map(|f| NaiveTime::parse_from_str(s, f).ok())
            .map(|t| day.and_time(t))
    })
    .ok_or_else(|| {
        format!(
            "cannot read the time {}: use \"2017-06-23 11:05\", \"11:05\" or RFC 3339",
            crate::load::quote(s)
        )
    })?;
    match crate::agenda::resolve_naive(tz, local) {
        crate::agenda::Resolved::At(t) => in_calendar(t),
        crate::agenda::Resolved::Gap => Err(format!(
            "{} does not exist in {tz}: the clocks skip it (daylight saving)",
            local.format("%Y-%m-%d %H:%M")
        )),
    }
}

/// `t` if it is within the years the clock shows, else why not.
fn in_calendar(t: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    if (earliest()..=latest()).contains(&t) {
        Ok(t)
    } else {
        Err(format!(
            "{} is outside the years 0000 to 9999 (UTC) that dais can show",
            t.format("%Y-%m-%dT%H:%M:%SZ")
        ))
    }
}

#[cfg(test)]
mod extreme_tests {
    use super::{Clock, MAX_SPEED, earliest, latest};
    use chrono::{DateTime, TimeZone, Utc};
    use proptest::prelude::*;
    use std::sync::{Arc, Mutex};

    /// Any instant chrono can hold, from its seconds.
    fn instant(secs: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(secs, 0).single().unwrap_or_else(Utc::now)
    }

    proptest! {
        /// The real clock jumps anywhere (set back, set years ahead), the
        /// rehearsal starts anywhere and runs at any speed: the time shown
        /// stays within the calendar and waiting never panics.
        #[test]
        fn any_jump_at_any_speed_stays_in_the_calendar(
            start in -8_000_000_000_000i64..8_000_000_000_000i64,
            jumps in proptest::collection::vec(-8_000_000_000_000i64..8_000_000_000_000i64, 1..6),
            at in proptest::option::of(-100_000_000_000i64..300_000_000_000i64),
            speed in prop_oneof![Just(MAX_SPEED), Just(1e18), Just(f64::MIN_POSITIVE), Just(f64::NAN), 0.0..2e6f64],
            target in -8_000_000_000_000i64..8_000_000_000_000i64,
        ) {
            let real = Arc::new(Mutex::new(instant(start)));
            let r = Arc::clone(&real);
            let clock = Clock::new(Box::new(move || *r.lock().unwrap()), at.map(instant), speed);
            for j in jumps {
                *real.lock().unwrap() = instant(j);
                let now = clock.now();
                prop_assert!(earliest() <= now && now <= latest(), "{now}");
                let _ = clock.real_wait_until(instant(target));
            }
        }
    }

    #[test]
    fn a_clock_set_back_shows_an_earlier_time_not_a_panic() {
        let real = Arc::new(Mutex::new(latest()));
        let r = Arc::clone(&real);
        let clock = Clock::new(
            Box::new(move || *r.lock().unwrap()),
            Some(earliest()),
            MAX_SPEED,
        );
        *real.lock().unwrap() = instant(0);
        assert_eq!(clock.now(), earliest());
        *real.lock().unwrap() = latest();
        assert_eq!(clock.now(), earliest());
    }
}

#[cfg(test)]
mod at_tests {
    use super::parse_at;
    use chrono::NaiveDate;

    #[test]
    fn at_accepts_local_bare_and_rfc3339() {
        let tz = chrono_tz::America::New_York;
        let day = NaiveDate::from_ymd_opt(2017, 6, 23).unwrap();
        let want = "2017-06-23T15:05:00+00:00";
        assert_eq!(
            parse_at("2017-06-23 11:05", tz, day).unwrap().to_rfc3339(),
            want
        );
        assert_eq!(parse_at("11:05", tz, day).unwrap().to_rfc3339(), want);
        assert_eq!(
            parse_at("2017-06-23T17:05:00+02:00", tz, day)
                .unwrap()
                .to_rfc3339(),
            want
        );
        assert!(
            parse_at("2017-03-12 02:30", tz, day)
                .unwrap_err()
                .contains("does not exist")
        );
        assert!(
            parse_at("soon", tz, day)
                .unwrap_err()
                .contains("cannot read")
        );
    }
}
