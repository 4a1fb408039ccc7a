use super::{Ask, Seer, Told, start};
use crate::agenda::Agenda;
use crate::agenda::changes::detect;
use crate::agenda::digest::Digest;
use crate::feed::Feed;
use crate::store::Kept;
use std::sync::Arc;
use std::time::Duration;

fn versions() -> (Agenda, Arc<Agenda>) {
    let old = crate::testing::hearing();
    let mut new = old.clone();
    let s = new
        .sessions
        .iter_mut()
        .find(|s| &*s.id == "panel-3")
        .unwrap();
    s.span.local_start += chrono::Duration::minutes(15);
    s.span.start += chrono::Duration::minutes(15);
    (old, Arc::new(new))
}

fn changes_of(told: &Told) -> Option<&[crate::agenda::changes::Change]> {
    match told {
        Told::Changes { changes, .. } => Some(changes),
        Told::Keep(_) => None,
    }
}

#[test]
fn a_whole_copy_kept_by_an_earlier_dais_is_told_and_given_back_as_a_digest() {
    let (old, now) = versions();
    let json = crate::write::to_json(&old);
    let told = Seer::default().ask(Ask::Kept(Kept::Whole(json), Arc::clone(&now)));
    let [Told::Keep(bytes), changes] = &told[..] else {
        panic!("{told:?}");
    };
    assert_eq!(*bytes, Digest::of(&old).encode());
    assert_eq!(changes_of(changes), Some(&detect(&old, &now)[..]));
    assert_eq!(detect(&old, &now).len(), 1);
}

#[test]
fn a_digest_kept_is_told_against_each_new_version_until_another_is_marked() {
    let (old, now) = versions();
    let mut seer = Seer::default();
    let kept = Kept::Digest(Digest::of(&old).encode());
    let told = seer.ask(Ask::Kept(kept, Arc::clone(&now)));
    assert!(matches!(&told[..], [Told::Changes { changes, .. }] if changes.len() == 1));
    // A reload: still against the version seen.
    let again = Arc::new((*now).clone());
    let told = seer.ask(Ask::Compare(Arc::clone(&again)));
    assert_eq!(changes_of(&told[0]).map(<[_]>::len), Some(1));
    // Marked: its digest to store, and nothing changed since.
    let told = seer.ask(Ask::Mark(Arc::clone(&again)));
    assert!(matches!(&told[..], [Told::Keep(b)] if *b == Digest::of(&again).encode()));
    let told = seer.ask(Ask::Compare(again));
    assert_eq!(changes_of(&told[0]), Some(&[][..]));
}

#[test]
fn a_version_kept_that_does_not_read_counts_as_none() {
    let (_, now) = versions();
    for kept in [
        Kept::Digest(b"dais-digest 1\n\xff".to_vec()),
        Kept::Whole("{".into()),
    ] {
        let mut seer = Seer::default();
        let told = seer.ask(Ask::Kept(kept, Arc::clone(&now)));
        assert!(matches!(&told[..], [Told::Keep(b)] if *b == Digest::of(&now).encode()));
    }
    // With nothing seen, nothing is told.
    assert!(Seer::default().ask(Ask::Compare(now)).is_empty());
}

#[test]
fn the_worker_answers_through_its_feed_and_ends_with_its_sender() {
    let (old, now) = versions();
    let (feed, rx) = Feed::channel();
    let worker = start(feed);
    let kept = Kept::Digest(Digest::of(&old).encode());
    worker.ask(Ask::Kept(kept, Arc::clone(&now)));
    let told = rx.recv_timeout(Duration::from_secs(30)).expect("told");
    assert_eq!(changes_of(&told).map(<[_]>::len), Some(1));
    // Asked to mark and finished at once: the answer is in the feed when
    // finish returns.
    worker.ask(Ask::Mark(Arc::clone(&now)));
    assert!(worker.finish(Duration::from_secs(30)));
    assert!(matches!(rx.try_recv(), Ok(Told::Keep(_))));
    // The worker has ended: its feed is dropped, and the channel closed.
    assert!(matches!(
        rx.try_recv(),
        Err(std::sync::mpsc::TryRecvError::Disconnected)
    ));
}
