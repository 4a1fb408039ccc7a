//! Which IANA zones could be the one a file's dates were printed in, and
//! whether the conference's place (its city, venue, address or web
//! address) or a single candidate settles it.
//!
//! Data-driven: the candidates are the zones whose offset is the printed
//! one at every date, and the place is matched against their city names
//! (`Europe/Berlin` is "berlin", `America/New_York` "new york"). No table
//! of places: a city that is not a zone's name (Hamburg) settles nothing,
//! and the caller keeps the offsets as printed.

use chrono::{DateTime, FixedOffset, Offset, TimeZone, Utc};
use chrono_tz::{TZ_VARIANTS, Tz};

/// The areas of zones that name a place (not `Etc/`, not old aliases
/// such as `CET` or `US/Eastern`).
const AREAS: [&str; 9] = [
    "Africa/",
    "America/",
    "Antarctica/",
    "Asia/",
    "Atlantic/",
    "Australia/",
    "Europe/",
    "Indian/",
    "Pacific/",
];

/// What the candidates come to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// The one zone with these offsets at these dates.
    Only(Tz),
    /// The one candidate the place names (the words of the place matched).
    Named(Tz, String),
    /// No place settles it: these zones (by name) all fit.
    Several(Vec<Tz>),
    /// No zone has these offsets at these dates.
    None,
}

/// The zones of a place's area whose offset at every `(instant, offset)`
/// is that offset, by name.
pub fn matching(marks: &[(DateTime<Utc>, FixedOffset)]) -> Vec<Tz> {
    let fits = |tz: &Tz| {
        marks
            .iter()
            .all(|(t, o)| tz.offset_from_utc_datetime(&t.naive_utc()).fix() == *o)
    };
    let mut out: Vec<Tz> = TZ_VARIANTS
        .iter()
        .copied()
        .filter(|tz| AREAS.iter().any(|a| tz.name().starts_with(a)))
        .filter(fits)
        .collect();
    out.sort_by_key(|tz| tz.name());
    out
}

/// Every zone a city field could name, by name: those of the areas, less
/// Antarctica's research stations (Casey, Davis, Palmer: names more often
/// of people) and the old Australian state aliases (North, South, West).
pub fn by_city() -> Vec<Tz> {
    let mut out: Vec<Tz> = TZ_VARIANTS
        .iter()
        .copied()
        .filter(|tz| {
            let name = tz.name();
            // ACT, NSW, LHI: upper-case aliases.
            let alias = name
                .strip_prefix("Australia/")
                .is_some_and(|c| !c.contains(char::is_lowercase));
            let states = ["North", "South", "West", "Victoria"];
            let state = name
                .strip_prefix("Australia/")
                .is_some_and(|c| states.contains(&c));
            AREAS.iter().any(|a| name.starts_with(a))
                && !name.starts_with("Antarctica/")
                && !alias
                && !state
        })
        .collect();
    out.sort_by_key(|tz| tz.name());
    out
}

/// The zone `candidates` and `place` settle on, if they do.
pub fn pick(candidates: Vec<Tz>, place: &str) -> Pick {
    match candidates.len() {
        0 => return Pick::None,
        1 => return Pick::Only(candidates[0]),
        _ => {}
    }
    let words = normal(place);
    let named: Vec<(Tz, String)> = candidates
        .iter()
        .filter_map(|tz| {
            let city = normal(city(*tz));
            words
                .contains(&format!(" {} ", city.trim()))
                .then(|| (*tz, city.trim().to_owned()))
        })
        .collect();
    // Two names of one city (a zone and its old alias) are one place;
    // two cities named are no answer. The city is said as the zone spells
    // it ("New York"), not as matched.
    match named.first() {
        Some((tz, c)) if named.iter().all(|(_, other)| other == c) => {
            Pick::Named(*tz, city(*tz).replace('_', " "))
        }
        _ => Pick::Several(candidates),
    }
}

/// The city part of a zone's name: `New_York` of `America/New_York`.
fn city(tz: Tz) -> &'static str {
    tz.name().rsplit('/').next().unwrap_or_default()
}

/// Lower-case words, one space between and around them: " new york ".
fn normal(text: &str) -> String {
    let mut out = String::from(" ");
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Pick, by_city, matching, pick};
    use crate::testing::marks;
    use chrono::{DateTime, FixedOffset, Utc};

    /// A weekend of Central European clocks going back (27 October 2030).
    fn autumn_cet() -> Vec<(DateTime<Utc>, FixedOffset)> {
        marks(&["2030-10-26T11:00:00+02:00", "2030-10-27T11:00:00+01:00"])
    }

    #[test]
    fn the_place_picks_among_zones_that_fit() {
        let found = matching(&autumn_cet());
        assert!(found.len() > 10, "{found:?}");
        let names: Vec<&str> = found.iter().map(|t| t.name()).collect();
        assert!(names.contains(&"Europe/Berlin") && names.contains(&"Europe/Paris"));
        assert!(
            !names.contains(&"CET"),
            "aliases outside an area are left out"
        );
        let berlin = pick(found.clone(), "Chaos Congress, Berlin, Germany");
        assert_eq!(
            berlin,
            Pick::Named(chrono_tz::Europe::Berlin, "Berlin".to_owned())
        );
        // A web address names its place too; case and punctuation aside.
        let url = pick(found.clone(), "https://PARIS.example.org/2030/");
        assert_eq!(
            url,
            Pick::Named(chrono_tz::Europe::Paris, "Paris".to_owned())
        );
    }

    #[test]
    fn a_place_that_names_no_candidate_or_two_settles_nothing() {
        let found = matching(&autumn_cet());
        for place in ["Hamburg", "", "Berlin or Paris", "Lisbon", "Berliner Str."] {
            assert!(
                matches!(pick(found.clone(), place), Pick::Several(ref z) if z.len() == found.len()),
                "{place}"
            );
        }
    }

    #[test]
    fn one_zone_with_those_offsets_needs_no_place() {
        // The Chatham Islands keep +12:45 / +13:45: no other zone does.
        let found = matching(&marks(&[
            "2030-04-06T11:00:00+13:45",
            "2030-04-07T11:00:00+12:45",
        ]));
        assert_eq!(
            pick(found, "Hamburg"),
            Pick::Only(chrono_tz::Pacific::Chatham)
        );
    }

    #[test]
    fn a_city_field_names_a_zone_only_by_a_zone_s_own_city() {
        let brussels = pick(by_city(), "Brussels");
        assert_eq!(
            brussels,
            Pick::Named(chrono_tz::Europe::Brussels, "Brussels".to_owned())
        );
        let ny = pick(by_city(), "New York, NY");
        assert_eq!(
            ny,
            Pick::Named(chrono_tz::America::New_York, "New York".to_owned())
        );
        for city in [
            "Hamburg",
            "Casey",
            "North",
            "Victoria",
            "",
            "Paris or Berlin",
        ] {
            assert!(matches!(pick(by_city(), city), Pick::Several(_)), "{city}");
        }
    }

    #[test]
    fn offsets_no_zone_has_settle_nothing() {
        let found = matching(&marks(&[
            "2030-10-26T11:00:00+02:00",
            "2030-10-27T11:00:00+03:00",
        ]));
        assert_eq!(pick(found, "Berlin"), Pick::None);
    }

    #[test]
    fn a_zone_and_its_old_alias_are_one_place() {
        // Asia/Kolkata and its alias Asia/Calcutta both fit; each is named once.
        let found = matching(&marks(&["2030-03-01T11:00:00+05:30"]));
        let p = pick(found, "Kolkata, India");
        assert_eq!(
            p,
            Pick::Named(chrono_tz::Asia::Kolkata, "Kolkata".to_owned())
        );
        // Buenos Aires is two names with one city part.
        let found = matching(&marks(&["2030-03-01T11:00:00-03:00"]));
        assert!(
            matches!(pick(found, "Buenos Aires"), Pick::Named(_, ref c) if c == "Buenos Aires")
        );
    }
}
