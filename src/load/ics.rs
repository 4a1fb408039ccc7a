//! Reading iCalendar (`.ics`, RFC 5545): every `VEVENT` of a calendar as a
//! session, recurrences expanded.
//!
//! The text is unfolded and its structure checked first (see [`lines`]),
//! then parsed by the `icalendar` crate; recurrence rules are expanded by
//! the `rrule` crate within a bounded window. What maps to what:
//!
//! - `X-WR-CALNAME` (else `NAME`) is the event title, `X-WR-CALDESC` the
//!   summary, `X-WR-TIMEZONE` the agenda's zone (else the zone of the
//!   first `TZID`, else `--tz` or the viewer's zone, with a warning);
//! - `SUMMARY` is the title, `DESCRIPTION` the description, `LOCATION`
//!   the room, the first of `CATEGORIES` the track, `STATUS:CANCELLED` and
//!   `TENTATIVE` a note ("Cancelled"), `UID` the id;
//! - `DTSTART` with `DTEND` or `DURATION`: UTC, with a `TZID` (an IANA name,
//!   a name ending in one, a common Windows name, or a `VTIMEZONE` whose
//!   `X-LIC-LOCATION` names one), or floating (the agenda's zone); a
//!   `DATE` is an all-day session;
//! - `RRULE`, `RDATE` and `EXDATE` give one session per occurrence, id
//!   `UID-YYYYMMDDTHHMM`; a `RECURRENCE-ID` event replaces its occurrence;
//! - `ORGANIZER` and an `ATTENDEE` with `ROLE=CHAIR` are chairs, other
//!   attendees speakers (`X-DAIS-ROLE`, which `dais export ics` writes,
//!   names the role exactly); the name is `CN`, else the address.
//!
//! Problems are at `VEVENT[n]/PROPERTY` (n counts from 1 in the file) with
//! the property's line.

mod event;
mod lines;
mod people;
mod value;

use super::base::ctx::{Ctx, Outcome};
use super::base::limits::Limits;
use super::base::order;
use super::base::problem::{Problem, quote};
use super::base::tally::Tally;
use super::base::times::overlaps;
use super::base::zone;
use crate::agenda::{Agenda, Event, Session, Source};
use crate::sanitize::{Lines, clean};
use chrono_tz::Tz;
use icalendar::parser::Component;
use std::collections::HashMap;

/// Whether `text` is an iCalendar file: its first content line is
/// `BEGIN:VCALENDAR`.
pub fn sniff(text: &str) -> bool {
    let first = text.trim_start().lines().next().unwrap_or("");
    first.trim_end().eq_ignore_ascii_case("BEGIN:VCALENDAR")
}

/// A component with what dais needs of it, owned and with its lines.
#[derive(Debug)]
pub(crate) struct Comp {
    name: String,
    props: Vec<Prop>,
    comps: Vec<Comp>,
}

/// A property: its name in capitals, value (TEXT unescaped), parameters
/// (names in capitals) and line in the file.
#[derive(Debug)]
pub(crate) struct Prop {
    name: String,
    value: String,
    params: Vec<(String, String)>,
    line: usize,
}

impl Prop {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Comp {
    fn prop(&self, name: &str) -> Option<&Prop> {
        self.props.iter().find(|p| p.name == name)
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Prop> {
        self.props.iter().filter(move |p| p.name == name)
    }
}

/// Parses the calendar, or the first fault at its line.
pub(crate) fn parse(text: &str) -> Result<Comp, Problem> {
    let unfolded = lines::unfold(text)?;
    let roots = icalendar::parser::read_calendar_simple(&unfolded.text).map_err(|e| {
        let mut p = Problem::at(
            "",
            format!("malformed iCalendar ({:?})", e.code).to_lowercase(),
        );
        p.position = Some((unfolded.line_of_str(e.input).unwrap_or(1), 1));
        p
    })?;
    let mut roots = roots.into_iter();
    let Some(root) = roots.next() else {
        return Err(Problem::at("", "no BEGIN:VCALENDAR"));
    };
    if roots.next().is_some() {
        return Err(Problem::at(
            "",
            "more than one VCALENDAR in the file; dais reads one calendar",
        ));
    }
    Ok(own(&root, &unfolded))
}

fn own(c: &Component<'_>, u: &lines::Unfolded) -> Comp {
    Comp {
        name: c.name.as_str().to_ascii_uppercase(),
        props: c
            .properties
            .iter()
            .map(|p| Prop {
                name: p.name.as_str().to_ascii_uppercase(),
                value: p.val.as_str().to_owned(),
                params: p
                    .params
                    .iter()
                    .map(|q| {
                        (
                            q.key.as_str().to_ascii_uppercase(),
                            q.val
                                .as_ref()
                                .map(|v| value::caret(v.as_str().trim_matches('"')))
                                .unwrap_or_default(),
                        )
                    })
                    .collect(),
                line: u.line_of_str(p.name.as_str()).unwrap_or(1),
            })
            .collect(),
        comps: c.components.iter().map(|k| own(k, u)).collect(),
    }
}

/// What the events are read into.
pub(crate) struct Reader<'l> {
    cx: Ctx<'l>,
    /// The agenda's zone: floating times and all-day dates are in it.
    tz: Tz,
    /// TZID to zone, from the VTIMEZONEs and names seen.
    zones: HashMap<String, Option<Tz>>,
    roster: people::Roster,
    sessions: Vec<Session>,
    /// Each session's path, for warnings about it.
    paths: Vec<String>,
    /// Oddities said once, with a count.
    tally: Tally,
}

impl Reader<'_> {
    /// An error at a property.
    fn err(&mut self, at: &str, line: usize, message: impl Into<String>) {
        let mut p = Problem::at(at, message);
        p.position = Some((line, 1));
        self.cx.errors.push(p);
    }

    /// A warning said once per `key`, counted after.
    fn note(&mut self, key: &'static str, at: &str, line: usize, message: impl FnOnce() -> String) {
        self.tally.note_problem(key, || {
            let mut p = Problem::at(at, message());
            p.position = Some((line, 1));
            p
        });
    }

    /// A text value, sanitized, or an error if it is over the length limit.
    fn text(&mut self, at: &str, p: &Prop, lines: Lines) -> Option<String> {
        let max = self.cx.limits.max_string;
        if p.value.len() > max {
            self.err(
                at,
                p.line,
                format!("{} bytes, longer than the limit of {max}", p.value.len()),
            );
            return None;
        }
        let s = clean(&p.value, lines).trim().to_owned();
        (!s.is_empty()).then_some(s)
    }

    /// The zone a TZID names, through the VTIMEZONEs; `None` (with a
    /// warning) when unknown.
    fn zone(&mut self, tzid: &str, at: &str, line: usize) -> Option<Tz> {
        let z = if let Some(&z) = self.zones.get(tzid) {
            z
        } else {
            let z = value::iana(tzid);
            self.zones.insert(tzid.to_owned(), z);
            z
        };
        // The first time said in full, whether the TZID was met first here
        // or in a VTIMEZONE naming no zone dais knows.
        if z.is_none() {
            let tz = self.tz;
            self.note("unknown tzid", at, line, || {
                format!(
                    "TZID {} is no zone dais knows (nor does a VTIMEZONE name one); its times \
                     are read in the agenda's zone {tz}",
                    quote(tzid)
                )
            });
        }
        z
    }
}

/// Reads the calendar into an agenda.
pub(crate) fn read(cal: &Comp, limits: &Limits) -> Outcome {
    let mut cx = Ctx::new(limits);
    if cal.name != "VCALENDAR" {
        cx.errors.push(Problem::at(
            "",
            format!(
                "the file's component is {}, not VCALENDAR",
                quote(&cal.name)
            ),
        ));
        return cx.outcome(None);
    }
    let zones = vtimezones(cal);
    let (tz, zone_note) = agenda_zone(cal, &zones, limits);
    let mut r = Reader {
        cx,
        tz,
        zones,
        roster: people::Roster::default(),
        sessions: Vec::new(),
        paths: Vec::new(),
        tally: Tally::default(),
    };
    if let Some(w) = zone_note {
        r.cx.zone_warn(w);
    }
    event::read_all(&mut r, cal);
    finish(r, cal)
}

/// TZIDs of the VTIMEZONEs, each to the IANA zone it names (by its TZID
/// or `X-LIC-LOCATION`), if any.
fn vtimezones(cal: &Comp) -> HashMap<String, Option<Tz>> {
    let mut zones = HashMap::new();
    for vt in cal.comps.iter().filter(|c| c.name == "VTIMEZONE") {
        let Some(tzid) = vt.prop("TZID") else {
            continue;
        };
        let tz = value::iana(&tzid.value).or_else(|| {
            vt.prop("X-LIC-LOCATION")
                .and_then(|p| value::iana(&p.value))
        });
        zones.insert(tzid.value.clone(), tz);
    }
    zones
}

/// The agenda's zone: `X-WR-TIMEZONE`, else the first event's TZID, else
/// `--tz` or the viewer's (see [`zone::fallback`]); and a warning when it
/// was not named.
fn agenda_zone(
    cal: &Comp,
    zones: &HashMap<String, Option<Tz>>,
    limits: &Limits,
) -> (Tz, Option<Problem>) {
    if let Some(p) = cal.prop("X-WR-TIMEZONE")
        && let Some(tz) = value::iana(&p.value)
    {
        return (tz, None);
    }
    let first = cal
        .comps
        .iter()
        .filter(|c| c.name == "VEVENT")
        .filter_map(|c| c.prop("DTSTART")?.param("TZID"))
        .find_map(|id| zones.get(id).copied().flatten().or_else(|| value::iana(id)));
    if let Some(tz) = first {
        return (tz, None);
    }
    // KOLT 2020's calendar gives every time in UTC: then the zone only
    // places them, and there is nothing floating to read in it.
    let utc_only = cal
        .comps
        .iter()
        .filter(|c| c.name == "VEVENT")
        .flat_map(|c| ["DTSTART", "DTEND"].map(|k| c.prop(k)))
        .flatten()
        .all(|p| p.value.trim_end().ends_with(['Z', 'z']));
    let (chosen, what) = if utc_only {
        (
            zone::fallback_as(limits, "shown"),
            "every time is in UTC (…Z)",
        )
    } else {
        (zone::fallback(limits), "floating times and all-day dates")
    };
    let mut p = Problem::at(
        "VCALENDAR",
        format!(
            "no X-WR-TIMEZONE and no TZID names the calendar's zone; {what}: {}",
            chosen.why
        ),
    );
    p.position = cal.prop("X-WR-TIMEZONE").map(|p| (p.line, 1));
    (chosen.tz, Some(p))
}

/// Orders the sessions, makes their ids unique and builds the agenda.
fn finish(mut r: Reader<'_>, cal: &Comp) -> Outcome {
    if r.sessions.is_empty() && r.cx.errors.is_empty() {
        r.cx.errors.push(Problem::at(
            "VCALENDAR",
            "no VEVENT with a time; an agenda needs at least one session",
        ));
    }
    let max = r.cx.limits.max_items;
    if r.sessions.len() > max {
        r.cx.errors.push(Problem::at(
            "VCALENDAR",
            format!(
                "{} sessions (occurrences counted), more than the limit of {max}",
                r.sessions.len()
            ),
        ));
        return r.cx.outcome(None);
    }
    let (mut sessions, paths) = order::by_start(std::mem::take(&mut r.sessions), &r.paths);
    order::unique_ids(&mut sessions, &paths, &mut r.cx.warnings, |old, new| {
        format!(
            "its UID {} is taken; its id is {} here",
            quote(old),
            quote(new)
        )
    });
    r.cx.warnings.extend_from(r.tally.into_warnings());
    overlaps(&sessions, &|i| paths[i].clone(), &mut r.cx.warnings);
    let text = |name: &str, lines: Lines| {
        cal.prop(name)
            .map(|p| clean(&p.value, lines).trim().to_owned())
            .filter(|s| !s.is_empty() && s.len() <= r.cx.limits.max_string)
    };
    let title = text("X-WR-CALNAME", Lines::Single).or_else(|| text("NAME", Lines::Single));
    // No name: a one-line X-WR-CALDESC ("linux.conf.au 2020") is the title.
    let desc_title = title
        .is_none()
        .then(|| text("X-WR-CALDESC", Lines::Multi))
        .flatten()
        .filter(|d| !d.contains('\n') && d.chars().count() <= 100);
    let title = title.or_else(|| desc_title.clone());
    let summary: Vec<String> = (desc_title.is_none())
        .then(|| text("X-WR-CALDESC", Lines::Multi))
        .flatten()
        .or_else(|| text("DESCRIPTION", Lines::Multi))
        .map(|d| {
            d.split("\n\n")
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let prodid = text("PRODID", Lines::Single);
    let title = title.unwrap_or_else(|| {
        r.cx.warnings.push(Problem::at(
            "VCALENDAR",
            "no X-WR-CALNAME, NAME or one-line X-WR-CALDESC; the agenda is titled \"Calendar\"",
        ));
        "Calendar".to_owned()
    });
    let Some(date) = sessions.iter().map(Session::date).min() else {
        return r.cx.outcome(None);
    };
    let source = Source {
        title: match prodid {
            Some(p) => format!("{title}: iCalendar ({p})"),
            None => format!("{title}: iCalendar"),
        },
        date: None,
        url: text("URL", Lines::Single).or_else(|| text("SOURCE", Lines::Single)),
        extensions: crate::agenda::Extensions::default(),
    };
    let agenda = Agenda {
        event: Event {
            title,
            subtitle: None,
            convener: None,
            venue: None,
            date,
            timezone: r.tz.into(),
            summary,
            sources: vec![source],
            extensions: crate::agenda::Extensions::default(),
        },
        people: std::mem::take(&mut r.roster).finish(&mut r.cx.warnings),
        key_messages: Vec::new(),
        sessions,
        extensions: crate::agenda::Extensions::default(),
    };
    r.cx.outcome(Some(agenda))
}
