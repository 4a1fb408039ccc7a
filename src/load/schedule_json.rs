//! Reading the formats conferences already publish: the frab / c3voc
//! `schedule.json` family, version 1 (`conference.days[].rooms{}[]` holding
//! events with `persons`) and `schedule2` (one flat `events` list with
//! `participants` and their `role`), into the same model a `dais/1` file
//! gives.
//!
//! Real published files disagree with their own schemas, so reading is
//! lenient: keys the schemas do not know, a `time_zone_name` that disagrees
//! with the dates' offsets, unknown roles and the like are warnings, said
//! once each. A wrong type or a time that cannot be read is an error at its
//! JSON path, as in a `dais/1` file.
//!
//! The mapping, in short (the vocabularies in [`mapping`]):
//! - the conference's `title` (else `acronym`) is the event title, its
//!   `time_zone_name` the agenda's zone (when missing or unknown: `--tz`,
//!   else one that shows the dates' offsets as printed, else the viewer's;
//!   see [`zone`](super::base::zone)), its `description` the summary;
//! - each event is a session: id from `slug`, else `id`, `code` or `guid`;
//!   start from `date` (version 1) or `start`, end from `end` or
//!   `duration`; an offset in a date is the truth about the instant;
//!   `room` and `track` (by name, guid or slug) fill the session's room and
//!   track; `subtitle` and the `type` become notes; `abstract` and
//!   `description` the description;
//! - `persons` and `participants` become people, one per guid (else id,
//!   code or name), with ids made from their names;
//! - sessions are put in programme order: by start, then by room in the
//!   order `conference.rooms` lists them.

mod conference;
mod event;
mod keys;
pub mod mapping;
mod people;
mod raw;

use super::base::ctx::{Ctx, Outcome};
use super::base::iso::{Stamp, parse_stamp};
use super::base::json::syntax;
use super::base::lax::Lax;
use super::base::limits::Limits;
use super::base::order;
use super::base::problem::{Path, Problem, quote};
use super::base::tally::Tally;
use super::base::times::overlaps;
use super::base::zone;
use crate::agenda::{Agenda, Event, Labels, Session, Source};
use crate::sanitize::Lines;
use chrono::NaiveDate;
use chrono::{DateTime, FixedOffset};
use conference::Conference;
use event::Place;
use keys::Object;
use people::Roster;
pub(crate) use raw::RawDoc;
use raw::{RawConference, RawSchedule};
use std::collections::HashMap;

/// Which of the family a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// Version 1: conference days, each with rooms holding events.
    V1,
    /// c3voc `schedule2`: one flat list of events.
    Schedule2,
}

/// What the events are read into.
struct Reader<'l> {
    cx: Ctx<'l>,
    tally: Tally,
    roster: Roster,
    conf: Conference,
    sessions: Vec<Session>,
    /// Each session's JSON path in the file, for warnings about it.
    paths: Vec<String>,
    /// Rooms, tracks, notes and capacities, each text kept once.
    labels: Labels,
}

/// Parses a schedule.json document into its raw form.
pub(crate) fn parse(text: &str) -> Result<RawDoc, Problem> {
    serde_json::from_str(text).map_err(|e| syntax(&e))
}

/// Reads a parsed schedule.json document into an agenda.
pub(crate) fn read(doc: &RawDoc, version: Version, limits: &Limits) -> Outcome {
    read_at(doc, version, limits, (None, None))
}

/// Reads a parsed document into an agenda, `venue` and `city` (schedule.xml's
/// `<venue>` and `<city>`, which schedule.json has no key for) helping to
/// tell which zone the dates' offsets are in, and the city naming the zone
/// of a file with neither a zone nor offsets.
pub(crate) fn read_at(
    doc: &RawDoc,
    version: Version,
    limits: &Limits,
    (venue, city): (Option<&str>, Option<&str>),
) -> Outcome {
    let mut cx = Ctx::new(limits);
    let mut tally = Tally::default();
    let root = Path::Root;
    keys::check(&mut tally, Object::Document, root, &doc.other);
    let Some(schedule) = cx.get(root, "schedule", doc.schedule.as_ref(), true, "an object") else {
        return cx.outcome(None);
    };
    let at = root.key("schedule");
    let Some(raw_conf) = cx.get(
        at,
        "conference",
        schedule.conference.as_ref(),
        true,
        "an object",
    ) else {
        return cx.outcome(None);
    };
    let mut conf = conference::read(&mut cx, &mut tally, at.key("conference"), raw_conf);
    if let Some(why) = conf.unnamed.take() {
        let dates = offsets(raw_conf, schedule);
        let conference = at.key("conference");
        let here = conference.key("time_zone_name");
        let chosen = zone::given(limits)
            .map(zone::Chosen::into_zone)
            .or_else(|| zone::from_offsets(&dates, &place(raw_conf, schedule, venue)))
            .or_else(|| city.and_then(zone::from_city))
            .unwrap_or_else(|| zone::fallback(limits).into_zone());
        conf.tz = chosen.tz;
        cx.zone_warn(Problem::at(here, format!("{why}; {}", chosen.why)));
    }
    let roster = Roster::new(&mut cx, at, schedule.persons.as_ref());
    let mut r = Reader {
        cx,
        tally,
        roster,
        conf,
        sessions: Vec::new(),
        paths: Vec::new(),
        labels: Labels::default(),
    };
    let flat = schedule.events.is_some();
    let days = days(&mut r, at.key("conference"), raw_conf, flat);
    flat_events(&mut r, at, schedule);
    finish(r, version, schedule, &days)
}

/// Every text that may name the conference's place, for telling zones
/// apart: the venue, title, acronym and web addresses.
fn place(c: &RawConference, schedule: &RawSchedule, venue: Option<&str>) -> String {
    let texts = [&c.title, &c.acronym, &c.url, &schedule.base_url]
        .into_iter()
        .filter_map(|f| f.as_ref().and_then(Lax::ok).map(String::as_str));
    venue
        .into_iter()
        .chain(texts)
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Every date-time with an offset among the events' `date`, `start` and
/// `end`, for the zone when the conference names none.
fn offsets(c: &RawConference, schedule: &RawSchedule) -> Vec<DateTime<FixedOffset>> {
    let in_days = c
        .days
        .as_ref()
        .and_then(Lax::ok)
        .into_iter()
        .flatten()
        .filter_map(Lax::ok)
        .filter_map(|d| d.rooms.as_ref().and_then(Lax::ok))
        .flat_map(|rooms| rooms.0.iter())
        .filter_map(|(_, events)| events.ok())
        .flatten();
    let flat = schedule
        .events
        .as_ref()
        .and_then(Lax::ok)
        .into_iter()
        .flatten();
    in_days
        .chain(flat)
        .filter_map(Lax::ok)
        .flat_map(|e| [&e.date, &e.start, &e.end])
        .filter_map(|f| f.as_ref().and_then(Lax::ok))
        .filter_map(|s| match parse_stamp(s) {
            Some(Stamp::Instant(t)) => Some(t),
            _ => None,
        })
        .collect()
}

/// `conference.days`: their dates, and version 1's events in their rooms
/// (unless the events are also in one flat list, which then wins).
fn days(r: &mut Reader<'_>, at: Path<'_>, c: &RawConference, flat: bool) -> Vec<NaiveDate> {
    let mut dates = Vec::new();
    let Some(list) = r.cx.get(at, "days", c.days.as_ref(), false, "an array") else {
        return dates;
    };
    let here = at.key("days");
    for (d, day) in list.iter().enumerate() {
        let day_at = here.index(d);
        let Some(day) = r.cx.lax(day_at, day, "an object") else {
            continue;
        };
        keys::check(&mut r.tally, Object::Day, day_at, &day.other);
        let date = stamp(r, day_at, "date", day.date.as_ref()).map(|s| match s {
            Stamp::Instant(t) => t.date_naive(),
            Stamp::Local(t) => t.date(),
            Stamp::Day(d) => d,
        });
        let start = stamp(r, day_at, "day_start", day.day_start.as_ref());
        // The programme starts on the day's date as its clocks show it:
        // wafer (DebConf 23) writes `date` in UTC, the 9th for a day that
        // starts at 03:00 on the 10th in Kolkata.
        let shown = match start {
            Some(Stamp::Instant(t)) => Some(t.with_timezone(&r.conf.tz).date_naive()),
            _ => date,
        };
        dates.extend(shown.into_iter().chain(date).max());
        let day_start = start.and_then(|s| match s {
            Stamp::Instant(t) => Some(t.time()),
            Stamp::Local(t) => Some(t.time()),
            Stamp::Day(_) => None,
        });
        let Some(rooms) =
            r.cx.get(day_at, "rooms", day.rooms.as_ref(), false, "an object")
        else {
            continue;
        };
        let in_rooms = day_at.key("rooms");
        if flat {
            r.tally.note("rooms and events", in_rooms, || {
                "events are read from schedule.events; the days' rooms are ignored".to_owned()
            });
            continue;
        }
        for (name, events) in &rooms.0 {
            let room_at = in_rooms.key(name);
            let Some(events) = r.cx.lax(room_at, events, "an array of events") else {
                continue;
            };
            if !r
                .cx
                .count(room_at, events.len(), r.cx.limits.max_items, "events")
            {
                continue;
            }
            let place = Place {
                day: date,
                day_start,
                room: Some(name),
            };
            for (i, ev) in events.iter().enumerate() {
                if let Some(ev) = r.cx.lax(room_at.index(i), ev, "an object") {
                    event::read(r, room_at.index(i), ev, &place);
                }
            }
        }
    }
    dates
}

/// A date or date-time field, reporting one that cannot be read.
fn stamp(
    r: &mut Reader<'_>,
    at: Path<'_>,
    key: &str,
    field: Option<&Lax<String>>,
) -> Option<Stamp> {
    let s = r.cx.text(at, key, field, false, Lines::Single)?;
    let stamp = parse_stamp(&s);
    if stamp.is_none() {
        r.cx.err(
            at.key(key),
            format!("{} is not an ISO 8601 date or date-time", quote(&s)),
        );
    }
    stamp
}

/// schedule2's `schedule.events`.
fn flat_events(r: &mut Reader<'_>, at: Path<'_>, schedule: &RawSchedule) {
    let Some(events) =
        r.cx.get(at, "events", schedule.events.as_ref(), false, "an array")
    else {
        return;
    };
    let here = at.key("events");
    if !r
        .cx
        .count(here, events.len(), r.cx.limits.max_items, "events")
    {
        return;
    }
    for (i, ev) in events.iter().enumerate() {
        if let Some(ev) = r.cx.lax(here.index(i), ev, "an object") {
            event::read(r, here.index(i), ev, &Place::default());
        }
    }
}

/// Puts the sessions in programme order, makes their ids unique, and
/// builds the agenda.
fn finish(
    mut r: Reader<'_>,
    version: Version,
    schedule: &RawSchedule,
    days: &[NaiveDate],
) -> Outcome {
    let root = Path::Root;
    let at = root.key("schedule");
    if r.sessions.is_empty() && r.cx.errors.is_empty() {
        let conference = at.key("conference");
        let (path, what) = match version {
            Version::Schedule2 => (at.key("events"), "no events"),
            Version::V1 => (conference.key("days"), "no events in any day's rooms"),
        };
        r.cx.err(
            path,
            format!("{what}; an agenda needs at least one session"),
        );
    }
    r.cx.count(at, r.sessions.len(), r.cx.limits.max_items, "events");
    r.cx.count(at, r.roster.len(), r.cx.limits.max_items, "people");
    unique_ids(&mut r);
    let (sessions, paths) = in_programme_order(&mut r);
    let revision = r.cx.text(
        at,
        "version",
        schedule.version.as_ref(),
        false,
        Lines::Single,
    );
    let base_url = r.cx.text(
        at,
        "base_url",
        schedule.base_url.as_ref(),
        false,
        Lines::Single,
    );
    for w in r.tally.into_warnings() {
        r.cx.warnings.push(w);
    }
    let people = r.roster.finish(&mut r.cx.warnings);
    overlaps(&sessions, &|i| paths[i].clone(), &mut r.cx.warnings);
    let first = sessions.iter().map(Session::date).min();
    let (Some(title), Some(date)) = (
        r.conf.title.clone(),
        days.iter().copied().chain(first).min(),
    ) else {
        return r.cx.outcome(None);
    };
    let what = match version {
        Version::Schedule2 => "schedule2",
        Version::V1 => "schedule.json version 1",
    };
    let revision = revision
        .map(|v| format!(", revision {v}"))
        .unwrap_or_default();
    let source = Source {
        title: format!("{title}: published schedule ({what}{revision})"),
        date: None,
        url: r.conf.url.clone().or(base_url),
        extensions: crate::agenda::Extensions::default(),
    };
    let agenda = Agenda {
        event: Event {
            title,
            subtitle: None,
            convener: None,
            venue: None,
            date,
            // As a dais/1 copy reads it back, so the copy is the same agenda.
            timezone: r.conf.tz.as_written(sessions.iter().map(|s| s.span.start)),
            summary: std::mem::take(&mut r.conf.summary),
            sources: vec![source],
            extensions: crate::agenda::Extensions::default(),
        },
        people,
        key_messages: Vec::new(),
        sessions,
        extensions: crate::agenda::Extensions::default(),
    };
    r.cx.outcome(Some(agenda))
}

/// Renames repeated session ids `id-2`, `id-3`… in file order, with a warning.
fn unique_ids(r: &mut Reader<'_>) {
    order::unique_ids(&mut r.sessions, &r.paths, &mut r.cx.warnings, |old, new| {
        format!("its id {} is taken; it is {} here", quote(old), quote(new))
    });
}

/// The sessions sorted by start, then room (in `conference.rooms` order,
/// then first seen), then file order; with their paths.
fn in_programme_order(r: &mut Reader<'_>) -> (Vec<Session>, Vec<String>) {
    let mut rank: HashMap<&str, usize> = HashMap::new();
    for name in r
        .conf
        .rooms
        .iter()
        .map(String::as_str)
        .chain(r.sessions.iter().filter_map(|s| s.room.as_deref()))
    {
        let next = rank.len();
        rank.entry(name).or_insert(next);
    }
    let mut order: Vec<usize> = (0..r.sessions.len()).collect();
    order.sort_by_key(|&i| {
        let s = &r.sessions[i];
        let room = s.room.as_deref().map_or(usize::MAX, |n| rank[n]);
        (s.span.start, room, i)
    });
    let mut taken: Vec<Option<Session>> = std::mem::take(&mut r.sessions)
        .into_iter()
        .map(Some)
        .collect();
    let sessions = order.iter().filter_map(|&i| taken[i].take()).collect();
    let paths = order.iter().map(|&i| r.paths[i].clone()).collect();
    (sessions, paths)
}
