//! Unknown keys: the paths `serde_ignored` reports, turned into problems
//! that say which keys the format allows there.

use super::problem::{Path, Problem};
use super::raw::RawSource;
use super::raw::{RawAgenda, RawEvent, RawKeyMessage, RawParticipant, RawPerson, RawSession};
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::forward_to_deserialize_any;
use std::fmt;

/// The problem for an ignored key, unless it is an `x-` extension key.
pub fn unknown_key(path: &serde_ignored::Path<'_>) -> Option<Problem> {
    let serde_ignored::Path::Map { key, .. } = path else {
        return None;
    };
    if key.starts_with("x-") {
        return None;
    }
    let segs = segments(path);
    let allowed = match segs.split_last().map(|(_, parent)| parent) {
        Some(parent) => allowed_in(parent),
        None => None,
    };
    let message = match allowed {
        Some((what, keys)) => format!(
            "unknown key; {what} keys are {} (a key of your own must start with \"x-\")",
            list(keys)
        ),
        None => "unknown key (a key of your own must start with \"x-\")".to_owned(),
    };
    let mut out = String::new();
    build(&segs, Path::Root, &mut out);
    Some(Problem::at(out, message))
}

enum Seg {
    Key(String),
    Index(usize),
}

/// The path's segments, outermost first.
fn segments(path: &serde_ignored::Path<'_>) -> Vec<Seg> {
    use serde_ignored::Path as P;
    let mut segs: Vec<Seg> = Vec::new();
    let mut cur = path;
    loop {
        match cur {
            P::Root => break,
            P::Seq { parent, index } => {
                segs.push(Seg::Index(*index));
                cur = parent;
            }
            P::Map { parent, key } => {
                segs.push(Seg::Key(key.clone()));
                cur = parent;
            }
            P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
                cur = parent;
            }
        }
    }
    segs.reverse();
    segs
}

/// Renders segments through [`Path`], so unknown keys read exactly like
/// every other path.
fn build(segs: &[Seg], parent: Path<'_>, out: &mut String) {
    match segs.split_first() {
        None => *out = parent.to_string(),
        Some((Seg::Key(k), rest)) => build(rest, parent.key(k), out),
        Some((Seg::Index(i), rest)) => build(rest, parent.index(*i), out),
    }
}

/// What the object at `parent` is, and the keys the format gives it.
fn allowed_in(parent: &[Seg]) -> Option<(&'static str, &'static [&'static str])> {
    use Seg::{Index as I, Key as K};
    Some(match parent {
        [] => ("an agenda's", keys_of::<RawAgenda>()),
        [K(k)] if k == "event" => ("the event's", keys_of::<RawEvent>()),
        [K(e), K(s), I(_)] if e == "event" && s == "sources" => {
            ("a source's", keys_of::<RawSource>())
        }
        [K(p), K(_)] if p == "people" => ("a person's", keys_of::<RawPerson>()),
        [K(k), I(_)] if k == "key_messages" => ("a key message's", keys_of::<RawKeyMessage>()),
        [K(s), I(_)] if s == "sessions" => ("a session's", keys_of::<RawSession>()),
        [K(s), I(_), K(p), I(_)] if s == "sessions" && p == "participants" => {
            ("a participant's", keys_of::<RawParticipant>())
        }
        _ => return None,
    })
}

/// `a`, `b` and `c`.
fn list(keys: &[&str]) -> String {
    let words: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((only, _)) => only.clone(),
        None => "no keys".to_owned(),
    }
}

/// The keys serde reads for `T`, as its derive declares them, so this list
/// cannot drift from the structs in raw.rs.
fn keys_of<T: DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(Probe) {
        Err(Fields(fields)) => fields,
        Ok(_) => &[],
    }
}

/// A deserializer that only asks a struct for its field names.
struct Probe;

#[derive(Debug)]
struct Fields(&'static [&'static str]);

impl fmt::Display for Fields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field names")
    }
}

impl std::error::Error for Fields {}

impl de::Error for Fields {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Fields(&[])
    }
}

impl<'de> Deserializer<'de> for Probe {
    type Error = Fields;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Fields> {
        Err(Fields(&[]))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Fields> {
        Err(Fields(fields))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::{keys_of, list};
    use crate::load::raw::{RawParticipant, RawSession};

    #[test]
    fn keys_come_from_the_raw_structs() {
        assert_eq!(
            keys_of::<RawParticipant>(),
            ["person", "role", "appearance", "capacity"]
        );
        let session = keys_of::<RawSession>();
        assert!(session.contains(&"participants"));
        assert!(!session.contains(&"x-starts-at"), "written, never read");
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` and `c`");
    }
}
