//! Reading frab / pentabarf `schedule.xml`: the format frab, pretalx and
//! the CCC hub serve beside `schedule.json`, and the FOSDEM app, Giggity
//! and `ConfClerk` read.
//!
//! frab writes both files from one database, so one programme must give
//! one agenda in either: the elements are read, in one pass with no DTD
//! and no entity expansion (see [`scan`]), into schedule.json's version 1
//! shape, and the schedule.json reader maps them. Its problems come back
//! at XML paths (`schedule/day[1]/room["Saal 1"]/event[2]/duration`) with
//! the line and column of the event or day they are in.
//!
//! The older pentabarf form has no `guid` and no full `date` on events:
//! times are then clock times on the day's `date`, rolled to the next
//! calendar day before the conference's `day_change`, and ids come from
//! the event's `id` (when there is no `slug`), as schedule.json does.

mod scan;
mod shape;

use super::base::ctx::Outcome;
use super::base::limits::Limits;
use super::base::problem::{Path, Problem, quote};
use super::schedule_json::{self, RawDoc, Version};
use crate::sanitize::{Lines, clean};
use std::fmt::Write as _;

/// A schedule.xml read to its end: the schedule.json form and where its
/// parts were in the XML.
pub(crate) struct Parsed {
    doc: Box<RawDoc>,
    venue: Option<String>,
    city: Option<String>,
    /// Each day's JSON path prefix, XML path and line:column.
    days: Vec<Place>,
    /// Each event's JSON path prefix, XML path and line:column.
    events: Vec<Place>,
    /// One warning for everything left out, if anything was.
    ignored: Option<Problem>,
}

/// Where a day or event of the JSON form was in the XML.
struct Place {
    json: String,
    xml: String,
    position: (usize, usize),
}

/// Whether `text` looks like XML (its first non-blank character is `<`).
pub fn sniff(text: &str) -> bool {
    text.trim_start().starts_with('<')
}

/// Reads the XML into the schedule.json form, or the first fault in it at
/// its line and column.
pub(crate) fn parse(text: &str) -> Result<Parsed, Problem> {
    let found = scan::scan(text).map_err(|f| {
        let mut p = Problem::at("", clean(&f.message, Lines::Single));
        p.position = Some(line_col(text, f.offset));
        p
    })?;
    let json = serde_json::to_string(&found.doc).map_err(|e| Problem::at("", e.to_string()))?;
    let doc = schedule_json::parse(&json)?;
    let mut lines = Lines0::new(text);
    let root = Path::Root;
    let days_at = root.key("schedule");
    let days_at = days_at.key("conference");
    let days_at = days_at.key("days");
    let days = found
        .days
        .iter()
        .enumerate()
        .map(|(d, &offset)| Place {
            json: days_at.index(d).to_string(),
            xml: format!("schedule/day[{}]", d + 1),
            position: lines.at(offset),
        })
        .collect();
    let mut lines = Lines0::new(text);
    let events = found
        .events
        .iter()
        .map(|at| {
            let day = days_at.index(at.day);
            let rooms = day.key("rooms");
            let xml = match at.in_day {
                Some(k) => format!("schedule/day[{}]/event[{}]", at.day + 1, k + 1),
                None => format!(
                    "schedule/day[{}]/room[{}]/event[{}]",
                    at.day + 1,
                    quote(&at.room),
                    at.index + 1
                ),
            };
            Place {
                json: rooms.key(&at.room).index(at.index).to_string(),
                xml,
                position: lines.at(at.offset),
            }
        })
        .collect();
    let ignored = left_out(text, &found.ignored);
    Ok(Parsed {
        doc: Box::new(doc),
        venue: found.venue.map(|v| clean(&v, Lines::Single)),
        city: found.city.map(|v| clean(&v, Lines::Single)),
        days,
        events,
        ignored,
    })
}

/// The one warning naming every element left out, with counts.
fn left_out(text: &str, ignored: &[(String, usize, usize)]) -> Option<Problem> {
    let first = ignored.first()?;
    let list: Vec<String> = ignored
        .iter()
        .map(|(path, n, _)| {
            let path = clean(path, Lines::Single);
            if *n == 1 {
                format!("<{path}>")
            } else {
                format!("<{path}> ({n} times)")
            }
        })
        .collect();
    let mut p = Problem::at(
        "schedule",
        format!("not shown by dais, so left out: {}", list.join(", ")),
    );
    p.position = Some(line_col(text, first.2));
    Some(p)
}

/// Maps the parsed document to an agenda, with its problems at XML paths.
pub(crate) fn read(parsed: &Parsed, limits: &Limits) -> Outcome {
    let mut outcome = schedule_json::read_at(
        &parsed.doc,
        Version::V1,
        limits,
        (parsed.venue.as_deref(), parsed.city.as_deref()),
    );
    if let Some(agenda) = &mut outcome.agenda {
        agenda.event.venue.clone_from(&parsed.venue);
        for s in &mut agenda.event.sources {
            s.title = s.title.replace("(schedule.json version 1", "(schedule.xml");
        }
    }
    outcome.errors.for_each_mut(|p| to_xml(p, parsed));
    outcome.warnings.for_each_mut(|p| to_xml(p, parsed));
    if let Some(p) = &mut outcome.zone {
        to_xml(p, parsed);
    }
    outcome.warnings.extend_from(parsed.ignored.clone());
    outcome
}

/// Rewrites a problem's JSON path as the XML path it came from, with the
/// position of its event or day.
fn to_xml(p: &mut Problem, parsed: &Parsed) {
    if p.position.is_some() || !p.path.starts_with("schedule") {
        return;
    }
    let day = parsed.days.iter().find(|d| {
        p.path
            .strip_prefix(d.json.as_str())
            .is_some_and(|rest| matches!(rest, ".date" | ".day_start"))
    });
    if let Some(day) = day {
        let attr = if p.path.rsplit('.').next() == Some("date") {
            "date"
        } else {
            "start"
        };
        p.path = format!("{}/@{attr}", day.xml);
        p.position = Some(day.position);
        return;
    }
    let found = parsed
        .events
        .iter()
        .chain(&parsed.days)
        .filter(|place| {
            p.path.starts_with(&place.json)
                && matches!(
                    p.path.as_bytes().get(place.json.len()),
                    None | Some(b'.' | b'[')
                )
        })
        .max_by_key(|place| place.json.len());
    if let Some(place) = found {
        let rest = xml_rest(&p.path[place.json.len()..]);
        p.path = format!("{}{rest}", place.xml);
        p.position = Some(place.position);
        return;
    }
    p.path = match p.path.as_str() {
        "schedule.conference.days" => "schedule/day".to_owned(),
        path => path.replacen("schedule.conference", "schedule/conference", 1),
    }
    .replace('.', "/");
}

/// The rest of a JSON path inside an event or day in XML terms:
/// `.persons[0].id` is `/persons/person[1]/@id`.
fn xml_rest(rest: &str) -> String {
    let mut out = String::new();
    let mut last = String::new();
    let mut s = rest;
    while !s.is_empty() {
        let token;
        if let Some(inner) = s.strip_prefix('[') {
            let end = inner.find(']').unwrap_or(inner.len());
            token = &inner[..end];
            s = inner.get(end + 1..).unwrap_or("");
            if let Ok(n) = token.parse::<usize>() {
                if last == "persons" {
                    out.push_str("/person");
                }
                let _ = write!(out, "[{}]", n + 1);
                last = String::new();
                continue;
            }
        } else {
            let body = s.strip_prefix('.').unwrap_or(s);
            let end = body.find(['.', '[']).unwrap_or(body.len());
            token = &body[..end];
            s = &body[end..];
        }
        match token {
            "id" | "guid" if last.is_empty() => {
                out.push_str("/@");
                out.push_str(token);
            }
            "public_name" | "name" => {}
            _ => {
                out.push('/');
                out.push_str(token);
            }
        }
        token.clone_into(&mut last);
    }
    out
}

/// Line and column (1-based) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    Lines0::new(text).at(offset)
}

/// Line and column of increasing offsets, counted in one pass.
struct Lines0<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
    line_start: usize,
}

impl<'a> Lines0<'a> {
    fn new(text: &'a str) -> Self {
        Lines0 {
            text: text.as_bytes(),
            at: 0,
            line: 1,
            line_start: 0,
        }
    }

    fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.at {
            *self = Lines0 {
                text: self.text,
                at: 0,
                line: 1,
                line_start: 0,
            };
        }
        for i in memchr::memchr_iter(b'\n', &self.text[self.at..offset]) {
            self.line += 1;
            self.line_start = self.at + i + 1;
        }
        self.at = offset;
        let col = String::from_utf8_lossy(&self.text[self.line_start..offset])
            .chars()
            .count();
        (self.line, col + 1)
    }
}
