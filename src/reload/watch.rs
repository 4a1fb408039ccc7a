//! Reading the agenda file again, off the event loop's thread, whenever
//! it changes or the user asks: a 45 MB agenda takes a while to parse, and
//! input must not wait.

use super::watched::Watched;
use super::{Outcome, Reading, Request};
use crate::agenda::Agenda;
use crate::agenda::changes::changes;
use crate::app::Prepared;
use crate::feed::Feed;
use crate::load::{LoadError, Stamp, load_file};
use crate::sanitize::{Lines, clean};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// How long the file must be quiet before it is read: editors save in
/// bursts (truncate, write, write, close; or write, rename).
const QUIET: Duration = Duration::from_millis(150);

/// Starts the worker that reads `path` on request, and a watcher that
/// requests a read whenever the file changes; `shown` is the agenda on
/// screen, read from the file as `read` says it was. Returns the worker's
/// channel. If the file cannot be watched, says so through `events`.
pub fn start(
    path: PathBuf,
    reading: Reading,
    (shown, read): (Arc<Agenda>, Option<Stamp>),
    events: Feed<Outcome>,
) -> Sender<Request> {
    let (tx, rx) = mpsc::channel();
    let watched = Watched::start(&path, Feed::new(tx.clone(), |()| Request::Changed));
    match &watched {
        Err(e) => {
            let _ = events.send(Outcome::Unwatched(e.to_string()));
        }
        // A change made after the file was read and before the watcher
        // began would otherwise not be seen until the next one.
        Ok(_) if Stamp::now(&path) != read => {
            let _ = tx.send(Request::Changed);
        }
        Ok(_) => {}
    }
    std::thread::spawn(move || {
        // The watches live as long as the worker.
        let watched = watched.ok();
        work(&path, &reading, shown, (&rx, watched), &events);
    });
    tx
}

/// Reads the file each time it is asked, once the requests stop coming
/// for [`QUIET`], and sends what it found; first moves the watches if a
/// directory on the way to the file was replaced. Shares the agenda on
/// screen (every valid agenda it sends is swapped in) to tell what changed
/// without holding up the loop.
fn work(
    path: &Path,
    reading: &Reading,
    mut shown: Arc<Agenda>,
    (requests, mut watched): (&Receiver<Request>, Option<Watched>),
    events: &Feed<Outcome>,
) {
    while let Ok(first) = requests.recv() {
        let mut asked = first == Request::Asked;
        loop {
            match requests.recv_timeout(QUIET) {
                Ok(r) => asked |= r == Request::Asked,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if let Some(watched) = &mut watched {
            watched.rearm();
        }
        let outcome = match read_said(path, reading) {
            Ok((agenda, zone)) => {
                let changes = changes(&shown, &agenda);
                if changes.is_empty() {
                    Outcome::Unchanged { asked, zone }
                } else {
                    shown = Arc::new(agenda);
                    let new = Box::new(Prepared::new(Arc::clone(&shown)));
                    Outcome::Loaded { new, changes, zone }
                }
            }
            Err(outcome) => outcome,
        };
        if events.send(outcome).is_err() {
            return;
        }
    }
}

/// Reads and validates the agenda at `path`: the agenda and the zone
/// warning the file earns (`FILE: …`, as the screen said it at the start),
/// or what to say instead.
pub fn read_said(path: &Path, reading: &Reading) -> Result<(Agenda, Option<String>), Outcome> {
    if std::fs::symlink_metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        return Err(Outcome::Deleted);
    }
    let loaded = load_file(path, &reading.limits).map_err(Outcome::Invalid)?;
    let name = crate::load::file_name(path);
    // The name alone: the banner is one line.
    let zone = loaded.zone.as_ref().map(|p| {
        let base = path.file_name().map(|n| n.to_string_lossy());
        let base = clean(base.as_deref().unwrap_or(&name), Lines::Single);
        format!("{base}: {}", p.message)
    });
    // A room or track the file no longer has is a problem with the file
    // as far as this screen goes: the last good agenda stays.
    let agenda = reading
        .filter
        .apply(loaded.agenda)
        .map_err(|message| Outcome::Invalid(LoadError::whole_file(name, message)))?;
    Ok((agenda, zone))
}

#[cfg(test)]
mod tests {
    /// The agenda alone.
    fn read(path: &std::path::Path, reading: &Reading) -> Result<Agenda, Outcome> {
        super::read_said(path, reading).map(|(agenda, _)| agenda)
    }

    use super::start;
    use crate::agenda::Agenda;
    use crate::feed::Feed;
    use crate::load::{BUNDLED, Stamp};
    use crate::reload::Outcome;
    use crate::reload::Reading;
    use crate::reload::Request;
    use std::path::PathBuf;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn read_tells_valid_invalid_and_deleted_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        let reading = Reading::default();
        assert!(matches!(read(&path, &reading), Err(Outcome::Deleted)));
        std::fs::write(&path, "{").unwrap();
        assert!(matches!(read(&path, &reading), Err(Outcome::Invalid(_))));
        std::fs::write(&path, BUNDLED).unwrap();
        assert!(read(&path, &reading).is_ok());
    }

    #[test]
    fn every_read_keeps_only_the_rooms_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        let with_rooms = BUNDLED
            .replacen(
                "\"start\": \"10:30\"",
                "\"room\": \"CR 4\", \"start\": \"10:30\"",
                1,
            )
            .replacen(
                "\"start\": \"15:00\"",
                "\"room\": \"CR 4\", \"start\": \"15:00\"",
                1,
            );
        std::fs::write(&path, &with_rooms).unwrap();
        let reading = Reading {
            filter: crate::agenda::SessionFilter::new(&["cr 4".to_owned()], &[]),
            ..Reading::default()
        };
        let ids: Vec<String> = read(&path, &reading)
            .unwrap()
            .sessions
            .into_iter()
            .map(|s| s.id.into())
            .collect();
        assert_eq!(ids, ["panel-1", "panel-3"]);
        // Saved without the room: the last good agenda stays, and why.
        std::fs::write(&path, BUNDLED).unwrap();
        match read(&path, &reading) {
            Err(Outcome::Invalid(e)) => {
                assert_eq!(e.problems[0].message, "--room cr 4: no session has a room");
            }
            other => panic!("expected a problem, got {other:?}"),
        }
    }

    fn next(rx: &mpsc::Receiver<Outcome>) -> Outcome {
        match rx.recv_timeout(Duration::from_secs(10)) {
            Ok(o) => o,
            other => panic!("expected an outcome, got {other:?}"),
        }
    }

    /// The bundled hearing written to a fresh directory and read: the
    /// directory (kept for the test's length), the file, the agenda and
    /// its stamp.
    fn hearing_on_disk() -> (tempfile::TempDir, PathBuf, Agenda, Option<Stamp>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, BUNDLED).unwrap();
        let shown = read(&path, &Reading::default()).unwrap();
        let stamp = Stamp::now(&path);
        (dir, path, shown, stamp)
    }

    /// The hearing with Panel 3 a quarter of an hour later.
    fn panel_3_later() -> String {
        BUNDLED.replacen("\"start\": \"15:00\"", "\"start\": \"15:15\"", 1)
    }

    fn assert_panel_3_moved(outcome: Outcome) {
        match outcome {
            Outcome::Loaded { changes, .. } => {
                assert_eq!(changes, ["Panel 3 moved from 15:00 to 15:15"]);
            }
            other => panic!("expected the new agenda, got {other:?}"),
        }
    }

    #[test]
    fn the_worker_reads_on_changes_and_requests() {
        let (_dir, path, shown, stamp) = hearing_on_disk();
        let (tx, rx) = Feed::channel();
        let requests = start(path.clone(), Reading::default(), (shown.into(), stamp), tx);
        // Asked, with nothing changed.
        requests.send(Request::Asked).unwrap();
        assert!(matches!(next(&rx), Outcome::Unchanged { asked: true, .. }));
        // A change on disk, told against what is shown.
        std::fs::write(&path, panel_3_later()).unwrap();
        assert_panel_3_moved(next(&rx));
        // That version is now the one shown.
        requests.send(Request::Asked).unwrap();
        assert!(matches!(next(&rx), Outcome::Unchanged { asked: true, .. }));
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(next(&rx), Outcome::Deleted));
    }

    #[test]
    fn a_change_before_the_watcher_began_is_read_at_once() {
        let (_dir, path, shown, stamp) = hearing_on_disk();
        // Saved again after it was read, before anything watched it (one
        // more line, so the size tells even if the clock has not ticked).
        std::fs::write(&path, format!("{}\n", panel_3_later())).unwrap();
        let (tx, rx) = Feed::channel();
        let _requests = start(path.clone(), Reading::default(), (shown.into(), stamp), tx);
        assert_panel_3_moved(next(&rx));
    }

    #[test]
    fn an_unchanged_file_is_not_read_again_when_the_watcher_begins() {
        for window in WINDOWS {
            let (_dir, path, shown, stamp) = hearing_on_disk();
            let (tx, rx) = Feed::channel();
            let _requests = start(path.clone(), Reading::default(), (shown.into(), stamp), tx);
            let write = || std::fs::write(&path, panel_3_later()).unwrap();
            if nothing_before_the_control(&rx, window, write, MOVED) {
                return;
            }
        }
        panic!("every change came slower than the longest window: nothing was proved");
    }

    /// How long to wait for what must not come: longer each time a control
    /// shows the machine too slow for the last.
    const WINDOWS: [Duration; 3] = [
        Duration::from_millis(600),
        Duration::from_millis(2400),
        Duration::from_millis(9600),
    ];

    /// Nothing comes within `window`; then `control` makes a change that
    /// must come, and come first (nothing that should not have been read
    /// may be waiting before it). Whether the window proved anything: it
    /// did if the control's change came within it, as a wrong read would
    /// have; else the caller tries a longer one.
    fn nothing_before_the_control(
        rx: &mpsc::Receiver<Outcome>,
        window: Duration,
        control: impl FnOnce(),
        want: &str,
    ) -> bool {
        assert!(
            rx.recv_timeout(window).is_err(),
            "something came within {window:?}"
        );
        let sent = std::time::Instant::now();
        control();
        assert_eq!(next_control(rx), [want]);
        sent.elapsed() < window
    }

    /// The changes of the next new agenda, where nothing but a file not
    /// yet whole may come before it: an "unchanged" or "deleted" first
    /// means something was read that should not have been.
    fn next_control(rx: &mpsc::Receiver<Outcome>) -> Vec<String> {
        loop {
            match next(rx) {
                Outcome::Loaded { changes, .. } => return changes,
                Outcome::Invalid(_) => {}
                other => panic!("expected the control's change first, got {other:?}"),
            }
        }
    }

    /// The next outcome that is a new agenda, passing by what the file
    /// looked like on the way there (gone, not yet whole, the same).
    fn next_loaded(rx: &mpsc::Receiver<Outcome>) -> Vec<String> {
        loop {
            match next(rx) {
                Outcome::Loaded { changes, .. } => return changes,
                Outcome::Deleted | Outcome::Invalid(_) | Outcome::Unchanged { .. } => {}
                Outcome::Unwatched(why) | Outcome::Offline(why) => panic!("not watched: {why}"),
            }
        }
    }

    /// Waits until the worker has had nothing to say for a while.
    fn drain(rx: &mpsc::Receiver<Outcome>) {
        while rx.recv_timeout(Duration::from_millis(400)).is_ok() {}
    }

    const MOVED: &str = "Panel 3 moved from 15:00 to 15:15";
    const MOVED_BACK: &str = "Panel 3 moved from 15:15 to 15:00";

    /// Starts the worker on `path`, which holds the bundled hearing: its
    /// requests (it stops when they are dropped) and its outcomes.
    fn watching(path: &std::path::Path) -> (mpsc::Sender<Request>, mpsc::Receiver<Outcome>) {
        let shown = read(path, &Reading::default()).unwrap();
        let stamp = Stamp::now(path);
        let (tx, rx) = Feed::channel();
        let requests = start(
            path.to_owned(),
            Reading::default(),
            (shown.into(), stamp),
            tx,
        );
        (requests, rx)
    }

    #[test]
    fn a_directory_removed_and_made_again_is_watched_again() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("meeting");
        let path = dir.join("a.json");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(&path, BUNDLED).unwrap();
        let (_requests, rx) = watching(&path);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(matches!(next(&rx), Outcome::Deleted));
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(&path, panel_3_later()).unwrap();
        assert_eq!(next_loaded(&rx), [MOVED]);
        // Seen only if the new directory is watched.
        drain(&rx);
        std::fs::write(&path, BUNDLED).unwrap();
        assert_eq!(next_loaded(&rx), [MOVED_BACK]);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_turned_into_a_fifo_is_refused_and_picked_up_again() {
        let (_dir, path, _, _) = hearing_on_disk();
        let (requests, rx) = watching(&path);
        std::fs::remove_file(&path).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        // Refused without waiting for a writer; the worker goes on.
        let refused = loop {
            match next(&rx) {
                Outcome::Invalid(e) => break e.to_string(),
                Outcome::Deleted => {}
                other => panic!("expected the FIFO refused, got {other:?}"),
            }
        };
        assert!(
            refused.ends_with("is a FIFO, not an agenda file"),
            "{refused}"
        );
        drain(&rx);
        requests.send(Request::Asked).unwrap();
        assert!(matches!(next(&rx), Outcome::Invalid(_)));
        // A regular file again: read as before.
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, panel_3_later()).unwrap();
        assert_eq!(next_loaded(&rx), [MOVED]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_the_directory_switched_is_followed() {
        let root = tempfile::tempdir().unwrap();
        let (one, two) = (root.path().join("r1"), root.path().join("r2"));
        for (dir, text) in [(&one, BUNDLED.to_owned()), (&two, panel_3_later())] {
            std::fs::create_dir(dir).unwrap();
            std::fs::write(dir.join("a.json"), text).unwrap();
        }
        let current = root.path().join("current");
        std::os::unix::fs::symlink(&one, &current).unwrap();
        let (_requests, rx) = watching(&current.join("a.json"));
        // Switched as deployments do: a new link renamed over the old.
        let next_link = root.path().join("current.new");
        std::os::unix::fs::symlink(&two, &next_link).unwrap();
        std::fs::rename(&next_link, &current).unwrap();
        assert_eq!(next_loaded(&rx), [MOVED]);
        // The directory the link leads to now is watched...
        drain(&rx);
        std::fs::write(two.join("a.json"), BUNDLED).unwrap();
        assert_eq!(next_loaded(&rx), [MOVED_BACK]);
        // ...and the one it led to before is let go: a change there is
        // not read (it would be, as "unchanged", before the control's
        // change in the directory watched now).
        for (round, window) in WINDOWS.into_iter().enumerate() {
            let (text, want) = if round % 2 == 0 {
                (panel_3_later(), MOVED)
            } else {
                (BUNDLED.to_owned(), MOVED_BACK)
            };
            drain(&rx);
            std::fs::write(one.join("a.json"), &text).unwrap();
            let control = || std::fs::write(two.join("a.json"), &text).unwrap();
            if nothing_before_the_control(&rx, window, control, want) {
                return;
            }
        }
        panic!("every change came slower than the longest window: nothing was proved");
    }
}
