//! A session as dais writes it, read the strict way: only the format's
//! keys (and the two `x-` keys `dais list --format json` writes), each of
//! its own type, straight into the strings the model keeps.
//!
//! Reading a session this way costs little more than parsing it, where the
//! lax raw form ([`super::raw`]) notes every key and path so that a broken
//! file can be reported whole. Anything not read here (an unknown or other
//! `x-` key, a `null`, a key given twice, a value of another type) fails
//! the read, and the session is read again the lax way, which says what is
//! wrong; so does one read here that the validator cannot take as it
//! stands. So a session is validated the same either way.

use super::raw::Word;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

mod quick;
mod spare;

pub(in crate::load) use quick::{people as quick_people, session as quick_session};

/// One item of the programme.
#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::load) struct StrictSession {
    pub id: Word,
    pub title: String,
    pub kind: Word,
    #[serde(default)]
    pub part: Maybe<Word>,
    #[serde(default)]
    pub room: Maybe<Word>,
    #[serde(default)]
    pub track: Maybe<Word>,
    #[serde(default)]
    pub date: Maybe<Word>,
    pub start: Word,
    #[serde(default)]
    pub end: Maybe<Word>,
    #[serde(default)]
    pub end_date: Maybe<Word>,
    #[serde(default)]
    pub utc_offset: Maybe<Word>,
    #[serde(default)]
    pub description: Maybe<String>,
    #[serde(default)]
    pub notes: Maybe<Vec<Word>>,
    #[serde(default)]
    pub participants: Maybe<Vec<StrictParticipant>>,
    #[serde(default)]
    pub key_messages: Maybe<Vec<Word>>,
    /// Written by `dais list --format json`; the validator drops it.
    #[serde(rename = "x-starts-at", default)]
    pub x_starts_at: Maybe<String>,
    /// As `x_starts_at`.
    #[serde(rename = "x-ends-at", default)]
    pub x_ends_at: Maybe<String>,
}

/// Someone taking part in a session.
#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::load) struct StrictParticipant {
    pub person: Word,
    pub role: Word,
    #[serde(default)]
    pub appearance: Maybe<Word>,
    #[serde(default)]
    pub capacity: Maybe<Word>,
}

/// Everyone on the programme, by id, in file order.
#[derive(Debug, PartialEq)]
pub(in crate::load) struct StrictPeople(pub Vec<(Word, StrictPerson)>);

/// Someone on the programme.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::load) struct StrictPerson {
    pub name: Word,
    #[serde(default)]
    pub honorific: Maybe<Word>,
    #[serde(default)]
    pub affiliation: Maybe<Word>,
}

impl<'de> Deserialize<'de> for StrictPeople {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(PeopleVisitor)
    }
}

struct PeopleVisitor;

impl<'de> Visitor<'de> for PeopleVisitor {
    type Value = StrictPeople;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of people")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StrictPeople, A::Error> {
        let mut people = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(entry) = map.next_entry()? {
            people.push(entry);
        }
        Ok(StrictPeople(people))
    }
}

/// A value that may be left out, but is never `null`: the lax form reads a
/// `null` as a value of the wrong type.
#[derive(Debug, PartialEq)]
pub(in crate::load) struct Maybe<T>(pub Option<T>);

impl<T> Default for Maybe<T> {
    fn default() -> Self {
        Maybe(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Maybe<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(|t| Maybe(Some(t)))
    }
}

impl StrictSession {
    /// Whether its `x-` values are within the string limit, as the lax
    /// reader checks them.
    pub fn x_within(&self, max_string: usize) -> bool {
        [&self.x_starts_at, &self.x_ends_at]
            .iter()
            .all(|x| x.0.as_ref().is_none_or(|s| s.len() <= max_string))
    }
}

#[cfg(test)]
mod tests {
    use super::StrictSession;

    fn read(json: &str) -> Option<StrictSession> {
        serde_json::from_str(json).ok()
    }

    #[test]
    fn the_keys_dais_writes_are_read() {
        let s = read(
            r#"{"id": "a\"b", "title": "T", "kind": "panel", "start": "09:00", "end": "10:00",
                "participants": [{"person": "p", "role": "chair"}], "x-starts-at": "x"}"#,
        )
        .expect("strict");
        assert_eq!(s.id, "a\"b");
        assert_eq!(s.participants.0.map(|p| p.len()), Some(1));
        assert!(s.end.0.is_some() && s.part.0.is_none() && s.notes.0.is_none());
        assert!(s.x_starts_at.0.is_some());
    }

    #[test]
    fn anything_else_is_left_to_the_lax_form() {
        let base = r#""id": "a", "title": "T", "kind": "panel", "start": "09:00""#;
        for extra in [
            r#", "part": null"#,
            r#", "x-mine": 1"#,
            r#", "colour": "red""#,
            r#", "id": "b""#,
            r#", "notes": "one""#,
            r#", "notes": null"#,
            r#", "participants": [{"person": "p", "role": "chair", "x-a": 1}]"#,
            r#", "x-starts-at": 5"#,
        ] {
            assert!(read(&format!("{{{base}{extra}}}")).is_none(), "{extra}");
        }
        assert!(read(r#"{"id": "a", "title": "T", "kind": "panel"}"#).is_none());
    }
}
