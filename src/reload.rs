//! Reading the agenda again while the screen runs: by hand (`r`) or when
//! the file changes on disk. The file is read and validated on a worker
//! thread (`watch.rs`) when what `watched.rs` watches changes; the event
//! loop only applies the [`Outcome`]. A bad or missing file never replaces
//! the last good agenda.

mod poll;
mod watch;
mod watched;

use crate::agenda::{Agenda, SessionFilter};
use crate::app::{App, Banner, Prepared};
use crate::feed::Feed;
use crate::fetch::Net;
use crate::load::{Limits, LoadError, Stamp};
use crate::sanitize::{Lines, clean};
use crate::source::Source;
use chrono::Duration;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::Sender;

pub use poll::Refresh;

/// What a worker is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// The file (or its directory entry) changed.
    Changed,
    /// The user asked for a reload.
    Asked,
}

/// How long the line saying what changed stays up.
const CHANGES_SECONDS: i64 = 8;

/// What reading the agenda again found.
#[derive(Debug)]
pub enum Outcome {
    /// A valid agenda that differs from the one on screen.
    Loaded {
        /// The new agenda, ready to swap in.
        new: Box<Prepared>,
        /// What changed, one short sentence each.
        changes: Vec<String>,
        /// The zone warning the file still earns (it names no zone), said
        /// again after the changes.
        zone: Option<String>,
    },
    /// A valid agenda, the same as the one on screen.
    Unchanged {
        /// Whether the user asked (`r`), rather than the file changing.
        asked: bool,
        /// As for [`Outcome::Loaded`].
        zone: Option<String>,
    },
    /// The file is there but not a valid agenda (or not readable, or
    /// caught half-written).
    Invalid(LoadError),
    /// The file is gone.
    Deleted,
    /// The file cannot be watched; it can still be reloaded by hand.
    Unwatched(String),
    /// The URL could not be fetched; the copy on screen stays, and this
    /// says how old it is and why ("offline: showing the copy from …").
    Offline(String),
}

/// How the agenda's file is read into what the screen shows: its limits,
/// which of its sessions are kept, and for a URL how it is fetched and
/// how often.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The loader's bounds.
    pub limits: Limits,
    /// `--room` and `--track`.
    pub filter: SessionFilter,
    /// The client and cache for a URL; without it a URL is not fetched
    /// again.
    pub net: Option<Net>,
    /// How often a URL is fetched again.
    pub refresh: Refresh,
}

/// Reads the agenda again in the background: when its file changes, and
/// when asked. Outcomes go to the [`Feed`] it was started with.
#[derive(Debug)]
pub struct Reloader {
    /// To the worker; `None` for the bundled agenda and standard input,
    /// which have no file to read again, and for a URL with `--offline`.
    requests: Option<Sender<Request>>,
    /// Why there is no file, for `r`.
    fileless: &'static str,
}

impl Reloader {
    /// Starts watching and reading `source` if it is a file; `shown` is
    /// the agenda on screen, which changes are told against, and `read`
    /// what the file was when it was read. Outcomes go to `events`. The
    /// bundled agenda and standard input are not watched.
    pub fn start(
        source: &Source,
        reading: Reading,
        (shown, read): (&Arc<Agenda>, Option<Stamp>),
        events: Feed<Outcome>,
    ) -> Reloader {
        let online = reading.net.clone().filter(|n| !n.offline);
        let requests = match (source, online) {
            (Source::Bundled | Source::Stdin, _) | (Source::Url(_), None) => None,
            (Source::File(path), _) => Some(watch::start(
                path.clone(),
                reading,
                (Arc::clone(shown), read),
                events,
            )),
            (Source::Url(url), Some(net)) => {
                let refresh = reading.refresh;
                Some(poll::start(
                    url.clone(),
                    reading,
                    Arc::clone(shown),
                    (net, refresh),
                    events,
                ))
            }
        };
        let fileless = match source {
            Source::Stdin => "The agenda came from standard input; there is no file to reload.",
            Source::Url(_) => "--offline: showing the cached copy; the network is not used.",
            _ => "The bundled agenda is built in; there is no file to reload.",
        };
        Reloader { requests, fileless }
    }

    /// Asks for the agenda to be read again (the `r` key).
    pub fn request(&self, app: &mut App) {
        match &self.requests {
            Some(tx) => {
                // A closed channel means the worker is gone: nothing to do.
                let _ = tx.send(Request::Asked);
            }
            None => {
                app.banner = Some(Banner {
                    text: self.fileless.into(),
                    error: false,
                    until: Some(app.live.now + Duration::seconds(5)),
                });
            }
        }
    }
}

/// Applies what a reload found: swaps in a valid agenda (keeping the
/// selection and the shift) and says what changed, or keeps the last good
/// agenda and says why.
pub fn apply(app: &mut App, outcome: Outcome) {
    let now = app.live.now;
    let (text, error, until) = match outcome {
        Outcome::Loaded { new, changes, zone } => {
            let old = app.swap_agenda(*new);
            // Freeing a large agenda takes a while: not on the loop's
            // thread. (If no thread can be had, it is freed here.)
            let _ = std::thread::Builder::new().spawn(move || drop(old));
            let width = usize::from(app.size.0).saturating_sub(12);
            let text = format!(
                "Updated: {}{}",
                crate::agenda::changes::summary(&changes, width),
                said_again(zone.as_deref())
            );
            (text, false, Some(now + Duration::seconds(CHANGES_SECONDS)))
        }
        Outcome::Unchanged { asked, zone } => {
            // An error banner without an end is a problem with the file
            // (or the network), which a valid file ends.
            let stale = app
                .banner
                .as_ref()
                .is_some_and(|b| b.until.is_none() && b.error);
            if !asked && !stale {
                return;
            }
            let text = format!("Reloaded: no changes{}", said_again(zone.as_deref()));
            (text, false, Some(now + Duration::seconds(CHANGES_SECONDS)))
        }
        Outcome::Invalid(e) => {
            // The name alone: the banner is one line, and the problem is
            // what matters.
            let name = Path::new(&e.file)
                .file_name()
                .map_or(e.file.clone(), |n| n.to_string_lossy().into_owned());
            let name = clean(&name, Lines::Single);
            let first = e
                .problems
                .first()
                .map(|p| p.display_in(&name).to_string())
                .unwrap_or_default();
            // The count first: the line is cut to the screen's width.
            let count = match e.problems.len() {
                0 | 1 => String::new(),
                n => format!(" ({n} problems)"),
            };
            let text = format!("Still showing the last good agenda{count}: {first}");
            (text, true, None)
        }
        Outcome::Deleted => (
            "agenda file deleted; showing the last good version".to_owned(),
            true,
            None,
        ),
        Outcome::Unwatched(why) => (
            format!("Not watching the agenda file for changes ({why}); r reloads it"),
            true,
            Some(now + Duration::seconds(10)),
        ),
        // Until a fetch goes through.
        Outcome::Offline(text) => (text, true, None),
    };
    app.banner = Some(Banner { text, error, until });
}

/// The zone warning after a reload's own line: ` · FILE: …`, or nothing.
fn said_again(zone: Option<&str>) -> String {
    zone.map(|z| format!(" · {z}")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::{Outcome, apply};
    use crate::app::{App, Banner, Prepared};
    use crate::load::{Limits, load_bytes};

    use crate::testing::hearing_app as app;

    fn banner(app: &App) -> (&str, bool, bool) {
        let b = app.banner.as_ref().expect("a banner");
        (b.text.as_str(), b.error, b.until.is_some())
    }

    fn invalid(text: &str) -> Outcome {
        let e = load_bytes("/some/dir/agenda.json", text.as_bytes(), &Limits::default())
            .expect_err("invalid");
        Outcome::Invalid(e)
    }

    #[test]
    fn a_new_agenda_is_swapped_in_and_its_changes_shown_for_a_while() {
        let mut app = app();
        let mut new = crate::agenda::Agenda::clone(&app.agenda);
        new.sessions[0].title = "Opening".into();
        let changes = vec!["Opening of the… renamed to “Opening”".to_owned()];
        apply(
            &mut app,
            Outcome::Loaded {
                new: Box::new(Prepared::new(new)),
                changes,
                zone: None,
            },
        );
        assert_eq!(&*app.agenda.sessions[0].title, "Opening");
        assert_eq!(
            banner(&app),
            ("Updated: Opening of the… renamed to “Opening”", false, true)
        );
    }

    #[test]
    fn an_invalid_file_keeps_the_agenda_and_names_the_problem_until_fixed() {
        let mut app = app();
        let before = crate::agenda::Agenda::clone(&app.agenda);
        apply(&mut app, invalid("{"));
        assert_eq!(*app.agenda, before);
        let (text, error, ends) = banner(&app);
        assert!(
            text.starts_with("Still showing the last good agenda: agenda.json:1:1: malformed JSON"),
            "{text}"
        );
        assert!(error && !ends);
        // Several problems: the count comes first, as the line is cut.
        apply(&mut app, invalid(r#"{"format": "dais/1", "event": {}}"#));
        let (text, _, _) = banner(&app);
        assert!(
            text.starts_with("Still showing the last good agenda (")
                && text.contains(" problems): agenda.json: event"),
            "{text}"
        );
        // The same agenda back clears it.
        apply(
            &mut app,
            Outcome::Unchanged {
                asked: false,
                zone: None,
            },
        );
        assert_eq!(banner(&app), ("Reloaded: no changes", false, true));
    }

    #[test]
    fn a_deleted_file_says_so_until_it_is_back() {
        let mut app = app();
        apply(&mut app, Outcome::Deleted);
        assert_eq!(
            banner(&app),
            (
                "agenda file deleted; showing the last good version",
                true,
                false
            )
        );
    }

    #[test]
    fn the_zone_warning_is_said_again_after_the_reload_s_own_line() {
        let mut app = app();
        let zone = Some("f.json: missing; times are read in your zone, UTC".to_owned());
        apply(
            &mut app,
            Outcome::Unchanged {
                asked: true,
                zone: zone.clone(),
            },
        );
        assert_eq!(
            banner(&app),
            (
                "Reloaded: no changes · f.json: missing; times are read in your zone, UTC",
                false,
                true
            )
        );
        let mut new = crate::agenda::Agenda::clone(&app.agenda);
        new.sessions[0].title = "Opening".into();
        apply(
            &mut app,
            Outcome::Loaded {
                new: Box::new(Prepared::new(new)),
                changes: vec!["Opening renamed".to_owned()],
                zone,
            },
        );
        let (text, _, _) = banner(&app);
        assert_eq!(
            text,
            "Updated: Opening renamed · f.json: missing; times are read in your zone, UTC"
        );
    }

    #[test]
    fn no_changes_are_told_only_when_asked_or_after_a_problem() {
        let mut app = app();
        apply(
            &mut app,
            Outcome::Unchanged {
                asked: false,
                zone: None,
            },
        );
        assert_eq!(app.banner, None);
        let other = Banner {
            text: "something else".into(),
            error: false,
            until: Some(app.live.now + chrono::Duration::seconds(3)),
        };
        app.banner = Some(other.clone());
        apply(
            &mut app,
            Outcome::Unchanged {
                asked: false,
                zone: None,
            },
        );
        assert_eq!(app.banner, Some(other));
        apply(
            &mut app,
            Outcome::Unchanged {
                asked: true,
                zone: None,
            },
        );
        assert_eq!(banner(&app), ("Reloaded: no changes", false, true));
    }
}
