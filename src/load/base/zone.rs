//! The agenda's zone when a file names none but its dates carry offsets
//! (pretalx exports with `time_zone_name: null`, say): times are shown as
//! the file prints them, never moved to UTC.
//!
//! - Every date at one offset: that fixed offset (`Etc/GMT-1` is
//!   UTC+01:00; a whole number of hours, else as below).
//! - Offsets that differ (a change of daylight saving inside the event): an
//!   IANA zone whose offset is the printed one at every date, if only one
//!   zone has them or the conference's place names one of those that do
//!   ([`candidates`]).
//! - Otherwise the offsets themselves, kept as printed
//!   ([`crate::agenda::Printed`]): each session at its own offset.
//!
//! The warning says which and why. `--tz ZONE` overrides all of these
//! ([`given`]). A file with no zone at all (no name, no offsets) is read in
//! `--tz`, else the viewer's zone ([`fallback`]), and the warning says
//! which: never UTC silently.

use super::limits::Limits;
use crate::agenda::{Printed, Zone, zone_label};
use crate::load::base::problem::quote;
use candidates::Pick;
use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;

mod candidates;

/// The zone chosen, and a sentence saying why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen<Z = Tz> {
    /// The zone.
    pub tz: Z,
    /// Why it was chosen, to end a warning.
    pub why: String,
}

impl Chosen {
    /// The same choice, as the agenda's zone.
    pub fn into_zone(self) -> Chosen<Zone> {
        Chosen {
            tz: self.tz.into(),
            why: self.why,
        }
    }
}

/// The zone given with `--tz`, which overrides any zone inferred from
/// the dates, with the end of a warning saying so.
pub fn given(limits: &Limits) -> Option<Chosen> {
    let f = limits.zone.filter(|f| f.given)?;
    Some(Chosen {
        tz: f.tz,
        why: format!("times are shown in {}, given with --tz", zone_label(f.tz)),
    })
}

/// The zone for a file that gives none at all (no name, no offsets):
/// `--tz`, else the viewer's zone, else UTC; with the end of a warning
/// saying which.
pub fn fallback(limits: &Limits) -> Chosen {
    fallback_as(limits, "read")
}

/// [`fallback`], saying the times are `verb` ("read", or "shown" when
/// every time is UTC and the zone only places them) in the zone.
pub fn fallback_as(limits: &Limits, verb: &str) -> Chosen {
    match limits.zone {
        Some(f) if f.given => Chosen {
            tz: f.tz,
            why: format!("times are {verb} in {}, given with --tz", zone_label(f.tz)),
        },
        Some(f) => Chosen {
            tz: f.tz,
            why: format!(
                "times are {verb} in your zone, {} (give --tz ZONE for another)",
                zone_label(f.tz)
            ),
        },
        None => Chosen {
            tz: Tz::UTC,
            why: format!("times are {verb} in UTC (your zone is unknown; give --tz ZONE)"),
        },
    }
}

/// The zone that shows each of `dates` at the offset it was written with,
/// `place` (the conference's city, venue, web address: any text that may
/// name it) settling which when several IANA zones would, else the offsets
/// as printed; `None` if there are no dates, or more changes of offset
/// than a zone as printed keeps.
pub fn from_offsets(dates: &[DateTime<FixedOffset>], place: &str) -> Option<Chosen<Zone>> {
    let mut marks: Vec<(DateTime<Utc>, FixedOffset)> = dates
        .iter()
        .map(|d| (d.with_timezone(&Utc), *d.offset()))
        .collect();
    marks.sort_by_key(|(t, _)| *t);
    marks.dedup();
    let first = marks.first()?.1;
    let one = marks.iter().all(|(_, o)| *o == first);
    if one && let Some(tz) = fixed(first) {
        let why = format!(
            "every date carries the offset {first}, so times are shown at that fixed \
             offset, UTC{first}"
        );
        return Some(Chosen { tz: tz.into(), why });
    }
    // Where the offset changes, and the ends: enough to tell zones apart.
    let edges: Vec<(DateTime<Utc>, FixedOffset)> = marks
        .iter()
        .enumerate()
        .filter(|(i, (_, o))| {
            *i == 0
                || *i + 1 == marks.len()
                || marks[i - 1].1 != *o
                || marks.get(i + 1).is_some_and(|n| n.1 != *o)
        })
        .map(|(_, m)| *m)
        .collect();
    let offsets = if one {
        format!("the offset {first}")
    } else {
        let mut o: Vec<String> = marks.iter().map(|(_, o)| o.to_string()).collect();
        o.sort();
        o.dedup();
        format!("the offsets {}", o.join(" and "))
    };
    let those = if one { "that offset" } else { "those offsets" };
    // What was chosen first: a screen shows one line of it.
    let (tz, why) = match candidates::pick(candidates::matching(&edges), place) {
        Pick::Only(tz) => (
            tz,
            format!(
                "times are shown in {}, as printed: the dates carry {offsets}, and it is \
                 the one zone with {those} at those dates",
                tz.name()
            ),
        ),
        Pick::Named(tz, city) => (
            tz,
            format!(
                "times are shown in {}, as printed: the dates carry {offsets}, and the \
                 conference's place names {}",
                tz.name(),
                quote(&city)
            ),
        ),
        Pick::Several(zones) => {
            let zone = Zone::Printed(Printed::from_marks(&marks)?);
            let why = format!(
                "each time is shown at the offset printed with it ({}): the dates carry \
                 {offsets}, {} zones have {those} at those dates ({}), and the \
                 conference's place names none of them",
                offsets_of(zone),
                zones.len(),
                few(&zones)
            );
            return Some(Chosen { tz: zone, why });
        }
        Pick::None => {
            let zone = Zone::Printed(Printed::from_marks(&marks)?);
            let why = format!(
                "each time is shown at the offset printed with it ({}): the dates carry \
                 {offsets}, which no zone has at those dates",
                offsets_of(zone)
            );
            return Some(Chosen { tz: zone, why });
        }
    };
    Some(Chosen { tz: tz.into(), why })
}

/// The offsets of a zone as printed, in the order they come: `UTC+02:00,
/// then UTC+01:00`.
fn offsets_of(zone: Zone) -> String {
    let label = zone_label(zone);
    label.trim_end_matches(" (as printed)").to_owned()
}

/// The zone of a file with no zone and no offsets, when its conference's
/// city (schedule.xml's `<city>`: "Brussels") is a zone's city; with the end
/// of a warning saying so.
pub fn from_city(city: &str) -> Option<Chosen<Zone>> {
    match candidates::pick(candidates::by_city(), city) {
        Pick::Named(tz, named) => Some(Chosen {
            tz: tz.into(),
            why: format!(
                "times are read in {}, the zone of the conference's city {} (give --tz \
                 ZONE for another)",
                tz.name(),
                quote(&named)
            ),
        }),
        _ => None,
    }
}

/// Up to three zone names, and how many more.
fn few(zones: &[Tz]) -> String {
    let mut out: Vec<&str> = zones.iter().take(3).map(|t| t.name()).collect();
    if zones.len() > 3 {
        let more = format!("and {} more", zones.len() - 3);
        return format!("{}, {more}", out.join(", "));
    }
    out.dedup();
    out.join(", ")
}

/// The `Etc/` zone at `offset`, if it is a whole number of hours there is
/// one for (UTC-12 to UTC+14); UTC itself for 0.
fn fixed(offset: FixedOffset) -> Option<Tz> {
    let secs = offset.local_minus_utc();
    if secs == 0 {
        return Some(Tz::UTC);
    }
    if secs % 3600 != 0 {
        return None;
    }
    // POSIX signs: Etc/GMT-1 is an hour ahead of UTC.
    format!("Etc/GMT{:+}", -secs / 3600).parse().ok()
}

#[cfg(test)]
mod tests {
    use super::from_offsets;
    use chrono::DateTime;

    fn dates(list: &[&str]) -> Vec<DateTime<chrono::FixedOffset>> {
        list.iter()
            .map(|s| DateTime::parse_from_rfc3339(s).unwrap())
            .collect()
    }

    #[test]
    fn one_offset_is_that_fixed_offset() {
        let c = from_offsets(
            &dates(&["2030-03-01T11:00:00+01:00", "2030-03-02T09:00:00+01:00"]),
            "",
        )
        .unwrap();
        assert_eq!(c.tz.name(), "Etc/GMT-1");
        assert!(c.why.contains("UTC+01:00"), "{}", c.why);
        let c = from_offsets(&dates(&["2030-03-01T11:00:00Z"]), "").unwrap();
        assert_eq!(c.tz, crate::agenda::Zone::UTC);
        // Half hours have no Etc/ zone: the offset as printed, unless the
        // place names one of the zones that have it.
        let c = from_offsets(&dates(&["2030-03-01T11:00:00+05:30"]), "").unwrap();
        assert_eq!(crate::agenda::zone_label(c.tz), "UTC+05:30");
        assert!(
            c.why.contains("Asia/Calcutta, Asia/Colombo, Asia/Kolkata"),
            "{}",
            c.why
        );
        let c = from_offsets(&dates(&["2030-03-01T11:00:00+05:30"]), "Kolkata").unwrap();
        assert_eq!(c.tz.name(), "Asia/Kolkata");
        assert_eq!(from_offsets(&[], ""), None);
    }

    #[test]
    fn offsets_across_a_change_of_clocks_pick_a_zone_that_has_them() {
        // Berlin's clocks go back on 27 October 2030.
        let c = from_offsets(
            &dates(&["2030-10-26T11:00:00+02:00", "2030-10-27T11:00:00+01:00"]),
            "Berlin",
        )
        .unwrap();
        assert_eq!(c.tz.name(), "Europe/Berlin");
        assert!(c.why.contains("names \"Berlin\""), "{}", c.why);
        assert!(c.why.contains("+01:00 and +02:00"), "{}", c.why);
        for (d, printed) in [
            ("2030-10-26T11:00:00+02:00", "11:00"),
            ("2030-10-27T11:00:00+01:00", "11:00"),
        ] {
            let t = DateTime::parse_from_rfc3339(d).unwrap();
            assert_eq!(t.with_timezone(&c.tz).format("%H:%M").to_string(), printed);
        }
    }
}
