//! Keys the schedule.json schemas do not define, in the objects they close
//! (`additionalProperties: false`): warned about, never an error, since
//! real files carry extra keys.

use super::raw::Other;
use crate::load::base::problem::{Path, quote};
use crate::load::base::tally::Tally;

/// Which closed object a key was found in.
#[derive(Debug, Clone, Copy)]
pub enum Object {
    /// The document.
    Document,
    /// `schedule.conference`.
    Conference,
    /// An entry of `conference.rooms`.
    Room,
    /// An entry of `conference.days`.
    Day,
    /// An event.
    Event,
}

impl Object {
    /// The keys either schema defines that dais does not read into a field.
    fn also_known(self) -> &'static [&'static str] {
        match self {
            Object::Document => &["$schema", "generator"],
            Object::Conference => &[
                "start",
                "end",
                "daysCount",
                "timeslot_duration",
                "logo",
                "colors",
                "keywords",
                "languages",
                "meta",
            ],
            Object::Room => &[
                "type",
                "stream_id",
                "description",
                "capacity",
                "url",
                "features",
                "parent",
                "assembly",
            ],
            Object::Day => &["index", "day_end", "start", "end"],
            Object::Event => &[
                "logo",
                "url",
                "language",
                "recording_license",
                "do_not_record",
                "do_not_stream",
                "links",
                "feedback_url",
                "origin_url",
                "attachments",
                "state",
            ],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Object::Document => "the document",
            Object::Conference => "a conference",
            Object::Room => "a room",
            Object::Day => "a day",
            Object::Event => "an event",
        }
    }
}

/// Notes each key of `other` that the schemas do not define for `object`.
pub fn check(tally: &mut Tally, object: Object, at: Path<'_>, other: &Other) {
    for (key, _) in &other.0 {
        let known = object.also_known().contains(&key.as_str())
            // Version 1 rooms allow translated descriptions, "description_de".
            || matches!(object, Object::Room) && key.starts_with("description_");
        if !known {
            let kind = format!("key {} {key}", object.name());
            tally.note(&kind, at.key(key), || {
                format!(
                    "{} is not a key of {} in the schedule.json schemas; ignored",
                    quote(key),
                    object.name()
                )
            });
        }
    }
}
