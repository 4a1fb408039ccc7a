//! The `sessions` array of a file read a piece at a time, each session
//! read the strict way ([`crate::load::dais1::strict`]) and built into the
//! model on one of two threads while this one reads on; this one takes
//! them in, in order. A session that is not built so (one the strict way
//! cannot read, or that the validator would say anything of) is read here
//! in the lax raw form and validated as every session used to be, so a
//! file loads the same either way.
//!
//! The threads are worth starting for a long programme only: the first
//! sessions are read and built on this thread, as all of a short one's
//! are. A file none of whose first sessions could be built so (each with
//! `x-` keys of its own, say) is read on as before, the lax way on two
//! threads ([`elements::read`]).

use super::super::elements::{self, Raw, Source};
use super::super::strict::{StrictSession, quick_session};
use super::super::validate::{Built, Lookups, Sessions, Validator, build};
use super::{Elements, GaveUp, LENT, Lent, clean};
use crate::agenda::Labels;
use crate::load::base::ctx::Ctx;
use crate::load::base::json::read::Notes;
use crate::load::base::limits::Limits;
use std::collections::BTreeMap;
use std::io::Read;
use std::sync::mpsc;

/// Sessions read before threads are worth starting.
const ALONE: usize = 1024;
/// Sessions handed to a thread at once.
const BATCH: usize = 256;
/// Batches out at once at most, which bounds what is held.
const OUT: usize = 6;
/// Sessions read before a file none of which could be built is read the
/// lax way only.
const TRIAL: usize = 64;

mod chunk;

/// Session texts, copied out of what is read or handed over with it, to
/// be built elsewhere.
#[derive(Default)]
struct Batch {
    /// The texts.
    text: String,
    /// Where each session lies in `text`.
    spans: Vec<(usize, usize)>,
    /// Whether `text[chunk.0..chunk.1]` is a chunk ([`chunk`]), whose
    /// sessions the thread that builds them finds.
    chunk: Option<(usize, usize)>,
    /// Whether the chunk's sessions did not fill it exactly.
    torn: bool,
}

impl Batch {
    fn clear(&mut self) {
        self.text.clear();
        self.spans.clear();
        self.chunk = None;
        self.torn = false;
    }

    fn push(&mut self, text: &str) {
        let start = self.text.len();
        self.text.push_str(text);
        self.spans.push((start, self.text.len()));
    }

    fn texts(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().map(|&(a, b)| &self.text[a..b])
    }

    /// Builds the sessions (found first, in a chunk) into `made`.
    fn build(
        &mut self,
        made: &mut Vec<Made>,
        lk: &Lookups<'_>,
        limits: &Limits,
        labels: &mut Labels,
    ) {
        made.clear();
        if let Some(range) = self.chunk {
            self.torn = !chunk::tile(self, range, made, lk, limits, labels);
        } else {
            made.extend(self.texts().map(|t| build_text(t, lk, limits, labels)));
        }
    }
}

/// What a thread made of a session text.
type Made = Option<Built>;

/// Reads and validates the sessions to the array's end; returns the
/// validator and how many there were.
pub(super) fn read<'l, R: Read>(
    el: &mut Elements<R>,
    mut v: Validator<'l>,
    notes: &mut Notes,
    max: usize,
) -> Result<(Validator<'l>, usize), GaveUp> {
    let limits = v.limits();
    let mut count = 0;
    let mut built = 0;
    {
        let (sessions, cx, lk) = v.parts();
        let mut take = Take {
            sessions,
            cx,
            lk: &lk,
            notes,
        };
        let mut batch = Batch::default();
        // Labels made here; each thread keeps its own.
        let mut labels = Labels::default();
        loop {
            batch.clear();
            let more = fill(el, &mut batch, count, max, 1)?;
            let Some(text) = batch.texts().next() else {
                break;
            };
            let made = build_text(text, &lk, limits, &mut labels);
            built += usize::from(made.is_some());
            take.take(text, count, made)?;
            count += 1;
            if !more || count == ALONE || (count == TRIAL && built == 0) {
                break;
            }
        }
        if count == ALONE && built > 0 {
            if let Some(left) = el.left(count) {
                take.sessions.reserve_built(left.min(max - count));
            }
            count = side_by_side(el, &mut take, (count, max), limits, labels)?;
            return Ok((v, count));
        }
    }
    if count == TRIAL && built == 0 {
        let (v, rest) = elements::read(el, v, notes, max - count)?;
        return Ok((v, count + rest));
    }
    Ok((v, count))
}

/// Copies the texts of up to `n` more sessions into `batch`, the first at
/// `count`: whether the array goes on.
fn fill<R: Read>(
    el: &mut Elements<R>,
    batch: &mut Batch,
    count: usize,
    max: usize,
    n: usize,
) -> Result<bool, GaveUp> {
    for i in 0..n {
        if !el.another()? {
            return Ok(false);
        }
        // Past the limit the file is read the ordinary way, which says so.
        if count + i >= max {
            return Err(GaveUp);
        }
        let at = el.feed.value()?;
        batch.push(&el.feed.buf[at]);
    }
    Ok(true)
}

/// Reads the next batch into `batch`: a chunk, when a likely session start
/// lies far enough on (what is read handed over whole, the text after the
/// chunk kept to read on), else the texts of up to [`BATCH`] sessions one
/// by one; whether the array goes on.
fn next_batch<R: Read>(
    el: &mut Elements<R>,
    batch: &mut Batch,
    count: usize,
    max: usize,
) -> Result<bool, GaveUp> {
    if !el.another()? {
        return Ok(false);
    }
    // Whitespace passed over: the session starts here.
    el.feed.peek()?;
    while el.feed.buf.len() - el.feed.at < chunk::CHUNK && el.feed.more()? {}
    let at = el.feed.at;
    if let Some(end) = chunk::last_start(&el.feed.buf, at + 1) {
        // What follows the chunk goes on in the batch's old text, and the
        // batch takes what was read: the chunk is not copied.
        batch.text.push_str(&el.feed.buf[end..]);
        std::mem::swap(&mut batch.text, &mut el.feed.buf);
        batch.chunk = Some((at, end));
        el.feed.done += end as u64;
        el.feed.at = 0;
        // The chunk took the comma before the session at its end.
        el.first = true;
        return Ok(true);
    }
    let at = el.feed.value()?;
    batch.push(&el.feed.buf[at]);
    fill(el, batch, count + 1, max, BATCH - 1)
}

/// A session text read the strict way and built, if it can be.
fn build_text(text: &str, lk: &Lookups<'_>, limits: &Limits, labels: &mut Labels) -> Made {
    let s = match quick_session(text) {
        Some((s, len)) if len == text.len() => s,
        _ => serde_json::from_str::<StrictSession>(text).ok()?,
    };
    build_strict(s, lk, limits, labels)
}

/// A session read the strict way, built, if it can be.
fn build_strict(s: StrictSession, lk: &Lookups<'_>, limits: &Limits, labels: &mut Labels) -> Made {
    if !s.x_within(limits.max_string) {
        return None;
    }
    build(s, lk, limits, labels)
}

/// Takes sessions in, in order.
struct Take<'a, 'l, 'k> {
    sessions: &'a mut Sessions,
    cx: &'a mut Ctx<'l>,
    lk: &'a Lookups<'k>,
    notes: &'a mut Notes,
}

impl Take<'_, '_, '_> {
    /// Takes in session `index`, `text`, as built, or else validated from
    /// its lax raw form.
    fn take(&mut self, text: &str, index: usize, made: Made) -> Result<(), GaveUp> {
        if let Some(b) = made {
            self.sessions.push_built(b);
            return Ok(());
        }
        // A repeated id among those built the lax validator could not name
        // where it was first given: read the ordinary way.
        if !self.sessions.take_ids() {
            return Err(GaveUp);
        }
        let mut raw = lax(text, index, self.notes)?;
        self.sessions.push(self.cx, &mut raw, self.lk);
        Ok(())
    }
}

/// Session `index`, `text`, read in the lax raw form.
fn lax(text: &str, index: usize, notes: &mut Notes) -> Result<Raw, GaveUp> {
    if !clean(notes) {
        return Err(GaveUp);
    }
    LENT.with(|l| *l.borrow_mut() = Some((index, std::mem::take(notes))));
    let read = serde_json::from_str::<Lent>(text);
    *notes = LENT
        .with(|l| l.borrow_mut().take())
        .map(|(_, n)| n)
        .unwrap_or_default();
    match read {
        Ok(Lent(raw)) if clean(notes) => Ok(raw),
        _ => Err(GaveUp),
    }
}

/// Reads the rest of the sessions, the first at `count`, and has two
/// threads build them while this one reads on and takes them in; returns
/// how many sessions there were in all.
fn side_by_side<R: Read>(
    el: &mut Elements<R>,
    take: &mut Take<'_, '_, '_>,
    (mut count, max): (usize, usize),
    limits: &Limits,
    mut labels: Labels,
) -> Result<usize, GaveUp> {
    let lk = take.lk;
    std::thread::scope(|scope| {
        let (done_tx, done) = mpsc::channel::<(usize, Batch, Vec<Made>)>();
        let mut workers = Vec::new();
        for _ in 0..2 {
            let (tx, rx) = mpsc::channel::<(usize, Batch, Vec<Made>)>();
            let done_tx = done_tx.clone();
            let spawned = std::thread::Builder::new()
                .name("dais-build".into())
                .spawn_scoped(scope, move || {
                    let mut labels = Labels::default();
                    for (k, mut batch, mut made) in rx {
                        batch.build(&mut made, lk, limits, &mut labels);
                        if done_tx.send((k, batch, made)).is_err() {
                            break;
                        }
                    }
                });
            // No thread to be had (a process limit): build here instead.
            if spawned.is_ok() {
                workers.push(tx);
            }
        }
        drop(done_tx);
        let mut spare: Vec<(Batch, Vec<Made>)> = Vec::new();
        let mut back = BTreeMap::new();
        let (mut sent, mut next, mut more) = (0, 0, true);
        loop {
            // Read on while few enough batches are out, but take in a
            // batch as soon as it is back.
            while more && sent - next < OUT && !back.contains_key(&next) {
                let (mut batch, mut made) = spare.pop().unwrap_or_default();
                batch.clear();
                more = next_batch(el, &mut batch, count, max)?;
                if batch.spans.is_empty() && batch.chunk.is_none() {
                    break;
                }
                if let Some(tx) = workers.get(sent % workers.len().max(1)) {
                    tx.send((sent, batch, made)).map_err(|_| GaveUp)?;
                } else {
                    batch.build(&mut made, lk, limits, &mut labels);
                    back.insert(sent, (batch, made));
                }
                sent += 1;
                while let Ok((k, batch, made)) = done.try_recv() {
                    back.insert(k, (batch, made));
                }
            }
            if next == sent {
                break;
            }
            while !back.contains_key(&next) {
                let (k, batch, made) = done.recv().map_err(|_| GaveUp)?;
                back.insert(k, (batch, made));
            }
            let (batch, mut made) = back.remove(&next).ok_or(GaveUp)?;
            // A chunk cut where no session starts: read the ordinary way.
            if batch.torn {
                return Err(GaveUp);
            }
            for (text, m) in batch.texts().zip(made.drain(..)) {
                // Past the limit the file is read the ordinary way, which
                // says so.
                if count >= max {
                    return Err(GaveUp);
                }
                take.take(text, count, m)?;
                count += 1;
            }
            spare.push((batch, made));
            next += 1;
        }
        Ok(count)
    })
}
