//! Which zone times are shown in: the agenda's own, or the viewer's (`TZ`,
//! or `--tz ZONE`), switched with `z` and remembered per agenda.

use crate::agenda::{Zone, zone_abbr, zone_label};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// Whose zone the screen shows times in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Shown {
    /// The agenda's zone: the times as printed in the programme.
    #[default]
    Agenda,
    /// The viewer's own zone.
    Viewer,
}

impl Shown {
    /// The name the store keeps: "agenda" or "viewer".
    pub fn name(self) -> &'static str {
        match self {
            Shown::Agenda => "agenda",
            Shown::Viewer => "viewer",
        }
    }

    /// The choice a stored name means.
    pub fn from_name(name: &str) -> Option<Shown> {
        match name {
            "agenda" => Some(Shown::Agenda),
            "viewer" => Some(Shown::Viewer),
            _ => None,
        }
    }
}

/// The agenda's zone, the viewer's, and which the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zones {
    /// The agenda's zone.
    pub agenda: Zone,
    /// The viewer's zone, when known.
    pub viewer: Option<Tz>,
    /// Which one times are shown in.
    pub shown: Shown,
}

impl Zones {
    /// The agenda's zone shown; the viewer's known as `viewer`.
    pub fn new(agenda: impl Into<Zone>, viewer: Option<Tz>) -> Self {
        Zones {
            agenda: agenda.into(),
            viewer,
            shown: Shown::Agenda,
        }
    }

    /// The zone times are shown in now.
    pub fn current(self) -> Zone {
        match (self.shown, self.viewer) {
            (Shown::Viewer, Some(v)) => v.into(),
            _ => self.agenda,
        }
    }

    /// The viewer's zone, if it is not the agenda's.
    fn other(self) -> Option<Tz> {
        self.viewer.filter(|v| Zone::from(*v) != self.agenda)
    }

    /// Whether the times shown are not the agenda's own.
    pub fn is_switched(self) -> bool {
        self.shown == Shown::Viewer && self.other().is_some()
    }

    /// Switches between the two; false (and nothing changes) when there is
    /// no other zone to switch to.
    pub fn toggle(&mut self) -> bool {
        if self.other().is_none() {
            return false;
        }
        self.shown = match self.shown {
            Shown::Agenda => Shown::Viewer,
            Shown::Viewer => Shown::Agenda,
        };
        true
    }

    /// What the header says when times are in the viewer's zone: "times in
    /// CEST (your time)", the abbreviation as it stands at `at`.
    pub fn header_text(&self, at: DateTime<Utc>) -> Option<String> {
        self.is_switched().then(|| {
            let abbr = zone_abbr(self.current(), at);
            format!("times in {abbr} (your time)")
        })
    }

    /// The banner after `z`.
    pub fn toggled_text(&self, at: DateTime<Utc>) -> String {
        let abbr = zone_abbr(self.current(), at);
        if self.is_switched() {
            format!(
                "times in {abbr}, your time ({})",
                zone_label(self.current())
            )
        } else {
            format!(
                "times in {abbr}, the agenda's ({})",
                zone_label(self.agenda)
            )
        }
    }
}

/// Reads `--tz ZONE`: an IANA name ("Europe/Berlin", any case). An
/// unknown name is an error naming up to five that contain it.
pub fn parse_tz(s: &str) -> Result<Tz, String> {
    let s = s.trim();
    if let Ok(tz) = s.parse::<Tz>() {
        return Ok(tz);
    }
    if let Some(tz) = chrono_tz::TZ_VARIANTS
        .iter()
        .find(|tz| tz.name().eq_ignore_ascii_case(s))
    {
        return Ok(*tz);
    }
    let lower = s.to_ascii_lowercase();
    let close: Vec<&str> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|n| !lower.is_empty() && n.to_ascii_lowercase().contains(&lower))
        .take(5)
        .collect();
    let quoted = crate::load::quote(s);
    if close.is_empty() {
        Err(format!(
            "unknown time zone {quoted}: use an IANA name such as Europe/Berlin or America/New_York"
        ))
    } else {
        Err(format!(
            "unknown time zone {quoted}: did you mean {}?",
            close.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::{Shown, Zones, parse_tz};
    use chrono::{TimeZone, Utc};
    use chrono_tz::{America::New_York, Europe::Berlin};

    #[test]
    fn z_switches_only_when_there_is_another_zone() {
        let mut z = Zones::new(New_York, Some(Berlin));
        assert_eq!(z.current(), New_York);
        assert!(z.toggle());
        assert_eq!(z.current(), Berlin);
        assert!(z.is_switched());
        assert!(z.toggle());
        assert_eq!(z.current(), New_York);
        let mut same = Zones::new(New_York, Some(New_York));
        assert!(!same.toggle());
        assert_eq!(same.shown, Shown::Agenda);
        let mut unknown = Zones::new(New_York, None);
        assert!(!unknown.toggle());
        // A stored choice for a zone no longer known shows the agenda's.
        unknown.shown = Shown::Viewer;
        assert_eq!(unknown.current(), New_York);
        assert!(!unknown.is_switched());
    }

    #[test]
    fn the_header_names_the_zone_shown() {
        let at = Utc.with_ymd_and_hms(2017, 6, 23, 15, 5, 0).unwrap();
        let mut z = Zones::new(New_York, Some(Berlin));
        assert_eq!(z.header_text(at), None);
        z.toggle();
        assert_eq!(z.header_text(at).unwrap(), "times in CEST (your time)");
        let winter = Utc.with_ymd_and_hms(2017, 1, 23, 15, 5, 0).unwrap();
        assert_eq!(z.header_text(winter).unwrap(), "times in CET (your time)");
        assert_eq!(
            z.toggled_text(at),
            "times in CEST, your time (Europe/Berlin)"
        );
        z.toggle();
        assert_eq!(
            z.toggled_text(at),
            "times in EDT, the agenda's (America/New_York)"
        );
    }

    #[test]
    fn tz_reads_iana_names_in_any_case_and_suggests_close_ones() {
        assert_eq!(parse_tz("Europe/Berlin").unwrap(), Berlin);
        assert_eq!(parse_tz("europe/berlin").unwrap(), Berlin);
        assert_eq!(parse_tz("UTC").unwrap(), chrono_tz::UTC);
        let e = parse_tz("Berlinn").unwrap_err();
        assert!(e.contains("unknown time zone") && e.contains("IANA"), "{e}");
        let e = parse_tz("berlin").unwrap_err();
        assert!(e.contains("Europe/Berlin"), "{e}");
        let e = parse_tz("\x1b[31m").unwrap_err();
        assert!(!e.contains('\x1b'), "{e:?}");
    }

    #[test]
    fn stored_names_round_trip() {
        for s in [Shown::Agenda, Shown::Viewer] {
            assert_eq!(Shown::from_name(s.name()), Some(s));
        }
        assert_eq!(Shown::from_name("mars"), None);
    }
}
