//! The format's limits applied inside an `x-` value, which dais keeps and
//! writes back but never reads into fields: no string or key longer than
//! the string limit, no number too large for a double, no key given twice
//! in one object. (Nesting is checked with the rest of the document.)

use crate::load::base::problem::{Capped, Path, Problem};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;

/// Checks `json`, the value of an `x-` key at `at`, adding a problem to
/// `out` for each string or key over `max.0` bytes and each key given
/// twice, and one for a number out of range (which stops the check).
///
/// A value nested deeper than `max.1` levels in all is left unchecked:
/// that is an error of its own, found on the document's text, and the
/// check recurses once per level.
pub fn check(json: &str, at: Path<'_>, max: (usize, usize), out: &mut Capped) {
    let (max_string, max_depth) = max;
    if max_depth < at.depth() || super::depth::too_deep(json, max_depth - at.depth()).is_some() {
        return;
    }
    let mut stop = None;
    let mut de = serde_json::Deserializer::from_str(json);
    let seed = Check {
        at,
        max_string,
        out: &mut *out,
        stop: &mut stop,
    };
    if let Err(e) = seed.deserialize(&mut de) {
        Check::stopped(&mut stop, at, &e);
        if let Some((path, why)) = stop {
            out.push(Problem::at(path, why));
        }
    }
}

/// What stopped the check, at the innermost path it happened at.
type Stop = Option<(String, String)>;

/// Checks one value at `at`.
struct Check<'p, 'o> {
    at: Path<'p>,
    max_string: usize,
    out: &'o mut Capped,
    stop: &'o mut Stop,
}

impl Check<'_, '_> {
    fn string(&mut self, at: Path<'_>, s: &str, what: &str) {
        let (len, max) = (s.len(), self.max_string);
        if len > max {
            let why = format!("{what} of {len} bytes is longer than the limit of {max}");
            self.out.push(Problem::at(at, why));
        }
    }

    /// Notes where a value inside this one stopped the check, unless a
    /// value further inside already did.
    fn stopped<E: fmt::Display>(stop: &mut Stop, at: Path<'_>, e: &E) {
        if stop.is_none() {
            let msg = e.to_string();
            // serde_json appends " at line L column C" of the value's own
            // text, which would mislead: the path says where.
            let msg = msg.find(" at line ").map_or(msg.as_str(), |i| &msg[..i]);
            let why = if msg.starts_with("number out of range") {
                "a number too large for a double".to_owned()
            } else {
                crate::sanitize::clean(msg, crate::sanitize::Lines::Single)
            };
            *stop = Some((at.to_string(), why));
        }
    }
}

impl<'de> DeserializeSeed<'de> for Check<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Check<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(mut self, v: &str) -> Result<(), E> {
        let at = self.at;
        self.string(at, v, "string");
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Check {
            at,
            max_string,
            out,
            stop,
        } = self;
        let mut i = 0;
        loop {
            let here = at.index(i);
            let inner = Check {
                at: here,
                max_string,
                out: &mut *out,
                stop: &mut *stop,
            };
            match seq.next_element_seed(inner) {
                Ok(Some(())) => i += 1,
                Ok(None) => return Ok(()),
                Err(e) => {
                    Check::stopped(stop, here, &e);
                    return Err(e);
                }
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        let at = self.at;
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let here = at.key(&key);
            self.string(here, &key, "key");
            if seen.contains(&key) {
                self.out.push(Problem::at(
                    here,
                    "this key appears more than once in the object; give it once",
                ));
            }
            let inner = Check {
                at: here,
                max_string: self.max_string,
                out: &mut *self.out,
                stop: &mut *self.stop,
            };
            if let Err(e) = map.next_value_seed(inner) {
                Check::stopped(self.stop, here, &e);
                return Err(e);
            }
            seen.insert(key);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::load::base::problem::{Capped, Path};

    fn problems(json: &str, max: usize) -> Vec<String> {
        let mut out = Capped::new(100);
        check(json, Path::Root.key("x-a"), (max, 64), &mut out);
        out.into_vec("problems")
            .into_iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect()
    }

    #[test]
    fn within_the_limits_is_no_problem() {
        let fine =
            r#"{"a": [1, -2, 3.5, 1e300, 18446744073709551615, true, null, "1234"], "b": {}}"#;
        assert_eq!(problems(fine, 4), Vec::<String>::new());
    }

    #[test]
    fn strings_keys_numbers_and_duplicates_are_checked_at_their_path() {
        assert_eq!(
            problems(r#"{"a": ["12345"], "bbbbb": 1, "a": 2}"#, 4),
            [
                "x-a.a[0]: string of 5 bytes is longer than the limit of 4",
                "x-a.bbbbb: key of 5 bytes is longer than the limit of 4",
                "x-a.a: this key appears more than once in the object; give it once",
            ]
        );
        assert_eq!(
            problems(r#"{"a": [1, {"b": -1e400}]}"#, 4),
            ["x-a.a[1].b: a number too large for a double"]
        );
        assert_eq!(
            problems("1e400", 4),
            ["x-a: a number too large for a double"]
        );
        assert_eq!(problems(r#""\u001b[2J long""#, 4).len(), 1);
        // Too deep: not looked into (the document's scan reports it).
        let deep = format!("{}\"longer\"{}", "[".repeat(64), "]".repeat(64));
        assert_eq!(problems(&deep, 4), Vec::<String>::new());
        assert_eq!(problems(&deep[1..deep.len() - 1], 4).len(), 1);
    }
}
