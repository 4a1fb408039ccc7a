//! iCalendar values dais reads: DATE, DATE-TIME (UTC, floating or with a
//! TZID), DURATION, and zone names.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use chrono_tz::Tz;

/// A DATE or DATE-TIME as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// `20260301`: an all-day date.
    Date(NaiveDate),
    /// `20260301T100000Z`.
    Utc(NaiveDateTime),
    /// `20260301T100000`, in a TZID's zone or floating.
    Local(NaiveDateTime),
}

/// Parses a DATE (`YYYYMMDD`) or DATE-TIME (`YYYYMMDDTHHMMSS[Z]`).
pub fn parse_when(s: &str) -> Option<When> {
    let s = s.trim();
    if s.len() == 8 {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok().map(When::Date);
    }
    let (body, utc) = match s.strip_suffix(['Z', 'z']) {
        Some(b) => (b, true),
        None => (s, false),
    };
    if body.len() != 15 || !body.is_ascii() {
        return None;
    }
    let t = NaiveDateTime::parse_from_str(body, "%Y%m%dT%H%M%S").ok()?;
    Some(if utc { When::Utc(t) } else { When::Local(t) })
}

/// Parses a DURATION (`PT1H30M`, `P1D`, `P2W`, `-PT5M`); `None` if it is
/// malformed or out of range.
pub fn parse_duration(s: &str) -> Option<TimeDelta> {
    let s = s.trim();
    let (negative, s) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let s = s.strip_prefix(['P', 'p'])?;
    let mut total = TimeDelta::zero();
    let mut in_time = false;
    let mut number = String::new();
    let mut any = false;
    for c in s.chars() {
        match c.to_ascii_uppercase() {
            'T' if number.is_empty() && !in_time => in_time = true,
            d if d.is_ascii_digit() => {
                if number.len() >= 9 {
                    return None;
                }
                number.push(d);
            }
            unit => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                let part = match (unit, in_time) {
                    ('W', false) => TimeDelta::try_weeks(n)?,
                    ('D', false) => TimeDelta::try_days(n)?,
                    ('H', true) => TimeDelta::try_hours(n)?,
                    ('M', true) => TimeDelta::try_minutes(n)?,
                    ('S', true) => TimeDelta::try_seconds(n)?,
                    _ => return None,
                };
                total = total.checked_add(&part)?;
                any = true;
            }
        }
    }
    if !number.is_empty() || !any {
        return None;
    }
    Some(if negative { -total } else { total })
}

/// An IANA zone named by `name`, or by its end: calendar programs write
/// TZIDs such as `/mozilla.org/20050126_1/Europe/Berlin` or
/// `(UTC+01:00) Europe/Berlin`-like prefixes before the IANA name.
pub fn iana(name: &str) -> Option<Tz> {
    let name = name.trim().trim_matches('"');
    if let Ok(tz) = name.parse::<Tz>() {
        return Some(tz);
    }
    // The longest tail of `/`-separated parts that is a zone name.
    let parts: Vec<&str> = name.split('/').collect();
    (1..parts.len())
        .map(|i| parts[i..].join("/"))
        .find_map(|tail| tail.parse::<Tz>().ok())
        .or_else(|| windows(name))
}

/// The commonest Windows zone names (Outlook and Exchange exports), as IANA.
fn windows(name: &str) -> Option<Tz> {
    use chrono_tz::{America, Asia, Australia, Europe};
    Some(match name {
        "W. Europe Standard Time" => Europe::Berlin,
        "Romance Standard Time" => Europe::Paris,
        "Central Europe Standard Time" => Europe::Budapest,
        "Central European Standard Time" => Europe::Warsaw,
        "GMT Standard Time" => Europe::London,
        "E. Europe Standard Time" => Europe::Chisinau,
        "FLE Standard Time" => Europe::Kyiv,
        "GTB Standard Time" => Europe::Bucharest,
        "Russian Standard Time" => Europe::Moscow,
        "Eastern Standard Time" => America::New_York,
        "Central Standard Time" => America::Chicago,
        "Mountain Standard Time" => America::Denver,
        "Pacific Standard Time" => America::Los_Angeles,
        "Tokyo Standard Time" => Asia::Tokyo,
        "China Standard Time" => Asia::Shanghai,
        "India Standard Time" => Asia::Kolkata,
        "AUS Eastern Standard Time" => Australia::Sydney,
        "UTC" | "Coordinated Universal Time" => chrono_tz::UTC,
        _ => return None,
    })
}

/// A parameter value with RFC 6868's escapes undone: `^'` is a double
/// quote, `^n` a line break, `^^` a caret (any other `^` stays).
pub fn caret(s: &str) -> String {
    if !s.contains('^') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let decoded = match (c, chars.peek()) {
            ('^', Some('\'')) => Some('"'),
            ('^', Some('n' | 'N')) => Some('\n'),
            ('^', Some('^')) => Some('^'),
            _ => None,
        };
        match decoded {
            Some(d) => {
                out.push(d);
                chars.next();
            }
            None => out.push(c),
        }
    }
    out
}

/// Splits a list value at commas not escaped with a backslash, and
/// unescapes each item (RFC 5545 §3.3.11).
pub fn split_list(s: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => out.last_mut().expect("non-empty").push('\n'),
                Some(c) => out.last_mut().expect("non-empty").push(c),
                None => {}
            },
            ',' => out.push(String::new()),
            c => out.last_mut().expect("non-empty").push(c),
        }
    }
    out.into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{When, caret, iana, parse_duration, parse_when, split_list};
    use chrono::TimeDelta;

    #[test]
    fn dates_and_times_in_their_three_forms() {
        assert!(matches!(parse_when("20260301"), Some(When::Date(_))));
        assert!(matches!(parse_when("20260301T100000Z"), Some(When::Utc(_))));
        assert!(matches!(
            parse_when("20260301T100000"),
            Some(When::Local(_))
        ));
        assert_eq!(parse_when("20261301"), None);
        assert_eq!(parse_when("2026-03-01T10:00"), None);
        assert_eq!(parse_when("20260301T250000"), None);
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("PT1H30M"), Some(TimeDelta::minutes(90)));
        assert_eq!(parse_duration("P1DT1S"), Some(TimeDelta::seconds(86_401)));
        assert_eq!(parse_duration("P2W"), Some(TimeDelta::weeks(2)));
        assert_eq!(parse_duration("-PT5M"), Some(TimeDelta::minutes(-5)));
        for bad in [
            "",
            "P",
            "PT",
            "1H",
            "PT1X",
            "P1H",
            "PT99999999999H",
            "PT1H1",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn zone_names_with_prefixes_and_windows_names() {
        let berlin = chrono_tz::Europe::Berlin;
        assert_eq!(iana("Europe/Berlin"), Some(berlin));
        assert_eq!(iana("/mozilla.org/20050126_1/Europe/Berlin"), Some(berlin));
        assert_eq!(iana("W. Europe Standard Time"), Some(berlin));
        assert_eq!(iana("Mars/Olympus"), None);
    }

    #[test]
    fn carets_stand_for_quotes_line_breaks_and_carets() {
        assert_eq!(caret("a ^'b^' ^^ c^nd ^x"), "a \"b\" ^ c\nd ^x");
        assert_eq!(caret("plain"), "plain");
    }

    #[test]
    fn lists_split_at_unescaped_commas() {
        assert_eq!(split_list("a\\,b,c, ,d\\;"), ["a,b", "c", "d;"]);
    }
}
