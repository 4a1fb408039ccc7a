//! Sessions: their times resolved in the agenda's zone, a missing end taken
//! from the next session, and their references to people and key messages.

use super::ids::{Found, IdMap};
use super::{Ctx, Ids};
use crate::agenda::{Appearance, Kind, Labels, Participant, Resolved, Role, Session, Span};
use crate::load::base::lax::Lax;
use crate::load::base::problem::{Path, quote};
use crate::load::base::times;
use crate::load::dais1::raw::{Field, RawParticipant, RawSession, Word};
use crate::sanitize::{Lines, clean_cow};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use std::borrow::BorrowMut;

mod repeats;
mod strict;

use repeats::Unchecked;

pub(in crate::load::dais1) use strict::{Built, build};

/// What sessions refer to, resolved before they are read. `people` or
/// `messages` is `None` when that list could not be read at all.
pub(in crate::load::dais1) struct Lookups<'a> {
    pub(super) people: Option<&'a Ids>,
    pub(super) messages: Option<&'a Ids>,
    pub(super) tz: Option<Tz>,
    pub(super) date: Option<NaiveDate>,
    /// The sessions' [`Sessions::id_hasher`].
    pub(super) id_hasher: foldhash::fast::RandomState,
}

/// A local time and the instant it means.
type Instant = (NaiveDateTime, DateTime<Utc>);

/// Sessions as they are read, and what resolving their ends needs.
#[derive(Default)]
pub(in crate::load::dais1) struct Sessions {
    /// Each session id given (as shown) and the last session to give it,
    /// but for those in `unchecked`.
    ids: IdMap<usize>,
    /// Sessions built side by side whose ids are not in `ids` yet
    /// ([`repeats`]).
    unchecked: Unchecked,
    /// What the ids of sessions built side by side are hashed with.
    id_hasher: foldhash::fast::RandomState,
    /// The sessions valid but for their end, in order.
    valid: Vec<Session>,
    /// One per session read, valid or not, so a missing end can look at
    /// the next session's start.
    slots: Vec<Slot>,
    /// The sessions (by index in `valid`) that give a `utc_offset`, and it.
    offsets: Vec<(usize, FixedOffset)>,
    /// Parts, rooms, tracks, notes and capacities, each text kept once.
    labels: Labels,
}

/// What a session read tells about the sessions around it.
struct Slot {
    /// Whether it is in [`Sessions::valid`] (all but its end is valid).
    valid: bool,
    /// Its start when valid, even if something else in it is not, so the
    /// session before it can still end there.
    start: Option<Instant>,
    /// Its own `end`, when it gives one.
    end: Option<Instant>,
}

impl Sessions {
    /// Makes room for `n` more sessions.
    pub(in crate::load::dais1) fn reserve(&mut self, n: usize) {
        self.valid.reserve_exact(n);
        self.slots.reserve_exact(n);
        self.ids.reserve(n);
    }

    /// Validates the next session of `sessions`.
    pub(in crate::load::dais1) fn push(
        &mut self,
        cx: &mut Ctx<'_>,
        s: &mut Lax<impl BorrowMut<RawSession>>,
        lk: &Lookups<'_>,
    ) {
        let i = self.slots.len();
        let at = Path::Root.key("sessions");
        let at = at.index(i);
        let Some(s) = cx.lax_mut(at, s, "an object") else {
            self.slots.push(Slot {
                valid: false,
                start: None,
                end: None,
            });
            return;
        };
        let s = s.borrow_mut();
        // Compared as shown (sanitized), like key message ids.
        if let Some(Lax::Ok(id)) = &s.id
            && let Some(first) = self.ids.insert(&clean_cow(id, Lines::Single), i)
        {
            cx.err(
                at.key("id"),
                format!("duplicate session id, first used by sessions[{first}]"),
            );
        }
        let (session, start, end, offset) = session(cx, at, s, lk, &mut self.labels);
        if let (Some(offset), Some(_)) = (offset, &session) {
            self.offsets.push((self.valid.len(), offset));
        }
        self.slots.push(Slot {
            valid: session.is_some(),
            start,
            end,
        });
        self.valid.extend(session);
    }

    /// Gives each session its end, its own or the next one's start, and
    /// returns the sessions valid so far, with the `utc_offset` of those
    /// that give one (by index).
    pub(super) fn finish(self, cx: &mut Ctx<'_>) -> (Vec<Session>, Vec<(usize, FixedOffset)>) {
        let Sessions {
            mut valid,
            slots,
            offsets,
            ..
        } = self;
        let here = Path::Root.key("sessions");
        let count = slots.len();
        let mut next_start = None;
        let mut k = valid.len();
        for (i, slot) in slots.into_iter().enumerate().rev() {
            let following = std::mem::replace(&mut next_start, slot.start);
            if !slot.valid {
                continue;
            }
            k -= 1;
            let session = &mut valid[k];
            let at = here.index(i);
            let explicit = slot.end.is_some();
            let end = slot.end.or(following);
            let crosses_day = end.is_some_and(|(local_end, _)| {
                let next_day = session.span.local_start.date().succ_opt();
                local_end.date() != session.span.local_start.date()
                    && !(Some(local_end.date()) == next_day
                        && local_end.time() == chrono::NaiveTime::MIN)
            });
            match end {
                Some(_) if crosses_day && !explicit => cx.err(
                    at.key("end"),
                    "no `end`, and the next session starts on another day; give this one an `end`",
                ),
                None if i + 1 == count => cx.err(at.key("end"), "the last session needs an `end`"),
                None => cx.err(
                    at.key("end"),
                    "no `end`, and the next session has no valid start to end at",
                ),
                Some((local_end, end)) if end <= session.span.start => {
                    let what = if explicit {
                        "ends"
                    } else {
                        "has no `end`, so it ends when the next session starts,"
                    };
                    cx.err(
                        at.key("end"),
                        format!(
                            "{what} at {}, at or before its start at {}",
                            local_end.format("%Y-%m-%d %H:%M"),
                            session.span.local_start.format("%Y-%m-%d %H:%M")
                        ),
                    );
                }
                Some((local_end, end)) => {
                    session.span.local_end = local_end;
                    session.span.end = end;
                }
            }
        }
        valid.shrink_to_fit();
        (valid, offsets)
    }
}

/// A session read: the session, when all but its end is valid, its start
/// when valid, and its own end when it gives a valid one. Its strings are
/// moved out of `s`, its lists drained.
fn session(
    cx: &mut Ctx<'_>,
    at: Path<'_>,
    s: &mut RawSession,
    lk: &Lookups<'_>,
    labels: &mut Labels,
) -> (
    Option<Session>,
    Option<Instant>,
    Option<Instant>,
    Option<FixedOffset>,
) {
    let RawSession {
        id,
        title,
        kind,
        part,
        room,
        track,
        date,
        start,
        end,
        end_date,
        utc_offset,
        description,
        notes,
        participants,
        key_messages,
        extensions,
        ..
    } = s;
    // Written again from the times resolved, never copied from the file.
    let mut extensions = std::mem::take(extensions);
    extensions.remove(&["x-starts-at", "x-ends-at"]);
    let id = cx.take_text(at, "id", id.take(), true, Lines::Single);
    let title = cx.take_text(at, "title", title.take(), true, Lines::Single);
    let kind = cx
        .get(at, "kind", kind.as_ref(), true, "a string")
        .and_then(|k| word(cx, at, "kind", k, Kind::parse, Kind::expected));
    let part = cx.take_text(at, "part", part.take(), false, Lines::Single);
    let part = part.map(|t| labels.take(t));
    let room = cx.take_text(at, "room", room.take(), false, Lines::Single);
    let room = room.map(|t| labels.take(t));
    let track = cx.take_text(at, "track", track.take(), false, Lines::Single);
    let track = track.map(|t| labels.take(t));
    let date = cx.date(at, "date", date.as_ref(), false).or(lk.date);
    let offset = cx
        .get(at, "utc_offset", utc_offset.as_ref(), false, OFFSET)
        .and_then(|s| {
            let o = parse_offset(s);
            if o.is_none() {
                let why = format!("{} is not an offset; expected {OFFSET}", quote(s));
                cx.err(at.key("utc_offset"), why);
            }
            o
        });
    let zone = match offset {
        Some(o) => Some(At::Offset(o)),
        None => lk.tz.map(At::Zone),
    };
    let start = when(cx, at, "start", start.as_ref(), date, zone, true);
    let end_date = cx.date(at, "end_date", end_date.as_ref(), false);
    if end_date.is_some() && end.is_none() {
        cx.err(at.key("end_date"), "an `end_date` needs an `end`");
    }
    let end = if end.is_none() {
        Some(None)
    } else {
        let end_date = end_date.or(date);
        when(cx, at, "end", end.as_ref(), end_date, zone, false).map(Some)
    };
    let description = cx.take_text(at, "description", description.take(), false, Lines::Multi);
    let entries = (cx.limits.max_entries, "notes");
    let notes = cx.take_texts(at, "notes", notes, false, Lines::Single, entries);
    let notes = notes.into_iter().map(|t| labels.take(t)).collect();
    let participants = self::participants(cx, at, participants, lk, labels);
    let mut refs = Vec::new();
    if let Some(list) = cx.get_mut(at, "key_messages", key_messages, false, "an array of ids") {
        let here = at.key("key_messages");
        let max = cx.limits.max_entries;
        let n = if cx.count(here, list.len(), max, "key message ids") {
            list.len()
        } else {
            0
        };
        refs.reserve_exact(n);
        for (i, id) in list.drain(..n).enumerate() {
            let Some(id) = cx.take_lax(here.index(i), id, "a key message id") else {
                continue;
            };
            match find(lk.messages, &clean_cow(&id, Lines::Single)) {
                Found::At(k) => refs.push(k),
                Found::Broken => {}
                Found::Nothing => cx.err(
                    here.index(i),
                    format!("no key message with id {}", quote(&id)),
                ),
            }
        }
    }
    let session = match (id, title, kind, start, end, participants) {
        (
            Some(id),
            Some(title),
            Some(kind),
            Some((local_start, at)),
            Some(_),
            Some(participants),
        ) => Some(Session {
            extensions,
            id: id.into(),
            title: title.into_boxed_str(),
            kind,
            part,
            room,
            track,
            span: Span {
                local_start,
                local_end: local_start,
                start: at,
                end: at,
            },
            description: description.map(String::into_boxed_str),
            notes,
            participants: participants.into_boxed_slice(),
            key_messages: refs.into_boxed_slice(),
        }),
        _ => None,
    };
    (session, start, end.flatten(), offset)
}

/// What `utc_offset` must be.
const OFFSET: &str = "an offset \"+HH:MM\" or \"-HH:MM\", e.g. \"+02:00\"";

/// Parses exactly `+HH:MM` or `-HH:MM`, under a day.
fn parse_offset(s: &str) -> Option<FixedOffset> {
    let b = s.as_bytes();
    let sign = match b.first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return None,
    };
    let times::ClockTime::At(t) = times::parse_time(s.get(1..)?, false)? else {
        return None;
    };
    let secs = i32::try_from(chrono::Timelike::num_seconds_from_midnight(&t)).ok()?;
    FixedOffset::east_opt(sign * secs)
}

/// What a session's times are in: the agenda's zone, or its own offset.
#[derive(Clone, Copy)]
enum At {
    Zone(Tz),
    Offset(FixedOffset),
}

impl At {
    /// `local` as an instant here; a time the clocks skip is a gap (only a
    /// zone has them), one an offset cannot give is `None`.
    fn resolve(self, local: NaiveDateTime) -> Option<Resolved> {
        match self {
            At::Offset(o) => o
                .from_local_datetime(&local)
                .single()
                .map(|t| Resolved::At(t.with_timezone(&Utc))),
            At::Zone(tz) => Some(crate::agenda::resolve_naive(tz, local)),
        }
    }
}

/// A session's start or end: parsed, and resolved in the agenda's zone.
fn when(
    cx: &mut Ctx<'_>,
    at: Path<'_>,
    key: &str,
    field: Option<&Lax<Word>>,
    date: Option<NaiveDate>,
    zone: Option<At>,
    is_start: bool,
) -> Option<Instant> {
    let what = if is_start {
        "a 24-hour time \"HH:MM\", e.g. \"09:30\""
    } else {
        "a 24-hour time \"HH:MM\", e.g. \"17:45\", or \"24:00\" for midnight"
    };
    let s = cx.get(at, key, field, is_start, what)?;
    let Some(time) = times::parse_time(s, !is_start) else {
        cx.err(
            at.key(key),
            format!("{} is not a valid time; expected {what}", quote(s)),
        );
        return None;
    };
    let local = time.on(date?);
    match zone?.resolve(local)? {
        Resolved::At(instant) => Some((local, instant)),
        Resolved::Gap => {
            let tz = match zone {
                Some(At::Zone(tz)) => tz.name(),
                // An offset has no gap.
                _ => "",
            };
            cx.err(
                at.key(key),
                format!(
                    "{} does not exist on {} in {tz}: the clocks skip it (daylight saving)",
                    local.format("%H:%M"),
                    local.format("%Y-%m-%d")
                ),
            );
            None
        }
    }
}

fn participants(
    cx: &mut Ctx<'_>,
    at: Path<'_>,
    field: &mut Field<Vec<Lax<RawParticipant>>>,
    lk: &Lookups<'_>,
    labels: &mut Labels,
) -> Option<Vec<Participant>> {
    let Some(list) = cx.get_mut(at, "participants", field, false, "an array") else {
        return Some(Vec::new());
    };
    let here = at.key("participants");
    if !cx.count(here, list.len(), cx.limits.max_participants, "participants") {
        return None;
    }
    let mut out = Vec::with_capacity(list.len());
    let mut ok = true;
    for (i, p) in list.drain(..).enumerate() {
        let p = cx.take_lax(here.index(i), p, "an object");
        match p.and_then(|p| participant(cx, here.index(i), p, lk, labels)) {
            Some(p) => out.push(p),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn participant(
    cx: &mut Ctx<'_>,
    at: Path<'_>,
    p: RawParticipant,
    lk: &Lookups<'_>,
    labels: &mut Labels,
) -> Option<Participant> {
    let person = cx
        .get(at, "person", p.person.as_ref(), true, "a person id")
        .and_then(|id| match find(lk.people, id) {
            Found::At(i) => Some(i),
            Found::Broken => None,
            Found::Nothing => {
                cx.err(
                    at.key("person"),
                    format!("no person with id {} in `people`", quote(id)),
                );
                None
            }
        });
    let role = cx
        .get(at, "role", p.role.as_ref(), true, "a string")
        .and_then(|r| word(cx, at, "role", r, Role::parse, Role::expected));
    let appearance = match cx.get(at, "appearance", p.appearance.as_ref(), false, "a string") {
        None => Some(Appearance::InPerson),
        Some(a) => word(
            cx,
            at,
            "appearance",
            a,
            Appearance::parse,
            Appearance::expected,
        ),
    };
    let capacity = cx.take_text(at, "capacity", p.capacity, false, Lines::Single);
    Some(Participant {
        person: person?,
        role: role?,
        appearance: appearance?,
        capacity: capacity.map(|t| labels.take(t)),
        extensions: p.extensions,
    })
}

/// What a reference into `ids` names; `None` is a list that could not be
/// read at all, already reported.
fn find(ids: Option<&Ids>, id: &str) -> Found {
    ids.map_or(Found::Broken, |ids| ids.find(id))
}

/// A word of one of the format's vocabularies (`kind`, `role`,
/// `appearance`), or an error naming the words expected.
fn word<V>(
    cx: &mut Ctx<'_>,
    at: Path<'_>,
    key: &str,
    s: &str,
    parse: fn(&str) -> Option<V>,
    expected: fn() -> String,
) -> Option<V> {
    let v = parse(s);
    if v.is_none() {
        let msg = format!("unknown {key} {}; expected {}", quote(s), expected());
        cx.err(at.key(key), msg);
    }
    v
}
