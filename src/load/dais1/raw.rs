//! The `dais/1` wire format as read and written, before validation.
//!
//! Every field is optional and lax, so a broken file still reads far
//! enough for the validator to report all of its problems at once.

use crate::load::base::detect::ScheduleProbe;
pub use crate::load::base::json::read::Word;
pub use crate::load::base::lax::Field;
use crate::load::base::lax::{Entries, Lax};

#[macro_use]
mod object;

raw_object! {
    /// A whole agenda document.
    pub struct RawAgenda, "an agenda's" {
        /// `"dais/1"`.
        format: String,
        /// What the day is.
        event: RawEvent,
        /// Everyone on the programme, by id.
        people: Entries<Lax<RawPerson>>,
        /// The messages that came out of the event.
        key_messages: Vec<Lax<RawKeyMessage>>,
        /// The programme.
        sessions: Vec<Lax<RawSession>>,
    }
    probed {
        /// A schedule.json's `schedule`, read to tell the formats apart.
        schedule: Field<ScheduleProbe> = "schedule",
        /// A schedule.json's `$schema`, which may name its version.
        schema: Field<String> = "$schema",
    }
}

raw_object! {
    /// The event.
    pub struct RawEvent, "the event's" {
        /// Its title.
        title: String,
        /// The longer purpose line.
        subtitle: String,
        /// Who convenes it.
        convener: String,
        /// Where it is.
        venue: String,
        /// Its (first) day.
        date: String,
        /// The IANA zone of every time in the file.
        timezone: String,
        /// Introduction paragraphs.
        summary: Vec<Lax<String>>,
        /// The documents the agenda was taken from.
        sources: Vec<Lax<RawSource>>,
    }
}

raw_object! {
    /// A document the agenda was taken from.
    pub struct RawSource, "a source's" {
        /// Its title.
        title: String,
        /// Its date.
        date: String,
        /// Where to find it.
        url: String,
    }
}

raw_object! {
    /// Someone on the programme.
    pub struct RawPerson, "a person's" {
        /// Their name.
        name: String,
        /// "Ms.", "H.E."…
        honorific: String,
        /// Position and organisation.
        affiliation: String,
    }
}

raw_object! {
    /// One of the event's key messages.
    pub struct RawKeyMessage, "a key message's" {
        /// Its id.
        id: String,
        /// Its number in the source.
        number: i64,
        /// Its heading.
        title: String,
        /// Its paragraphs.
        text: Vec<Lax<String>>,
    }
}

raw_object! {
    /// One item of the programme.
    pub struct RawSession, "a session's" {
        /// Its id.
        id: String,
        /// Its title.
        title: String,
        /// What sort of item it is.
        kind: Word,
        /// The block it belongs to.
        part: String,
        /// Extension: the room it is held in.
        room: String,
        /// Extension: the track or theme it belongs to.
        track: String,
        /// Its day, when not the event's.
        date: Word,
        /// `HH:MM`.
        start: Word,
        /// `HH:MM`, or `24:00`.
        end: Word,
        /// Extension: the day `end` is on, when not the session's `date`.
        end_date: Word,
        /// Extension: the offset (`+02:00`) `start` and `end` are at, in
        /// place of `event.timezone`: times printed with offsets no zone
        /// is known to have.
        utc_offset: Word,
        /// Free text about it.
        description: String,
        /// Format notes.
        notes: Vec<Lax<String>>,
        /// Who takes part.
        participants: Vec<Lax<RawParticipant>>,
        /// The ids of the key messages it speaks to.
        key_messages: Vec<Lax<Word>>,
    }
    written {
        /// Written by `dais list --format json`: the resolved start instant.
        #[serde(rename = "x-starts-at", skip_serializing_if = "Option::is_none")]
        x_starts_at: Option<String>,
        /// Written by `dais list --format json`: the resolved end instant.
        #[serde(rename = "x-ends-at", skip_serializing_if = "Option::is_none")]
        x_ends_at: Option<String>,
    }
}

raw_object! {
    /// Someone taking part in a session.
    pub struct RawParticipant, "a participant's" {
        /// The id of a person in `people`.
        person: Word,
        /// What they do there.
        role: Word,
        /// In person or by video message.
        appearance: Word,
        /// The capacity in which they speak.
        capacity: String,
    }
}

#[cfg(test)]
mod tests {
    use super::{RawParticipant, RawSession};

    #[test]
    fn keys_come_from_the_raw_structs() {
        assert_eq!(
            RawParticipant::KEYS,
            ["person", "role", "appearance", "capacity"]
        );
        let session = RawSession::KEYS;
        assert!(session.contains(&"participants"));
        assert!(!session.contains(&"x-starts-at"), "written, never read");
    }
}
