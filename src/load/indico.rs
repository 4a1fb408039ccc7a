//! Reading Indico's JSON exports, as UN-system and research meetings
//! publish them:
//!
//! - the event export (`/export/event/ID.json?detail=contributions` or
//!   `detail=sessions`): `results[0]` with `title`, `timezone`, `chairs`,
//!   `contributions` and `sessions` (each with its `contributions`);
//! - the timetable export (`/export/timetable/ID.json`): `results` → event
//!   id → `YYYYMMDD` → entries with `entryType` `Session`, `Contribution`
//!   or `Break`, a session's own `entries` nested in it.
//!
//! Each contribution or break is a session (a session block with nothing
//! in it is one too), in the block it belongs to (`part`). The event's
//! `chairs` and a timetable session's `conveners` are chairs, the
//! `conveners` of a `detail=sessions` session moderators, `speakers` and
//! `presenters` speakers (`primaryauthors` stand in, as authors, when a
//! contribution names no speaker). Times are `{date, time, tz}` in the
//! event's zone. Problems are at JSON paths.

mod entries;
mod person;
mod when;

use super::base::ctx::{Ctx, Outcome};
use super::base::html;
use super::base::limits::Limits;
use super::base::order;
use super::base::problem::{Problem, quote};
use super::base::tally::Tally;
use super::base::times::overlaps;
use super::base::zone;
use crate::agenda::{Agenda, Event, Session, Source};
use crate::sanitize::{Lines, clean};
use chrono_tz::Tz;
use person::text;
use serde_json::Value;
use std::collections::HashSet;

/// Whether `text` is an Indico export: a JSON object with `results` (an
/// array of events, or a timetable object); the document, parsed.
pub(crate) fn probe(text: &str) -> Option<Value> {
    let v: Value = serde_json::from_str(text).ok()?;
    let results = v.get("results")?;
    (results.is_array() || results.is_object()).then_some(v)
}

/// What the entries are read into.
pub(crate) struct Reader<'l> {
    cx: Ctx<'l>,
    tz: Tz,
    roster: person::Roster,
    sessions: Vec<Session>,
    paths: Vec<String>,
    /// The paths of entries in poster sessions: posters hang side by side,
    /// so they are not said to overlap.
    posters: HashSet<String>,
    /// Oddities said once, with a count, by kind.
    tally: Tally,
}

impl Reader<'_> {
    fn err(&mut self, at: &str, message: impl Into<String>) {
        self.cx.errors.push(Problem::at(at, message));
    }

    fn note(&mut self, key: &'static str, at: &str, message: impl FnOnce() -> String) {
        self.tally.note(key, at, message);
    }

    /// A text field, sanitized; an error when over the length limit.
    fn text(&mut self, v: &Value, at: &str, key: &str, lines: Lines) -> Option<String> {
        let s = text(v, key)?;
        let max = self.cx.limits.max_string;
        if s.len() > max {
            self.err(
                &format!("{at}.{key}"),
                format!(
                    "string of {} bytes is longer than the limit of {max}",
                    s.len()
                ),
            );
            return None;
        }
        let s = match lines {
            Lines::Multi => html::to_text(s),
            Lines::Single => s.to_owned(),
        };
        let s = clean(&s, lines).trim().to_owned();
        (!s.is_empty()).then_some(s)
    }
}

/// Reads an Indico export into an agenda.
pub(crate) fn read(doc: &Value, limits: &Limits) -> Outcome {
    let results = &doc["results"];
    let mut r = Reader {
        cx: Ctx::new(limits),
        tz: chrono_tz::UTC,
        roster: person::Roster::default(),
        sessions: Vec::new(),
        paths: Vec::new(),
        posters: HashSet::new(),
        tally: Tally::default(),
    };
    let (title, meta, id) = if let Some(events) = results.as_array() {
        let Some(event) = events.first() else {
            r.err("results", "is empty: no event in the export");
            return r.cx.outcome(None);
        };
        if events.len() > 1 {
            r.cx.warnings.push(Problem::at(
                "results",
                format!("holds {} events; dais reads the first", events.len()),
            ));
        }
        r.tz = zone(&mut r, event, "results[0]");
        let title = r.text(event, "results[0]", "title", Lines::Single);
        entries::event(&mut r, event, "results[0]");
        (title, Some(event), text(event, "id"))
    } else {
        let id = entries::timetable(&mut r, results);
        (None, None, id)
    };
    finish(r, title, meta, id)
}

/// A title for an export that gives none, and how it was made: the
/// session block every session is in, else the event's id ("Indico event
/// 1234"), else "Indico timetable". A conference's first block
/// ("Registration") is no title for the whole programme.
fn made_title(sessions: &[Session], id: Option<&str>) -> (String, &'static str) {
    let mut parts = sessions.iter().filter_map(|s| s.part.as_deref());
    if let Some(first) = parts.next()
        && parts.all(|p| p == first)
    {
        return (first.to_owned(), ", its one session block");
    }
    // An id is digits as Indico writes it: anything else is not shown.
    match id
        .filter(|id| (1..=20).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        Some(id) => (format!("Indico event {id}"), ", after its id"),
        None => ("Indico timetable".to_owned(), ""),
    }
}

/// The event's zone: `timezone`, else its `startDate.tz`, else `--tz` or
/// the viewer's (with a warning).
fn zone(r: &mut Reader<'_>, event: &Value, at: &str) -> Tz {
    let named =
        text(event, "timezone").or_else(|| event.get("startDate").and_then(|d| text(d, "tz")));
    if let Some(name) = named {
        if let Ok(tz) = name.parse::<Tz>() {
            return tz;
        }
        let chosen = zone::fallback(r.cx.limits);
        r.cx.zone_warn(Problem::at(
            format!("{at}.timezone"),
            format!("{} is not an IANA zone; {}", quote(name), chosen.why),
        ));
        return chosen.tz;
    }
    let chosen = zone::fallback(r.cx.limits);
    r.cx.zone_warn(Problem::at(
        format!("{at}.timezone"),
        format!("missing; for times without their own `tz`, {}", chosen.why),
    ));
    chosen.tz
}

fn finish(
    mut r: Reader<'_>,
    title: Option<String>,
    meta: Option<&Value>,
    id: Option<&str>,
) -> Outcome {
    if r.sessions.is_empty() && r.cx.errors.is_empty() {
        r.err(
            "results",
            "no contribution, break or session with a time; an agenda needs at least one session",
        );
    }
    let max = r.cx.limits.max_items;
    if r.sessions.len() > max {
        r.err(
            "results",
            format!("{} entries, more than the limit of {max}", r.sessions.len()),
        );
        return r.cx.outcome(None);
    }
    let tally = std::mem::take(&mut r.tally);
    r.cx.warnings.extend_from(tally.into_warnings());
    let (mut sessions, paths) = order::by_start(std::mem::take(&mut r.sessions), &r.paths);
    order::unique_ids(&mut sessions, &paths, &mut r.cx.warnings, |old, new| {
        format!("its id {old} is taken; it is {new} here")
    });
    if r.posters.is_empty() {
        overlaps(&sessions, &|i| paths[i].clone(), &mut r.cx.warnings);
    } else {
        let talks: Vec<usize> = (0..sessions.len())
            .filter(|&i| !r.posters.contains(&paths[i]))
            .collect();
        let only: Vec<Session> = talks.iter().map(|&i| sessions[i].clone()).collect();
        overlaps(&only, &|k| paths[talks[k]].clone(), &mut r.cx.warnings);
    }
    let title = title.unwrap_or_else(|| {
        let (title, after) = made_title(&sessions, id);
        let why = if meta.is_some() {
            ""
        } else {
            " (the timetable export has none)"
        };
        r.cx.warnings.push(Problem::at(
            "results",
            format!(
                "no event title in the export{why}; titled {}{after}",
                quote(&title)
            ),
        ));
        title
    });
    let Some(date) = sessions.iter().map(Session::date).min() else {
        return r.cx.outcome(None);
    };
    let (summary, venue, url, convener) = match meta {
        Some(ev) => {
            let summary = r
                .text(ev, "results[0]", "description", Lines::Multi)
                .map(|d| d.split("\n\n").map(str::to_owned).collect())
                .unwrap_or_default();
            let venue = [text(ev, "room"), text(ev, "location"), text(ev, "address")]
                .into_iter()
                .flatten()
                .filter(|s| s.len() <= r.cx.limits.max_string)
                .map(|s| clean(s, Lines::Single))
                .collect::<Vec<_>>();
            let url = r.text(ev, "results[0]", "url", Lines::Single);
            let max = r.cx.limits.max_string;
            let mut chairs: Vec<String> = Vec::new();
            for c in ev
                .get("chairs")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(i) = r.roster.person(c, max) {
                    chairs.push(r.roster.display_name(i));
                }
            }
            (
                summary,
                (!venue.is_empty()).then(|| venue.join(", ")),
                url,
                (!chairs.is_empty()).then(|| chairs.join("; ")),
            )
        }
        None => (Vec::new(), None, None, None),
    };
    let agenda = Agenda {
        event: Event {
            title: title.clone(),
            subtitle: None,
            convener,
            venue,
            date,
            timezone: r.tz.into(),
            summary,
            sources: vec![Source {
                title: format!("{title}: Indico export"),
                date: None,
                url,
                extensions: crate::agenda::Extensions::default(),
            }],
            extensions: crate::agenda::Extensions::default(),
        },
        people: std::mem::take(&mut r.roster).finish(&mut r.cx.warnings),
        key_messages: Vec::new(),
        sessions,
        extensions: crate::agenda::Extensions::default(),
    };
    r.cx.outcome(Some(agenda))
}
