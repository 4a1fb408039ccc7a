//! The `dais/1` wire format as serde reads and writes it, before validation.
//!
//! Every field is optional and lax, so a broken file still deserializes far
//! enough for the validator to report all of its problems at once.

use super::lax::{Entries, Lax};
use serde::{Deserialize, Serialize};

/// A field as read: absent (or null), or present with some type.
pub type Field<T> = Option<Lax<T>>;

/// A whole agenda document.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawAgenda {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Field<RawEvent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Field<Entries<Lax<RawPerson>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_messages: Field<Vec<Lax<RawKeyMessage>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sessions: Field<Vec<Lax<RawSession>>>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawEvent {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub convener: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Field<Vec<Lax<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Field<Vec<Lax<RawSource>>>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawSource {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Field<String>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawPerson {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub honorific: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Field<String>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawKeyMessage {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Field<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Field<Vec<Lax<String>>>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawSession {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Field<String>,
    /// Extension: the room it is held in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room: Field<String>,
    /// Extension: the track or theme it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub track: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Field<String>,
    /// Extension: the day `end` is on, when not the session's `date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Field<Vec<Lax<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Field<Vec<Lax<RawParticipant>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_messages: Field<Vec<Lax<String>>>,
    /// Written by `dais list --format json`: the resolved start instant.
    #[serde(
        rename = "x-starts-at",
        skip_deserializing,
        skip_serializing_if = "Option::is_none"
    )]
    pub x_starts_at: Option<String>,
    /// Written by `dais list --format json`: the resolved end instant.
    #[serde(
        rename = "x-ends-at",
        skip_deserializing,
        skip_serializing_if = "Option::is_none"
    )]
    pub x_ends_at: Option<String>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawParticipant {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appearance: Field<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Field<String>,
}
