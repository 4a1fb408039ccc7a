//! The `x-` keys of one object of an agenda, carried from the file read to
//! the file written (`dais convert`, `dais list --format json`).
//!
//! dais never shows them: they are kept as the JSON text they were read as
//! (checked against the format's limits at load) and written back as the
//! same JSON values, in the same order.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::value::RawValue;

/// An object's `x-` keys in file order, each with its JSON value. Empty
/// takes one pointer's room, as nearly every object has none.
#[derive(Debug, Clone, Default)]
// Boxed: one pointer in every session and participant of a large agenda
// rather than a vector's three words.
#[allow(clippy::box_collection)]
pub struct Extensions(Option<Box<Vec<Entry>>>);

/// An `x-` key and its value as JSON text.
type Entry = (String, Box<RawValue>);

impl Extensions {
    /// Adds `key` with its value, after those already there.
    pub fn push(&mut self, key: String, value: Box<RawValue>) {
        self.0.get_or_insert_default().push((key, value));
    }

    /// Adds the keys of `other` with their values, after those already
    /// there.
    pub fn append(&mut self, other: Extensions) {
        if let Some(more) = other.0 {
            self.0.get_or_insert_default().extend(*more);
        }
    }

    /// The keys and values, in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.0
            .iter()
            .flat_map(|v| v.iter())
            .map(|(k, v)| (k.as_str(), &**v))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|v| v.is_empty())
    }

    /// The value of `key`, as JSON text.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v.get())
    }

    /// Takes out the keys `drop` names.
    pub fn remove(&mut self, drop: &[&str]) {
        if let Some(v) = &mut self.0 {
            v.retain(|(k, _)| !drop.contains(&k.as_str()));
            // None left is none at all, as if there had never been any.
            if v.is_empty() {
                self.0 = None;
            }
        }
    }

    /// The keys given more than once, each once, in the order of their
    /// second appearance. Sorting rather than a set: an object of many
    /// `x-` keys costs n log n, not n².
    pub fn duplicates(&self) -> Vec<&str> {
        let Some(v) = &self.0 else {
            return Vec::new();
        };
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_by(|&a, &b| v[a].0.cmp(&v[b].0).then(a.cmp(&b)));
        let mut twice: Vec<usize> = order
            .windows(2)
            .filter(|w| v[w[0]].0 == v[w[1]].0)
            .map(|w| w[1])
            .collect();
        twice.sort_unstable();
        let mut out: Vec<&str> = Vec::new();
        for i in twice {
            let k = v[i].0.as_str();
            if !out.contains(&k) {
                out.push(k);
            }
        }
        out
    }
}

/// The same keys with the same JSON values, in the same order, however
/// the text was laid out (a written file reads back equal).
impl PartialEq for Extensions {
    fn eq(&self, other: &Self) -> bool {
        let same = |(k, v): (&str, &RawValue), (l, w): (&str, &RawValue)| {
            k == l && (v.get() == w.get() || Tree::of(v) == Tree::of(w))
        };
        self.iter().count() == other.iter().count()
            && self.iter().zip(other.iter()).all(|(a, b)| same(a, b))
    }
}

/// As a map of the keys (flattened into the object that has them), each
/// value re-indented to the output rather than copied as it was laid out.
impl Serialize for Extensions {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        self.serialize_entries(&mut map)?;
        map.end()
    }
}

impl Extensions {
    /// Writes the keys into `map`, an object being written that has them,
    /// after its other keys, as flattening them into it would.
    pub fn serialize_entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for (k, v) in self.iter() {
            map.serialize_entry(k, &Tree::of(v))?;
        }
        Ok(())
    }
}

/// A JSON value laid out again for writing or comparing, built only then
/// (the agenda keeps the text): arrays and objects are taken apart, so
/// they are indented where they are written, and everything else is kept
/// as its text, so a number or a string is written exactly as it was read.
enum Tree<'a> {
    /// A string, number, `true`, `false` or `null`, as its text.
    Scalar(&'a RawValue),
    Array(Vec<Tree<'a>>),
    Object(Vec<(String, Tree<'a>)>),
}

impl<'a> Tree<'a> {
    /// The value `raw` holds. It was read as JSON, so it reads again; if it
    /// did not, it would be kept whole as its text.
    fn of(raw: &'a RawValue) -> Tree<'a> {
        let text = raw.get();
        let taken = match text.as_bytes().first() {
            Some(b'[') => serde_json::from_str::<Vec<&'a RawValue>>(text)
                .map(|items| Tree::Array(items.into_iter().map(Tree::of).collect())),
            Some(b'{') => serde_json::from_str::<Entries<'a>>(text)
                .map(|e| Tree::Object(e.0.into_iter().map(|(k, v)| (k, Tree::of(v))).collect())),
            _ => return Tree::Scalar(raw),
        };
        taken.unwrap_or(Tree::Scalar(raw))
    }
}

/// An object's entries in their order, values as text.
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for Entries<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{MapAccess, Visitor};
        use std::fmt;
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entries<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<'de>, A::Error> {
                let mut out = Vec::new();
                while let Some(kv) = map.next_entry()? {
                    out.push(kv);
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// Scalars by their text, containers by their parts.
impl PartialEq for Tree<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Tree::Scalar(a), Tree::Scalar(b)) => a.get() == b.get(),
            (Tree::Array(a), Tree::Array(b)) => a == b,
            (Tree::Object(a), Tree::Object(b)) => a == b,
            _ => false,
        }
    }
}

impl Serialize for Tree<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Tree::Scalar(v) => v.serialize(s),
            Tree::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for v in items {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Tree::Object(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Extensions;
    use serde_json::value::RawValue;

    fn raw(json: &str) -> Box<RawValue> {
        RawValue::from_string(json.to_owned()).unwrap()
    }

    #[test]
    fn written_back_as_the_same_values_in_the_same_order() {
        let mut x = Extensions::default();
        assert!(x.is_empty());
        // Scalars keep their text: escapes, exponents, integers past 64 bits.
        let b = r#"{ "z": 1,  "a": [true, null, 1.5E0, -2, "\u00e9", 1e999] }"#;
        x.push("x-b".into(), raw(b));
        x.push("x-a".into(), raw("18446744073709551616"));
        let json = serde_json::to_string(&x).unwrap();
        assert_eq!(
            json,
            r#"{"x-b":{"z":1,"a":[true,null,1.5E0,-2,"\u00e9",1e999]},"x-a":18446744073709551616}"#
        );
        let pretty = serde_json::to_string_pretty(&x).unwrap();
        assert!(pretty.contains("\n  \"x-b\": {\n    \"z\": 1,\n    \"a\": [\n      true,"));
        assert_eq!(x.get("x-a"), Some("18446744073709551616"));
        x.remove(&["x-b"]);
        assert_eq!(
            serde_json::to_string(&x).unwrap(),
            r#"{"x-a":18446744073709551616}"#
        );
    }

    #[test]
    fn duplicates_are_named_once_in_order() {
        let mut x = Extensions::default();
        for k in ["x-c", "x-a", "x-b", "x-a", "x-c", "x-a"] {
            x.push(k.into(), raw("1"));
        }
        assert_eq!(x.duplicates(), ["x-a", "x-c"]);
        let mut other = x.clone();
        assert_eq!(x, other);
        other.remove(&["x-b"]);
        assert_ne!(x, other);
        // Laid out otherwise, the same values.
        let mut a = Extensions::default();
        a.push("x-a".into(), raw(r#"{ "b" : [ 1 , 2.5 ] }"#));
        let mut b = Extensions::default();
        b.push("x-a".into(), raw(r#"{"b":[1,2.5]}"#));
        assert_eq!(a, b);
        let mut c = Extensions::default();
        c.push("x-a".into(), raw(r#"{"b":[1,2.6]}"#));
        assert_ne!(a, c);
    }
}
