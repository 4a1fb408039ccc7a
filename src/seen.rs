//! The seen worker: keeps the version of the agenda the user last looked
//! at, as a digest ([`crate::agenda::digest`]), and tells the changes from
//! it to the agenda on screen, off the event loop's thread. At 100,000
//! sessions a digest takes tens of milliseconds to build and the detector
//! hundreds; the loop only sends an [`Ask`] and applies what is [`Told`].
//!
//! Like the reload worker it sends its own message type through a
//! [`Feed`], which the loop maps into its events: the loop depends on its
//! workers, never the reverse. It waits in `recv` between asks, so an idle
//! dais spends nothing here.

use crate::agenda::Agenda;
use crate::agenda::changes::{Change, compare};
use crate::agenda::digest::{Digest, unpack};
use crate::feed::Feed;
use crate::store::Kept;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Weak};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What the loop asks of the worker.
#[derive(Debug, Clone)]
pub enum Ask {
    /// At start: the version the store kept, to tell against the agenda
    /// on screen.
    Kept(Kept, Arc<Agenda>),
    /// The agenda on screen is looked at: it is the version seen from now
    /// on, and its digest is to be stored.
    Mark(Arc<Agenda>),
    /// The agenda on screen is now this one (a reload): tell the changes
    /// since the version seen.
    Compare(Arc<Agenda>),
}

/// What the worker tells the loop.
#[derive(Debug)]
pub enum Told {
    /// The changes from the version seen to `now`: gone if the screen has
    /// moved on since.
    Changes {
        /// The agenda they were told against.
        now: Weak<Agenda>,
        /// The changes, in the detector's order.
        changes: Vec<Change>,
    },
    /// A digest to store as the version seen: one marked, or one kept in
    /// the earlier whole form, turned into a digest.
    Keep(Vec<u8>),
}

/// The worker's state: the version last seen, as digest bytes as stored
/// (compressed), and nothing else between asks.
#[derive(Debug, Default)]
pub struct Seer {
    seen: Option<Vec<u8>>,
}

impl Seer {
    /// Does what `ask` asks; what to tell the loop, in order.
    pub fn ask(&mut self, ask: Ask) -> Vec<Told> {
        match ask {
            Ask::Kept(kept, now) => self.kept(kept, &now),
            Ask::Mark(now) => {
                let bytes = Digest::of(&now).encode();
                self.seen = Some(bytes.clone());
                vec![Told::Keep(bytes)]
            }
            Ask::Compare(now) => self.compare(&now).into_iter().collect(),
        }
    }

    /// The version the store kept: a digest as it is; a whole copy (of an
    /// earlier dais) read, turned into a digest and given back to be
    /// stored in its place. One that does not read counts as none: the
    /// version on screen is seen.
    fn kept(&mut self, kept: Kept, now: &Arc<Agenda>) -> Vec<Told> {
        let digest = match kept {
            Kept::Digest(bytes) => {
                let reads = unpack(&bytes).is_ok_and(|body| Digest::decode(&body).is_ok());
                reads.then_some((bytes, false))
            }
            Kept::Whole(json) => whole(&json).map(|a| (Digest::of(&a).encode(), true)),
        };
        let Some((bytes, convert)) = digest else {
            return self.ask(Ask::Mark(Arc::clone(now)));
        };
        let mut told = Vec::new();
        if convert {
            told.push(Told::Keep(bytes.clone()));
        }
        self.seen = Some(bytes);
        told.extend(self.compare(now));
        told
    }

    fn compare(&self, now: &Arc<Agenda>) -> Option<Told> {
        let body = unpack(self.seen.as_deref()?).ok()?;
        let seen = Digest::decode(&body).ok()?;
        let changes = compare(&seen, &Digest::of(now));
        Some(Told::Changes {
            now: Arc::downgrade(now),
            changes,
        })
    }
}

/// An agenda kept whole by an earlier dais, if it still reads.
fn whole(json: &str) -> Option<Agenda> {
    // Written by dais from a valid agenda; read with room for any size.
    let limits = crate::load::Limits {
        max_bytes: u64::MAX,
        ..crate::load::Limits::default()
    };
    crate::load::load_bytes("the version last seen", json.as_bytes(), &limits)
        .ok()
        .map(|l| l.agenda)
}

/// The running worker.
#[derive(Debug)]
pub struct Worker {
    asks: Sender<Ask>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    /// Asks something of it; what it tells goes to its feed.
    pub fn ask(&self, ask: Ask) {
        // A worker gone (no thread to be had) tells nothing: the screen
        // goes on without the changes.
        let _ = self.asks.send(ask);
    }

    /// Takes no more asks, and waits up to `limit` for the worker to be
    /// done with those sent (what it tells is in its feed by then), so a
    /// version marked seen just before dais ends is still saved. Whether
    /// it was done in time.
    pub fn finish(self, limit: Duration) -> bool {
        let Worker { asks, thread } = self;
        drop(asks);
        let Some(thread) = thread else {
            return true;
        };
        let until = Instant::now() + limit;
        while !thread.is_finished() {
            if Instant::now() >= until {
                return false;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        thread.join().is_ok()
    }
}

/// Starts the worker; what it tells goes to `told`. It ends when the
/// [`Worker`] is finished or dropped, or nobody listens any more.
pub fn start(told: Feed<Told>) -> Worker {
    let (tx, rx) = mpsc::channel::<Ask>();
    let work = move || {
        let mut seer = Seer::default();
        while let Ok(ask) = rx.recv() {
            for t in seer.ask(ask) {
                if told.send(t).is_err() {
                    return;
                }
            }
        }
    };
    // No thread to be had: no changes are told, and nothing is stored as
    // seen (the asks are dropped with the receiver).
    let thread = std::thread::Builder::new()
        .name("dais-seen".into())
        .spawn(work)
        .ok();
    Worker { asks: tx, thread }
}

#[cfg(test)]
mod tests;
