//! From the raw wire form to the domain model, collecting every problem:
//! the event, people and key messages here, sessions in `validate/sessions.rs`.

use super::ctx::{Ctx, Outcome};
use super::lax::Lax;
use super::problem::Path;
use super::raw::{RawAgenda, RawEvent, RawKeyMessage, RawPerson};
use super::{Limits, times};
use crate::agenda::{Agenda, Event, KeyMessage, Person, Source};
use crate::sanitize::{Lines, clean};
use chrono_tz::Tz;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

mod sessions;

use sessions::Lookups;

/// The versions of the format this build reads.
pub const FORMATS: &[&str] = &["dais/1"];

/// Validates a raw agenda into the model, collecting every problem.
pub fn validate(raw: &RawAgenda, limits: &Limits) -> Outcome {
    let mut cx = Ctx::new(limits);
    let root = Path::Root;
    if let Some(format) = cx.get(root, "format", raw.format.as_ref(), true, "a string")
        && !FORMATS.contains(&format.as_str())
    {
        let known = FORMATS.join(", ");
        cx.err(
            root.key("format"),
            format!(
                "unknown format {}; this build of dais reads {known}",
                super::problem::quote(format)
            ),
        );
    }
    let event = cx
        .get(root, "event", raw.event.as_ref(), true, "an object")
        .and_then(|e| event(&mut cx, root.key("event"), e));
    let (people, person_ids) = people(&mut cx, raw);
    let (key_messages, message_ids) = key_messages(&mut cx, raw);
    // A list of the wrong type is reported once; references into it are
    // not reported again, one by one.
    let people_read = !matches!(raw.people, Some(Lax::Wrong(_)));
    let messages_read = !matches!(raw.key_messages, Some(Lax::Wrong(_)));
    let lookups = Lookups {
        people: people_read.then_some(&person_ids),
        messages: messages_read.then_some(&message_ids),
        tz: event.as_ref().map(|e| e.timezone),
        date: event.as_ref().map(|e| e.date),
    };
    let sessions = sessions::sessions(&mut cx, raw, &lookups);
    let agenda = match (event, cx.errors.is_empty()) {
        (Some(event), true) => Some(Agenda {
            event,
            people,
            key_messages,
            sessions,
        }),
        _ => None,
    };
    if let Some(a) = &agenda {
        times::order_warnings(a, &mut cx.warnings);
    }
    cx.outcome(agenda)
}

fn event(cx: &mut Ctx<'_>, here: Path<'_>, e: &RawEvent) -> Option<Event> {
    let title = cx.text(here, "title", e.title.as_ref(), true, Lines::Single);
    let subtitle = cx.text(here, "subtitle", e.subtitle.as_ref(), false, Lines::Single);
    let convener = cx.text(here, "convener", e.convener.as_ref(), false, Lines::Single);
    let venue = cx.text(here, "venue", e.venue.as_ref(), false, Lines::Single);
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
                        super::problem::quote(name)
                    ),
                );
            }
            tz
        });
    let paragraphs = (cx.limits.max_paragraphs, "paragraphs");
    let summary = cx.texts(
        here,
        "summary",
        e.summary.as_ref(),
        false,
        Lines::Multi,
        paragraphs,
    );
    let mut sources = Vec::new();
    if let Some(list) = cx.get(
        here,
        "sources",
        e.sources.as_ref(),
        false,
        "an array of objects",
    ) {
        let at = here.key("sources");
        let max = cx.limits.max_entries;
        let list = if cx.count(at, list.len(), max, "sources") {
            list.as_slice()
        } else {
            &[]
        };
        for (i, s) in list.iter().enumerate() {
            let Some(s) = cx.lax(at.index(i), s, "an object") else {
                continue;
            };
            let p = at.index(i);
            let title = cx.text(p, "title", s.title.as_ref(), true, Lines::Single);
            let date = cx.date(p, "date", s.date.as_ref(), false);
            let url = cx.text(p, "url", s.url.as_ref(), false, Lines::Single);
            if let Some(title) = title {
                sources.push(Source { title, date, url });
            }
        }
    }
    Some(Event {
        title: title?,
        subtitle,
        convener,
        venue,
        date: date?,
        timezone: timezone?,
        summary,
        sources,
    })
}

/// Every id given, valid or not, to its index in the model: `None` when the
/// item has errors of its own, so a reference to it is not one more.
pub(super) type Ids = HashMap<String, Option<usize>>;

fn people(cx: &mut Ctx<'_>, raw: &RawAgenda) -> (Vec<Person>, Ids) {
    let root = Path::Root;
    let mut people = Vec::new();
    let mut ids = HashMap::new();
    let Some(entries) = cx.get(root, "people", raw.people.as_ref(), false, "an object") else {
        return (people, ids);
    };
    let here = root.key("people");
    if !cx.count(here, entries.0.len(), cx.limits.max_items, "people") {
        return (people, ids);
    }
    people.reserve(entries.0.len());
    ids.reserve(entries.0.len());
    for (id, p) in &entries.0 {
        let at = here.key(id);
        let valid_id = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
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
        let Entry::Vacant(slot) = ids.entry(id.clone()) else {
            cx.err(
                at,
                "duplicate person id; each key of `people` must be unique",
            );
            continue;
        };
        let person = cx
            .lax(at, p, "an object")
            .and_then(|p| person(cx, at, id, p))
            .filter(|_| valid_id);
        slot.insert(person.map(|person| {
            people.push(person);
            people.len() - 1
        }));
    }
    (people, ids)
}

fn person(cx: &mut Ctx<'_>, at: Path<'_>, id: &str, p: &RawPerson) -> Option<Person> {
    let name = cx.text(at, "name", p.name.as_ref(), true, Lines::Single);
    let honorific = cx.text(at, "honorific", p.honorific.as_ref(), false, Lines::Single);
    let affiliation = cx.text(
        at,
        "affiliation",
        p.affiliation.as_ref(),
        false,
        Lines::Single,
    );
    Some(Person {
        id: id.to_owned(),
        name: name?,
        honorific,
        affiliation,
    })
}

fn key_messages(cx: &mut Ctx<'_>, raw: &RawAgenda) -> (Vec<KeyMessage>, Ids) {
    let root = Path::Root;
    let mut out = Vec::new();
    let mut ids = HashMap::new();
    let Some(list) = cx.get(
        root,
        "key_messages",
        raw.key_messages.as_ref(),
        false,
        "an array",
    ) else {
        return (out, ids);
    };
    let here = root.key("key_messages");
    if !cx.count(here, list.len(), cx.limits.max_items, "key messages") {
        return (out, ids);
    }
    let mut first_at: HashMap<String, usize> = HashMap::with_capacity(list.len());
    for (i, m) in list.iter().enumerate() {
        let at = here.index(i);
        let Some(m) = cx.lax(at, m, "an object") else {
            continue;
        };
        let msg = key_message(cx, at, m);
        // Ids are compared as shown (sanitized), so two that differ only
        // by a control character are duplicates, as they would look.
        let Some(Lax::Ok(raw_id)) = &m.id else {
            continue;
        };
        let id = clean(raw_id, Lines::Single);
        if let Some(first) = first_at.get(&id) {
            cx.err(
                at.key("id"),
                format!("duplicate key message id, first used by key_messages[{first}]"),
            );
            continue;
        }
        first_at.insert(id.clone(), i);
        ids.insert(
            id,
            msg.map(|msg| {
                out.push(msg);
                out.len() - 1
            }),
        );
    }
    (out, ids)
}

fn key_message(cx: &mut Ctx<'_>, at: Path<'_>, m: &RawKeyMessage) -> Option<KeyMessage> {
    let id = cx.text(at, "id", m.id.as_ref(), true, Lines::Single);
    let number = cx
        .get(at, "number", m.number.as_ref(), false, "an integer")
        .copied();
    let title = cx.text(at, "title", m.title.as_ref(), true, Lines::Single);
    let paragraphs = (cx.limits.max_paragraphs, "paragraphs");
    let text = cx.texts(at, "text", m.text.as_ref(), true, Lines::Multi, paragraphs);
    Some(KeyMessage {
        id: id?,
        number,
        title: title?,
        text,
    })
}
