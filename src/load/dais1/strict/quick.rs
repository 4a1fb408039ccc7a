//! The quickest way to read a session: a reader for just the shape dais
//! writes (an object of strings, arrays of strings and the participants'
//! objects of strings), with no escapes in any string. It reads what
//! `serde_json` reads into [`StrictSession`] from the same text, or gives
//! up on anything else (an escape, a number, `null`, an unknown or
//! repeated key, a missing one) and leaves the session to `serde_json`.
//!
//! Sessions are most of a large file, and parsing them through `serde`'s
//! visitors cost twice what finding their strings does.

use super::{Maybe, StrictParticipant, StrictPeople, StrictPerson, StrictSession, Text, spare};
use crate::load::base::json::scan::string_stop;
use crate::load::dais1::raw::Word;
use std::borrow::Cow;

/// The session at the start of `text` and the bytes it took, if it is in
/// the shape this reads.
pub(in crate::load) fn session(text: &str) -> Option<(StrictSession<'_>, usize)> {
    let mut r = Reader {
        b: text.as_bytes(),
        text,
        at: 0,
    };
    let mut s = StrictSession::default();
    let mut seen = 0u32;
    let mut required = 0u32;
    r.object(|r, key| {
        let k = session_key(key.as_bytes())?;
        let bit = 1u32 << k as u32;
        if seen & bit != 0 {
            return None;
        }
        seen |= bit;
        match k {
            K::Id => s.id = r.string()?,
            K::Title => s.title = Text(Cow::Borrowed(r.string()?)),
            K::Kind => s.kind = r.string()?,
            K::Start => s.start = r.string()?,
            K::Part => s.part = Maybe(Some(r.string()?)),
            K::Room => s.room = Maybe(Some(r.string()?)),
            K::Track => s.track = Maybe(Some(r.string()?)),
            K::Date => s.date = Maybe(Some(r.string()?)),
            K::End => s.end = Maybe(Some(r.string()?)),
            K::EndDate => s.end_date = Maybe(Some(r.string()?)),
            K::UtcOffset => s.utc_offset = Maybe(Some(r.string()?)),
            K::Description => s.description = Maybe(Some(Text(Cow::Borrowed(r.string()?)))),
            K::XStartsAt => s.x_starts_at = Maybe(Some(r.string()?)),
            K::XEndsAt => s.x_ends_at = Maybe(Some(r.string()?)),
            K::Notes => {
                let mut notes = spare::words();
                r.array(|r| {
                    notes.push(r.string()?);
                    Some(())
                })?;
                s.notes = Maybe(Some(notes));
            }
            K::KeyMessages => {
                let mut ids = spare::words();
                r.array(|r| {
                    ids.push(r.string()?);
                    Some(())
                })?;
                s.key_messages = Maybe(Some(ids));
            }
            K::Participants => {
                let mut people = spare::participants();
                r.array(|r| {
                    people.push(participant(r)?);
                    Some(())
                })?;
                s.participants = Maybe(Some(people));
            }
        }
        required |= bit & REQUIRED;
        Some(())
    })?;
    (required == REQUIRED).then_some((s, r.at))
}

/// `people` at the start of `text` and the bytes they took, if they are in
/// the shape this reads.
pub(in crate::load) fn people(text: &str) -> Option<(StrictPeople, usize)> {
    let mut people = Vec::new();
    let len = each_person(text, |id, p, _| people.push((id, p)))?;
    Some((StrictPeople(people), len))
}

/// [`people`], each handed to `take` as it is read (in file order), with
/// where in `text` it ends: the bytes they took, if they are in the shape
/// this reads.
pub(in crate::load) fn each_person(
    text: &str,
    mut take: impl FnMut(Word, StrictPerson, usize),
) -> Option<usize> {
    let mut r = Reader {
        b: text.as_bytes(),
        text,
        at: 0,
    };
    r.object(|r, id| {
        let id = Word::new(id);
        let mut p = StrictPerson {
            name: Word::default(),
            honorific: Maybe(None),
            affiliation: Maybe(None),
        };
        let mut seen = 0u8;
        r.object(|r, key| {
            let bit = match key.as_bytes() {
                b"name" => 1,
                b"honorific" => 2,
                b"affiliation" => 4,
                _ => return None,
            };
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            let v = Word::new(r.string()?);
            match bit {
                1 => p.name = v,
                2 => p.honorific = Maybe(Some(v)),
                _ => p.affiliation = Maybe(Some(v)),
            }
            Some(())
        })?;
        (seen & 1 == 1).then(|| take(id, p, r.at))
    })?;
    Some(r.at)
}

/// `id`, `title`, `kind` and `start`.
const REQUIRED: u32 = 0b1111;

/// A session's keys; each is a bit of a set (the required ones in
/// [`REQUIRED`]).
#[derive(Clone, Copy)]
enum K {
    Id,
    Title,
    Kind,
    Start,
    Part,
    Room,
    Track,
    Date,
    End,
    EndDate,
    UtcOffset,
    Description,
    Notes,
    Participants,
    KeyMessages,
    XStartsAt,
    XEndsAt,
}

/// Which key `key` is. A match, not a search of a list: it is asked for
/// every key of every session.
fn session_key(key: &[u8]) -> Option<K> {
    Some(match key {
        b"id" => K::Id,
        b"title" => K::Title,
        b"kind" => K::Kind,
        b"start" => K::Start,
        b"part" => K::Part,
        b"room" => K::Room,
        b"track" => K::Track,
        b"date" => K::Date,
        b"end" => K::End,
        b"end_date" => K::EndDate,
        b"utc_offset" => K::UtcOffset,
        b"description" => K::Description,
        b"notes" => K::Notes,
        b"participants" => K::Participants,
        b"key_messages" => K::KeyMessages,
        b"x-starts-at" => K::XStartsAt,
        b"x-ends-at" => K::XEndsAt,
        _ => return None,
    })
}

fn participant<'t>(r: &mut Reader<'t>) -> Option<StrictParticipant<'t>> {
    let mut p = StrictParticipant::default();
    let mut seen = 0u8;
    r.object(|r, key| {
        let bit = match key.as_bytes() {
            b"person" => 1,
            b"role" => 2,
            b"appearance" => 4,
            b"capacity" => 8,
            _ => return None,
        };
        if seen & bit != 0 {
            return None;
        }
        seen |= bit;
        let v = r.string()?;
        match bit {
            1 => p.person = v,
            2 => p.role = v,
            4 => p.appearance = Maybe(Some(v)),
            _ => p.capacity = Maybe(Some(v)),
        }
        Some(())
    })?;
    (seen & 3 == 3).then_some(p)
}

/// Reads JSON text from `at`.
struct Reader<'t> {
    b: &'t [u8],
    text: &'t str,
    at: usize,
}

impl<'t> Reader<'t> {
    /// Passes over whitespace and returns the byte after it.
    fn peek(&mut self) -> Option<u8> {
        while let Some(&c) = self.b.get(self.at) {
            if !matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(c);
            }
            self.at += 1;
        }
        None
    }

    /// Passes over `c`, after whitespace.
    fn expect(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.at += 1)
    }

    /// A string with no escape and no control character, after whitespace.
    fn string(&mut self) -> Option<&'t str> {
        self.expect(b'"')?;
        let start = self.at;
        let end = start + plain_len(&self.b[start..])?;
        if self.b.get(end) != Some(&b'"') {
            return None;
        }
        self.at = end + 1;
        self.text.get(start..end)
    }

    /// An object: `entry` reads the value of each key.
    fn object(&mut self, mut entry: impl FnMut(&mut Self, &'t str) -> Option<()>) -> Option<()> {
        self.expect(b'{')?;
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.expect(b':')?;
            entry(self, key)?;
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// An array: `item` reads each element.
    fn array(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.expect(b'[')?;
        if self.peek()? == b']' {
            self.at += 1;
            return Some(());
        }
        loop {
            item(self)?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }
}

/// How many bytes at the start of `b` are plain string text: up to the
/// first `"`, `\\` or control character (below U+0020); `None` if `b` ends
/// first.
fn plain_len(b: &[u8]) -> Option<usize> {
    let i = string_stop::<true>(b, 0);
    let rest = b[i..]
        .iter()
        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
    Some(i + rest)
}

#[cfg(test)]
mod tests;
