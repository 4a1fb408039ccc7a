//! A `dais/1` file on disk read a piece at a time: the keys before
//! `sessions` whole, then each session as it comes, validated as it is
//! read, so the file's text is never whole in memory beside the agenda
//! built from it (at 100,000 sessions the two were 46.6 MB and about
//! 90 MB, alive together).
//!
//! This is a fast way for the common file only: an object whose keys
//! before `sessions` are the format's (or `x-` keys) and that ends with
//! the `sessions` array. Anything else (another format, a key after the
//! sessions, a syntax error, a byte-order mark, a file over its cap, a
//! problem of any kind) gives up, and the dispatcher reads the file again
//! the ordinary way, which says what is wrong exactly as it always did.
//! What is read here goes through the same readers and the same
//! validator as the ordinary way, at the same JSON paths, so a file that
//! loads loads the same either way.

use super::elements::{Raw, Source};
use super::strict::StrictPeople;
use super::{Document, Ready, Sessions, Streamed, read};
use crate::agenda::Extensions;
use crate::load::base::json::read::{At, Notes};
use crate::load::base::limits::Limits;
use crate::load::base::problem::Path;
use serde::Deserialize;
use serde::de::DeserializeSeed;
use std::cell::RefCell;
use std::io::Read;

mod feed;
mod people;
mod sessions;

use feed::Feed;
use people::{QuickPeople, read_people};

/// Bytes read at a time (more when one value is longer).
#[cfg(not(fuzzing))]
const PIECE: usize = 1 << 20;
/// Under the fuzzer a few bytes, so that its small inputs are read in
/// many pieces and every way a piece can end is tried.
#[cfg(fuzzing)]
const PIECE: usize = 7;

/// The most room made for the front at once.
const FRONT_ROOM: usize = 64 << 20;

/// Bytes read at a time of the sessions.
const SESSIONS_PIECE: usize = 256 * 1024;

/// The top-level keys allowed before `sessions`, as they lie in the text.
const BEFORE: [&[u8]; 4] = [
    b"\"format\"",
    b"\"event\"",
    b"\"people\"",
    b"\"key_messages\"",
];

/// Why the fast way gave up; the file is read the ordinary way instead.
#[derive(Debug)]
pub(in crate::load) struct GaveUp;

/// A file being read: the keys before `sessions` read, the sessions not.
pub(in crate::load) struct Opened<'l, R> {
    /// The document so far, its `sessions` an empty array.
    pub doc: Document<'l>,
    feed: Feed<R>,
    /// Where in the file the sessions start.
    sessions_from: u64,
}

/// Reads the keys before `sessions` from `from`, a file of `len` bytes
/// (as it said when opened) and at most `limits.max_bytes` (reading more
/// gives up).
pub(in crate::load) fn open<R: Read>(
    from: R,
    len: u64,
    limits: &Limits,
) -> Result<Opened<'_, R>, GaveUp> {
    let mut feed = Feed {
        from,
        // The front (people above all) is held whole until the sessions:
        // room for it at once, not grown by doubling and copying; what is
        // not written to takes no memory.
        buf: String::with_capacity(usize::try_from(len).map_or(FRONT_ROOM, |l| l.min(FRONT_ROOM))),
        tail: Vec::new(),
        at: 0,
        hold: true,
        eof: false,
        left: limits.max_bytes,
        len,
        done: 0,
        piece: PIECE,
    };
    if feed.peek()? != Some(b'{') {
        return Err(GaveUp);
    }
    let start = feed.at;
    feed.at += 1;
    // Where `people` lies, key to the next key, and its value.
    let mut people = None;
    let end = loop {
        if feed.peek()? != Some(b'"') {
            return Err(GaveUp);
        }
        let key = feed.value()?;
        let name = &feed.buf.as_bytes()[key.clone()];
        let sessions = name == b"\"sessions\"";
        if !(sessions || BEFORE.contains(&name) || name.starts_with(b"\"x-")) {
            return Err(GaveUp);
        }
        let is_people = name == b"\"people\"";
        feed.expect(b':')?;
        if sessions {
            feed.expect(b'[')?;
            break key.start;
        }
        // Given twice: the ordinary way says so.
        if is_people && people.is_some() {
            return Err(GaveUp);
        }
        let (value, read) = if is_people {
            read_people(&mut feed, limits)?
        } else {
            (feed.value()?, None)
        };
        feed.expect(b',')?;
        if is_people {
            people = Some((key.start..feed.at, value, read));
        }
    };
    let front = &feed.buf[start..end];
    let people =
        people.map(|(span, value, read)| (span.start - start..span.end - start, value, read));
    let doc = front_keys(front, people, &feed.buf, limits)?;
    // The keys before the sessions are read: what held them goes.
    feed.hold = false;
    feed.drop_read();
    feed.buf.shrink_to(2 * PIECE);
    // What is read of the sessions is handed over whole, a chunk at a
    // time (`sessions/chunk.rs`): a smaller piece, so the chunks out hold
    // little.
    feed.piece = PIECE.min(SESSIONS_PIECE);
    let sessions_from = feed.done;
    Ok(Opened {
        doc,
        feed,
        sessions_from,
    })
}

/// The keys before `sessions`, `front` (the object's text up to them),
/// read as a document with no sessions yet: `people` read the strict way
/// when they can be (`span` in `front`, `value` in `buf`, and the people
/// if the quick reader read them already), else with the rest.
fn front_keys<'l>(
    front: &str,
    people: Option<(
        std::ops::Range<usize>,
        std::ops::Range<usize>,
        Option<QuickPeople<'l>>,
    )>,
    buf: &str,
    limits: &'l Limits,
) -> Result<Document<'l>, GaveUp> {
    let read_front = |text: &str| {
        let text = format!("{text}\"sessions\": []}}");
        let doc = read(&text, limits, true).map_err(|_| GaveUp)?;
        if doc.notes.unreadable || !matches!(doc.streamed, Streamed::Yes(_, 0)) {
            return Err(GaveUp);
        }
        Ok(doc)
    };
    let Some((span, value, read)) = people else {
        return read_front(front);
    };
    let text = &buf[value];
    let (strict, admitted) = match read {
        Some(read) => read,
        None => match serde_json::from_str::<StrictPeople>(text) {
            Ok(people) => (people, None),
            Err(_) => return read_front(front),
        },
    };
    let mut doc = read_front(&[&front[..span.start], &front[span.end..]].concat())?;
    let Streamed::Yes(v, _) = &mut doc.streamed else {
        return Err(GaveUp);
    };
    if v.strict_people(strict, admitted) {
        Ok(doc)
    } else {
        drop(doc);
        read_front(front)
    }
}

impl<'l, R: Read> Opened<'l, R> {
    /// Reads and validates the sessions, and checks that nothing but the
    /// object's end follows them: the document ready to finish.
    pub fn sessions(self, limits: &'l Limits) -> Result<Ready<'l>, GaveUp> {
        let Opened {
            doc,
            feed,
            sessions_from,
        } = self;
        let Document {
            mut raw,
            mut notes,
            streamed,
        } = doc;
        let Streamed::Yes(v, 0) = streamed else {
            return Err(GaveUp);
        };
        let mut elements = Elements {
            feed,
            first: true,
            from: sessions_from,
            index: 0,
        };
        let (mut v, count) = sessions::read(&mut elements, *v, &mut notes, limits.max_items)?;
        // A repeated id among the sessions built: the ordinary way says where.
        if !v.parts().0.ids_unique() {
            return Err(GaveUp);
        }
        let mut top = std::mem::take(&mut raw.extensions);
        // `x-` keys may follow (dais writes the document's own there).
        let after = after(&mut elements.feed, limits)?;
        if elements.feed.peek()?.is_some()
            || count > limits.max_items
            || !clean(&notes)
            || !notes.nesting_checked(limits.max_depth)
        {
            return Err(GaveUp);
        }
        if let Some(after) = after {
            top.append(after);
            if !top.duplicates().is_empty() {
                return Err(GaveUp);
            }
        }
        Ok(Ready {
            unknown: notes.unknown,
            top,
            sessions: Sessions::Validated(Box::new(v), count),
        })
    }
}

/// The `x-` keys after the sessions to the object's end, read as the
/// document's own; any other key gives up.
fn after<R: Read>(feed: &mut Feed<R>, limits: &Limits) -> Result<Option<Extensions>, GaveUp> {
    let mut text = String::from("{");
    loop {
        match feed.peek()? {
            Some(b'}') => {
                feed.at += 1;
                break;
            }
            Some(b',') => feed.at += 1,
            _ => return Err(GaveUp),
        }
        if feed.peek()? != Some(b'"') {
            return Err(GaveUp);
        }
        let key = feed.value()?;
        let key = &feed.buf[key];
        if !key.starts_with("\"x-") {
            return Err(GaveUp);
        }
        if text.len() > 1 {
            text.push(',');
        }
        text.push_str(key);
        text.push(':');
        feed.expect(b':')?;
        let value = feed.value()?;
        text.push_str(&feed.buf[value]);
    }
    if text.len() == 1 {
        return Ok(None);
    }
    text.push('}');
    let doc = read(&text, limits, true).map_err(|_| GaveUp)?;
    if !clean(&doc.notes) || !doc.notes.nesting_checked(limits.max_depth) {
        return Err(GaveUp);
    }
    Ok(Some(doc.raw.extensions))
}

/// The elements of the `sessions` array, one at a time.
struct Elements<R> {
    feed: Feed<R>,
    first: bool,
    /// Where in the file the array's elements start.
    from: u64,
    /// The index of the next one.
    index: usize,
}

thread_local! {
    /// The index of the session being read and the notes, lent to
    /// [`Lent`] while `serde_json` reads it.
    static LENT: RefCell<Option<(usize, Notes)>> = const { RefCell::new(None) };
}

/// A session read through `serde_json`'s stream of values, which says
/// where the value ended (so the text is not scanned first), but reads
/// only what is `Deserialize`: its path and the notes are lent to it.
struct Lent(Raw);

impl<'de> Deserialize<'de> for Lent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Some((index, mut notes)) = LENT.with(|l| l.borrow_mut().take()) else {
            return Err(serde::de::Error::custom("nothing lent"));
        };
        let at = Path::Root.key("sessions");
        let read = At::<Raw>::new(at.index(index), &mut notes).deserialize(d);
        LENT.with(|l| *l.borrow_mut() = Some((index, notes)));
        read.map(Lent)
    }
}

/// Whether nothing was noted that makes the file load the ordinary way
/// (an unknown key, a value of the wrong type, nesting not checked).
fn clean(notes: &Notes) -> bool {
    notes.unknown.is_empty() && !notes.unreadable && !notes.unchecked
}

impl<R: Read> Source for Elements<R> {
    type Error = GaveUp;

    fn next(&mut self, _: Path<'_>, notes: &mut Notes) -> Result<Option<Raw>, GaveUp> {
        if !self.another()? {
            return Ok(None);
        }
        self.lax(notes).map(Some)
    }

    fn left(&self, read: usize) -> Option<usize> {
        // The sessions to come are as long as those read, on average; a
        // twentieth more, so a guess a little short is not grown twice over.
        let so_far = self.feed.offset().checked_sub(self.from)?;
        let to_come = self.feed.len.checked_sub(self.feed.offset())?;
        let per = so_far.checked_div(read as u64)?;
        let n = to_come.checked_div(per)?;
        usize::try_from(n + n / 20).ok()
    }
}

impl<R: Read> Elements<R> {
    /// Passes over what comes before the next element: true when there is
    /// one, false at the array's end.
    fn another(&mut self) -> Result<bool, GaveUp> {
        let feed = &mut self.feed;
        match feed.peek()? {
            Some(b']') => {
                feed.at += 1;
                return Ok(false);
            }
            Some(b',') if !self.first => feed.at += 1,
            _ if self.first => {}
            _ => return Err(GaveUp),
        }
        self.first = false;
        Ok(true)
    }

    /// Reads the element that comes next in the lax raw form.
    fn lax(&mut self, notes: &mut Notes) -> Result<Raw, GaveUp> {
        let feed = &mut self.feed;
        if !clean(notes) {
            return Err(GaveUp);
        }
        loop {
            LENT.with(|l| *l.borrow_mut() = Some((self.index, std::mem::take(notes))));
            let mut values =
                serde_json::Deserializer::from_str(&feed.buf[feed.at..]).into_iter::<Lent>();
            let read = values.next();
            let end = feed.at + values.byte_offset();
            *notes = LENT
                .with(|l| l.borrow_mut().take())
                .map(|(_, n)| n)
                .unwrap_or_default();
            match read {
                Some(Ok(Lent(session))) => {
                    feed.at = end;
                    self.index += 1;
                    return Ok(session);
                }
                // The session goes on past what was read: read more and
                // read it again (the notes are as they were: clean).
                Some(Err(e)) if e.is_eof() && clean(notes) && feed.more()? => {}
                _ => return Err(GaveUp),
            }
        }
    }
}

#[cfg(test)]
mod tests;
