//! Watching the agenda file and reading it again, off the event loop's
//! thread: a 45 MB agenda takes a while to parse, and input must not wait.
//!
//! The file's directory is watched, not the file: editors that save by
//! writing a new file and renaming it over the old one replace the file a
//! watch on it would follow, and a deleted file can only be seen coming
//! back from its directory.

use super::Outcome;
use super::changes::changes;
use crate::agenda::Agenda;
use crate::app::Prepared;
use crate::load::{Limits, Stamp, load_file};
use crate::tui::run::Event;
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// How long the file must be quiet before it is read: editors save in
/// bursts (truncate, write, write, close; or write, rename).
const QUIET: Duration = Duration::from_millis(150);

/// What the worker is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// The file (or its directory entry) changed.
    Changed,
    /// The user asked for a reload.
    Asked,
}

/// Starts the worker that reads `path` on request, and a watcher that
/// requests a read whenever the file changes; `shown` is the agenda on
/// screen, read from the file as `read` says it was. Returns the worker's
/// channel. If the file cannot be watched, says so through `events`.
pub fn start(
    path: PathBuf,
    limits: Limits,
    (shown, read): (Arc<Agenda>, Option<Stamp>),
    events: Sender<Event>,
) -> Sender<Request> {
    let (tx, rx) = mpsc::channel();
    let watcher = watch(&path, tx.clone());
    match &watcher {
        Err(e) => {
            let why = Outcome::Unwatched(e.to_string());
            let _ = events.send(Event::Reloaded(Box::new(why)));
        }
        // A change made after the file was read and before the watcher
        // began would otherwise not be seen until the next one.
        Ok(_) if Stamp::now(&path) != read => {
            let _ = tx.send(Request::Changed);
        }
        Ok(_) => {}
    }
    std::thread::spawn(move || {
        // The watcher lives as long as the worker.
        let _watcher = watcher;
        work(&path, &limits, shown, &rx, &events);
    });
    tx
}

/// Reads the file each time it is asked, once the requests stop coming
/// for [`QUIET`], and sends what it found. Shares the agenda on screen
/// (every valid agenda it sends is swapped in) to tell what changed
/// without holding up the loop.
fn work(
    path: &Path,
    limits: &Limits,
    mut shown: Arc<Agenda>,
    requests: &Receiver<Request>,
    events: &Sender<Event>,
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
        let outcome = match read(path, limits) {
            Ok(agenda) => {
                let changes = changes(&shown, &agenda);
                if changes.is_empty() {
                    Outcome::Unchanged { asked }
                } else {
                    shown = Arc::new(agenda);
                    let new = Box::new(Prepared::new(Arc::clone(&shown)));
                    Outcome::Loaded { new, changes }
                }
            }
            Err(outcome) => outcome,
        };
        if events.send(Event::Reloaded(Box::new(outcome))).is_err() {
            return;
        }
    }
}

/// Reads and validates the agenda at `path`: the agenda, or what to say
/// instead.
pub fn read(path: &Path, limits: &Limits) -> Result<Agenda, Outcome> {
    if std::fs::symlink_metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        return Err(Outcome::Deleted);
    }
    load_file(path, limits)
        .map(|loaded| loaded.agenda)
        .map_err(Outcome::Invalid)
}

/// Watches the directories of `path` (and of the file it links to, if
/// it is a link) and requests a read on every change to a file of that
/// name.
fn watch(path: &Path, requests: Sender<Request>) -> notify::Result<RecommendedWatcher> {
    let mut places = vec![place(path)];
    if let Ok(real) = std::fs::canonicalize(path) {
        let real = place(&real);
        if !places.contains(&real) {
            places.push(real);
        }
    }
    let names: Vec<OsString> = places.iter().map(|(_, n)| n.clone()).collect();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        // An error may mean missed events: read again to be sure.
        let wanted = res.map_or(true, |e| matters(&e, &names));
        if wanted {
            let _ = requests.send(Request::Changed);
        }
    })?;
    let mut dirs: Vec<&PathBuf> = places.iter().map(|(d, _)| d).collect();
    dirs.dedup();
    for dir in dirs {
        watcher.watch(dir, RecursiveMode::NonRecursive)?;
    }
    Ok(watcher)
}

/// A file's directory and name.
fn place(path: &Path) -> (PathBuf, OsString) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().unwrap_or(path.as_os_str()).to_owned();
    (dir, name)
}

/// Whether an event may have changed the file's content: writes, creation,
/// removal and renames of a file with one of `names`. Not opening or
/// reading it (dais's own reads would wake it forever), nor its metadata.
fn matters(e: &notify::Event, names: &[OsString]) -> bool {
    let kind = match e.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => false,
        _ => true,
    };
    kind && (e.need_rescan()
        || e.paths
            .iter()
            .any(|p| p.file_name().is_some_and(|n| names.iter().any(|w| w == n))))
}

#[cfg(test)]
mod tests {
    use super::{Request, matters, place, read, start};
    use crate::agenda::Agenda;
    use crate::load::{BUNDLED, Limits, Stamp};
    use crate::reload::Outcome;
    use crate::tui::run::Event;
    use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind, RenameMode};
    use notify::{Event as Notice, EventKind};
    use std::ffi::OsString;
    use std::path::{Path, PathBuf};
    use std::sync::mpsc;
    use std::time::Duration;

    fn notice(kind: EventKind, path: &str) -> Notice {
        Notice::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn only_changes_to_the_file_matter() {
        let names = [OsString::from("a.json")];
        let write = EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Any));
        assert!(matters(&notice(write, "/d/a.json"), &names));
        assert!(!matters(&notice(write, "/d/b.json"), &names));
        let renamed = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        let both = Notice::new(renamed)
            .add_path(PathBuf::from("/d/a.json.tmp"))
            .add_path(PathBuf::from("/d/a.json"));
        assert!(matters(&both, &names));
        let create = EventKind::Create(CreateKind::File);
        assert!(matters(&notice(create, "./a.json"), &names));
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert!(matters(&notice(closed, "/d/a.json"), &names));
        let opened = EventKind::Access(AccessKind::Open(AccessMode::Any));
        assert!(!matters(&notice(opened, "/d/a.json"), &names));
        let read = EventKind::Access(AccessKind::Close(AccessMode::Read));
        assert!(!matters(&notice(read, "/d/a.json"), &names));
    }

    #[test]
    fn a_bare_name_is_in_the_current_directory() {
        assert_eq!(place(Path::new("a.json")), (".".into(), "a.json".into()));
        assert_eq!(place(Path::new("x/a.json")), ("x".into(), "a.json".into()));
    }

    #[test]
    fn read_tells_valid_invalid_and_deleted_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        let limits = Limits::default();
        assert!(matches!(read(&path, &limits), Err(Outcome::Deleted)));
        std::fs::write(&path, "{").unwrap();
        assert!(matches!(read(&path, &limits), Err(Outcome::Invalid(_))));
        std::fs::write(&path, BUNDLED).unwrap();
        assert!(read(&path, &limits).is_ok());
    }

    fn next(rx: &mpsc::Receiver<Event>) -> Outcome {
        match rx.recv_timeout(Duration::from_secs(10)) {
            Ok(Event::Reloaded(o)) => *o,
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
        let shown = read(&path, &Limits::default()).unwrap();
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
        let (tx, rx) = mpsc::channel();
        let requests = start(path.clone(), Limits::default(), (shown.into(), stamp), tx);
        // Asked, with nothing changed.
        requests.send(Request::Asked).unwrap();
        assert!(matches!(next(&rx), Outcome::Unchanged { asked: true }));
        // A change on disk, told against what is shown.
        std::fs::write(&path, panel_3_later()).unwrap();
        assert_panel_3_moved(next(&rx));
        // That version is now the one shown.
        requests.send(Request::Asked).unwrap();
        assert!(matches!(next(&rx), Outcome::Unchanged { asked: true }));
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(next(&rx), Outcome::Deleted));
    }

    #[test]
    fn a_change_before_the_watcher_began_is_read_at_once() {
        let (_dir, path, shown, stamp) = hearing_on_disk();
        // Saved again after it was read, before anything watched it (one
        // more line, so the size tells even if the clock has not ticked).
        std::fs::write(&path, format!("{}\n", panel_3_later())).unwrap();
        let (tx, rx) = mpsc::channel();
        let _requests = start(path.clone(), Limits::default(), (shown.into(), stamp), tx);
        assert_panel_3_moved(next(&rx));
    }

    #[test]
    fn an_unchanged_file_is_not_read_again_when_the_watcher_begins() {
        let (_dir, path, shown, stamp) = hearing_on_disk();
        let (tx, rx) = mpsc::channel();
        let _requests = start(path.clone(), Limits::default(), (shown.into(), stamp), tx);
        assert!(
            rx.recv_timeout(Duration::from_millis(600)).is_err(),
            "nothing to read"
        );
    }
}
