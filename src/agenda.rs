//! The domain model of an agenda: what a loaded, validated file means.
//!
//! Nothing here can be invalid: references are indices, times are resolved
//! instants, text is sanitized. [`crate::load`] is the only way in.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use compact_str::CompactString;

pub mod changes;
pub mod digest;
mod extensions;
mod filter;
mod kind;
mod label;
pub mod marks;
pub mod overlap;
pub mod parts;
mod time;
mod zone;
mod zone_name;

pub use extensions::Extensions;
pub use filter::SessionFilter;
pub use kind::{Appearance, Kind, Role};
pub use label::{Label, Labels};
pub use marks::{Mark, MarkFilter, Marks};
pub use overlap::Overlap;
pub use time::{Resolved, Span, humanize_minutes, range_label, resolve, resolve_naive};
pub use zone::{MAX_CHANGES, Printed, Zone, ZoneOffset};
pub use zone_name::{zone_abbr, zone_label};

/// A whole validated agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct Agenda {
    /// What the day is.
    pub event: Event,
    /// Everyone named anywhere in the programme, in file order.
    pub people: Vec<Person>,
    /// The messages that came out of the event, in file order.
    pub key_messages: Vec<KeyMessage>,
    /// The sessions in programme order.
    pub sessions: Vec<Session>,
    /// Its `x-` keys, as read, for writing back.
    pub extensions: Extensions,
}

/// The event the agenda describes.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The event's title.
    pub title: String,
    /// The longer purpose line.
    pub subtitle: Option<String>,
    /// Who convenes it.
    pub convener: Option<String>,
    /// Where it takes place.
    pub venue: Option<String>,
    /// The (first) day.
    pub date: NaiveDate,
    /// The zone every wall-clock time in the file is in: an IANA zone, or
    /// the offsets the file printed.
    pub timezone: Zone,
    /// Introduction paragraphs.
    pub summary: Vec<String>,
    /// The documents the agenda was taken from.
    pub sources: Vec<Source>,
    /// Its `x-` keys, as read, for writing back.
    pub extensions: Extensions,
}

/// A document an agenda was taken from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Its title.
    pub title: String,
    /// Its date.
    pub date: Option<NaiveDate>,
    /// Where to find it.
    pub url: Option<String>,
    /// Its `x-` keys, as read, for writing back.
    pub extensions: Extensions,
}

/// Someone on the programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The id the file gives them (held inline when short, as most are).
    pub id: CompactString,
    /// Their name as printed, without honorific (inline when short).
    pub name: CompactString,
    /// "Mr.", "H.E. Ms.", "Professor"…
    pub honorific: Option<Label>,
    /// Position and organisation as printed.
    pub affiliation: Option<Label>,
    /// Its `x-` keys, as read, for writing back.
    pub extensions: Extensions,
}

impl Person {
    /// The name with its honorific, as a programme prints it.
    pub fn display_name(&self) -> String {
        match &self.honorific {
            Some(h) => format!("{h} {}", self.name),
            None => self.name.to_string(),
        }
    }
}

/// One of the event's key messages.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyMessage {
    /// Its id in the file.
    pub id: String,
    /// Its number in the source.
    pub number: Option<i64>,
    /// Its heading.
    pub title: String,
    /// Its paragraphs.
    pub text: Vec<String>,
    /// Its `x-` keys, as read, for writing back.
    pub extensions: Extensions,
}

impl KeyMessage {
    /// "4. Effective Enforcement…", or the bare title when unnumbered.
    pub fn label(&self) -> String {
        match self.number {
            Some(n) => format!("{n}. {}", self.title),
            None => self.title.clone(),
        }
    }
}

/// One item of the programme.
///
/// Its texts are boxed (`Box<str>`, `Box<[T]>`) and the texts many sessions
/// share are [`Label`]s: a large agenda holds many sessions, none of which
/// grows after it is read.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Its id in the file (held inline when short, as most ids are).
    pub id: CompactString,
    /// Its title as printed.
    pub title: Box<str>,
    /// What sort of item it is.
    pub kind: Kind,
    /// The block it belongs to ("Morning Meeting").
    pub part: Option<Label>,
    /// The room it is held in ("Saal 1"), where the agenda names rooms.
    pub room: Option<Label>,
    /// The track or theme it belongs to ("Security").
    pub track: Option<Label>,
    /// When it runs: planned local times and resolved instants.
    pub span: Span,
    /// Free text about it.
    pub description: Option<Box<str>>,
    /// Format notes as printed ("Interactive Q and A").
    pub notes: Box<[Label]>,
    /// Who takes part, in printed order.
    pub participants: Box<[Participant]>,
    /// Indices into [`Agenda::key_messages`] of the messages it speaks to.
    pub key_messages: Box<[usize]>,
    /// Its `x-` keys, as read, for writing back.
    pub extensions: Extensions,
}

impl Session {
    /// Whether everyone who takes part does so by video message.
    pub fn is_video_only(&self) -> bool {
        let mut speakers = self
            .participants
            .iter()
            .filter(|p| p.role != Role::Chair && p.role != Role::Moderator)
            .peekable();
        speakers.peek().is_some() && speakers.all(|p| p.appearance == Appearance::Video)
    }

    /// A short name for status bars: "Panel 1" for "Panel 1: A Human…",
    /// else the whole title.
    pub fn short_title(&self) -> &str {
        short_title(&self.title)
    }

    /// The session's start as an instant.
    pub fn start(&self) -> DateTime<Utc> {
        self.span.start
    }

    /// The session's end as an instant.
    pub fn end(&self) -> DateTime<Utc> {
        self.span.end
    }

    /// The local date it is on.
    pub fn date(&self) -> NaiveDate {
        self.span.local_start.date()
    }

    /// Planned local start.
    pub fn local_start(&self) -> NaiveDateTime {
        self.span.local_start
    }
}

/// Someone taking part in a session.
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    /// Index into [`Agenda::people`].
    pub person: usize,
    /// What they do there.
    pub role: Role,
    /// In person or by video message.
    pub appearance: Appearance,
    /// The capacity in which they speak.
    pub capacity: Option<Label>,
    /// Its `x-` keys, as read, for writing back.
    pub extensions: Extensions,
}

/// A short name for a session titled `title`: "Panel 1" for "Panel 1: A
/// Human…", else the whole title.
pub fn short_title(title: &str) -> &str {
    match title.split_once(": ") {
        Some((head, _)) if head.chars().count() <= 24 => head,
        _ => title,
    }
}

impl Agenda {
    /// The person a participant refers to.
    pub fn person(&self, p: &Participant) -> &Person {
        &self.people[p.person]
    }

    /// Whether the programme runs over more than one local day.
    pub fn is_multi_day(&self) -> bool {
        let first = self.event.date;
        self.sessions.iter().any(|s| s.date() != first)
    }

    /// The last day a session starts on.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.sessions.iter().map(Session::date).max()
    }
}

/// The days a programme spans, as a header says them: "Saturday 4
/// February 2017" for one day, "Sat 4 Feb – Sun 5 Feb 2017" from `first`
/// (the event's date) to `last` (the last session's) when they differ.
pub fn dates_label(first: NaiveDate, last: Option<NaiveDate>) -> String {
    match last.filter(|d| *d != first) {
        Some(last) => format!(
            "{} – {}",
            first.format("%a %-d %b"),
            last.format("%a %-d %b %Y")
        ),
        None => first.format("%A %-d %B %Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::size_of;

    /// A large agenda is mostly sessions and their participants: their
    /// sizes are pinned so that growing them is a decision (#16).
    #[test]
    fn sessions_and_participants_stay_small() {
        assert_eq!(size_of::<Span>(), 48);
        assert_eq!(size_of::<Session>(), 192);
        assert_eq!(size_of::<Participant>(), 32);
        assert_eq!(size_of::<Person>(), 72);
    }
}
