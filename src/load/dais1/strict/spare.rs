//! The lists a session read the strict way holds (its participants, its
//! notes, its key messages), kept emptied once it is built to hold the
//! next session's: at 100,000 sessions that is 300,000 allocations and as
//! many frees fewer. Each thread keeps its own, so a list is freed on the
//! thread that made it.
//!
//! A list holds texts borrowed from one session's text; kept, it holds
//! none, and is made a list of the next one's by [`relive`].

use super::{StrictParticipant, StrictSession};
use std::cell::RefCell;

/// Lists kept of each kind, at most.
const KEEP: usize = 4;
/// The longest list kept: a session with more is rare, and its list is
/// freed rather than held.
const LONGEST: usize = 64;

#[derive(Default)]
struct Spare {
    participants: Vec<Vec<StrictParticipant<'static>>>,
    words: Vec<Vec<&'static str>>,
}

thread_local! {
    static SPARE: RefCell<Spare> = RefCell::default();
}

/// An empty list for a session's participants.
pub(super) fn participants<'a>() -> Vec<StrictParticipant<'a>> {
    relive(
        SPARE
            .with(|s| s.borrow_mut().participants.pop())
            .unwrap_or_default(),
    )
}

/// An empty list for a session's notes or key messages.
pub(super) fn words<'a>() -> Vec<&'a str> {
    relive(
        SPARE
            .with(|s| s.borrow_mut().words.pop())
            .unwrap_or_default(),
    )
}

/// Keeps `list`, emptied, for another session, unless enough are kept.
fn keep<T, U>(pool: &mut Vec<Vec<U>>, list: Vec<T>) {
    if pool.len() < KEEP && list.capacity() <= LONGEST {
        pool.push(relive(list));
    }
}

/// `list` emptied, as a list of `U`, a type of the same size (the same
/// type of another lifetime): collecting a list's items into a list of
/// such a type reuses its allocation, and there are none to map.
fn relive<T, U>(mut list: Vec<T>) -> Vec<U> {
    list.clear();
    list.into_iter().map(|_| unreachable!("emptied")).collect()
}

impl StrictSession<'_> {
    /// Gives back the lists `self` holds, for the next session read on
    /// this thread.
    pub fn recycle(&mut self) {
        SPARE.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(p) = self.participants.0.take() {
                keep(&mut s.participants, p);
            }
            for list in [self.notes.0.take(), self.key_messages.0.take()]
                .into_iter()
                .flatten()
            {
                keep(&mut s.words, list);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{LONGEST, StrictSession, participants, words};
    use crate::load::dais1::strict::Maybe;

    #[test]
    fn lists_come_back_empty_and_long_ones_are_not_kept() {
        let mut s = StrictSession {
            notes: Maybe(Some(vec!["a", "b"])),
            participants: Maybe(Some(Vec::with_capacity(LONGEST + 1))),
            ..StrictSession::default()
        };
        s.recycle();
        assert!(s.notes.0.is_none() && s.participants.0.is_none());
        let again = words();
        assert!(again.is_empty() && again.capacity() >= 2);
        // The long list was freed: a new one holds nothing yet.
        assert_eq!(participants().capacity(), 0);
    }
}
