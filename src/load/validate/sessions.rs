//! Sessions: their times resolved in the agenda's zone, a missing end taken
//! from the next session, and their references to people and key messages.

use super::times;
use super::{Ctx, Ids};
use crate::agenda::{Appearance, Kind, Participant, Role, Session, Span};
use crate::load::lax::Lax;
use crate::load::problem::{Path, quote};
use crate::load::raw::{RawAgenda, RawParticipant, RawSession};
use crate::sanitize::{Lines, clean};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

/// What sessions refer to, resolved before they are read. `people` or
/// `messages` is `None` when that list could not be read at all.
pub(super) struct Lookups<'a> {
    pub(super) people: Option<&'a Ids>,
    pub(super) messages: Option<&'a Ids>,
    pub(super) tz: Option<Tz>,
    pub(super) date: Option<NaiveDate>,
}

/// A local time and the instant it means.
type Instant = (NaiveDateTime, DateTime<Utc>);

/// A session read but not finished: its end may be the next one's start.
#[derive(Default)]
struct Pending {
    /// The session, when everything in it but its end is valid.
    session: Option<Session>,
    /// Its start when valid, even if something else in it is not, so the
    /// session before it can still end there.
    start: Option<Instant>,
    /// Its own `end`, when it gives one.
    end: Option<Instant>,
}

pub(super) fn sessions(cx: &mut Ctx<'_>, raw: &RawAgenda, lk: &Lookups<'_>) -> Vec<Session> {
    let root = Path::Root;
    let Some(list) = cx.get(root, "sessions", raw.sessions.as_ref(), true, "an array") else {
        return Vec::new();
    };
    let here = root.key("sessions");
    if list.is_empty() {
        cx.err(here, "an agenda needs at least one session");
    }
    if !cx.count(here, list.len(), cx.limits.max_items, "sessions") {
        return Vec::new();
    }
    let mut ids: HashMap<String, usize> = HashMap::with_capacity(list.len());
    // Index-aligned with `list`, so a missing end can look at the next one.
    let mut pending: Vec<Pending> = Vec::with_capacity(list.len());
    for (i, s) in list.iter().enumerate() {
        let at = here.index(i);
        let Some(s) = cx.lax(at, s, "an object") else {
            pending.push(Pending::default());
            continue;
        };
        // Compared as shown (sanitized), like key message ids.
        if let Some(Lax::Ok(id)) = &s.id
            && let Some(first) = ids.insert(clean(id, Lines::Single), i)
        {
            cx.err(
                at.key("id"),
                format!("duplicate session id, first used by sessions[{first}]"),
            );
        }
        pending.push(session(cx, at, s, lk));
    }
    let mut next_start = None;
    let mut resolved: Vec<Session> = Vec::with_capacity(pending.len());
    for (i, p) in pending.into_iter().enumerate().rev() {
        let following = std::mem::replace(&mut next_start, p.start);
        let Some(mut session) = p.session else {
            continue;
        };
        let at = here.index(i);
        let explicit = p.end.is_some();
        let end = p.end.or(following);
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
            None if i + 1 == list.len() => cx.err(at.key("end"), "the last session needs an `end`"),
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
        resolved.push(session);
    }
    resolved.reverse();
    resolved
}

fn session(cx: &mut Ctx<'_>, at: Path<'_>, s: &RawSession, lk: &Lookups<'_>) -> Pending {
    let id = cx.text(at, "id", s.id.as_ref(), true, Lines::Single);
    let title = cx.text(at, "title", s.title.as_ref(), true, Lines::Single);
    let kind = cx
        .get(at, "kind", s.kind.as_ref(), true, "a string")
        .and_then(|k| {
            let kind = Kind::parse(k);
            if kind.is_none() {
                let msg = format!("unknown kind {}; expected {}", quote(k), Kind::expected());
                cx.err(at.key("kind"), msg);
            }
            kind
        });
    let part = cx.text(at, "part", s.part.as_ref(), false, Lines::Single);
    let room = cx.text(at, "room", s.room.as_ref(), false, Lines::Single);
    let track = cx.text(at, "track", s.track.as_ref(), false, Lines::Single);
    let date = cx.date(at, "date", s.date.as_ref(), false).or(lk.date);
    let start = when(cx, at, "start", s.start.as_ref(), date, lk.tz, true);
    let end_date = cx.date(at, "end_date", s.end_date.as_ref(), false);
    if end_date.is_some() && s.end.is_none() {
        cx.err(at.key("end_date"), "an `end_date` needs an `end`");
    }
    let end = if s.end.is_none() {
        Some(None)
    } else {
        let end_date = end_date.or(date);
        when(cx, at, "end", s.end.as_ref(), end_date, lk.tz, false).map(Some)
    };
    let description = cx.text(
        at,
        "description",
        s.description.as_ref(),
        false,
        Lines::Multi,
    );
    let entries = (cx.limits.max_entries, "notes");
    let notes = cx.texts(at, "notes", s.notes.as_ref(), false, Lines::Single, entries);
    let participants = participants(cx, at, s, lk);
    let mut key_messages = Vec::new();
    if let Some(list) = cx.get(
        at,
        "key_messages",
        s.key_messages.as_ref(),
        false,
        "an array of ids",
    ) {
        let here = at.key("key_messages");
        let max = cx.limits.max_entries;
        let list = if cx.count(here, list.len(), max, "key message ids") {
            list.as_slice()
        } else {
            &[]
        };
        for (i, id) in list.iter().enumerate() {
            let Some(id) = cx.lax(here.index(i), id, "a key message id") else {
                continue;
            };
            match find(lk.messages, &clean(id, Lines::Single)) {
                Found::At(k) => key_messages.push(k),
                Found::Broken => {}
                Found::Nothing => cx.err(
                    here.index(i),
                    format!("no key message with id {}", quote(id)),
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
            id,
            title,
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
            description,
            notes,
            participants,
            key_messages,
        }),
        _ => None,
    };
    Pending {
        session,
        start,
        end: end.flatten(),
    }
}

/// A session's start or end: parsed, and resolved in the agenda's zone.
fn when(
    cx: &mut Ctx<'_>,
    at: Path<'_>,
    key: &str,
    field: Option<&Lax<String>>,
    date: Option<NaiveDate>,
    tz: Option<Tz>,
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
    let tz = tz?;
    match crate::agenda::resolve_naive(tz, local) {
        crate::agenda::Resolved::At(instant) => Some((local, instant)),
        crate::agenda::Resolved::Gap => {
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
    s: &RawSession,
    lk: &Lookups<'_>,
) -> Option<Vec<Participant>> {
    let Some(list) = cx.get(
        at,
        "participants",
        s.participants.as_ref(),
        false,
        "an array",
    ) else {
        return Some(Vec::new());
    };
    let here = at.key("participants");
    if !cx.count(here, list.len(), cx.limits.max_participants, "participants") {
        return None;
    }
    let mut out = Vec::with_capacity(list.len());
    let mut ok = true;
    for (i, p) in list.iter().enumerate() {
        let p = cx.lax(here.index(i), p, "an object");
        match p.and_then(|p| participant(cx, here.index(i), p, lk)) {
            Some(p) => out.push(p),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn participant(
    cx: &mut Ctx<'_>,
    at: Path<'_>,
    p: &RawParticipant,
    lk: &Lookups<'_>,
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
        .and_then(|r| {
            let role = Role::parse(r);
            if role.is_none() {
                let msg = format!("unknown role {}; expected {}", quote(r), Role::expected());
                cx.err(at.key("role"), msg);
            }
            role
        });
    let appearance = match cx.get(at, "appearance", p.appearance.as_ref(), false, "a string") {
        None => Some(Appearance::InPerson),
        Some(a) => {
            let appearance = Appearance::parse(a);
            if appearance.is_none() {
                let msg = format!(
                    "unknown appearance {}; expected {}",
                    quote(a),
                    Appearance::expected()
                );
                cx.err(at.key("appearance"), msg);
            }
            appearance
        }
    };
    let capacity = cx.text(at, "capacity", p.capacity.as_ref(), false, Lines::Single);
    Some(Participant {
        person: person?,
        role: role?,
        appearance: appearance?,
        capacity,
    })
}

/// What a reference names.
enum Found {
    /// A valid item, at this index in the model.
    At(usize),
    /// An item with errors of its own, or a list that could not be read:
    /// those are reported already.
    Broken,
    /// Nothing at all.
    Nothing,
}

fn find(ids: Option<&Ids>, id: &str) -> Found {
    match ids.map(|ids| ids.get(id)) {
        Some(Some(&Some(i))) => Found::At(i),
        None | Some(Some(None)) => Found::Broken,
        Some(None) => Found::Nothing,
    }
}
