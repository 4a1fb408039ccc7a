//! What is watched for one agenda file, kept in step with the file system.
//!
//! The file's directory is watched, not the file: editors that save by
//! writing a new file and renaming it over the old one replace the file a
//! watch on it would follow, and a deleted file can only be seen coming
//! back from its directory. The directory above it is watched too: a watch
//! ends with the directory it is on, so a directory removed and made again
//! (a branch switched), renamed over, or a link to it switched (a
//! `current -> releases/N` deployment) is seen there, and the watch is
//! moved to the directory now at that path before the file is read again.

use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::feed::Feed;

/// The watches for one agenda file.
pub struct Watched {
    watcher: RecommendedWatcher,
    /// The agenda file as the user named it.
    path: PathBuf,
    /// The names whose changes matter: the file's, and its directories'.
    names: Arc<Mutex<Vec<OsString>>>,
    /// Each directory watched and which directory it was then.
    armed: Vec<(PathBuf, Option<Identity>)>,
}

/// Which directory a path led to: device and inode on Unix; elsewhere only
/// whether there was one.
type Identity = (u64, u64);

impl Watched {
    /// Watches the directories of `path` and tells `changed` of every
    /// change to it. Fails if the file's own directory cannot be watched.
    pub fn start(path: &Path, changed: Feed<()>) -> notify::Result<Self> {
        let names = Arc::new(Mutex::new(Vec::new()));
        let wanted = Arc::clone(&names);
        let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let names = wanted.lock().unwrap_or_else(PoisonError::into_inner);
            // An error may mean missed events: read again to be sure.
            if res.map_or(true, |e| matters(&e, &names)) {
                let _ = changed.send(());
            }
        })?;
        let mut watched = Watched {
            watcher,
            path: path.to_owned(),
            names,
            armed: Vec::new(),
        };
        let dirs = watched.rearm();
        let (dir, _) = place(&absolute(path));
        // The one watch that must hold from the start.
        if !dirs.contains(&dir) {
            watched.watcher.watch(&dir, RecursiveMode::NonRecursive)?;
        }
        Ok(watched)
    }

    /// Moves the watches to the directories the file's path leads to now;
    /// returns the directories watched. A directory that is not there is watched once
    /// it comes back (its parent's watch sees it).
    pub fn rearm(&mut self) -> Vec<PathBuf> {
        let places = places(&self.path);
        let mut dirs: Vec<PathBuf> = Vec::new();
        let mut names: Vec<OsString> = Vec::new();
        for (dir, name) in places {
            names.push(name);
            if let Some(above) = dir.parent() {
                push_new(&mut dirs, above.to_owned());
            }
            if let Some(name) = dir.file_name() {
                names.push(name.to_owned());
            }
            push_new(&mut dirs, dir);
        }
        *self.names.lock().unwrap_or_else(PoisonError::into_inner) = names;
        let mut armed = Vec::with_capacity(dirs.len());
        let mut watching = Vec::with_capacity(dirs.len());
        for dir in dirs {
            let now = identity(&dir);
            let kept = self.armed.iter().position(|(d, _)| *d == dir);
            let was = kept.map(|i| self.armed.swap_remove(i).1);
            if was.is_some() && was != Some(now) {
                // The old directory may still be there, still watched
                // under this path (a switched link): let it go.
                let _ = self.watcher.unwatch(&dir);
            }
            // Watched again even if it is the same directory: a directory
            // moved away and back is the same one, but its watch ended.
            // On a watch that holds this changes nothing and loses nothing.
            let now = now.filter(|_| {
                self.watcher
                    .watch(&dir, RecursiveMode::NonRecursive)
                    .is_ok()
            });
            if now.is_some() {
                watching.push(dir.clone());
            }
            armed.push((dir, now));
        }
        for (gone, _) in self.armed.drain(..) {
            let _ = self.watcher.unwatch(&gone);
        }
        self.armed = armed;
        watching
    }
}

/// Adds `dir` to `dirs` unless it is there.
fn push_new(dirs: &mut Vec<PathBuf>, dir: PathBuf) {
    if !dirs.contains(&dir) {
        dirs.push(dir);
    }
}

/// Where the file at `path` is: its directory and name, and, if it is a
/// link, the real file's too. Directories are absolute, so their parents
/// can be found.
fn places(path: &Path) -> Vec<(PathBuf, OsString)> {
    let mut places = vec![place(&absolute(path))];
    if let Ok(real) = std::fs::canonicalize(path) {
        let real = place(&real);
        if !places.contains(&real) {
            places.push(real);
        }
    }
    places
}

/// `path` made absolute against the current directory, links left as they
/// are (a link in the path is watched where it is, so switching it shows).
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// A file's directory and name.
pub fn place(path: &Path) -> (PathBuf, OsString) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().unwrap_or(path.as_os_str()).to_owned();
    (dir, name)
}

/// Which directory `dir` leads to now, if any.
fn identity(dir: &Path) -> Option<Identity> {
    let meta = std::fs::metadata(dir)
        .ok()
        .filter(std::fs::Metadata::is_dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some((0, 0))
    }
}

/// Whether an event may have changed the file's content: writes, creation,
/// removal and renames of a file or directory with one of `names`. Not
/// opening or reading it (dais's own reads would wake it forever), nor its
/// metadata.
pub fn matters(e: &notify::Event, names: &[OsString]) -> bool {
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
    use super::{matters, place};
    use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind, RenameMode};
    use notify::{Event as Notice, EventKind};
    use std::ffi::OsString;
    use std::path::{Path, PathBuf};

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
}
