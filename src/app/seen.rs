//! What changed since the user last looked: the version last seen comes
//! from the store at start and is kept by the seen worker
//! ([`crate::seen`]), which tells the changes from it off the loop's
//! thread; opening the changes view marks the version on screen as seen,
//! and the worker's digest of it is what the event loop then saves.

use super::{App, Banner};
use crate::command::{Command, View};
use crate::seen::{Ask, Seer, Told};
use crate::store::{Change, Kept, Seen};
use crate::views::changes::BANNER;
use std::sync::Arc;

impl App {
    /// Sets the version the user last looked at, as the store kept it:
    /// `Some` asks for the changes since (a banner follows if there are
    /// any); `None` (none was kept) takes the version on screen as seen.
    pub fn set_seen(&mut self, seen: Option<Kept>) {
        match seen {
            Some(kept) => {
                let now = Arc::clone(&self.agenda);
                self.looks.push(Ask::Kept(kept, now));
            }
            None => self.mark_seen(),
        }
    }

    /// `c`: shows the changes, and marks the version on screen as seen.
    pub(super) fn show_changes(&mut self) {
        self.show(View::Changes);
        self.mark_seen();
        if self
            .banner
            .as_ref()
            .is_some_and(|b| b.text.starts_with(BANNER))
        {
            self.banner = None;
        }
    }

    fn mark_seen(&mut self) {
        if self.views.changes.mark_seen(&self.shared.agenda) {
            let now = Arc::clone(&self.agenda);
            self.looks.push(Ask::Mark(now));
        }
    }

    /// The agenda on screen was replaced: the changes since the version
    /// seen are told again (by the worker).
    pub(super) fn seen_replaced(&mut self) {
        // Asked even before the worker has told the version kept: it
        // answers in order, and with no version seen it tells nothing.
        let now = Arc::clone(&self.agenda);
        self.looks.push(Ask::Compare(now));
    }

    /// What the seen worker told: the changes since the version seen (if
    /// about the agenda still on screen), or a digest to save as seen.
    pub fn seen_told(&mut self, told: Told) {
        match told {
            Told::Changes { now, changes } => {
                if !std::ptr::eq(now.as_ptr(), Arc::as_ptr(&self.agenda)) {
                    return;
                }
                self.views.changes.told(changes);
                if self.banner.is_none() {
                    self.banner = self.changed_banner();
                }
            }
            Told::Keep(digest) => {
                let view = self.view_key();
                self.changes.push(Change::Seen(Seen { view, digest }));
            }
        }
    }

    /// Does what was asked of the seen worker here and now, and takes in
    /// what it told: for tests and callers without the event loop.
    pub fn settle_seen(&mut self, seer: &mut Seer) {
        while !self.looks.is_empty() {
            for ask in std::mem::take(&mut self.looks) {
                for told in seer.ask(ask) {
                    self.seen_told(told);
                }
            }
        }
    }

    /// The banner saying what changed since the user last looked, while
    /// they have not.
    pub(super) fn changed_banner(&self) -> Option<Banner> {
        let key = self.keymap.keys(Command::ViewChanges).next();
        let key = key.map_or_else(|| "the changes view".to_owned(), |k| k.to_string());
        self.views.changes.banner(&key).map(|text| Banner {
            text,
            error: false,
            until: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{Command, View};
    use crate::seen::Seer;
    use crate::store::{Change, Kept};
    use crate::testing::hearing_app as app;

    fn kept(a: &crate::agenda::Agenda) -> Kept {
        Kept::Digest(crate::agenda::digest::Digest::of(a).encode())
    }

    #[test]
    fn changes_since_the_version_seen_are_bannered_until_c_shows_them() {
        let mut app = app();
        let mut old = crate::agenda::Agenda::clone(&app.agenda);
        old.sessions.retain(|s| &*s.id != "closing");
        app.set_seen(Some(kept(&old)));
        assert_eq!(app.banner, None, "told by the worker, not here");
        let mut seer = Seer::default();
        app.settle_seen(&mut seer);
        assert_eq!(
            app.banner.as_ref().map(|b| b.text.as_str()),
            Some("Changed since you last looked: 1 new · c shows them")
        );
        assert!(app.changes.is_empty(), "nothing to save yet");
        app.update(Command::ViewChanges.into());
        assert_eq!(app.view, View::Changes);
        assert_eq!(app.banner, None);
        assert_eq!(app.looks.len(), 1, "the worker is asked for a digest");
        app.settle_seen(&mut seer);
        let now = crate::agenda::digest::Digest::of(&app.agenda).encode();
        assert!(
            matches!(&app.changes[..], [Change::Seen(s)] if s.view.is_empty() && s.digest == now),
            "the version on screen is saved as seen"
        );
        // Enter goes to the session.
        app.update(Command::Open.into());
        assert_eq!(app.view, View::Agenda);
        assert_eq!(&*app.agenda.sessions[app.selected()].id, "closing");
        // Again on the same version: nothing more to save.
        app.changes.clear();
        app.update(Command::ViewChanges.into());
        assert!(app.looks.is_empty());
    }

    #[test]
    fn with_no_version_kept_the_one_on_screen_is_seen() {
        let mut app = app();
        app.set_seen(None);
        app.settle_seen(&mut Seer::default());
        assert_eq!(app.banner, None);
        assert!(matches!(&app.changes[..], [Change::Seen(_)]));
    }

    #[test]
    fn a_reload_is_told_against_the_version_seen_and_a_stale_answer_dropped() {
        let mut app = app();
        let mut seer = Seer::default();
        app.set_seen(None);
        app.settle_seen(&mut seer);
        let mut new = crate::agenda::Agenda::clone(&app.agenda);
        new.sessions.retain(|s| &*s.id != "closing");
        app.replace_agenda(new.clone());
        assert_eq!(app.looks.len(), 1, "asked to compare");
        // Replaced again before the answer came: the answer is dropped.
        let asks = std::mem::take(&mut app.looks);
        app.replace_agenda(new);
        for ask in asks {
            for told in seer.ask(ask) {
                app.seen_told(told);
            }
        }
        assert!(app.views.changes.changes.is_empty(), "stale");
        app.settle_seen(&mut seer);
        assert_eq!(
            app.banner.as_ref().map(|b| b.text.as_str()),
            Some("Changed since you last looked: 1 cancelled · c shows them")
        );
    }
}
