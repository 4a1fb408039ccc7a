//! A digest as bytes, to keep in the state database, and back. The bytes
//! come from a file another program may have changed: every length, count
//! and index is checked, nothing is allocated before the bytes it stands
//! for are there, and a bad one is an error, never a panic.
//!
//! Kept as [`MAGIC`], the length of the body (8 bytes, little-endian)
//! and the body zlib-compressed ([`Digest::encode`]; [`unpack`] gives the
//! body back, [`Digest::decode`] reads it): at 100,000 sessions the body
//! is about 9.5 MB and what is kept about 2.7 MB.
//!
//! The body: the whole hash (8 bytes, little-endian);
//! the event's title, date (days from the common era) and zone name; the
//! people (id, name); the key messages' ids; the rooms, each once; then
//! each session: id, title, room (0 for none, else its place + 1), start
//! in seconds from the event's date at midnight, length in seconds, and
//! its people's places. Numbers are LEB128 (signed ones zigzagged), texts
//! their length in bytes then UTF-8.

use super::{Digest, PersonDigest, SessionDigest, Whole, index};
use crate::agenda::Zone;
use chrono::{Datelike as _, NaiveDate, NaiveDateTime, TimeDelta};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

/// What digest bytes start with: the format and its version.
pub const MAGIC: &[u8] = b"dais-digest 1\n";

/// The largest body [`unpack`] gives back: far beyond an agenda within
/// the loader's limits, and a cap on what damaged bytes can inflate to.
pub const MAX_BODY: u64 = 512 * 1024 * 1024;

/// The body of digest bytes kept, inflated, for [`Digest::decode`].
pub fn unpack(kept: &[u8]) -> Result<Vec<u8>, DecodeError> {
    use std::io::Read as _;
    let rest = kept
        .strip_prefix(MAGIC)
        .ok_or_else(|| DecodeError("it does not start as one".into()))?;
    let (len, packed) = rest.split_first_chunk::<8>().ok_or_else(ended)?;
    let len = u64::from_le_bytes(*len);
    if len > MAX_BODY {
        return Err(bad("its length"));
    }
    let mut body = Vec::with_capacity(usize::try_from(len).map_or(0, |n| n.min(packed.len() * 64)));
    let mut inflate = flate2::read::ZlibDecoder::new(packed).take(len + 1);
    inflate
        .read_to_end(&mut body)
        .map_err(|_| bad("its compressed body"))?;
    if body.len() as u64 != len {
        return Err(bad("its length"));
    }
    Ok(body)
}

/// Why bytes are not a digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a digest of an agenda: {}", self.0)
    }
}

impl std::error::Error for DecodeError {}

impl Digest<'_> {
    /// The digest as bytes to keep (the whole agenda hashed, if it is at
    /// hand), compressed.
    pub fn encode(&self) -> Vec<u8> {
        use std::io::Write as _;
        let body = self.body();
        let mut out = Vec::with_capacity(body.len() / 3 + 64);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(body.len() as u64).to_le_bytes());
        let mut z = flate2::write::ZlibEncoder::new(out, flate2::Compression::fast());
        z.write_all(&body).expect("writing to memory");
        z.finish().expect("writing to memory")
    }

    /// The body, uncompressed.
    fn body(&self) -> Vec<u8> {
        let mut out = Out(Vec::with_capacity(96 * self.sessions.len() + 256));
        out.0.extend_from_slice(&self.whole.hash().to_le_bytes());
        out.str(&self.title);
        out.int(i64::from(self.date.num_days_from_ce()));
        out.str(&self.timezone.key());
        out.count(self.people.len());
        for p in &self.people {
            out.str(&p.id);
            out.str(&p.name);
        }
        out.count(self.key_messages.len());
        for m in &self.key_messages {
            out.str(m);
        }
        let mut rooms: HashMap<&str, usize> = HashMap::new();
        let mut order = Vec::new();
        for r in self.sessions.iter().filter_map(|s| s.room.as_deref()) {
            rooms.entry(r).or_insert_with(|| {
                order.push(r);
                order.len()
            });
        }
        out.count(order.len());
        for r in &order {
            out.str(r);
        }
        let midnight = self.date.and_time(chrono::NaiveTime::MIN);
        out.count(self.sessions.len());
        for s in &self.sessions {
            out.str(&s.id);
            out.str(&s.title);
            out.count(s.room.as_deref().map_or(0, |r| rooms[r]));
            out.int((s.local_start - midnight).num_seconds());
            out.int((s.local_end - s.local_start).num_seconds());
            let people = self.participants_of(s);
            out.count(people.len());
            for &p in people {
                out.uint(u64::from(p));
            }
        }
        out.0
    }
}

impl<'a> Digest<'a> {
    /// Reads a digest from the body [`unpack`] gave back, borrowing its
    /// text from `body`.
    pub fn decode(body: &'a [u8]) -> Result<Digest<'a>, DecodeError> {
        let mut r = In(body);
        let hash = u64::from_le_bytes(r.take(8)?.try_into().map_err(|_| ended())?);
        let title = r.str("the event's title")?;
        let days = i32::try_from(r.int()?).map_err(|_| bad("the event's date"))?;
        let date =
            NaiveDate::from_num_days_from_ce_opt(days).ok_or_else(|| bad("the event's date"))?;
        let zone = r.str("the zone")?;
        let timezone = Zone::from_key(&zone).ok_or_else(|| bad("the zone"))?;
        let n = r.count()?;
        let mut people = Vec::with_capacity(n);
        for _ in 0..n {
            let id = r.str("a person's id")?;
            let name = r.str("a person's name")?;
            people.push(PersonDigest { id, name });
        }
        let n = r.count()?;
        let mut key_messages = Vec::with_capacity(n);
        for _ in 0..n {
            key_messages.push(r.str("a key message's id")?);
        }
        let n = r.count()?;
        let mut rooms = Vec::with_capacity(n);
        for _ in 0..n {
            rooms.push(r.str("a room")?);
        }
        let midnight = date.and_time(chrono::NaiveTime::MIN);
        let n = r.count()?;
        let mut sessions = Vec::with_capacity(n);
        let mut participants = Vec::new();
        for _ in 0..n {
            let id = r.str("a session's id")?;
            let title = r.str("a session's title")?;
            let room = match r.uint()? {
                0 => None,
                i => {
                    let i = usize::try_from(i - 1).map_err(|_| bad("a room"))?;
                    Some(rooms.get(i).ok_or_else(|| bad("a room"))?.clone())
                }
            };
            let local_start = at(midnight, r.int()?).ok_or_else(|| bad("a session's start"))?;
            let local_end = at(local_start, r.int()?).ok_or_else(|| bad("a session's end"))?;
            let from = index(participants.len());
            for _ in 0..r.count()? {
                let p = r.uint()?;
                if usize::try_from(p).map_or(true, |p| p >= people.len()) {
                    return Err(bad("a session's person"));
                }
                participants.push(u32::try_from(p).map_err(|_| bad("a session's person"))?);
            }
            let people = from..index(participants.len());
            sessions.push(SessionDigest {
                id,
                title,
                room,
                local_start,
                local_end,
                people,
            });
        }
        if !r.0.is_empty() {
            return Err(DecodeError("more follows its end".into()));
        }
        Ok(Digest {
            title,
            date,
            timezone,
            sessions,
            people,
            participants,
            key_messages,
            whole: Whole::Hash(hash),
        })
    }
}

fn ended() -> DecodeError {
    DecodeError("it ends too soon".into())
}

fn bad(what: &str) -> DecodeError {
    DecodeError(format!("{what} does not read"))
}

fn at(from: NaiveDateTime, seconds: i64) -> Option<NaiveDateTime> {
    from.checked_add_signed(TimeDelta::try_seconds(seconds)?)
}

struct Out(Vec<u8>);

impl Out {
    fn uint(&mut self, mut n: u64) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }

    fn int(&mut self, n: i64) {
        // Zigzag: small negative numbers stay short.
        self.uint(((n << 1) ^ (n >> 63)).cast_unsigned());
    }

    fn count(&mut self, n: usize) {
        self.uint(n as u64);
    }

    fn str(&mut self, s: &str) {
        self.count(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
}

struct In<'a>(&'a [u8]);

impl<'a> In<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if n > self.0.len() {
            return Err(ended());
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn uint(&mut self) -> Result<u64, DecodeError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let [b] = self.take(1)? else {
                return Err(ended());
            };
            n |= u64::from(b & 0x7f)
                .checked_shl(shift)
                .filter(|v| v >> shift == u64::from(b & 0x7f))
                .ok_or_else(|| bad("a number"))?;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(bad("a number"))
    }

    fn int(&mut self) -> Result<i64, DecodeError> {
        let z = self.uint()?;
        Ok((z >> 1).cast_signed() ^ -(z & 1).cast_signed())
    }

    /// A count of things each at least a byte long: never more than the
    /// bytes left, so no count makes a large allocation.
    fn count(&mut self) -> Result<usize, DecodeError> {
        let n = self.uint()?;
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= self.0.len())
            .ok_or_else(|| bad("a count"))
    }

    fn str(&mut self, what: &str) -> Result<Cow<'a, str>, DecodeError> {
        let n = self.count()?;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|_| bad(what))
    }
}
