//! Reading past a value without keeping anything inside it.
//!
//! [`Skip`] reads the value through `deserialize_any` rather than as
//! `IgnoredAny`, which `serde_json` skips without parsing its numbers: so
//! malformed JSON inside a value of the wrong type (a number out of range)
//! stays the fatal error it is anywhere else, with its line and column.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Any JSON value, read and dropped.
pub struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SkipVisitor)
    }
}

struct SkipVisitor;

impl<'de> Visitor<'de> for SkipVisitor {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_none<E: de::Error>(self) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Skip, D::Error> {
        Skip::deserialize(d)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Skip, D::Error> {
        Skip::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip)
    }
}

#[cfg(test)]
mod tests {
    use super::Skip;
    use serde::Deserialize;

    #[test]
    fn a_skipped_value_is_read_to_its_end() {
        #[derive(Deserialize)]
        struct S {
            #[serde(rename = "a")]
            _a: Skip,
            b: i64,
        }
        let text = r#"{"a": {"k": [1, {"j": null}], "m": "x"}, "b": 1}"#;
        let s: S = serde_json::from_str(text).unwrap();
        assert_eq!(s.b, 1);
    }

    #[test]
    fn syntax_errors_inside_are_still_errors() {
        assert!(serde_json::from_str::<Skip>(r#"{"a": [1, }"#).is_err());
        assert!(serde_json::from_str::<Skip>(r#"{"a": 1e400}"#).is_err());
    }
}
