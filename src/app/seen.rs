//! What changed since the user last looked: the version last seen comes
//! from the store at start; opening the changes view marks the version on
//! screen as seen, which the event loop then saves.

use super::{App, Banner};
use crate::agenda::Agenda;
use crate::command::{Command, View};
use crate::store::{Change, Seen};
use crate::views::changes::BANNER;
use std::sync::Arc;

impl App {
    /// Sets the version the user last looked at: `Some` tells the changes
    /// since (and a banner if there are any); `None` (none was kept) takes
    /// the version on screen as seen, and asks for it to be saved.
    pub fn set_seen(&mut self, seen: Option<Agenda>) {
        match seen {
            Some(old) => {
                let now = Arc::clone(&self.agenda);
                self.views.changes.since(Arc::new(old), &now);
                if self.banner.is_none() {
                    self.banner = self.changed_banner();
                }
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
        let now = Arc::clone(&self.agenda);
        let same = self
            .views
            .changes
            .seen
            .as_ref()
            .is_some_and(|s| Arc::ptr_eq(s, &now));
        self.views.changes.mark_seen(Arc::clone(&now));
        if !same {
            let seen = Seen {
                view: self.view_key(),
                version: crate::write::to_json(&now),
            };
            self.changes.push(Change::Seen(seen));
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
    use crate::store::Change;
    use crate::testing::hearing_app as app;

    #[test]
    fn changes_since_the_version_seen_are_bannered_until_c_shows_them() {
        let mut app = app();
        let mut old = crate::agenda::Agenda::clone(&app.agenda);
        old.sessions.retain(|s| s.id != "closing");
        app.set_seen(Some(old));
        assert_eq!(
            app.banner.as_ref().map(|b| b.text.as_str()),
            Some("Changed since you last looked: 1 new · c shows them")
        );
        assert!(app.changes.is_empty(), "nothing to save yet");
        app.update(Command::ViewChanges.into());
        assert_eq!(app.view, View::Changes);
        assert_eq!(app.banner, None);
        assert!(
            matches!(&app.changes[..], [Change::Seen(s)] if s.view.is_empty() && s.version.contains("\"closing\"")),
            "the version on screen is saved as seen"
        );
        // Enter goes to the session.
        app.update(Command::Open.into());
        assert_eq!(app.view, View::Agenda);
        assert_eq!(app.agenda.sessions[app.selected()].id, "closing");
    }

    #[test]
    fn with_no_version_kept_the_one_on_screen_is_seen() {
        let mut app = app();
        app.set_seen(None);
        assert_eq!(app.banner, None);
        assert!(matches!(&app.changes[..], [Change::Seen(_)]));
    }
}
