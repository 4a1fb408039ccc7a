//! A session as dais writes it, read the strict way: only the format's
//! keys (and the two `x-` keys `dais list --format json` writes), each of
//! its own type, its strings borrowed from the file's text: only what the
//! model keeps is copied, as the session is built (at 100,000 sessions,
//! 1.7 million strings copied out and dropped fewer).
//!
//! Reading a session this way costs little more than parsing it, where the
//! lax raw form ([`super::raw`]) notes every key and path so that a broken
//! file can be reported whole. Anything not read here (an unknown or other
//! `x-` key, a `null`, a key given twice, a value of another type, a
//! string with an escape, which cannot be borrowed as it stands) fails
//! the read, and the session is read again the lax way, which says what is
//! wrong; so does one read here that the validator cannot take as it
//! stands. So a session is validated the same either way.

use super::raw::Word;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;
use std::fmt;

mod quick;
mod spare;

pub(in crate::load) use quick::{
    each_person as quick_each_person, people as quick_people, session as quick_session,
};

/// One item of the programme, its strings borrowed from the file's: a
/// session's words are looked up or parsed as it is built, and only its
/// id and texts are copied into the model. An escape fails the read but
/// in a title or a description ([`Text`]).
#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::load) struct StrictSession<'a> {
    pub id: &'a str,
    #[serde(borrow)]
    pub title: Text<'a>,
    pub kind: &'a str,
    #[serde(default, borrow)]
    pub part: Maybe<&'a str>,
    #[serde(default, borrow)]
    pub room: Maybe<&'a str>,
    #[serde(default, borrow)]
    pub track: Maybe<&'a str>,
    #[serde(default, borrow)]
    pub date: Maybe<&'a str>,
    pub start: &'a str,
    #[serde(default, borrow)]
    pub end: Maybe<&'a str>,
    #[serde(default, borrow)]
    pub end_date: Maybe<&'a str>,
    #[serde(default, borrow)]
    pub utc_offset: Maybe<&'a str>,
    #[serde(default, borrow)]
    pub description: Maybe<Text<'a>>,
    #[serde(default, borrow)]
    pub notes: Maybe<Vec<&'a str>>,
    #[serde(default, borrow)]
    pub participants: Maybe<Vec<StrictParticipant<'a>>>,
    #[serde(default, borrow)]
    pub key_messages: Maybe<Vec<&'a str>>,
    /// Written by `dais list --format json`; the validator drops it.
    #[serde(rename = "x-starts-at", default, borrow)]
    pub x_starts_at: Maybe<&'a str>,
    /// As `x_starts_at`.
    #[serde(rename = "x-ends-at", default, borrow)]
    pub x_ends_at: Maybe<&'a str>,
}

/// Someone taking part in a session.
#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::load) struct StrictParticipant<'a> {
    pub person: &'a str,
    pub role: &'a str,
    #[serde(default, borrow)]
    pub appearance: Maybe<&'a str>,
    #[serde(default, borrow)]
    pub capacity: Maybe<&'a str>,
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

/// A text borrowed from the file's where it has no escape, else copied
/// out unescaped: a title or a description is the likeliest string to
/// hold one (a quotation mark, a new line), and is kept whole anyway.
#[derive(Debug, Default, PartialEq)]
pub(in crate::load) struct Text<'a>(pub Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Owned(v)))
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

impl StrictSession<'_> {
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

    fn read(json: &str) -> Option<StrictSession<'_>> {
        serde_json::from_str(json).ok()
    }

    #[test]
    fn the_keys_dais_writes_are_read() {
        let s = read(
            r#"{"id": "a-b", "title": "T", "kind": "panel", "start": "09:00", "end": "10:00",
                "participants": [{"person": "p", "role": "chair"}], "x-starts-at": "x"}"#,
        )
        .expect("strict");
        assert_eq!(s.id, "a-b");
        assert_eq!(s.participants.0.map(|p| p.len()), Some(1));
        assert!(s.end.0.is_some() && s.part.0.is_none() && s.notes.0.is_none());
        assert!(s.x_starts_at.0.is_some());
    }

    #[test]
    fn a_title_or_a_description_with_an_escape_is_read_unescaped() {
        let s = read(
            r#"{"id": "a", "title": "\"T\"", "kind": "panel", "start": "09:00", "description": "a\nb"}"#,
        )
        .expect("strict");
        assert_eq!(&*s.title.0, "\"T\"");
        assert_eq!(s.description.0.map(|d| d.0), Some("a\nb".into()));
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
            // An escape but in a title or a description.
            r#", "room": "a\"b""#,
            r#", "notes": ["\u00e9"]"#,
        ] {
            assert!(read(&format!("{{{base}{extra}}}")).is_none(), "{extra}");
        }
        assert!(read(r#"{"id": "a", "title": "T", "kind": "panel"}"#).is_none());
    }
}
