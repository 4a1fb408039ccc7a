//! A value that deserializes from any JSON, keeping a wrong type as data.
//!
//! serde stops at the first type error; an agenda loader must report them
//! all, each at its JSON path. [`Lax<T>`] turns a type mismatch into a value
//! that the validator, which knows the path, reports later.

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// Either a well-typed `T` or a note of what was found instead.
#[derive(Debug, Clone, PartialEq)]
pub enum Lax<T> {
    /// The value had the expected type.
    Ok(T),
    /// It did not.
    Wrong(Mismatch),
}

/// What was wrong with a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// A value of another JSON type: "a number", "an array"…
    Found(&'static str),
    /// The right JSON type with a problem inside it (a duplicate key).
    Other(String),
}

impl<T> Lax<T> {
    /// The value, if it was well-typed.
    pub fn ok(&self) -> Option<&T> {
        match self {
            Lax::Ok(v) => Some(v),
            Lax::Wrong(_) => None,
        }
    }
}

impl<T> From<T> for Lax<T> {
    fn from(v: T) -> Self {
        Lax::Ok(v)
    }
}

impl<T: Serialize> Serialize for Lax<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Lax::Ok(v) => v.serialize(s),
            Lax::Wrong(_) => s.serialize_unit(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lax<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LaxVisitor(PhantomData))
    }
}

struct LaxVisitor<T>(PhantomData<T>);

fn scalar<'de, T, D>(d: D, found: &'static str) -> Lax<T>
where
    T: Deserialize<'de>,
    D: Deserializer<'de, Error = de::value::Error>,
{
    T::deserialize(d).map_or(Lax::Wrong(Mismatch::Found(found)), Lax::Ok)
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for LaxVisitor<T> {
    type Value = Lax<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(scalar(v.into_deserializer(), "a boolean"))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(scalar(v.into_deserializer(), "a number"))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(scalar(v.into_deserializer(), "a number"))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(scalar(v.into_deserializer(), "a number"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(scalar(v.into_deserializer(), "a string"))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(scalar(v.into_deserializer(), "a string"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Lax::Wrong(Mismatch::Found("null")))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        match T::deserialize(SeqAccessDeserializer::new(&mut seq)) {
            Ok(v) => Ok(Lax::Ok(v)),
            Err(e) if !is_data_error(&e) => Err(e),
            Err(e) => {
                // Leave the input where serde_json expects it; a syntax error
                // surfaces again here and is fatal, as it should be.
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Lax::Wrong(mismatch(&e, "an array")))
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        match T::deserialize(MapAccessDeserializer::new(&mut map)) {
            Ok(v) => Ok(Lax::Ok(v)),
            Err(e) if !is_data_error(&e) => Err(e),
            Err(e) => {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Lax::Wrong(mismatch(&e, "an object")))
            }
        }
    }
}

/// Whether an error inside a value is about its shape, which `Lax` keeps,
/// rather than malformed JSON (a number out of range, a bad escape), which
/// stays fatal and keeps its line and column: skipping past it would
/// report the rest of the object as unknown keys.
fn is_data_error(e: &impl fmt::Display) -> bool {
    let msg = e.to_string();
    [
        "invalid type: ",
        "invalid length ",
        "invalid value: ",
        "duplicate field `",
        "missing field `",
    ]
    .iter()
    .any(|p| msg.starts_with(p))
}

fn mismatch(e: &impl fmt::Display, found: &'static str) -> Mismatch {
    let msg = e.to_string();
    if msg.starts_with("invalid type") {
        Mismatch::Found(found)
    } else {
        Mismatch::Other(msg)
    }
}

/// A JSON object read as its entries in file order, duplicates kept, so the
/// validator can report a duplicate key (a `BTreeMap` would hide it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entries<T>(pub Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

impl<T: Serialize> Serialize for Entries<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[cfg(test)]
mod tests {
    use super::{Entries, Lax, Mismatch};

    #[test]
    fn wrong_types_are_kept_not_fatal() {
        let v: Vec<Lax<String>> =
            serde_json::from_str(r#"["a", 1, null, [1,[2]], {"x":{}}]"#).unwrap();
        assert_eq!(v[0], Lax::Ok("a".into()));
        assert_eq!(v[1], Lax::Wrong(Mismatch::Found("a number")));
        assert_eq!(v[2], Lax::Wrong(Mismatch::Found("null")));
        assert_eq!(v[3], Lax::Wrong(Mismatch::Found("an array")));
        assert_eq!(v[4], Lax::Wrong(Mismatch::Found("an object")));
    }

    #[test]
    fn syntax_errors_stay_fatal() {
        assert!(serde_json::from_str::<Lax<String>>(r"[1, 2").is_err());
        assert!(serde_json::from_str::<Lax<Vec<Lax<i64>>>>(r"[1, }").is_err());
    }

    #[test]
    fn malformed_numbers_inside_values_stay_fatal() {
        type Obj = Lax<std::collections::BTreeMap<String, Lax<i64>>>;
        let e = serde_json::from_str::<Obj>(r#"{"a": 1, "b": 1e400, "c": 2}"#).unwrap_err();
        assert!(e.to_string().starts_with("number out of range"), "{e}");
        assert_eq!(e.column(), 19);
        assert!(serde_json::from_str::<Lax<Vec<Lax<i64>>>>(r"[1, -1e999]").is_err());
    }

    #[test]
    fn entries_keep_duplicates_in_order() {
        let e: Entries<i64> = serde_json::from_str(r#"{"b":1,"a":2,"b":3}"#).unwrap();
        assert_eq!(e.0, vec![("b".into(), 1), ("a".into(), 2), ("b".into(), 3)]);
    }
}
