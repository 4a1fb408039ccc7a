//! `dais [FILE]`: the interactive screen, with its state file, live reload
//! and clock wired in.

use crate::agenda::SessionFilter;
use crate::app::{App, Banner};
use crate::clock::Clock;
use crate::keymap::Keymap;
use crate::load::{Limits, Loaded};
use crate::reload::{Reading, Reloader};
use crate::source::Source;
use crate::state::Store;
use crate::theme::Theme;
use crate::tui::{self, Exit, Runtime};
use chrono_tz::Tz;

/// What the screen needs from the process: supplied by `main`.
pub struct Setup {
    /// The clock.
    pub clock: Clock,
    /// The viewer's zone.
    pub viewer_tz: Option<Tz>,
    /// The theme (already `NO_COLOR`-aware).
    pub theme: Theme,
    /// The key bindings.
    pub keymap: Keymap,
    /// Where the shift is saved, if anywhere.
    pub store: Option<Store>,
    /// Problems to show on the first screen (a bad config, say).
    pub notices: Vec<String>,
    /// Which sessions are shown (already applied to the loaded agenda;
    /// applied again to every reload).
    pub filter: SessionFilter,
}

/// Builds the app for a loaded agenda, restoring its saved shift.
pub fn app(loaded: Loaded, setup: &Setup) -> App {
    let mut app = App::new(loaded.agenda, setup.clock.now())
        .with_viewer_zone(setup.viewer_tz)
        .with_theme(setup.theme)
        .with_keymap(setup.keymap.clone());
    app.only = setup.filter.label_in(&app.agenda);
    let mut notices = setup.notices.clone();
    if let Some(store) = &setup.store {
        match store.shift(&app.identity()) {
            Ok(shift) => app.set_shift_by_id(&shift),
            Err(e) => notices.push(e),
        }
    }
    if !notices.is_empty() {
        app.banner = Some(Banner {
            text: notices.join(" · "),
            error: true,
            until: Some(app.live.now + chrono::Duration::seconds(10)),
        });
    }
    app
}

/// Runs the screen until the user quits; returns how it ended.
pub fn run(
    source: &Source,
    loaded: Loaded,
    setup: &Setup,
    limits: &Limits,
) -> std::io::Result<Exit> {
    let stamp = loaded.stamp;
    let mut app = app(loaded, setup);
    let store = setup.store.clone();
    let mut rt = Runtime {
        clock: &setup.clock,
        save_shift: Box::new(move |app: &App| {
            let store = store.as_ref()?;
            store.save_shift(&app.identity(), app.shift_by_id()).err()
        }),
        reloader: Some(Box::new(|app: &App, events| {
            let reading = Reading {
                limits: *limits,
                filter: setup.filter.clone(),
            };
            Reloader::start(source, reading, (&app.agenda, stamp), events)
        })),
    };
    tui::run(&mut app, &mut rt)
}
