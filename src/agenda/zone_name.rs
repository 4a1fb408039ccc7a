//! How a zone is named to a person: a fixed offset as `UTC+01:00`, never
//! as the POSIX-signed `Etc/GMT-1` (which reads as the opposite); offsets
//! kept as printed as those offsets.

use super::Zone;
use chrono::{DateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// The zone's name as shown: `UTC+01:00` for a fixed-offset `Etc/` zone,
/// `UTC` for UTC, the IANA name (`Europe/Berlin`), or for offsets kept as
/// printed `UTC+02:00, then UTC+01:00 (as printed)`.
pub fn zone_label(zone: impl Into<Zone>) -> String {
    let tz = match zone.into() {
        Zone::Named(tz) => tz,
        Zone::Printed(p) if p.offsets().count() == 1 => {
            return p.offsets().map(|o| utc_plus(o.local_minus_utc())).collect();
        }
        Zone::Printed(p) => {
            let list: Vec<String> = p.offsets().map(|o| utc_plus(o.local_minus_utc())).collect();
            return format!("{} (as printed)", list.join(", then "));
        }
    };
    match fixed_offset(tz) {
        Some(0) => "UTC".to_owned(),
        Some(secs) => utc_plus(secs),
        None => tz.name().to_owned(),
    }
}

/// The zone's abbreviation at `at`, as a clock shows it: `CEST`, and
/// `UTC+01:00` for a fixed offset (where `%Z` would give `+01`) and for an
/// offset as printed.
pub fn zone_abbr(zone: impl Into<Zone>, at: DateTime<Utc>) -> String {
    let tz = match zone.into() {
        Zone::Named(tz) => tz,
        printed @ Zone::Printed(_) => return utc_plus(printed.fixed_at(at).local_minus_utc()),
    };
    match fixed_offset(tz) {
        Some(0) => "UTC".to_owned(),
        Some(secs) => utc_plus(secs),
        None => at.with_timezone(&tz).format("%Z").to_string(),
    }
}

/// The offset in seconds of a zone that never changes it (`Etc/…`, UTC).
fn fixed_offset(tz: Tz) -> Option<i32> {
    let name = tz.name();
    let fixed = matches!(
        name,
        "UTC" | "GMT" | "Zulu" | "Universal" | "UCT" | "Greenwich"
    ) || name.starts_with("Etc/");
    fixed.then(|| {
        tz.offset_from_utc_datetime(&DateTime::UNIX_EPOCH.naive_utc())
            .fix()
            .local_minus_utc()
    })
}

/// `UTC+01:00`, `UTC-09:30`.
fn utc_plus(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let m = secs.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use super::{zone_abbr, zone_label};
    use chrono::{TimeZone, Utc};

    #[test]
    fn fixed_offsets_are_named_as_utc_plus() {
        let east: chrono_tz::Tz = "Etc/GMT-1".parse().unwrap();
        let west: chrono_tz::Tz = "Etc/GMT+9".parse().unwrap();
        assert_eq!(zone_label(east), "UTC+01:00");
        assert_eq!(zone_label(west), "UTC-09:00");
        assert_eq!(zone_label(chrono_tz::UTC), "UTC");
        assert_eq!(zone_label(chrono_tz::Etc::UTC), "UTC");
        assert_eq!(zone_label(chrono_tz::Europe::Berlin), "Europe/Berlin");
        let at = Utc.with_ymd_and_hms(2030, 7, 1, 9, 0, 0).unwrap();
        assert_eq!(zone_abbr(east, at), "UTC+01:00");
        assert_eq!(zone_abbr(chrono_tz::Europe::Berlin, at), "CEST");
        assert_eq!(zone_abbr(chrono_tz::UTC, at), "UTC");
    }
}
