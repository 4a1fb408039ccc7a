//! The frab / c3voc `schedule.json` family as serde reads it, before
//! mapping: version 1 and `schedule2` in one set of lax structs.
//!
//! Only the keys dais uses are fields; every field is optional and lax, so a
//! wrong type is reported at its path rather than stopping the read. Objects
//! the schemas close (`additionalProperties: false`) keep their other keys
//! in `other`, so keys the schemas do not know can be warned about.

use crate::load::base::lax::{Entries, Field, Lax};
use serde::Deserialize;
use serde::de::IgnoredAny;

/// Keys of an object not read into fields.
pub type Other = Entries<IgnoredAny>;

/// The whole document.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawDoc {
    pub schedule: Field<RawSchedule>,
    #[serde(flatten)]
    pub other: Other,
}

/// `schedule`: open to any keys in both schemas.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawSchedule {
    pub version: Field<String>,
    pub base_url: Field<String>,
    pub conference: Field<RawConference>,
    /// schedule2: every event in one list.
    pub events: Field<Vec<Lax<RawEvent>>>,
    /// schedule2: everyone, for names a participant entry leaves out.
    pub persons: Field<Vec<Lax<RawPerson>>>,
}

/// `schedule.conference`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawConference {
    pub acronym: Field<String>,
    pub title: Field<String>,
    pub description: Field<Localized>,
    pub time_zone_name: Field<String>,
    pub url: Field<String>,
    pub defaults: Field<RawDefaults>,
    pub tracks: Field<Vec<Lax<RawTrack>>>,
    pub rooms: Field<Vec<Lax<RawRoom>>>,
    pub days: Field<Vec<Lax<RawDay>>>,
    #[serde(flatten)]
    pub other: Other,
}

/// `conference.defaults` (schedule2).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawDefaults {
    pub language: Field<String>,
}

/// An entry of `conference.tracks`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawTrack {
    pub name: Field<String>,
    pub slug: Field<String>,
}

/// An entry of `conference.rooms`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawRoom {
    pub name: Field<String>,
    pub slug: Field<String>,
    pub guid: Field<String>,
    #[serde(flatten)]
    pub other: Other,
}

/// An entry of `conference.days`; in version 1 it holds the events.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawDay {
    pub date: Field<String>,
    pub day_start: Field<String>,
    /// Room name to the events in it (version 1).
    pub rooms: Field<Entries<Lax<Vec<Lax<RawEvent>>>>>,
    #[serde(flatten)]
    pub other: Other,
}

/// One event (a talk, a workshop, a break), in either version.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawEvent {
    pub id: Field<Scalar>,
    pub guid: Field<String>,
    pub code: Field<String>,
    pub slug: Field<String>,
    pub title: Field<String>,
    pub subtitle: Field<String>,
    /// Version 1: the start as an ISO 8601 date-time with offset.
    pub date: Field<String>,
    /// Version 1: "HH:MM"; schedule2: an ISO 8601 date-time.
    pub start: Field<String>,
    /// An ISO 8601 date-time.
    pub end: Field<String>,
    /// "HH:MM", "H:MM", "HH:MM:SS" or ISO 8601 ("PT1H30M").
    pub duration: Field<String>,
    pub room: Field<Named>,
    pub track: Field<Named>,
    #[serde(rename = "type")]
    pub kind: Field<String>,
    #[serde(rename = "abstract")]
    pub summary: Field<Localized>,
    pub description: Field<Localized>,
    /// Version 1: people, without roles.
    pub persons: Field<Vec<Lax<RawPerson>>>,
    /// schedule2: people, with roles.
    pub participants: Field<Vec<Lax<RawPerson>>>,
    #[serde(flatten)]
    pub other: Other,
}

/// A person in `persons` or `participants`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawPerson {
    pub id: Field<Scalar>,
    pub guid: Field<String>,
    pub code: Field<String>,
    pub name: Field<String>,
    pub public_name: Field<String>,
    pub role: Field<String>,
}

/// An id written as a number or a string.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Scalar {
    /// `"25"`.
    Text(String),
    /// `25`.
    Number(serde_json::Number),
}

impl Scalar {
    /// The id as text.
    pub fn text(&self) -> String {
        match self {
            Scalar::Text(s) => s.clone(),
            Scalar::Number(n) => n.to_string(),
        }
    }
}

/// A room or track: a name (version 1) or a reference object (schedule2).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Named {
    /// `"Saal 1"`.
    Name(String),
    /// `{"name": "Saal 1", "slug": "saal-1", "guid": "…"}`.
    Ref(RawRef),
}

/// A reference to a room or track by name, slug or guid.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawRef {
    pub name: Field<String>,
    pub slug: Field<String>,
    pub guid: Field<String>,
}

/// Text in one language, or a map from language code to text.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Localized {
    /// `"…"`.
    Text(String),
    /// `{"en": "…", "de": "…"}`.
    ByLanguage(Entries<Lax<String>>),
}
