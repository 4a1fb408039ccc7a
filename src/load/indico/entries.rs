//! The entries of both exports as sessions: contributions, breaks, and
//! session blocks with what is in them.

use super::Reader;
use super::person::text;
use super::when::{Bad, instant};
use crate::agenda::{Kind, Label, Participant, Role, Session, Span};
use crate::load::base::problem::{Problem, quote};
use crate::load::base::zone;
use crate::sanitize::{Lines, clean};
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::Value;

/// The block an entry is in: its title, the people it adds, and whether
/// it is a poster session (`isPoster`).
struct Block<'a> {
    title: Option<String>,
    people: &'a [Participant],
    poster: bool,
}

const NO_BLOCK: Block<'static> = Block {
    title: None,
    people: &[],
    poster: false,
};

/// Whether a session block is a poster session: `isPoster` on it, or on
/// the session it is a block of (Indico 3's `detail=sessions`).
fn is_poster(s: &Value) -> bool {
    let own = |v: &Value| v.get("isPoster").and_then(Value::as_bool) == Some(true);
    own(s) || s.get("session").is_some_and(own)
}

/// The event export: `contributions` outside any session, then each of
/// `sessions` with its own; an event with neither (the plain export, as
/// a meeting's page links it) is one session, chaired by its chairs.
pub fn event(r: &mut Reader<'_>, ev: &Value, at: &str) {
    contents(r, ev, at);
    if r.sessions.is_empty() && r.cx.errors.is_empty() && ev.get("startDate").is_some() {
        r.cx.warnings.push(Problem::at(
            at,
            "no contribution or session with a time (the export without \
             `?detail=contributions` has none); the event is read as one session",
        ));
        let mut people = Vec::new();
        let max = r.cx.limits.max_string;
        r.roster
            .add_all(&mut people, ev.get("chairs"), Role::Chair, None, max);
        let block = Block {
            title: None,
            people: &people,
            poster: false,
        };
        entry(r, ev, at, &block, Kind::Other);
    }
}

fn contents(r: &mut Reader<'_>, ev: &Value, at: &str) {
    let max = r.cx.limits.max_string;
    if let Some(list) = ev.get("contributions").and_then(Value::as_array) {
        for (i, c) in list.iter().enumerate() {
            entry(
                r,
                c,
                &format!("{at}.contributions[{i}]"),
                &NO_BLOCK,
                Kind::Other,
            );
        }
    }
    let Some(blocks) = ev.get("sessions").and_then(Value::as_array) else {
        return;
    };
    for (i, s) in blocks.iter().enumerate() {
        let here = format!("{at}.sessions[{i}]");
        let title = r.text(s, &here, "title", Lines::Single).or_else(|| {
            s.get("session")
                .and_then(|inner| r.text(inner, &here, "title", Lines::Single))
        });
        let mut people = Vec::new();
        for key in ["conveners", "sessionConveners"] {
            r.roster
                .add_all(&mut people, s.get(key), Role::Moderator, None, max);
        }
        let inside = s
            .get("contributions")
            .and_then(Value::as_array)
            .filter(|l| !l.is_empty());
        let block = Block {
            title,
            people: &people,
            poster: is_poster(s),
        };
        if let Some(list) = inside {
            for (k, c) in list.iter().enumerate() {
                let path = format!("{here}.contributions[{k}]");
                entry(r, c, &path, &block, Kind::Other);
            }
        } else {
            let own = Block {
                title: None,
                people: &people,
                poster: false,
            };
            entry(r, s, &here, &own, Kind::Other);
        }
    }
}

/// The timetable export: `results` → event id → `YYYYMMDD` → entries;
/// returns the event's id.
pub fn timetable<'v>(r: &mut Reader<'_>, results: &'v Value) -> Option<&'v str> {
    let events = results.as_object()?;
    if events.len() > 1 {
        r.cx.warnings.push(Problem::at(
            "results",
            format!(
                "holds {} events' timetables; dais reads the first",
                events.len()
            ),
        ));
    }
    let (id, days) = events.iter().next()?;
    let at = format!("results[{}]", quote(id));
    let Some(days) = days.as_object() else {
        r.err(&at, "expected an object of days (\"YYYYMMDD\": entries)");
        return Some(id);
    };
    // The zone of the first entry that names one.
    let named = days
        .values()
        .filter_map(Value::as_object)
        .flat_map(|d| d.values())
        .find_map(|e| e.get("startDate").and_then(|d| text(d, "tz")));
    if let Some(Ok(tz)) = named.map(str::parse::<chrono_tz::Tz>) {
        r.tz = tz;
    } else {
        let chosen = zone::fallback(r.cx.limits);
        r.tz = chosen.tz;
        r.cx.zone_warn(Problem::at(
            at.clone(),
            format!("no entry names its zone (`startDate.tz`); {}", chosen.why),
        ));
    }
    for (day, entries) in days {
        let here = format!("{at}[{}]", quote(day));
        let Some(entries) = entries.as_object() else {
            continue;
        };
        for (key, e) in entries {
            timetable_entry(r, e, &format!("{here}[{}]", quote(key)), &NO_BLOCK);
        }
    }
    Some(id)
}

/// An entry's type: `entryType`, else what Indico's class name in `_type`
/// says, else a session block if it holds `entries` (its entries would
/// otherwise be lost without a word).
fn entry_type(e: &Value) -> Option<&str> {
    text(e, "entryType").or_else(|| match text(e, "_type") {
        Some("LinkedTimeSchEntry") => Some("Session"),
        Some("BreakTimeSchEntry") => Some("Break"),
        Some("ContribSchEntry") => Some("Contribution"),
        _ => e
            .get("entries")
            .and_then(Value::as_object)
            .is_some_and(|m| !m.is_empty())
            .then_some("Session"),
    })
}

fn timetable_entry(r: &mut Reader<'_>, e: &Value, at: &str, block: &Block<'_>) {
    let max = r.cx.limits.max_string;
    match entry_type(e) {
        Some("Session") => {
            let title = r.text(e, at, "title", Lines::Single);
            let mut people = block.people.to_vec();
            r.roster
                .add_all(&mut people, e.get("conveners"), Role::Chair, None, max);
            let inside = e
                .get("entries")
                .and_then(Value::as_object)
                .filter(|m| !m.is_empty());
            match inside {
                Some(entries) => {
                    let inner = Block {
                        title,
                        people: &people,
                        poster: block.poster || is_poster(e),
                    };
                    for (key, child) in entries {
                        let path = format!("{at}.entries[{}]", quote(key));
                        if entry_type(child) == Some("Session") {
                            r.note("nested session", &path, || {
                                "a session inside a session; read as its entries".to_owned()
                            });
                        }
                        timetable_entry(r, child, &path, &inner);
                    }
                }
                None => entry(
                    r,
                    e,
                    at,
                    &Block {
                        title: None,
                        people: &people,
                        poster: false,
                    },
                    Kind::Other,
                ),
            }
        }
        Some("Break") => entry(r, e, at, block, Kind::Break),
        Some("Contribution") | None => entry(r, e, at, block, Kind::Other),
        Some(other) => {
            let other = other.to_owned();
            r.note("entry type", &format!("{at}.entryType"), || {
                format!(
                    "{} is not Session, Contribution or Break; read as a contribution",
                    quote(&other)
                )
            });
            entry(r, e, at, block, Kind::Other);
        }
    }
}

/// One contribution, break or empty session block as a session.
fn entry(r: &mut Reader<'_>, c: &Value, at: &str, block: &Block<'_>, kind: Kind) {
    if !c.is_object() {
        r.err(at, "expected an object");
        return;
    }
    let max = r.cx.limits.max_string;
    let Some(title) = r.text(c, at, "title", Lines::Single) else {
        r.err(
            &format!("{at}.title"),
            "missing or empty; a session needs a title",
        );
        return;
    };
    let Some((start, end)) = times(r, c, at) else {
        return;
    };
    let is_block = entry_type(c).or_else(|| text(c, "_type")) == Some("Session");
    let prefix = match kind {
        Kind::Break => "b",
        _ if is_block => "s",
        _ => "c",
    };
    let raw_id = c
        .get("contributionId")
        .or_else(|| c.get("id"))
        .map(|v| match v {
            Value::String(s) => s.trim().to_owned(),
            other => other.to_string(),
        })
        .filter(|s| !s.is_empty() && s.len() <= 200)
        .map(|s| clean(&s, Lines::Single));
    let id = match raw_id {
        // Timetable ids already say what they are ("c500", "b12").
        Some(s) if s.starts_with(prefix) && s[1..].chars().all(|c| c.is_ascii_digit()) => s,
        Some(s) => format!("{prefix}{s}"),
        None => format!("{prefix}-{}", r.sessions.len() + 1),
    };
    let room = r.text(c, at, "room", Lines::Single).or_else(|| {
        c.get("location_data")
            .and_then(|l| text(l, "room_name"))
            .map(|s| clean(s, Lines::Single))
    });
    let track = named(c.get("track")).map(|s| clean(s, Lines::Single));
    // Outside a block (the `detail=contributions` export), a contribution
    // names the session it is in.
    let part = block
        .title
        .as_deref()
        .map(Label::from)
        .or_else(|| named(c.get("session")).map(|s| Label::from(clean(s, Lines::Single))));
    let mut notes = Vec::new();
    if let Some(t) = named(c.get("type")) {
        notes.push(clean(t, Lines::Single));
    }
    let description = r.text(c, at, "description", Lines::Multi);
    let mut participants = block.people.to_vec();
    r.roster.add_all(
        &mut participants,
        c.get("speakers"),
        Role::Speaker,
        None,
        max,
    );
    r.roster.add_all(
        &mut participants,
        c.get("presenters"),
        Role::Speaker,
        None,
        max,
    );
    if !participants.iter().any(|p| p.role == Role::Speaker) {
        r.roster.add_all(
            &mut participants,
            c.get("primaryauthors"),
            Role::Speaker,
            Some("author"),
            max,
        );
    }
    if participants.len() > r.cx.limits.max_participants {
        r.err(
            at,
            format!(
                "{} people, more than the limit of {}",
                participants.len(),
                r.cx.limits.max_participants
            ),
        );
        return;
    }
    if c.get("subContributions")
        .and_then(Value::as_array)
        .is_some_and(|l| !l.is_empty())
    {
        r.note(
            "subcontributions",
            &format!("{at}.subContributions"),
            || "subcontributions are not shown by dais; their contribution is".to_owned(),
        );
    }
    let tz = r.tz;
    let local = |t: DateTime<Utc>| t.with_timezone(&tz).naive_local();
    r.paths.push(at.to_owned());
    if block.poster {
        r.posters.insert(at.to_owned());
    }
    r.sessions.push(Session {
        id: id.into(),
        title: title.into(),
        kind,
        part,
        room: room.map(Label::from),
        track: track.map(Label::from),
        span: Span {
            local_start: local(start),
            local_end: local(end),
            start,
            end,
        },
        description: description.map(String::into_boxed_str),
        notes: notes.into_iter().map(Label::from).collect(),
        participants: participants.into(),
        key_messages: Box::default(),
        extensions: crate::agenda::Extensions::default(),
    });
}

/// A name given as a string or as an object with `title` or `name`.
fn named(v: Option<&Value>) -> Option<&str> {
    match v? {
        Value::String(s) => Some(s.trim()).filter(|s| !s.is_empty()),
        obj @ Value::Object(_) => text(obj, "title").or_else(|| text(obj, "name")),
        _ => None,
    }
}

/// Start and end: `startDate`, and `endDate` or `duration` (minutes).
fn times(r: &mut Reader<'_>, c: &Value, at: &str) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let tz = r.tz;
    let start = match instant(c.get("startDate"), tz) {
        Ok(t) => t,
        Err(Bad::Missing) => {
            r.note("unscheduled", at, || {
                "has no startDate (not scheduled); left out".to_owned()
            });
            return None;
        }
        Err(bad) => {
            report(r, &format!("{at}.startDate"), &bad);
            return None;
        }
    };
    let end = match instant(c.get("endDate"), tz) {
        Ok(t) => t,
        Err(Bad::Missing) => {
            let minutes = c
                .get("duration")
                .and_then(Value::as_i64)
                .filter(|m| (1..=100_000).contains(m));
            let Some(m) = minutes else {
                r.err(
                    &format!("{at}.endDate"),
                    "missing, and no `duration` in minutes",
                );
                return None;
            };
            start.checked_add_signed(TimeDelta::minutes(m))?
        }
        Err(bad) => {
            report(r, &format!("{at}.endDate"), &bad);
            return None;
        }
    };
    if end <= start {
        r.note("no length", at, || {
            "ends at or before it starts; left out".to_owned()
        });
        return None;
    }
    Some((start, end))
}

fn report(r: &mut Reader<'_>, at: &str, bad: &Bad) {
    let message = match bad {
        Bad::Missing => "missing".to_owned(),
        Bad::Malformed => "expected {\"date\": \"YYYY-MM-DD\", \"time\": \"HH:MM:SS\"}".to_owned(),
        Bad::Gap(tz) => format!("a time that does not exist in {tz}: the clocks skip it"),
    };
    r.err(at, message);
}

#[cfg(test)]
mod tests {
    use super::is_poster;
    use serde_json::json;

    #[test]
    fn a_poster_session_is_marked_on_the_block_or_its_session() {
        assert!(is_poster(&json!({"isPoster": true})));
        assert!(is_poster(&json!({"session": {"isPoster": true}})));
        assert!(!is_poster(&json!({"isPoster": false})));
        assert!(!is_poster(&json!({"isPoster": "yes"})));
        assert!(!is_poster(&json!({"title": "Posters"})));
    }
}
