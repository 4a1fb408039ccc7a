//! `people` at the front of a file: read by the quick reader, and checked
//! with their ids taken into a table on a second thread as they are read,
//! since no session can be built before that table is there.

use super::GaveUp;
use super::feed::Feed;
use crate::load::base::limits::Limits;
use crate::load::dais1::raw::Word;
use crate::load::dais1::strict::{StrictPeople, StrictPerson, quick_each_person, quick_people};
use crate::load::dais1::validate::Admitting;
use std::io::Read;
use std::sync::mpsc;

/// People read by the quick reader, and their checks when they were made
/// as they were read ([`admitted`]).
pub(super) type QuickPeople<'l> = (StrictPeople, Option<Admitting<'l>>);

/// `people`'s value, from the feed's next byte: where it lies in `buf`,
/// and the people if the quick reader read them. The text is read on to
/// where `"sessions"` first appears after it (a hint, found fast), and the
/// quick reader's exact reading of the object is what says where it ends;
/// where it cannot read them (the hint was inside them, say), the value is
/// scanned for its end as any other and the quick reader tries it whole.
pub(super) fn read_people<'l, R: Read>(
    feed: &mut Feed<R>,
    limits: &'l Limits,
) -> Result<(std::ops::Range<usize>, Option<QuickPeople<'l>>), GaveUp> {
    feed.peek()?;
    let finder = memchr::memmem::Finder::new(b"\"sessions\"");
    let mut from = feed.at;
    let hint = loop {
        if let Some(i) = finder.find(&feed.buf.as_bytes()[from..]) {
            break from + i;
        }
        // A match may straddle what was read and what comes.
        from = feed.buf.len().saturating_sub(9).max(feed.at);
        if !feed.more()? {
            break feed.buf.len();
        }
    };
    if let Some((people, len)) = admitted(&feed.buf[feed.at..], hint - feed.at, limits) {
        let value = feed.at..feed.at + len;
        feed.at += len;
        return Ok((value, Some(people)));
    }
    let value = feed.value()?;
    let read = quick_people(&feed.buf[value.clone()])
        .and_then(|(people, len)| (len == value.len()).then_some((people, None)));
    Ok((value, read))
}

/// People read together at most, to be checked on the second thread.
pub(super) const ADMIT_BLOCK: usize = 4096;

/// The people at the start of `text` read by the quick reader, and the
/// bytes they took. Their checks and their ids' table, which the sessions
/// wait for, are made on a second thread as they are read, a block at a
/// time (the table is kept if every one of them is fine as it stands;
/// else the validator reads them the lax way). `about` is how long they
/// likely are (to where the `"sessions"` hint was found), to size the
/// table once.
fn admitted<'l>(text: &str, about: usize, limits: &'l Limits) -> Option<(QuickPeople<'l>, usize)> {
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(Vec<(Word, StrictPerson)>, usize)>();
        let spawned = std::thread::Builder::new()
            .name("dais-admit".into())
            .spawn_scoped(scope, move || {
                let mut admitting = Admitting::new(limits);
                let mut all = Vec::new();
                for (block, at) in rx {
                    if all.is_empty() && at > 0 {
                        // As many in all as the first ones, that took `at`
                        // bytes, say of `about`.
                        let n = block.len().saturating_mul(about) / at;
                        let n = n.saturating_add(n / 20).min(limits.max_items);
                        admitting.reserve(n);
                        all.reserve(n);
                    }
                    admitting.admit(&block);
                    all.extend(block);
                }
                (all, admitting)
            });
        let Ok(helper) = spawned else {
            // No thread to be had: read here, the ids taken in later.
            return quick_people(text).map(|(people, len)| ((people, None), len));
        };
        let mut block = Vec::with_capacity(ADMIT_BLOCK);
        let mut sent = true;
        let mut end = 0;
        let len = quick_each_person(text, |id, p, at| {
            block.push((id, p));
            end = at;
            if block.len() == ADMIT_BLOCK {
                let full = std::mem::replace(&mut block, Vec::with_capacity(ADMIT_BLOCK));
                sent &= tx.send((full, end)).is_ok();
            }
        });
        if len.is_some() && !block.is_empty() {
            sent &= tx.send((block, end)).is_ok();
        }
        drop(tx);
        // A panic there is a panic in loading.
        let (all, admitting) = helper
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let len = len.filter(|_| sent)?;
        Some(((StrictPeople(all), Some(admitting)), len))
    })
}
