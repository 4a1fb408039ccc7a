//! A hash of a whole agenda that stays the same across runs, versions of
//! Rust and platforms (it is kept in the state database): every field of
//! the model, walked by hand. Each struct is taken apart without `..`, so
//! a field added to the model does not compile until it is hashed here.

use crate::agenda::{
    Agenda, Event, Extensions, KeyMessage, Participant, Person, Session, Source, Span,
};
use chrono::{NaiveDate, NaiveDateTime};

/// FNV-1a, 64 bits: the same on every platform and in every version.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    /// Adds `bytes`.
    pub fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// Adds a number.
    pub fn u64(&mut self, n: u64) {
        self.bytes(&n.to_le_bytes());
    }

    /// Adds a signed number.
    pub fn i64(&mut self, n: i64) {
        self.bytes(&n.to_le_bytes());
    }

    /// Adds a text, its length first (so "ab"+"c" and "a"+"bc" differ).
    pub fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.bytes(s.as_bytes());
    }

    /// The hash so far.
    pub fn finish(&self) -> u64 {
        self.0
    }

    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u64(1);
                self.str(s);
            }
            None => self.u64(0),
        }
    }

    fn strs(&mut self, v: &[impl AsRef<str>]) {
        self.u64(v.len() as u64);
        for s in v {
            self.str(s.as_ref());
        }
    }

    fn date(&mut self, d: NaiveDate) {
        self.i64(i64::from(d.num_days_from_ce()));
    }

    fn time(&mut self, t: NaiveDateTime) {
        let t = t.and_utc();
        self.i64(t.timestamp());
        self.u64(u64::from(t.timestamp_subsec_nanos()));
    }

    fn extensions(&mut self, x: &Extensions) {
        for (k, v) in x.iter() {
            self.str(k);
            self.str(v.get());
        }
        self.u64(u64::MAX);
    }
}

use chrono::Datelike as _;

/// The hash of everything in `agenda`.
pub fn whole_hash(agenda: &Agenda) -> u64 {
    let Agenda {
        event,
        people,
        key_messages,
        sessions,
        extensions,
    } = agenda;
    let mut h = Fnv::default();
    hash_event(&mut h, event);
    h.u64(people.len() as u64);
    for p in people {
        hash_person(&mut h, p);
    }
    h.u64(key_messages.len() as u64);
    for m in key_messages {
        hash_message(&mut h, m);
    }
    h.u64(sessions.len() as u64);
    for s in sessions {
        hash_session(&mut h, s);
    }
    h.extensions(extensions);
    h.finish()
}

fn hash_event(h: &mut Fnv, e: &Event) {
    let Event {
        title,
        subtitle,
        convener,
        venue,
        date,
        timezone,
        summary,
        sources,
        extensions,
    } = e;
    h.str(title);
    h.opt(subtitle.as_deref());
    h.opt(convener.as_deref());
    h.opt(venue.as_deref());
    h.date(*date);
    h.str(&timezone.key());
    h.strs(summary);
    h.u64(sources.len() as u64);
    for s in sources {
        let Source {
            title,
            date,
            url,
            extensions,
        } = s;
        h.str(title);
        match date {
            Some(d) => {
                h.u64(1);
                h.date(*d);
            }
            None => h.u64(0),
        }
        h.opt(url.as_deref());
        h.extensions(extensions);
    }
    h.extensions(extensions);
}

fn hash_person(h: &mut Fnv, p: &Person) {
    let Person {
        id,
        name,
        honorific,
        affiliation,
        extensions,
    } = p;
    h.str(id);
    h.str(name);
    h.opt(honorific.as_deref());
    h.opt(affiliation.as_deref());
    h.extensions(extensions);
}

fn hash_message(h: &mut Fnv, m: &KeyMessage) {
    let KeyMessage {
        id,
        number,
        title,
        text,
        extensions,
    } = m;
    h.str(id);
    match number {
        Some(n) => {
            h.u64(1);
            h.i64(*n);
        }
        None => h.u64(0),
    }
    h.str(title);
    h.strs(text);
    h.extensions(extensions);
}

fn hash_session(h: &mut Fnv, s: &Session) {
    let Session {
        id,
        title,
        kind,
        part,
        room,
        track,
        span,
        description,
        notes,
        participants,
        key_messages,
        extensions,
    } = s;
    h.str(id);
    h.str(title);
    h.str(kind.as_str());
    h.opt(part.as_deref());
    h.opt(room.as_deref());
    h.opt(track.as_deref());
    let Span {
        local_start,
        local_end,
        start,
        end,
    } = span;
    h.time(*local_start);
    h.time(*local_end);
    h.time(start.naive_utc());
    h.time(end.naive_utc());
    h.opt(description.as_deref());
    h.strs(notes);
    h.u64(participants.len() as u64);
    for p in participants {
        let Participant {
            person,
            role,
            appearance,
            capacity,
            extensions,
        } = p;
        h.u64(*person as u64);
        h.str(role.as_str());
        h.str(appearance.as_str());
        h.opt(capacity.as_deref());
        h.extensions(extensions);
    }
    h.u64(key_messages.len() as u64);
    for &m in key_messages {
        h.u64(m as u64);
    }
    h.extensions(extensions);
}
