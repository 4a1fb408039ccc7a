//! Reading the raw form in one pass, each value knowing its JSON path, so
//! an unknown key is reported where it is found without tracking paths as
//! strings: [`Read`] is `Deserialize` given its path and somewhere to note
//! what it finds.
//!
//! The objects of the format implement it through `raw_object!` (in
//! `raw/object.rs`); this file has the rest: strings, numbers, arrays,
//! optional and lax values, and id-keyed objects.

use super::depth::FORMAT_DEPTH;
use crate::agenda::Extensions;
use crate::load::base::lax::{self, Entries, Lax};
use crate::load::base::limits::Limits;
use crate::load::base::problem::{Capped, Path, Problem};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;
use std::marker::PhantomData;

/// A string that is parsed or looked up, never kept: a time, a date, a
/// vocabulary word, an id referred to. Held inline up to 24 bytes, so
/// reading the hundreds of thousands of them in a large agenda does not
/// allocate for each.
pub type Word = compact_str::CompactString;

/// What reading a document noted besides its values.
#[derive(Debug)]
pub struct Notes {
    /// Unknown keys and what breaks the limits inside `x-` values, in
    /// document order (the first of them listed, the rest
    /// counted).
    pub unknown: Capped,
    /// Whether a value could not be read for a reason other than its type
    /// or a key given twice: perhaps a syntax error, which a read that
    /// checks only the syntax would report instead, and first.
    pub unreadable: bool,
    /// The nesting limit to check skipped values against, if any.
    pub max_depth: Option<usize>,
    /// Whether something was skipped without its nesting being checked (a
    /// value of the wrong type, a schedule.json key), or a skipped value
    /// nests deeper than `max_depth`.
    pub unchecked: bool,
    /// The longest string (or key) allowed inside an `x-` value.
    pub max_string: usize,
    /// The nesting limit an `x-` value is checked against before its
    /// contents are (the whole document's nesting is reported elsewhere).
    pub x_max_depth: usize,
}

impl Default for Notes {
    /// Notes for a read whose unknown keys are dropped: only one is kept.
    fn default() -> Self {
        Notes::new(None, 0)
    }
}

impl Notes {
    /// Notes that check skipped values against `max_depth` when given, and
    /// list at most `max_problems` unknown keys.
    pub fn new(max_depth: Option<usize>, max_problems: usize) -> Self {
        Notes {
            unknown: Capped::new(max_problems),
            unreadable: false,
            max_depth,
            unchecked: false,
            max_string: Limits::default().max_string,
            x_max_depth: Limits::default().max_depth,
        }
    }

    /// Reports each `x-` key the object at `at` gives more than once.
    pub fn given_once(&mut self, found: &Extensions, at: Path<'_>) {
        for key in found.duplicates() {
            self.unknown.push(Problem::at(
                at.key(key),
                "this key appears more than once in the object; give it once",
            ));
        }
    }

    /// Notes a lax value: one that could not be read was skipped unseen.
    pub fn lax<T>(&mut self, v: &Lax<T>) {
        self.unreadable |= v.is_unreadable();
        self.unchecked |= matches!(v, Lax::Wrong(_));
    }

    /// Whether every array and object of the document was seen to nest
    /// no deeper than `max`: those read into the format's fields nest at
    /// most [`FORMAT_DEPTH`] deep, and every other one was checked.
    pub fn nesting_checked(&self, max: usize) -> bool {
        self.max_depth == Some(max) && max >= FORMAT_DEPTH && !self.unchecked
    }

    /// Checks the nesting of `json`, a value skipped at `at`.
    fn skipped(&mut self, json: &str, at: Path<'_>) {
        let Some(max) = self.max_depth else {
            return;
        };
        if json.starts_with(['[', '{']) {
            // Its first bracket opens level `at.depth() + 1`.
            let room = max.saturating_sub(at.depth());
            self.unchecked |= max < at.depth() || super::depth::too_deep(json, room).is_some();
        }
    }
}

/// A value of the raw form, read at `at`; what it notes goes to `notes`.
pub trait Read<'de>: Sized {
    /// Reads the value from `d`.
    fn read<D: Deserializer<'de>>(d: D, at: Path<'_>, notes: &mut Notes) -> Result<Self, D::Error>;
}

/// The seed that reads a `T` at a path: what a map or an array hands each
/// of its values.
pub struct At<'p, 'u, T> {
    path: Path<'p>,
    notes: &'u mut Notes,
    read: PhantomData<T>,
}

impl<'p, 'u, T> At<'p, 'u, T> {
    /// Reads a `T` at `at`.
    pub fn new(at: Path<'p>, notes: &'u mut Notes) -> Self {
        At {
            path: at,
            notes,
            read: PhantomData,
        }
    }
}

impl<'de, T: Read<'de>> DeserializeSeed<'de> for At<'_, '_, T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::read(d, self.path, self.notes)
    }
}

impl<'de> Read<'de> for String {
    fn read<D: Deserializer<'de>>(d: D, _: Path<'_>, _: &mut Notes) -> Result<Self, D::Error> {
        String::deserialize(d)
    }
}

impl<'de> Read<'de> for Word {
    fn read<D: Deserializer<'de>>(d: D, _: Path<'_>, _: &mut Notes) -> Result<Self, D::Error> {
        Self::deserialize(d)
    }
}

impl<'de> Read<'de> for i64 {
    fn read<D: Deserializer<'de>>(d: D, _: Path<'_>, _: &mut Notes) -> Result<Self, D::Error> {
        i64::deserialize(d)
    }
}

impl<'de, T: Read<'de>> Read<'de> for Lax<T> {
    #[inline]
    fn read<D: Deserializer<'de>>(d: D, at: Path<'_>, notes: &mut Notes) -> Result<Self, D::Error> {
        let v = lax::read(d, At::<T>::new(at, notes))?;
        notes.lax(&v);
        Ok(v)
    }
}

/// Absent and `null` are the same: `None`.
impl<'de, T: Read<'de>> Read<'de> for Option<T> {
    #[inline]
    fn read<D: Deserializer<'de>>(d: D, at: Path<'_>, notes: &mut Notes) -> Result<Self, D::Error> {
        struct V<'p, 'u, T>(At<'p, 'u, T>);
        impl<'de, T: Read<'de>> Visitor<'de> for V<'_, '_, T> {
            type Value = Option<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                self.0.deserialize(d).map(Some)
            }
        }
        d.deserialize_option(V(At::new(at, notes)))
    }
}

impl<'de, T: Read<'de>> Read<'de> for Vec<T> {
    fn read<D: Deserializer<'de>>(d: D, at: Path<'_>, notes: &mut Notes) -> Result<Self, D::Error> {
        struct V<'p, 'u, T>(Path<'p>, &'u mut Notes, PhantomData<T>);
        impl<'de, T: Read<'de>> Visitor<'de> for V<'_, '_, T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                let V(at, notes, _) = self;
                let mut out = Vec::new();
                while let Some(v) = seq.next_element_seed(At::new(at.index(out.len()), notes))? {
                    if out.capacity() == 0 {
                        // Raw lists are short-lived: room for a session's
                        // participants at once beats growing twice.
                        out.reserve_exact(8);
                    }
                    out.push(v);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(V(at, notes, PhantomData))
    }
}

impl<'de, T: Read<'de>> Read<'de> for Entries<T> {
    fn read<D: Deserializer<'de>>(d: D, at: Path<'_>, notes: &mut Notes) -> Result<Self, D::Error> {
        struct V<'p, 'u, T>(Path<'p>, &'u mut Notes, PhantomData<T>);
        impl<'de, T: Read<'de>> Visitor<'de> for V<'_, '_, T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<T>, A::Error> {
                let V(at, notes, _) = self;
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value_seed(At::new(at.key(&key), notes))?;
                    out.push((key, value));
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(V(at, notes, PhantomData))
    }
}

/// An object's key, borrowed from the text unless it holds an escape.
pub enum Key<'de> {
    /// Straight from the text.
    Borrowed(&'de str),
    /// Unescaped.
    Owned(String),
}

impl Key<'_> {
    /// The key's text.
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v))
            }
        }
        d.deserialize_str(V)
    }
}

/// Reads the value of a key an object does not read into a field. An
/// `x-` key's value is checked against the format's limits and returned
/// with its key, to be kept; any other key is an unknown key of an object
/// that is `what.0` ("a session's") and allows the keys `what.1`, and its
/// value is skipped. Either way the value's text is checked for nesting
/// too deep.
pub fn other_key<'de, A: MapAccess<'de>>(
    key: &str,
    map: &mut A,
    at: Path<'_>,
    what: (&str, &[&str]),
    notes: &mut Notes,
) -> Result<Option<(String, Box<RawValue>)>, A::Error> {
    let here = at.key(key);
    let value: &RawValue = map.next_value()?;
    notes.skipped(value.get(), here);
    if !key.starts_with("x-") {
        let (what, keys) = what;
        notes
            .unknown
            .push(crate::load::base::unknown::problem(here, what, keys));
        return Ok(None);
    }
    let max = (notes.max_string, notes.x_max_depth);
    super::extension::check(value.get(), here, max, &mut notes.unknown);
    Ok(Some((key.to_owned(), value.to_owned())))
}

/// The bit for `key` in a mask of the keys seen so far in an object, by
/// its place in `keys`; evaluated at compile time for each field.
pub const fn bit_of(keys: &[&str], key: &str) -> u32 {
    let mut i = 0;
    while i < keys.len() {
        let (a, b) = (keys[i].as_bytes(), key.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return 1 << i;
            }
        }
        i += 1;
    }
    panic!("not one of the keys")
}
