//! Reading the `sessions` array and validating each session: the first
//! few on the reading thread, the rest on a second thread while the first
//! reads on, so a large agenda loads on two cores.
//!
//! Sessions reach the validator one at a time and in order either way, so
//! the problems found, and their order, do not depend on where they ran.
//!
//! What the validator leaves of each raw session goes back to the reading
//! thread to be freed there: freeing on one thread what another allocated
//! makes the two contend for the allocator's lock, which cost more than
//! the second core gave.

use super::raw::RawSession;
use super::validate::Validator;
use crate::load::base::json::read::{At, Notes};
use crate::load::base::lax::Lax;
use crate::load::base::problem::Path;
use serde::de::SeqAccess;
use std::marker::PhantomData;
use std::sync::mpsc;

/// Sessions read before a second thread is worth starting: an agenda this
/// short (a day's hearing) is read on one.
const ALONE: usize = 1024;
/// Sessions handed over at once: enough that passing them costs little
/// beside validating them, few enough that the validator starts early.
const BATCH: usize = 256;
/// Batches read ahead of the validator at most, which bounds the raw
/// sessions held at once when reading outruns validating.
const AHEAD: usize = 4;

/// A session as read, before validation: held in a batch by value, as a
/// box each would be one more allocation to free.
pub(super) type Raw = Lax<RawSession>;

/// Where the sessions come from: the elements of an array being read, or
/// the sessions of a file read a piece at a time (`stream.rs`).
pub(super) trait Source {
    /// Why reading stopped.
    type Error;
    /// The next session, read at `at`, or `None` at the end.
    fn next(&mut self, at: Path<'_>, notes: &mut Notes) -> Result<Option<Raw>, Self::Error>;

    /// About how many sessions are left after the `read` read so far, if
    /// that can be told (from the bytes left, say): room for them is made
    /// at once rather than grown twice over.
    fn left(&self, read: usize) -> Option<usize> {
        let _ = read;
        None
    }
}

/// The elements left in an array being read.
pub(super) struct Seq<'a, 'de, A>(pub &'a mut A, pub PhantomData<&'de ()>);

impl<'de, A: SeqAccess<'de>> Source for Seq<'_, 'de, A> {
    type Error = A::Error;

    fn next(&mut self, at: Path<'_>, notes: &mut Notes) -> Result<Option<Raw>, A::Error> {
        self.0.next_element_seed(At::<Raw>::new(at, notes))
    }
}

/// Reads the elements left in `seq` and validates all but those past
/// `max`, which are only counted; returns the validator and the count.
pub(super) fn read<'l, S: Source>(
    seq: &mut S,
    mut v: Validator<'l>,
    notes: &mut Notes,
    max: usize,
) -> Result<(Validator<'l>, usize), S::Error> {
    let mut count = 0;
    if !alone(seq, &mut v, notes, max, &mut count, ALONE)? {
        return Ok((v, count));
    }
    if let Some(left) = seq.left(count) {
        v.reserve(left.min(max.saturating_sub(count)));
    }
    std::thread::scope(|scope| {
        let (batches, rx) = mpsc::sync_channel::<Vec<Raw>>(AHEAD);
        let (spent_tx, spent) = mpsc::channel::<Vec<Raw>>();
        let (hand_over, take) = mpsc::sync_channel::<Validator<'l>>(1);
        let worker = std::thread::Builder::new()
            .name("dais-validate".into())
            .spawn_scoped(scope, move || {
                let mut v = take.recv().ok()?;
                for mut batch in rx {
                    for s in &mut batch {
                        v.session(s);
                    }
                    // Only fails once reading has stopped: dropped here.
                    let _ = spent_tx.send(batch);
                }
                Some(v)
            });
        // No second thread to be had (a process limit): read on alone.
        let Ok(worker) = worker else {
            alone(seq, &mut v, notes, max, &mut count, usize::MAX)?;
            return Ok((v, count));
        };
        if let Err(mpsc::SendError(back)) = hand_over.send(v) {
            v = back;
            alone(seq, &mut v, notes, max, &mut count, usize::MAX)?;
            return Ok((v, count));
        }
        let read = ahead(seq, (&batches, &spent), notes, max, &mut count);
        drop(batches);
        let v = match worker.join() {
            Ok(v) => v.expect("the validator was handed over"),
            // A panic in validation is a panic in loading, as on one thread.
            Err(panic) => std::panic::resume_unwind(panic),
        };
        drop(spent);
        read.map(|()| (v, count))
    })
}

/// Reads and validates sessions on this thread until `until` have been
/// read in all; says whether the array has more.
fn alone<S: Source>(
    seq: &mut S,
    v: &mut Validator<'_>,
    notes: &mut Notes,
    max: usize,
    count: &mut usize,
    until: usize,
) -> Result<bool, S::Error> {
    let here = Path::Root.key("sessions");
    while *count < until {
        let Some(s) = seq.next(here.index(*count), notes)? else {
            return Ok(false);
        };
        // Past the limit they are only read: the document is read again
        // to report it.
        if *count < max {
            v.session(&mut { s });
        }
        *count += 1;
    }
    Ok(true)
}

/// Reads sessions to the end of the array, sending them in batches and
/// dropping what comes back spent.
fn ahead<S: Source>(
    seq: &mut S,
    (batches, spent): (&mpsc::SyncSender<Vec<Raw>>, &mpsc::Receiver<Vec<Raw>>),
    notes: &mut Notes,
    max: usize,
    count: &mut usize,
) -> Result<(), S::Error> {
    let here = Path::Root.key("sessions");
    let mut batch = Vec::with_capacity(BATCH);
    while let Some(s) = seq.next(here.index(*count), notes)? {
        if *count < max {
            batch.push(s);
        }
        *count += 1;
        if batch.len() == BATCH {
            // A spent batch's buffer is used again once its sessions are
            // dropped.
            let next = match spent.try_recv() {
                Ok(mut old) => {
                    old.clear();
                    old
                }
                Err(_) => Vec::with_capacity(BATCH),
            };
            let full = std::mem::replace(&mut batch, next);
            // The validator is gone only if it panicked; joining it says so.
            if batches.send(full).is_err() {
                return Ok(());
            }
        }
    }
    if !batch.is_empty() {
        // As above: a send that fails leaves the panic to the join.
        let _ = batches.send(batch);
    }
    Ok(())
}
