//! What a file was when it was read: enough to tell later that it has
//! changed since (its size, modification time and, on Unix, which file
//! it is).

use std::fs::Metadata;
use std::path::Path;
use std::time::SystemTime;

/// A file's size, modification time and identity at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// Device and inode: a file renamed over the old one is another file,
    /// even with the same size and time.
    #[cfg(unix)]
    node: (u64, u64),
}

impl Stamp {
    /// The stamp in a file's metadata.
    pub fn of(meta: &Metadata) -> Self {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            node: (meta.dev(), meta.ino()),
        }
    }

    /// The stamp of the file at `path` now, if it can be read.
    pub fn now(path: &Path) -> Option<Self> {
        std::fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }
}

#[cfg(test)]
mod tests {
    use super::Stamp;

    #[test]
    fn a_rewrite_or_a_replacement_changes_the_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "one").unwrap();
        let first = Stamp::now(&path);
        assert!(first.is_some());
        assert_eq!(Stamp::now(&path), first);
        std::fs::write(&path, "other").unwrap();
        let second = Stamp::now(&path);
        assert_ne!(second, first);
        // Same size, put in place by a rename: another file.
        let tmp = dir.path().join("a.json.tmp");
        std::fs::write(&tmp, "again").unwrap();
        std::fs::rename(&tmp, &path).unwrap();
        assert_ne!(Stamp::now(&path), second);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(Stamp::now(&path), None);
    }
}
