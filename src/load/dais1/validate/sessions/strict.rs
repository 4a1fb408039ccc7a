//! A session read the strict way, taken into the model when it is valid as
//! it stands: built as the lax validator would build it, from the same
//! rules (sanitizing, limits, vocabularies, times resolved in the zone),
//! but with no path or problem in sight. Whatever the lax validator would
//! report (an error or a warning) makes it decline, with the session left
//! as it was, to be validated the lax way.

use super::super::ids::Found;
use super::{At, Instant, Lookups, Sessions, Slot, find, parse_offset};
use crate::agenda::{
    Appearance, Extensions, Kind, Label, Labels, Participant, Resolved, Role, Session, Span,
};
use crate::load::base::limits::Limits;
use crate::load::base::times;
use crate::load::dais1::strict::{Maybe, StrictParticipant, StrictSession};
use crate::sanitize::{Lines, clean_cow};
use chrono::{FixedOffset, NaiveDate};
use std::hash::BuildHasher;

impl Sessions {
    /// Takes in a session [`build`] made. Whether its id was given before
    /// is asked of all such sessions at once ([`Sessions::ids_unique`]).
    pub(in crate::load::dais1) fn push_built(&mut self, b: Built) {
        self.unchecked
            .push(b.id_hash, self.valid.len(), self.slots.len());
        if let Some(offset) = b.offset {
            self.offsets.push((self.valid.len(), offset));
        }
        self.slots.push(Slot {
            valid: true,
            start: Some(b.start),
            end: b.end,
        });
        self.valid.push(b.session);
    }
}

/// A session built from one read the strict way, with what resolving the
/// ends needs.
pub(in crate::load::dais1) struct Built {
    session: Session,
    start: Instant,
    end: Option<Instant>,
    offset: Option<FixedOffset>,
    /// Its id's hash, by [`Lookups::id_hasher`].
    id_hash: u64,
}

/// The session `s` makes, if it is valid as it stands and gives nothing to
/// warn about; `None` when the lax validator is to say what is wrong.
/// Refers to nothing but `lk`, so sessions can be built side by side.
pub(in crate::load::dais1) fn build(
    mut s: StrictSession<'_>,
    lk: &Lookups<'_>,
    limits: &Limits,
    labels: &mut Labels,
) -> Option<Built> {
    let Checked {
        kind,
        start,
        end,
        offset,
        mut participants,
        messages,
    } = check(&s, lk, limits)?;
    for (p, read) in participants
        .iter_mut()
        .zip(s.participants.0.iter().flatten())
    {
        p.capacity = label(read.capacity.0, labels);
    }
    let (local_start, at) = start;
    let session = Session {
        id: clean_cow(s.id, Lines::Single).into(),
        title: clean_cow(&s.title.0, Lines::Single).into(),
        kind,
        part: label(s.part.0, labels),
        room: label(s.room.0, labels),
        track: label(s.track.0, labels),
        span: Span {
            local_start,
            local_end: local_start,
            start: at,
            end: at,
        },
        description: s
            .description
            .0
            .as_ref()
            .map(|d| clean_cow(&d.0, Lines::Multi).into()),
        notes: s
            .notes
            .0
            .iter()
            .flatten()
            .filter_map(|&n| label(Some(n), labels))
            .collect(),
        participants: participants.into_boxed_slice(),
        key_messages: messages.into_boxed_slice(),
        extensions: Extensions::default(),
    };
    s.recycle();
    Some(Built {
        id_hash: lk.id_hasher.hash_one(session.id.as_bytes()),
        session,
        start,
        end,
        offset,
    })
}

/// A short text, sanitized as the lax validator does, kept once.
fn label(t: Option<&str>, labels: &mut Labels) -> Option<Label> {
    t.map(|t| labels.get(&clean_cow(t, Lines::Single)))
}

/// What checking a session found, beside its strings (the participants'
/// capacities not yet among them).
struct Checked {
    kind: Kind,
    start: Instant,
    end: Option<Instant>,
    offset: Option<FixedOffset>,
    participants: Vec<Participant>,
    messages: Vec<usize>,
}

/// Checks `s` without changing it: `None` if the lax validator would say
/// anything of it.
fn check(s: &StrictSession<'_>, lk: &Lookups<'_>, limits: &Limits) -> Option<Checked> {
    let max = limits.max_string;
    let within = |t: &str| t.len() <= max;
    let maybe = |m: &Maybe<&str>| m.0.is_none_or(within);
    // A required line of text: the lax validator warns of a blank one.
    let named = |t: &str| within(t) && !t.trim().is_empty();
    let notes = s.notes.0.as_deref().unwrap_or_default();
    let participants = s.participants.0.as_deref().unwrap_or_default();
    let key_messages = s.key_messages.0.as_deref().unwrap_or_default();
    let texts_ok = named(s.id)
        && named(&s.title.0)
        && [&s.part, &s.room, &s.track].into_iter().all(maybe)
        && s.description.0.as_ref().is_none_or(|d| within(&d.0))
        && notes.len() <= limits.max_entries
        && notes.iter().all(|n| within(n))
        && participants.len() <= limits.max_participants
        && participants.iter().all(|p| maybe(&p.capacity))
        && key_messages.len() <= limits.max_entries;
    if !texts_ok {
        return None;
    }
    let kind = Kind::parse(s.kind)?;
    let date = match &s.date.0 {
        Some(d) => times::parse_date(d)?,
        None => lk.date?,
    };
    let offset = match &s.utc_offset.0 {
        Some(o) => Some(parse_offset(o)?),
        None => None,
    };
    let zone = match offset {
        Some(o) => At::Offset(o),
        None => At::Zone(lk.tz?),
    };
    let start = when(s.start, date, zone, false)?;
    let end = match (&s.end.0, &s.end_date.0) {
        (None, None) => None,
        (None, Some(_)) => return None,
        (Some(end), end_date) => {
            let on = match end_date {
                Some(d) => times::parse_date(d)?,
                None => date,
            };
            Some(when(end, on, zone, true)?)
        }
    };
    let mut people = Vec::with_capacity(participants.len());
    for p in participants {
        people.push(participant(p, lk)?);
    }
    let mut messages = Vec::with_capacity(key_messages.len());
    for k in key_messages {
        match find(lk.messages, &clean_cow(k, Lines::Single)) {
            Found::At(i) => messages.push(i),
            Found::Broken | Found::Nothing => return None,
        }
    }
    Some(Checked {
        kind,
        start,
        end,
        offset,
        participants: people,
        messages,
    })
}

/// A participant, but for the capacity, taken once the session is.
fn participant(p: &StrictParticipant<'_>, lk: &Lookups<'_>) -> Option<Participant> {
    let Found::At(person) = find(lk.people, p.person) else {
        return None;
    };
    let appearance = match &p.appearance.0 {
        None => Appearance::InPerson,
        Some(a) => Appearance::parse(a)?,
    };
    Some(Participant {
        person,
        role: Role::parse(p.role)?,
        appearance,
        capacity: None,
        extensions: Extensions::default(),
    })
}

/// A start or end on `date`, resolved; a time the clocks skip declines.
fn when(s: &str, date: NaiveDate, zone: At, is_end: bool) -> Option<Instant> {
    let local = times::parse_time(s, is_end)?.on(date);
    match zone.resolve(local)? {
        Resolved::At(instant) => Some((local, instant)),
        Resolved::Gap => None,
    }
}
