//! From the raw wire form to the domain model, collecting every problem:
//! the event, people and key messages here, sessions in `validate/sessions.rs`.
//!
//! The raw form is consumed as it is read: its strings move into the model
//! rather than being copied, so the two are never both whole in memory.

use super::raw::{Field, RawAgenda, RawEvent, RawKeyMessage, RawPerson, RawSession};
use crate::agenda::{
    Agenda, Event, Extensions, KeyMessage, Labels, MAX_CHANGES, Person, Printed, Session, Source,
    Zone,
};
use crate::load::base::ctx::{Ctx, Outcome};
use crate::load::base::lax::{Entries, Lax};
use crate::load::base::limits::Limits;
use crate::load::base::people::is_person_id;
use crate::load::base::problem::{Path, quote};
use crate::load::base::times;
use crate::sanitize::{Lines, clean};
use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use std::borrow::BorrowMut;
use std::collections::HashMap;

mod ids;
mod sessions;
mod strict_people;

use ids::Ids;
pub(in crate::load::dais1) use sessions::{Built, Lookups, Sessions, build};
pub(in crate::load::dais1) use strict_people::Admitting;

/// The versions of the format this build reads.
pub const FORMATS: &[&str] = &["dais/1"];

/// Validates a raw agenda into the model, collecting every problem.
pub fn validate(raw: RawAgenda, limits: &Limits) -> Outcome {
    let RawAgenda {
        format,
        event,
        people,
        key_messages,
        sessions,
        ..
    } = raw;
    let mut v = Validator::new(limits, &format, event, people, key_messages);
    if let Some(list) =
        v.cx.take(Path::Root, "sessions", sessions, true, "an array")
        && v.list(list.len())
    {
        v.sessions.reserve(list.len());
        for mut s in list {
            v.session(&mut s);
        }
    }
    v.finish()
}

/// A document validated in its order: the keys sessions depend on first,
/// then each session as it comes, then what needs them all.
pub(crate) struct Validator<'l> {
    cx: Ctx<'l>,
    event: Option<Event>,
    people: Vec<Person>,
    key_messages: Vec<KeyMessage>,
    person_ids: Ids,
    message_ids: Ids,
    /// Whether `people` was an object (or absent); when it was not, it is
    /// reported once and references into it are not reported again.
    people_read: bool,
    /// The same for `key_messages`.
    messages_read: bool,
    sessions: Sessions,
    /// `people` read the strict way, being built on a thread of their own
    /// while the sessions are read ([`Validator::strict_people`]).
    people_built: strict_people::Building,
}

impl<'l> Validator<'l> {
    /// Validates everything but the sessions.
    pub fn new(
        limits: &'l Limits,
        format: &Field<String>,
        event: Field<RawEvent>,
        people: Field<Entries<Lax<RawPerson>>>,
        key_messages: Field<Vec<Lax<RawKeyMessage>>>,
    ) -> Self {
        let mut cx = Ctx::new(limits);
        let root = Path::Root;
        if let Some(format) = cx.get(root, "format", format.as_ref(), true, "a string")
            && !FORMATS.contains(&format.as_str())
        {
            let known = FORMATS.join(", ");
            cx.err(
                root.key("format"),
                format!(
                    "unknown format {}; this build of dais reads {known}",
                    quote(format)
                ),
            );
        }
        let event = cx
            .take(root, "event", event, true, "an object")
            .and_then(|e| self::event(&mut cx, root.key("event"), e));
        let people_read = !matches!(people, Some(Lax::Wrong(_)));
        let messages_read = !matches!(key_messages, Some(Lax::Wrong(_)));
        let (people, person_ids) = self::people(&mut cx, people);
        let (key_messages, message_ids) = self::key_messages(&mut cx, key_messages);
        Validator {
            cx,
            event,
            people,
            key_messages,
            person_ids,
            message_ids,
            people_read,
            messages_read,
            sessions: Sessions::default(),
            people_built: strict_people::Building::default(),
        }
    }

    /// Checks the number of sessions, and says whether they are to be read.
    pub fn list(&mut self, count: usize) -> bool {
        let here = Path::Root.key("sessions");
        if count == 0 {
            self.cx.err(here, "an agenda needs at least one session");
        }
        self.cx
            .count(here, count, self.cx.limits.max_items, "sessions")
    }

    /// Makes room for about `n` more sessions (a guess: fewer or more may
    /// come).
    pub fn reserve(&mut self, n: usize) {
        self.sessions.reserve(n);
    }

    /// Validates the next session, moving what the model keeps out of `s`;
    /// what is left (the buffers of its lists) is freed where the caller
    /// drops it, which lets a reading thread free what it allocated.
    pub fn session(&mut self, s: &mut Lax<impl BorrowMut<RawSession>>) {
        let (sessions, cx, lookups) = self.parts();
        sessions.push(cx, s, &lookups);
    }

    /// The limits in force.
    pub fn limits(&self) -> &'l Limits {
        self.cx.limits
    }

    /// The sessions, the problems, and what sessions refer to, apart, so
    /// sessions can be built on other threads while this one takes them in.
    pub(in crate::load::dais1) fn parts(&mut self) -> (&mut Sessions, &mut Ctx<'l>, Lookups<'_>) {
        let lookups = Lookups {
            people: self.people_read.then_some(&self.person_ids),
            messages: self.messages_read.then_some(&self.message_ids),
            tz: self.event.as_ref().and_then(|e| e.timezone.named()),
            date: self.event.as_ref().map(|e| e.date),
            id_hasher: self.sessions.id_hasher(),
        };
        (&mut self.sessions, &mut self.cx, lookups)
    }

    /// Resolves the sessions' ends and builds the agenda, if it is valid.
    pub fn finish(self) -> Outcome {
        let Validator {
            mut cx,
            event,
            mut people,
            key_messages,
            sessions,
            people_built,
            ..
        } = self;
        if let Some(built) = people_built.join() {
            people = built;
        }
        let (sessions, offsets) = sessions.finish(&mut cx);
        let mut event = event;
        if let Some(e) = &mut event
            && !offsets.is_empty()
        {
            e.timezone = printed(&mut cx, e.timezone, &sessions, &offsets);
        }
        let agenda = match (event, cx.errors.is_empty()) {
            (Some(event), true) => Some(Agenda {
                event,
                people,
                key_messages,
                sessions,
                extensions: Extensions::default(),
            }),
            _ => None,
        };
        if let Some(a) = &agenda {
            times::order_warnings(a, &mut cx.warnings);
        }
        cx.outcome(agenda)
    }
}

/// The agenda's zone when sessions give their own `utc_offset`: the
/// offsets as printed (each session's own, else `zone`'s at its start),
/// unless they are all `zone`'s anyway.
fn printed(
    cx: &mut Ctx<'_>,
    zone: Zone,
    sessions: &[Session],
    offsets: &[(usize, FixedOffset)],
) -> Zone {
    let mut own = offsets.iter().peekable();
    let marks: Vec<(DateTime<Utc>, FixedOffset)> = sessions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let o = match own.peek() {
                Some((k, o)) if *k == i => {
                    own.next();
                    *o
                }
                _ => zone.fixed_at(s.span.start),
            };
            (s.span.start, o)
        })
        .collect();
    if marks.iter().all(|(t, o)| zone.fixed_at(*t) == *o) {
        return zone;
    }
    if let Some(p) = Printed::from_marks(&marks) {
        // As its own copy reads it back: one offset for all sessions is
        // that offset's `Etc/` zone, whatever `event.timezone` said.
        return Zone::Printed(p).as_written(sessions.iter().map(|s| s.span.start));
    }
    let at = Path::Root.key("sessions");
    let at = at.index(offsets[0].0);
    cx.err(
        at.key("utc_offset"),
        format!(
            "the sessions' offsets change more than {MAX_CHANGES} times; give \
             `event.timezone` a zone that has them"
        ),
    );
    zone
}

fn event(cx: &mut Ctx<'_>, here: Path<'_>, mut e: RawEvent) -> Option<Event> {
    let title = cx.take_text(here, "title", e.title, true, Lines::Single);
    let subtitle = cx.take_text(here, "subtitle", e.subtitle, false, Lines::Single);
    let convener = cx.take_text(here, "convener", e.convener, false, Lines::Single);
    let venue = cx.take_text(here, "venue", e.venue, false, Lines::Single);
    let date = cx.date(here, "date", e.date.as_ref(), true);
    let timezone = cx
        .get(
            here,
            "timezone",
            e.timezone.as_ref(),
            true,
            "an IANA timezone name",
        )
        .and_then(|name| {
            let tz = name.parse::<Tz>().ok();
            if tz.is_none() {
                cx.err(
                    here.key("timezone"),
                    format!(
                        "unknown timezone {}; use an IANA name such as \"America/New_York\"",
                        quote(name)
                    ),
                );
            }
            tz
        });
    let paragraphs = (cx.limits.max_paragraphs, "paragraphs");
    let summary = cx.take_texts(
        here,
        "summary",
        &mut e.summary,
        false,
        Lines::Multi,
        paragraphs,
    );
    let mut sources = Vec::new();
    if let Some(list) = cx.take(here, "sources", e.sources, false, "an array of objects") {
        let at = here.key("sources");
        let max = cx.limits.max_entries;
        let list = if cx.count(at, list.len(), max, "sources") {
            list
        } else {
            Vec::new()
        };
        sources.reserve(list.len());
        for (i, s) in list.into_iter().enumerate() {
            let p = at.index(i);
            let Some(s) = cx.take_lax(p, s, "an object") else {
                continue;
            };
            let title = cx.take_text(p, "title", s.title, true, Lines::Single);
            let date = cx.date(p, "date", s.date.as_ref(), false);
            let url = cx.take_text(p, "url", s.url, false, Lines::Single);
            if let Some(title) = title {
                sources.push(Source {
                    title,
                    date,
                    url,
                    extensions: s.extensions,
                });
            }
        }
    }
    Some(Event {
        title: title?,
        subtitle,
        convener,
        venue,
        date: date?,
        timezone: timezone?.into(),
        summary,
        sources,
        extensions: e.extensions,
    })
}

fn people(cx: &mut Ctx<'_>, field: Field<Entries<Lax<RawPerson>>>) -> (Vec<Person>, Ids) {
    let root = Path::Root;
    let mut people = Vec::new();
    let mut ids = Ids::default();
    let Some(entries) = cx.take(root, "people", field, false, "an object") else {
        return (people, ids);
    };
    let here = root.key("people");
    if !cx.count(here, entries.0.len(), cx.limits.max_items, "people") {
        return (people, ids);
    }
    people.reserve(entries.0.len());
    ids.reserve(entries.0.len());
    // Honorifics and affiliations, each text kept once.
    let mut labels = Labels::default();
    for (id, p) in entries.0 {
        let at = here.key(&id);
        let valid_id = is_person_id(&id);
        let short = id.len() <= cx.limits.max_string;
        if !valid_id {
            cx.err(
                at,
                "a person id may hold only lowercase letters a-z, digits and '-'",
            );
        } else if !short {
            let max = cx.limits.max_string;
            let msg = format!(
                "person id of {} bytes is longer than the limit of {max}",
                id.len()
            );
            cx.err(at, msg);
        }
        let valid_id = valid_id && short;
        let Some(slot) = ids.vacant(&id) else {
            cx.err(
                at,
                "duplicate person id; each key of `people` must be unique",
            );
            continue;
        };
        let person = cx
            .take_lax(at, p, "an object")
            .and_then(|p| person(cx, at, p))
            .filter(|_| valid_id);
        slot.insert(person.is_some().then_some(people.len()));
        if let Some((name, honorific, affiliation, extensions)) = person {
            people.push(Person {
                id: id.into(),
                name: name.into(),
                honorific: honorific.map(|t| labels.take(t)),
                affiliation: affiliation.map(|t| labels.take(t)),
                extensions,
            });
        }
    }
    (people, ids)
}

/// A person's name, honorific, affiliation and `x-` keys.
type Named = (String, Option<String>, Option<String>, Extensions);

fn person(cx: &mut Ctx<'_>, at: Path<'_>, p: RawPerson) -> Option<Named> {
    let name = cx.take_text(at, "name", p.name, true, Lines::Single);
    let honorific = cx.take_text(at, "honorific", p.honorific, false, Lines::Single);
    let affiliation = cx.take_text(at, "affiliation", p.affiliation, false, Lines::Single);
    Some((name?, honorific, affiliation, p.extensions))
}

fn key_messages(cx: &mut Ctx<'_>, field: Field<Vec<Lax<RawKeyMessage>>>) -> (Vec<KeyMessage>, Ids) {
    let root = Path::Root;
    let mut out = Vec::new();
    let mut ids = Ids::default();
    let Some(list) = cx.take(root, "key_messages", field, false, "an array") else {
        return (out, ids);
    };
    let here = root.key("key_messages");
    if !cx.count(here, list.len(), cx.limits.max_items, "key messages") {
        return (out, ids);
    }
    let mut first_at: HashMap<String, usize> = HashMap::with_capacity(list.len());
    for (i, m) in list.into_iter().enumerate() {
        let at = here.index(i);
        let Some(m) = cx.take_lax(at, m, "an object") else {
            continue;
        };
        // Ids are compared as shown (sanitized), so two that differ only
        // by a control character are duplicates, as they would look.
        let id = match &m.id {
            Some(Lax::Ok(raw_id)) => Some(clean(raw_id, Lines::Single)),
            _ => None,
        };
        let msg = key_message(cx, at, m);
        let Some(id) = id else {
            continue;
        };
        if let Some(first) = first_at.get(&id) {
            cx.err(
                at.key("id"),
                format!("duplicate key message id, first used by key_messages[{first}]"),
            );
            continue;
        }
        ids.insert(
            &id,
            msg.map(|msg| {
                out.push(msg);
                out.len() - 1
            }),
        );
        first_at.insert(id, i);
    }
    (out, ids)
}

fn key_message(cx: &mut Ctx<'_>, at: Path<'_>, mut m: RawKeyMessage) -> Option<KeyMessage> {
    let id = cx.take_text(at, "id", m.id, true, Lines::Single);
    let number = cx.take(at, "number", m.number, false, "an integer");
    let title = cx.take_text(at, "title", m.title, true, Lines::Single);
    let paragraphs = (cx.limits.max_paragraphs, "paragraphs");
    let text = cx.take_texts(at, "text", &mut m.text, true, Lines::Multi, paragraphs);
    Some(KeyMessage {
        id: id?,
        number,
        title: title?,
        text,
        extensions: m.extensions,
    })
}
