//! A VTIMEZONE for an IANA zone, derived from chrono-tz by probing its
//! offsets: one observance for the offset in force when the covered years
//! begin, then one per change of offset within them.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// A stretch of time with one offset, from its onset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observance {
    /// The onset as local time in the offset before it (`DTSTART`).
    pub onset: NaiveDateTime,
    /// The offset before the onset.
    pub from: FixedOffset,
    /// The offset from the onset on.
    pub to: FixedOffset,
    /// Whether it is daylight-saving time.
    pub daylight: bool,
    /// Its abbreviation ("EDT"), if the zone has one.
    pub name: Option<String>,
}

/// What is in force at an instant.
type State = (FixedOffset, bool, Option<String>);

fn state(tz: Tz, t: DateTime<Utc>) -> State {
    let o = tz.offset_from_utc_datetime(&t.naive_utc());
    (
        o.fix(),
        !o.dst_offset().is_zero(),
        o.abbreviation().map(str::to_owned),
    )
}

/// The observances of `tz` from the start of `first` to the end of `last`
/// (years), as a calendar needs them to place times in those years.
pub fn observances(tz: Tz, first: i32, last: i32) -> Vec<Observance> {
    let at_midnight = |year: i32| {
        NaiveDate::from_ymd_opt(year, 1, 1)
            .map(|d| Utc.from_utc_datetime(&d.and_time(chrono::NaiveTime::MIN)))
    };
    // A day early, so the first local New Year is covered in any offset.
    let (Some(start), Some(end)) = (at_midnight(first), at_midnight(last.saturating_add(1))) else {
        return Vec::new();
    };
    let start = start - Duration::days(1);
    let mut now = state(tz, start);
    let mut out = vec![Observance {
        onset: start.naive_utc() + now.0,
        from: now.0,
        to: now.0,
        daylight: now.1,
        name: now.2.clone(),
    }];
    let mut t = start;
    while t < end {
        let next = t + Duration::days(1);
        if state(tz, next) == now {
            t = next;
            continue;
        }
        // The change is in (t, next]: find its first second (zone data
        // changes on whole seconds).
        let (mut lo, mut hi) = (t.timestamp(), next.timestamp());
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            let at = DateTime::from_timestamp(mid, 0).unwrap_or(next);
            if state(tz, at) == now {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let hi = DateTime::from_timestamp(hi, 0).unwrap_or(next);
        let then = state(tz, hi);
        out.push(Observance {
            onset: hi.naive_utc() + now.0,
            from: now.0,
            to: then.0,
            daylight: then.1,
            name: then.2.clone(),
        });
        now = then;
        t = hi;
    }
    out
}

/// `+HHMM`, or `+HHMMSS` when there are seconds.
fn offset(o: FixedOffset) -> String {
    let secs = o.local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.unsigned_abs();
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

/// The VTIMEZONE component as the `icalendar` crate writes it (CRLF
/// lines). It is built as the crate's parsed form, whose writer adds
/// nothing: its builder would give VTIMEZONE, STANDARD and DAYLIGHT each a
/// DTSTAMP and a UID they have no use for.
pub fn vtimezone(tz: Tz, observances: &[Observance]) -> String {
    use icalendar::parser::{Calendar, Component, Property};
    let prop = |name: &'static str, val: String| Property {
        name: name.into(),
        val: val.into(),
        params: Vec::new(),
    };
    let observances = observances.iter().map(|o| {
        let mut properties = vec![
            prop("DTSTART", o.onset.format("%Y%m%dT%H%M%S").to_string()),
            prop("TZOFFSETFROM", offset(o.from)),
            prop("TZOFFSETTO", offset(o.to)),
        ];
        // Abbreviations are letters, digits and signs ("CEST", "+0530");
        // anything else would need escaping, and TZNAME is optional.
        if let Some(name) = o.name.as_ref().filter(|n| {
            n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-')
        }) {
            properties.push(prop("TZNAME", name.clone()));
        }
        Component {
            name: if o.daylight { "DAYLIGHT" } else { "STANDARD" }.into(),
            properties,
            components: Vec::new(),
        }
    });
    let zone = Component {
        name: "VTIMEZONE".into(),
        properties: vec![prop("TZID", tz.name().to_owned())],
        components: observances.collect(),
    };
    let whole = Calendar {
        properties: Vec::new(),
        components: vec![zone],
    }
    .to_string();
    whole
        .strip_prefix("BEGIN:VCALENDAR\r\n")
        .and_then(|t| t.strip_suffix("END:VCALENDAR\r\n"))
        .unwrap_or_default()
        .to_owned()
}

/// `calendar` with `component` put before its first component (calendar
/// programs want a VTIMEZONE before the events that use it). A content
/// line of a property cannot start with `BEGIN:`: a folded line starts
/// with a space and a line break in a value is escaped.
pub fn insert(mut calendar: String, component: &str) -> String {
    let at = calendar
        .find("\r\nBEGIN:")
        .map(|i| i + 2)
        .or_else(|| calendar.rfind("END:VCALENDAR"))
        .unwrap_or(calendar.len());
    calendar.insert_str(at, component);
    calendar
}

#[cfg(test)]
mod tests {
    use super::{observances, vtimezone};

    #[test]
    fn new_york_2017_has_its_two_changes() {
        let obs = observances(chrono_tz::America::New_York, 2017, 2017);
        let onsets: Vec<String> = obs.iter().map(|o| o.onset.to_string()).collect();
        assert_eq!(
            onsets,
            [
                "2016-12-30 19:00:00",
                "2017-03-12 02:00:00",
                "2017-11-05 02:00:00"
            ]
        );
        assert!(obs[1].daylight && !obs[2].daylight);
        assert_eq!(obs[1].name.as_deref(), Some("EDT"));
        let text = vtimezone(chrono_tz::America::New_York, &obs);
        assert!(text.starts_with("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"));
        assert!(text.contains("\r\nTZOFFSETFROM:-0500\r\n"), "{text}");
        assert!(
            text.contains("\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\n"),
            "{text}"
        );
        assert!(text.ends_with("END:VTIMEZONE\r\n"));
    }

    #[test]
    fn a_zone_without_changes_has_one_observance() {
        let obs = observances(chrono_tz::Asia::Kolkata, 2020, 2021);
        assert_eq!(obs.len(), 1);
        assert_eq!(obs[0].to.local_minus_utc(), 5 * 3600 + 1800);
        assert_eq!(obs[0].name.as_deref(), Some("IST"));
    }
}
