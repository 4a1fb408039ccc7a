//! Reading past a value without reporting anything inside it.
//!
//! `serde_ignored` reports every value read as `IgnoredAny`, so a value of
//! the wrong type skipped that way would have each of its keys reported as
//! an unknown key of the format. [`Skip`] reads the value through
//! `deserialize_any` instead, which `serde_ignored` passes on silently: a
//! value already reported as wrong adds no problems, and none to the count
//! of problems past the listing limit.

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
    fn nothing_inside_a_skipped_value_is_reported() {
        #[derive(Deserialize)]
        struct S {
            #[serde(rename = "a")]
            _a: Skip,
        }
        let text = r#"{"a": {"k": [1, {"j": null}], "m": "x"}, "b": 1}"#;
        let mut seen = Vec::new();
        let mut de = serde_json::Deserializer::from_str(text);
        serde_ignored::deserialize::<_, _, S>(&mut de, |p| seen.push(p.to_string())).unwrap();
        // Only the struct's own unknown key.
        assert_eq!(seen, ["b"]);
    }

    #[test]
    fn syntax_errors_inside_are_still_errors() {
        assert!(serde_json::from_str::<Skip>(r#"{"a": [1, }"#).is_err());
        assert!(serde_json::from_str::<Skip>(r#"{"a": 1e400}"#).is_err());
    }
}
