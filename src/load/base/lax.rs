//! A value that deserializes from any JSON, keeping a wrong type as data.
//!
//! serde stops at the first type error; an agenda loader must report them
//! all, each at its JSON path. [`Lax<T>`] turns a type mismatch into a value
//! that the validator, which knows the path, reports later.

use serde::de::value::MapAccessDeserializer;
use serde::de::{
    self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer, forward_to_deserialize_any};
use skip::Skip;
use std::fmt;
use std::marker::PhantomData;

mod skip;

/// A field as read: absent (or null), or present with some type.
pub type Field<T> = Option<Lax<T>>;

/// Either a well-typed `T` or a note of what was found instead.
#[derive(Debug, Clone, PartialEq)]
pub enum Lax<T> {
    /// The value had the expected type.
    Ok(T),
    /// It did not. Boxed, as it is rare: a field then takes no more room
    /// than its value (`Option<Lax<String>>` is a `String`'s size).
    Wrong(Box<Mismatch>),
}

/// What was wrong with a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// A value of another JSON type: "a number", "an array"…
    Found(&'static str),
    /// An object that gives this key (a field the format defines) twice.
    DuplicateKey(String),
    /// The right JSON type with some other problem inside it.
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

    /// Whether it could not be read for a reason other than its type or a
    /// duplicate key.
    pub fn is_unreadable(&self) -> bool {
        matches!(self, Lax::Wrong(m) if matches!(**m, Mismatch::Other(_)))
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
        read(d, PhantomData::<T>)
    }
}

/// Reads any JSON value through `seed`, keeping a wrong type as data.
#[inline]
pub fn read<'de, S, D>(d: D, seed: S) -> Result<Lax<S::Value>, D::Error>
where
    S: DeserializeSeed<'de>,
    D: Deserializer<'de>,
{
    d.deserialize_any(LaxVisitor(seed))
}

/// Reads a value with its seed, whatever JSON type it turns out to be.
struct LaxVisitor<S>(S);

fn scalar<'de, S, D>(seed: S, d: D, found: &'static str) -> Lax<S::Value>
where
    S: DeserializeSeed<'de>,
    D: Deserializer<'de, Error = de::value::Error>,
{
    seed.deserialize(d)
        .map_or_else(|_| Lax::Wrong(Box::new(Mismatch::Found(found))), Lax::Ok)
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for LaxVisitor<S> {
    type Value = Lax<S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(scalar(self.0, v.into_deserializer(), "a boolean"))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(scalar(self.0, v.into_deserializer(), "a number"))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(scalar(self.0, v.into_deserializer(), "a number"))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(scalar(self.0, v.into_deserializer(), "a number"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(scalar(self.0, v.into_deserializer(), "a string"))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(scalar(self.0, v.into_deserializer(), "a string"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Lax::Wrong(Box::new(Mismatch::Found("null"))))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        match self.0.deserialize(Array(&mut seq)) {
            Ok(v) => Ok(Lax::Ok(v)),
            Err(e) if !is_data_error(&e) => Err(e),
            Err(e) => {
                // Leave the input where serde_json expects it; a syntax error
                // surfaces again here and is fatal, as it should be.
                while seq.next_element::<Skip>()?.is_some() {}
                Ok(Lax::Wrong(Box::new(mismatch(&e, "an array"))))
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let mut map = Tracked {
            map,
            value_pending: false,
        };
        match self.0.deserialize(MapAccessDeserializer::new(&mut map)) {
            Ok(v) => Ok(Lax::Ok(v)),
            Err(e) if !is_data_error(&e) => Err(e),
            Err(e) => {
                // serde stops at a duplicate key before reading its value;
                // read it, or the next key would be looked for in its place.
                if map.value_pending {
                    map.next_value::<Skip>()?;
                }
                while map.next_entry::<Skip, Skip>()?.is_some() {}
                Ok(Lax::Wrong(Box::new(mismatch(&e, "an object"))))
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
    } else if let Some(key) = msg
        .strip_prefix("duplicate field `")
        .and_then(|k| k.strip_suffix('`'))
    {
        Mismatch::DuplicateKey(key.to_owned())
    } else {
        Mismatch::Other(msg)
    }
}

/// A JSON array offered to `T`. Anything may read it as a sequence except a
/// struct: serde would fill the struct's fields by position, so
/// `"event": ["title", …]` would pass for an object.
struct Array<A>(A);

impl<'de, A: SeqAccess<'de>> Deserializer<'de> for Array<A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_seq(self.0)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        Err(de::Error::invalid_type(Unexpected::Seq, &visitor))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// A map access that knows whether a key has been read without its value.
struct Tracked<A> {
    map: A,
    value_pending: bool,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Tracked<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let key = self.map.next_key_seed(seed)?;
        self.value_pending = key.is_some();
        Ok(key)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.value_pending = false;
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
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
        assert_eq!(v[1], Lax::Wrong(Box::new(Mismatch::Found("a number"))));
        assert_eq!(v[2], Lax::Wrong(Box::new(Mismatch::Found("null"))));
        assert_eq!(v[3], Lax::Wrong(Box::new(Mismatch::Found("an array"))));
        assert_eq!(v[4], Lax::Wrong(Box::new(Mismatch::Found("an object"))));
    }

    #[test]
    fn a_field_is_no_bigger_than_its_value() {
        use std::mem::size_of;
        assert_eq!(size_of::<Option<Lax<String>>>(), size_of::<String>());
        assert_eq!(size_of::<Option<Lax<Vec<u8>>>>(), size_of::<Vec<u8>>());
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
    fn an_array_is_not_an_object() {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        struct S {
            a: Option<String>,
        }
        let v: Vec<Lax<S>> = serde_json::from_str(r#"[["x"], {"a": "y"}]"#).unwrap();
        assert_eq!(v[0], Lax::Wrong(Box::new(Mismatch::Found("an array"))));
        assert_eq!(v[1].ok().and_then(|s| s.a.as_deref()), Some("y"));
    }

    #[test]
    fn a_duplicate_key_is_named_and_the_rest_still_parses() {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        struct S {
            a: Option<String>,
            b: Option<String>,
        }
        let v: Vec<Lax<S>> =
            serde_json::from_str(r#"[{"a": "1", "a": {"deep": [1]}, "b": "2"}, {"b": "3"}]"#)
                .unwrap();
        assert_eq!(
            v[0],
            Lax::Wrong(Box::new(Mismatch::DuplicateKey("a".into())))
        );
        assert_eq!(v[1].ok().and_then(|s| s.b.as_deref()), Some("3"));
    }

    #[test]
    fn entries_keep_duplicates_in_order() {
        let e: Entries<i64> = serde_json::from_str(r#"{"b":1,"a":2,"b":3}"#).unwrap();
        assert_eq!(e.0, vec![("b".into(), 1), ("a".into(), 2), ("b".into(), 3)]);
    }
}
