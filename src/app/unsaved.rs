//! What the screen says when the event loop could not save a change.

use super::{App, Banner};
use crate::store::Change;
use chrono::{DateTime, Duration, Utc};

/// How long a "not saved" banner stays up.
const BANNER_SECONDS: i64 = 8;

impl App {
    /// `change` was not saved, for the reason `problem`: a banner says so
    /// until 8 s after `now`. The version seen is saved without the user
    /// asking, whenever the seen worker answers: its problem does not
    /// cover a banner already up, which says something the user needs more
    /// (why the state file is not used at all, or that the `+` just
    /// pressed was not saved).
    pub fn not_saved(&mut self, change: &Change, problem: String, now: DateTime<Utc>) {
        if matches!(change, Change::Seen(_)) && self.banner.is_some() {
            return;
        }
        self.banner = Some(Banner {
            text: problem,
            error: true,
            until: Some(now + Duration::seconds(BANNER_SECONDS)),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::store::{Change, Seen, ShiftChange};
    use crate::testing::hearing_app as app;

    fn seen() -> Change {
        Change::Seen(Seen {
            view: String::new(),
            digest: vec![1],
        })
    }

    fn shift() -> Change {
        Change::Shift(ShiftChange::Add {
            view: String::new(),
            session: "panel-1".into(),
            minutes: 5,
        })
    }

    fn text(app: &crate::app::App) -> Option<&str> {
        app.banner.as_ref().map(|b| b.text.as_str())
    }

    #[test]
    fn the_version_seen_not_saved_leaves_a_banner_that_is_up() {
        let mut app = app();
        let now = app.live.now;
        app.not_saved(&shift(), "the shift is not saved: x".into(), now);
        app.not_saved(&seen(), "the version seen is not saved: x".into(), now);
        assert_eq!(text(&app), Some("the shift is not saved: x"));
        let b = app.banner.as_ref().unwrap();
        assert!(b.error);
        assert_eq!(b.until, Some(now + chrono::Duration::seconds(8)));
    }

    #[test]
    fn with_no_banner_up_the_version_seen_not_saved_is_said() {
        let mut app = app();
        let now = app.live.now;
        app.banner = None;
        app.not_saved(&seen(), "the version seen is not saved: x".into(), now);
        assert_eq!(text(&app), Some("the version seen is not saved: x"));
    }

    #[test]
    fn a_change_the_user_made_replaces_any_banner() {
        let mut app = app();
        let now = app.live.now;
        app.not_saved(&seen(), "the version seen is not saved: x".into(), now);
        app.not_saved(&shift(), "the shift is not saved: x".into(), now);
        assert_eq!(text(&app), Some("the shift is not saved: x"));
    }
}
