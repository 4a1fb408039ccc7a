//! Reading a `dais/1` document: one pass over the text that notes unknown
//! keys and, when the sessions come after what they refer to (as in every
//! file dais writes), validates each session as soon as it is read, so the
//! raw form of the whole programme never exists at once.
//!
//! A document laid out otherwise (a key the sessions depend on after
//! them, more sessions than allowed) is read again and validated whole,
//! which gives the same problems in the same order.

use super::base::ctx::Outcome;
use super::base::detect::JsonMarks;
use super::base::json::read::{Key, Notes, bit_of, other_key};
use super::base::json::syntax;
use super::base::lax::{self, Lax};
use super::base::limits::Limits;
use super::base::problem::{Capped, Path, Problem};
use crate::agenda::Extensions;
use raw::RawAgenda;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;
use validate::Validator;

mod elements;
pub mod raw;
pub(super) mod stream;
mod strict;
mod validate;

pub use validate::FORMATS;

/// A document read as `dais/1`.
pub(super) struct Document<'l> {
    /// What was read into fields. When the sessions were validated as they
    /// came, `sessions` is an empty list standing for them, and what they
    /// depend on has moved into the validator.
    pub raw: RawAgenda,
    /// Unknown keys, and whether a value could not be read.
    pub notes: Notes,
    streamed: Streamed<'l>,
}

/// What became of the sessions while reading.
enum Streamed<'l> {
    /// They are in the raw form, or were not given as an array.
    No,
    /// Validated as read, this many of them.
    Yes(Box<Validator<'l>>, usize),
    /// Validated as read, but the document must be read again: something
    /// they depend on came after them, there were too many, or the list
    /// could not be read to its end.
    Spoiled,
}

/// Reads `text` as `dais/1`, listing at most `limits.max_problems` unknown
/// keys; with `stream`, sessions are validated as they are read, and what
/// is skipped is checked against the nesting limit.
pub(super) fn read<'l>(
    text: &str,
    limits: &'l Limits,
    stream: bool,
) -> Result<Document<'l>, Problem> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut notes = Notes::new(stream.then_some(limits.max_depth), limits.max_problems);
    notes.max_string = limits.max_string;
    notes.x_max_depth = limits.max_depth;
    let limits = stream.then_some(limits);
    let top = Top {
        notes: &mut notes,
        limits,
    };
    let (raw, streamed) = de
        .deserialize_struct("RawAgenda", RawAgenda::KEYS, top)
        .and_then(|r| de.end().map(|()| r))
        .map_err(|e| syntax(&e))?;
    Ok(Document {
        raw,
        notes,
        streamed,
    })
}

/// The format marks of a document read as `dais/1`, from its top-level
/// keys; the keys read only to tell the formats apart are taken out.
pub(super) fn marks(raw: &mut RawAgenda) -> JsonMarks {
    JsonMarks {
        dais1: raw.format.is_some() || raw.event.is_some() || raw.sessions.is_some(),
        schedule: raw.schedule.take(),
        schema: raw.schema.take(),
    }
}

/// A document read to its end, validated without its text.
pub(super) struct Ready<'l> {
    /// Unknown keys (and `x-` values over the limits) found while reading.
    unknown: Capped,
    /// The document's own `x-` keys.
    top: Extensions,
    /// The sessions as read.
    sessions: Sessions<'l>,
}

/// The raw form, or a validator that has seen the sessions.
enum Sessions<'l> {
    /// Everything is in the raw form.
    Raw(Box<RawAgenda>),
    /// Validated as read, this many of them.
    Validated(Box<Validator<'l>>, usize),
}

/// Makes `doc`, read from `text`, ready to validate without the text: a
/// document whose sessions could not be validated as read is read again.
pub(super) fn settle<'l>(
    doc: Document<'l>,
    text: &str,
    limits: &'l Limits,
) -> Result<Ready<'l>, Problem> {
    let Document {
        mut raw,
        notes,
        streamed,
    } = doc;
    let top = std::mem::take(&mut raw.extensions);
    let sessions = match streamed {
        Streamed::No => Sessions::Raw(Box::new(raw)),
        Streamed::Yes(v, count) => Sessions::Validated(v, count),
        Streamed::Spoiled => {
            drop((raw, notes, top));
            let mut again = read(text, limits, false)?;
            return Ok(Ready {
                unknown: again.notes.unknown,
                top: std::mem::take(&mut again.raw.extensions),
                sessions: Sessions::Raw(Box::new(again.raw)),
            });
        }
    };
    Ok(Ready {
        unknown: notes.unknown,
        top,
        sessions,
    })
}

/// Validates a document; its problems read top to bottom.
pub(super) fn validate(ready: Ready<'_>, limits: &Limits) -> Outcome {
    let mut outcome = match ready.sessions {
        Sessions::Raw(raw) => validate::validate(*raw, limits),
        Sessions::Validated(mut v, count) => {
            // Checked after the sessions rather than before, but a count
            // over the limit never gets here, so the problems are the same.
            v.list(count);
            v.finish()
        }
    };
    if let Some(agenda) = &mut outcome.agenda {
        agenda.extensions = ready.top;
    }
    merge(outcome, ready.unknown)
}

/// The validator's problems and the unknown keys the read found, merged.
fn merge(outcome: Outcome, unknown: Capped) -> Outcome {
    let Outcome {
        agenda,
        errors: found,
        warnings,
        skipped,
        zone,
    } = outcome;
    // An object cut short by a key given twice is reported once; unknown
    // keys seen in it before then are not worth more problems. (Past the
    // listing limit they are only counted, and may still be.)
    let skipped: HashSet<&str> = skipped.iter().map(String::as_str).collect();
    let mut errors = unknown;
    errors.retain(|p| !inside_any(&p.path, &skipped));
    errors.extend(found);
    // Unknown keys were found while parsing, the rest while validating;
    // merged, they read top to bottom.
    errors.sort_by_key(|p| doc_order(&p.path));
    Outcome {
        agenda: agenda.filter(|_| errors.is_empty()),
        errors,
        warnings,
        skipped: Vec::new(),
        zone,
    }
}

/// The document's top level, read like any raw object but for `sessions`.
struct Top<'n, 'l> {
    notes: &'n mut Notes,
    limits: Option<&'l Limits>,
}

impl<'de, 'l> Visitor<'de> for Top<'_, 'l> {
    type Value = (RawAgenda, Streamed<'l>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        const SESSIONS: u32 = bit_of(RawAgenda::READ, "sessions");
        const BEFORE: [&str; 4] = ["format", "event", "people", "key_messages"];
        let Top { notes, limits } = self;
        let at = Path::Root;
        let mut out = RawAgenda::default();
        let mut seen = 0;
        let mut streamed = Streamed::No;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let key = key.as_str();
            if key == "sessions"
                && seen & SESSIONS == 0
                && let Some(limits) = limits
            {
                seen |= SESSIONS;
                let stream = Stream {
                    out: &mut out,
                    limits,
                    notes,
                };
                streamed = map.next_value_seed(stream)?;
                continue;
            }
            if BEFORE.contains(&key) && matches!(streamed, Streamed::Yes(..)) {
                streamed = Streamed::Spoiled;
            }
            if !out.read_entry(key, &mut map, at, notes, &mut seen)? {
                let what = ("an agenda's", RawAgenda::KEYS);
                if let Some((k, v)) = other_key(key, &mut map, at, what, notes)? {
                    out.extensions.push(k, v);
                }
            }
        }
        notes.given_once(&out.extensions, at);
        Ok((out, streamed))
    }
}

/// The value of `sessions`, validated element by element when it is an
/// array, and otherwise read into the raw form like any field.
struct Stream<'a, 'n, 'l> {
    out: &'a mut RawAgenda,
    limits: &'l Limits,
    notes: &'n mut Notes,
}

impl<'de, 'l> DeserializeSeed<'de> for Stream<'_, '_, 'l> {
    type Value = Streamed<'l>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, 'l> Visitor<'de> for Stream<'_, '_, 'l> {
    type Value = Streamed<'l>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Streamed::No)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Streamed::No)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let Stream { out, limits, notes } = self;
        let mut started = false;
        let elements = Elements {
            out,
            limits,
            notes,
            started: &mut started,
        };
        let list = lax::read(d, elements)?;
        notes.lax(&list);
        Ok(match list {
            Lax::Ok((v, count)) if count <= limits.max_items => {
                out.sessions = Some(Lax::Ok(Vec::new()));
                Streamed::Yes(Box::new(v), count)
            }
            Lax::Ok(_) => Streamed::Spoiled,
            Lax::Wrong(wrong) => {
                out.sessions = Some(Lax::Wrong(wrong));
                if started {
                    Streamed::Spoiled
                } else {
                    Streamed::No
                }
            }
        })
    }
}

/// The elements of the `sessions` array, each validated as it is read.
struct Elements<'a, 'n, 'l> {
    out: &'a mut RawAgenda,
    limits: &'l Limits,
    notes: &'n mut Notes,
    /// Set once the array is being read: what the sessions depend on has
    /// then moved out of `out`.
    started: &'a mut bool,
}

impl<'de, 'l> DeserializeSeed<'de> for Elements<'_, '_, 'l> {
    type Value = (Validator<'l>, usize);

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, 'l> Visitor<'de> for Elements<'_, '_, 'l> {
    type Value = (Validator<'l>, usize);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let Elements {
            out,
            limits,
            notes,
            started,
        } = self;
        *started = true;
        let v = Validator::new(
            limits,
            &out.format,
            out.event.take(),
            out.people.take(),
            out.key_messages.take(),
        );
        let mut seq = elements::Seq(&mut seq, std::marker::PhantomData);
        elements::read(&mut seq, v, notes, limits.max_items)
    }
}

/// Where a path falls in a file laid out in the format's order: the
/// top-level key's place, then the first array index under it. Sorting is
/// stable, so problems within one session keep the order they were found.
fn doc_order(path: &str) -> (usize, usize) {
    const TOP: [&str; 5] = ["format", "event", "people", "key_messages", "sessions"];
    let end = path.find(['.', '[']).unwrap_or(path.len());
    let rank = TOP.iter().position(|k| *k == &path[..end]).unwrap_or(0);
    let index = path[end..]
        .strip_prefix('[')
        .and_then(|rest| rest.split(']').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    (rank, index)
}

/// Whether the JSON path `path` lies strictly inside the value at one of
/// `outer`: some prefix of it, ending where a `.` or `[` begins, is one.
fn inside_any(path: &str, outer: &HashSet<&str>) -> bool {
    !outer.is_empty()
        && path
            .match_indices(['.', '['])
            .any(|(i, _)| outer.contains(&path[..i]))
}

#[cfg(test)]
mod tests {
    use super::{Streamed, inside_any, read, settle, validate};
    use crate::agenda::Agenda;
    use crate::load::base::limits::Limits;
    use crate::load::base::problem::Problem;
    use std::collections::HashSet;

    const FRONT: &str = r#""format": "dais/1",
        "event": {"title": "T", "date": "2030-01-02", "timezone": "UTC"},
        "people": {"a": {"name": "A"}}"#;
    const SESSIONS: &str = r#""sessions": [
        {"id": "s1", "title": "One", "kind": "opening", "start": "09:00",
         "participants": [{"person": "a", "role": "chair"}]},
        {"id": "s2", "title": "Two", "kind": "closing", "start": "10:00", "end": "11:00"}]"#;

    /// The whole of reading `text` as `dais/1`.
    fn load(text: &str, limits: &Limits) -> Result<Agenda, Vec<Problem>> {
        let ready = settle(read(text, limits, true).map_err(|p| vec![p])?, text, limits)
            .map_err(|p| vec![p])?;
        let outcome = validate(ready, limits);
        outcome
            .agenda
            .ok_or_else(|| outcome.errors.into_vec("errors"))
    }

    fn streamed(text: &str) -> &'static str {
        let limits = Limits::default();
        match read(text, &limits, true).map(|d| d.streamed) {
            Ok(Streamed::No) => "no",
            Ok(Streamed::Yes(..)) => "yes",
            Ok(Streamed::Spoiled) => "spoiled",
            Err(_) => "error",
        }
    }

    #[test]
    fn inside_means_strictly_below() {
        let outer: HashSet<&str> = ["sessions[1]", "event"].into_iter().collect();
        assert!(inside_any("sessions[1].x", &outer));
        assert!(inside_any("sessions[1].participants[0].y", &outer));
        assert!(inside_any("event.title", &outer));
        assert!(!inside_any("sessions[1]", &outer));
        assert!(!inside_any("sessions[10].x", &outer));
        assert!(!inside_any("events.x", &outer));
    }

    #[test]
    fn sessions_after_what_they_refer_to_are_validated_as_read() {
        assert_eq!(streamed(&format!("{{{FRONT}, {SESSIONS}}}")), "yes");
        assert_eq!(streamed(&format!("{{{FRONT}, \"sessions\": 1}}")), "no");
        assert_eq!(streamed(&format!("{{{SESSIONS}, {FRONT}}}")), "spoiled");
    }

    #[test]
    fn either_way_the_outcome_is_the_same() {
        let limits = Limits::default();
        let ordered = format!("{{{FRONT}, {SESSIONS}}}");
        let late = format!("{{{SESSIONS}, {FRONT}}}");
        let a = load(&ordered, &limits).unwrap();
        let b = load(&late, &limits).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.sessions[0].span.end, b.sessions[1].span.start);
        // Too many sessions: read again, and reported as before any of them.
        let few = Limits {
            max_items: 1,
            ..limits
        };
        let e = load(&ordered, &few).unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].path, "sessions");
        assert!(e[0].message.contains("more than the limit of 1"));
    }

    #[test]
    fn a_read_checks_the_nesting_of_what_it_skips() {
        let limits = Limits::default();
        let checked = |extra: &str| {
            let text = format!("{{{FRONT}, {extra} {SESSIONS}}}");
            let doc = read(&text, &limits, true).unwrap_or_else(|p| panic!("{text}: {p:?}"));
            doc.notes.nesting_checked(limits.max_depth)
        };
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(checked(""));
        assert!(checked(r#""x-a": "scalar", "x-b": [1, {"c": 2}],"#));
        // The top-level object is level 1, so an x- value may open 63.
        assert!(checked(&format!(r#""x-a": {},"#, nested(63))));
        assert!(!checked(&format!(r#""x-a": {},"#, nested(64))));
        // A value of the wrong type is skipped unseen: the text is scanned.
        assert!(!checked(r#""key_messages": {"a": [1]},"#));
    }
}
