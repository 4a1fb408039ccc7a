//! The lists a session read the strict way holds (its participants, its
//! notes, its key messages), kept emptied once it is built to hold the
//! next session's: at 100,000 sessions that is 300,000 allocations and as
//! many frees fewer. Each thread keeps its own, so a list is freed on the
//! thread that made it.

use super::{StrictParticipant, StrictSession};
use crate::load::dais1::raw::Word;
use std::cell::RefCell;

/// Lists kept of each kind, at most.
const KEEP: usize = 4;
/// The longest list kept: a session with more is rare, and its list is
/// freed rather than held.
const LONGEST: usize = 64;

#[derive(Default)]
struct Spare {
    participants: Vec<Vec<StrictParticipant>>,
    words: Vec<Vec<Word>>,
}

thread_local! {
    static SPARE: RefCell<Spare> = RefCell::default();
}

/// An empty list for a session's participants.
pub(super) fn participants() -> Vec<StrictParticipant> {
    SPARE
        .with(|s| s.borrow_mut().participants.pop())
        .unwrap_or_default()
}

/// An empty list for a session's notes or key messages.
pub(super) fn words() -> Vec<Word> {
    SPARE
        .with(|s| s.borrow_mut().words.pop())
        .unwrap_or_default()
}

/// Keeps `list`, emptied, for another session, unless enough are kept.
fn keep<T>(pool: &mut Vec<Vec<T>>, mut list: Vec<T>) {
    if pool.len() < KEEP && list.capacity() <= LONGEST {
        list.clear();
        pool.push(list);
    }
}

impl StrictSession {
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
            notes: Maybe(Some(vec!["a".into(), "b".into()])),
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
