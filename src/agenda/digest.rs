//! What the change detector ([`super::changes`]) compares of an agenda,
//! and nothing more: the event's title, date and zone; each session's id,
//! title, room, local start and end and its people; each person's id and
//! name; the key messages' ids; and a hash of everything else, to say
//! "details changed".
//!
//! A digest either borrows from an agenda on screen ([`Digest::of`]: no
//! copy) or from the bytes it was kept as ([`unpack`], [`Digest::decode`]:
//! about 2.7 MB at 100,000 sessions, where the agenda's `dais/1` text is
//! 46 MB). The version the user last looked at is kept as those bytes.

use crate::agenda::Agenda;
use crate::agenda::Zone;
use chrono::{NaiveDate, NaiveDateTime};
use std::borrow::Cow;
use std::ops::Range;

mod code;
mod whole;

pub use code::{DecodeError, MAGIC, MAX_BODY, unpack};
pub use whole::{Fnv, whole_hash};

/// An agenda as the change detector sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest<'a> {
    /// The event's title.
    pub title: Cow<'a, str>,
    /// The event's (first) day.
    pub date: NaiveDate,
    /// The event's zone.
    pub timezone: Zone,
    /// The sessions in programme order.
    pub sessions: Vec<SessionDigest<'a>>,
    /// Everyone named, in file order.
    pub people: Vec<PersonDigest<'a>>,
    /// The people of every session, as indices into `people`: a session's
    /// are `participants[session.people]`.
    pub participants: Vec<u32>,
    /// The key messages' ids.
    pub key_messages: Vec<Cow<'a, str>>,
    /// The rest, to tell whether anything else changed.
    pub whole: Whole<'a>,
}

/// One session as the change detector sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionDigest<'a> {
    /// Its id.
    pub id: Cow<'a, str>,
    /// Its title.
    pub title: Cow<'a, str>,
    /// Its room.
    pub room: Option<Cow<'a, str>>,
    /// Planned local start.
    pub local_start: NaiveDateTime,
    /// Planned local end.
    pub local_end: NaiveDateTime,
    /// Its people: a range of [`Digest::participants`].
    pub people: Range<u32>,
}

/// One person as the change detector sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDigest<'a> {
    /// Their id.
    pub id: Cow<'a, str>,
    /// Their name with its honorific ([`crate::agenda::Person::display_name`]).
    pub name: Cow<'a, str>,
}

/// The whole agenda, to tell whether anything changed that the detector
/// does not name.
#[derive(Debug, Clone, Copy)]
pub enum Whole<'a> {
    /// The agenda itself: compared field by field with another agenda,
    /// or hashed ([`whole_hash`]) to compare with a hash.
    Agenda(&'a Agenda),
    /// The [`whole_hash`] of an agenda no longer at hand.
    Hash(u64),
}

impl Whole<'_> {
    /// The hash of the whole agenda (computed, for an agenda).
    pub fn hash(&self) -> u64 {
        match self {
            Whole::Agenda(a) => whole_hash(a),
            Whole::Hash(h) => *h,
        }
    }

    /// Whether the two differ anywhere.
    pub fn differs(&self, other: &Whole<'_>) -> bool {
        match (self, other) {
            (Whole::Agenda(a), Whole::Agenda(b)) => a != b,
            _ => self.hash() != other.hash(),
        }
    }
}

impl PartialEq for Whole<'_> {
    fn eq(&self, other: &Self) -> bool {
        !self.differs(other)
    }
}

impl Eq for Whole<'_> {}

impl<'a> Digest<'a> {
    /// The digest of `agenda`, borrowing its text.
    pub fn of(agenda: &'a Agenda) -> Digest<'a> {
        let mut participants = Vec::new();
        let sessions = agenda
            .sessions
            .iter()
            .map(|s| {
                let from = index(participants.len());
                participants.extend(s.participants.iter().map(|p| index(p.person)));
                SessionDigest {
                    id: Cow::Borrowed(s.id.as_str()),
                    title: Cow::Borrowed(s.title.as_ref()),
                    room: s.room.as_deref().map(Cow::Borrowed),
                    local_start: s.span.local_start,
                    local_end: s.span.local_end,
                    people: from..index(participants.len()),
                }
            })
            .collect();
        let people = agenda
            .people
            .iter()
            .map(|p| PersonDigest {
                id: Cow::Borrowed(p.id.as_str()),
                name: match &p.honorific {
                    Some(_) => Cow::Owned(p.display_name()),
                    None => Cow::Borrowed(p.name.as_str()),
                },
            })
            .collect();
        Digest {
            title: Cow::Borrowed(agenda.event.title.as_str()),
            date: agenda.event.date,
            timezone: agenda.event.timezone,
            sessions,
            people,
            participants,
            key_messages: agenda
                .key_messages
                .iter()
                .map(|m| Cow::Borrowed(m.id.as_str()))
                .collect(),
            whole: Whole::Agenda(agenda),
        }
    }

    /// Whether the programme runs over more than one local day (as
    /// [`Agenda::is_multi_day`]).
    pub fn is_multi_day(&self) -> bool {
        self.sessions
            .iter()
            .any(|s| s.local_start.date() != self.date)
    }

    /// The ids of a session's people, in order.
    pub fn people_of<'d>(&'d self, s: &SessionDigest<'_>) -> impl Iterator<Item = &'d str> {
        self.participants_of(s)
            .iter()
            .filter_map(|&p| self.people.get(usize_of(p)).map(|p| p.id.as_ref()))
    }

    /// A session's people, as places in [`Digest::people`].
    pub fn participants_of(&self, s: &SessionDigest<'_>) -> &[u32] {
        let range = usize_of(s.people.start)..usize_of(s.people.end);
        self.participants.get(range).unwrap_or_default()
    }
}

impl SessionDigest<'_> {
    /// A short name for it ([`crate::agenda::Session::short_title`]).
    pub fn short_title(&self) -> &str {
        crate::agenda::short_title(&self.title)
    }
}

/// An index as kept in a digest. An agenda has far fewer than 2^32
/// people or participants (the loader's limits); saturating keeps this
/// total.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn usize_of(i: u32) -> usize {
    usize::try_from(i).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests;
