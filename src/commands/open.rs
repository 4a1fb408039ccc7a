//! `dais [FILE]`: the interactive screen, with its state file, live reload
//! and clock wired in.

use crate::agenda::SessionFilter;
use crate::app::{App, Banner};
use crate::clock::Clock;
use crate::fetch::Net;
use crate::keymap::Keymap;
use crate::load::{Limits, Loaded};
use crate::reload::{Reading, Refresh, Reloader};
use crate::source::Source;
use crate::store::{AgendaKey, Change, Store, Stored};
use crate::theme::Theme;
use crate::tui::{self, Exit, Runtime, UserState};
use chrono_tz::Tz;
use std::path::PathBuf;

/// What the screen needs from the process: supplied by `main`.
pub struct Setup {
    /// The clock.
    pub clock: Clock,
    /// The viewer's zone.
    pub viewer_tz: Option<Tz>,
    /// Whose zone times are shown in at first: the viewer's after `--tz`;
    /// `None`: as last chosen for this agenda (`z`).
    pub shown: Option<crate::zone::Shown>,
    /// Reminders before starred sessions (`remind_minutes`, `notify`).
    pub alerts: crate::config::Alerts,
    /// The desktop notification the terminal shows, if any.
    pub desktop: Option<crate::alert::Desktop>,
    /// The theme (already `NO_COLOR`-aware).
    pub theme: Theme,
    /// The key bindings.
    pub keymap: Keymap,
    /// The user's state database, if there is a place for it.
    pub state: Option<PathBuf>,
    /// Problems to show on the first screen (a bad config, say).
    pub notices: Vec<String>,
    /// Which sessions are shown (already applied to the loaded agenda;
    /// applied again to every reload).
    pub filter: SessionFilter,
    /// `--refresh MINUTES`, for an agenda at a URL.
    pub refresh: Option<u32>,
    /// For an agenda at a URL shown from the cache: why, and how old the
    /// copy is. Stays on screen until a fetch goes through.
    pub offline: Option<String>,
    /// The editor `e` runs: `$VISUAL`, else `$EDITOR`.
    pub editor: Option<std::ffi::OsString>,
}

/// Where an agenda's state is kept in the store: its file's canonical
/// path (the bundled agenda by name, a URL redacted, standard input by
/// its meeting alone).
pub fn key(source: &Source, agenda: &crate::agenda::Agenda) -> AgendaKey {
    let place = match source {
        Source::Bundled => Some(format!("bundled:{}", crate::load::BUNDLED_NAME)),
        Source::File(p) => {
            let p = std::fs::canonicalize(p)
                .or_else(|_| std::path::absolute(p))
                .unwrap_or_else(|_| p.clone());
            Some(p.to_string_lossy().into_owned())
        }
        Source::Stdin => None,
        // Redacted: the key is shown (`dais state export`), and a token
        // changed is still the same programme.
        Source::Url(u) => Some(crate::fetch::redact(u)),
    };
    AgendaKey::new(place, crate::app::identity(agenda))
}

/// Builds the app for a loaded agenda, restoring its saved shift from
/// `store` (the agenda's place there given).
pub fn app(loaded: Loaded, setup: &Setup, store: Option<(&mut Store, &AgendaKey)>) -> App {
    app_with(crate::app::Prepared::new(loaded.agenda), setup, store)
}

/// [`app`] for an agenda already prepared.
fn app_with(
    prepared: crate::app::Prepared,
    setup: &Setup,
    store: Option<(&mut Store, &AgendaKey)>,
) -> App {
    let mut app = App::from_prepared(prepared, setup.clock.now())
        .with_viewer_zone(setup.viewer_tz)
        .with_theme(setup.theme)
        .with_keymap(setup.keymap.clone());
    app.only = setup.filter.label_in(&app.agenda);
    app.programme = crate::programme::Programme::new(
        crate::agenda::Marks::default(),
        setup.alerts.remind_minutes,
    );
    app.live.shown = setup.shown.unwrap_or_default();
    let mut notices = setup.notices.clone();
    if let Some((store, key)) = store {
        app.set_marks(store.marks(key));
        app.set_notes(store.notes(key));
        app.draft = store.draft(key);
        if setup.shown.is_none()
            && let Some(shown) = store
                .setting(key, "zone")
                .and_then(|z| crate::zone::Shown::from_name(&z))
        {
            app.live.shown = shown;
        }
        if let Some(zoom) = store
            .setting(key, crate::views::grid::ZOOM_SETTING)
            .and_then(|m| m.parse().ok())
            .and_then(crate::grid::Zoom::from_minutes)
        {
            app.views.grid.zoom = zoom;
        }
        let shift = store.shift(key, &app.view_key());
        if !app.set_shift_by_id(&shift) {
            notices.push(format!(
                "{}: {}",
                crate::load::file_name(store.path()),
                crate::app::live::shift_limit_text()
            ));
        }
        notices.extend(store.take_problems());
    }
    if let Some(offline) = &setup.offline {
        notices.insert(0, offline.clone());
    }
    if notices.is_empty() {
        app.missing_banner();
    }
    if notices.is_empty() && app.banner.is_none() {
        app.draft_banner();
    }
    if !notices.is_empty() {
        app.banner = Some(Banner {
            text: notices.join(" · "),
            error: true,
            // Offline, it stays until a fetch goes through.
            until: setup
                .offline
                .is_none()
                .then(|| app.live.now + chrono::Duration::seconds(10)),
        });
    }
    app
}

/// The app `dais now` reports on: the saved shift read, nothing made.
/// `loaded` may be the agenda whose session ids are `full` cut down by the
/// marks (hidden sessions left out, or all but the starred): the shift,
/// saved against every session, is moved onto what is left, so a step from
/// a session left out still counts. `full` is `None` when the marks left
/// every session.
pub fn now_app(source: &Source, loaded: Loaded, full: Option<&[String]>, setup: &Setup) -> App {
    let key = key(source, &loaded.agenda);
    let mut store = setup.state.as_ref().map(Store::open_existing);
    // Only the time is told: the screen's search text, terms and people's
    // lists are not built.
    let prepared = crate::app::Prepared::for_status(loaded.agenda);
    let mut app = app_with(prepared, setup, store.as_mut().map(|s| (s, &key)));
    if let Some(store) = store.as_mut() {
        let steps = store.shift(&key, &app.view_key());
        // Too long a shift was said already, by `app`.
        let steps = match full {
            Some(full) => crate::agenda::marks::steps_on(full, &app.agenda, &steps),
            None => steps,
        };
        let _ = app.set_shift_by_id(&steps);
        let _ = store.take_problems();
    }
    app
}

/// Saves `change` to the agenda `key` in `store`; the app then shows
/// what is stored (other windows' changes included). Returns a problem to
/// show, if it was not saved.
pub fn save(store: &mut Store, key: &AgendaKey, app: &mut App, change: &Change) -> Option<String> {
    match store.apply(key, change) {
        Ok(Stored::Shift(steps)) => {
            app.set_shift_by_id(&steps);
            None
        }
        Ok(Stored::Marks(marks)) => {
            app.set_marks(marks);
            None
        }
        Ok(Stored::Notes(notes)) => {
            app.set_notes(notes);
            None
        }
        Ok(Stored::Setting | Stored::Seen | Stored::Draft) => None,
        Err(problem) => Some(problem),
    }
}

/// The screen's user state: the store (if any) and the agenda's place
/// in it.
struct Kept {
    store: Option<Store>,
    key: AgendaKey,
}

impl UserState for Kept {
    fn save(&mut self, app: &mut App, change: &Change) -> Option<String> {
        save(self.store.as_mut()?, &self.key, app, change)
    }

    fn refresh(&mut self, app: &mut App) -> bool {
        let Some(store) = self.store.as_mut() else {
            return false;
        };
        if store.read_only().is_some() || !store.changed_elsewhere() {
            return false;
        }
        let marked = app.set_marks(store.marks(&self.key));
        let noted = app.set_notes(store.notes(&self.key));
        let steps = store.shift(&self.key, &app.view_key());
        if steps == app.shift_by_id() {
            return marked || noted;
        }
        app.set_shift_by_id(&steps);
        true
    }
}

/// Runs the screen until the user quits; returns how it ended.
pub fn run(
    source: &Source,
    loaded: Loaded,
    setup: &Setup,
    limits: &Limits,
    net: &Net,
) -> std::io::Result<Exit> {
    let stamp = loaded.stamp;
    let key = key(source, &loaded.agenda);
    let mut store = setup.state.as_ref().map(Store::open);
    let mut app = app(loaded, setup, store.as_mut().map(|s| (s, &key)));
    if let Some(store) = store.as_mut() {
        app.views.changes.set_marks(store.marks(&key));
        let view = app.view_key();
        app.set_seen(store.seen(&key, &view));
    }
    let mut rt = Runtime {
        clock: &setup.clock,
        state: Box::new(Kept { store, key }),
        alert: (setup.alerts.notify, setup.desktop),
        editor: setup.editor.clone(),
        reloader: Some(Box::new(|app: &App, events| {
            let reading = Reading {
                limits: *limits,
                filter: setup.filter.clone(),
                net: Some(net.clone()),
                refresh: Refresh::from_minutes(setup.refresh),
            };
            Reloader::start(source, reading, (&app.agenda, stamp), events)
        })),
    };
    tui::run(&mut app, &mut rt)
}
