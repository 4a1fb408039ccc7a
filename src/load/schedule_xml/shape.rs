//! A schedule.xml document in schedule.json's version 1 shape: what the
//! scanner fills, serialized as the JSON the schedule.json reader reads.
//!
//! Only what the schedule.json reader maps is kept; every value is the
//! element's text or attribute as written, so the JSON reader judges it
//! (a bad time, an empty title) exactly as it would in a schedule.json.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// The document: `{"schedule": …}`.
#[derive(Debug, Default, serde::Serialize)]
pub struct Doc {
    /// `<schedule>`.
    pub schedule: Schedule,
}

/// `<schedule>`.
#[derive(Debug, Default, serde::Serialize)]
pub struct Schedule {
    /// `<version>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// `<conference><base_url>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// `<conference>`, with the days.
    pub conference: Conference,
}

/// `<conference>`, and the days and rooms found under `<schedule>`.
#[derive(Debug, Default, serde::Serialize)]
pub struct Conference {
    /// `<acronym>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// `<title>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `<description>` (newer frab).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `<time_zone_name>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone_name: Option<String>,
    /// `<url>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Every room name, in the order first seen: programme order.
    pub rooms: Vec<RoomRef>,
    /// `<day>` elements.
    pub days: Vec<Day>,
}

/// An entry of `conference.rooms`.
#[derive(Debug, Default, serde::Serialize)]
pub struct RoomRef {
    /// The room's name.
    pub name: String,
    /// Its `guid` attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guid: Option<String>,
}

/// `<day date="…" start="…">`.
#[derive(Debug, Default, serde::Serialize)]
pub struct Day {
    /// The `date` attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The `start` attribute, else the conference's `<day_change>` on the
    /// day's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[allow(clippy::struct_field_names)] // schedule.json's key
    pub day_start: Option<String>,
    /// Its rooms, in file order, each room once.
    pub rooms: Rooms,
}

/// Room name to the events in it, serialized as a JSON object in order.
#[derive(Debug, Default)]
pub struct Rooms(pub Vec<(String, Vec<Event>)>);

impl Rooms {
    /// The events of the room named `name`, added at the end if new.
    pub fn room(&mut self, name: &str) -> &mut Vec<Event> {
        let i = if let Some(i) = self.0.iter().position(|(n, _)| n == name) {
            i
        } else {
            self.0.push((name.to_owned(), Vec::new()));
            self.0.len() - 1
        };
        &mut self.0[i].1
    }
}

impl Serialize for Rooms {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, events) in &self.0 {
            map.serialize_entry(name, events)?;
        }
        map.end()
    }
}

/// `<event id="…" guid="…">` and the children dais maps.
#[derive(Debug, Default, serde::Serialize)]
#[allow(missing_docs)]
pub struct Event {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub track: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub persons: Vec<Person>,
}

/// `<person id="…" guid="…">Name</person>`.
#[derive(Debug, Default, serde::Serialize)]
pub struct Person {
    /// The `id` attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The `guid` attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guid: Option<String>,
    /// The text.
    pub public_name: String,
}
