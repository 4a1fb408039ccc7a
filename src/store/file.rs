//! Looking at the files the store reads before reading them: a FIFO, a
//! device, a socket or a link to one is refused, never opened (opening a
//! FIFO to read blocks until someone writes to it), and a read is capped.

use crate::load::base::file::{self as base, FileError};
use crate::load::{file_name, io_reason};
use std::path::Path;

/// What is at a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Nothing.
    Absent,
    /// A regular file (or a link to one).
    Regular,
    /// Something else, in words ("a directory", "a FIFO").
    Other(&'static str),
}

/// What is at `path`, links followed.
pub fn kind(path: &Path) -> Result<Kind, String> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(Kind::Regular),
        Ok(m) => Ok(Kind::Other(describe(m.file_type()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Kind::Absent),
        Err(e) => Err(format!("{}: {}", file_name(path), io_reason(&e))),
    }
}

fn describe(t: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

/// The bytes of the regular file at `path`, at most `cap` of them; `None`
/// if there is no file. Anything but a regular file, or a larger one, is
/// refused with a message naming the path, never opened in blocking mode
/// (see `load::base::file`).
pub fn read_capped(path: &Path, cap: u64) -> Result<Option<Vec<u8>>, String> {
    let name = file_name(path);
    match base::read_capped(path, cap) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(FileError::Missing(_)) => Ok(None),
        Err(FileError::NotRegular(what)) => Err(format!("{name}: {what}, not a regular file")),
        Err(FileError::TooBig { .. }) => Err(format!("{name}: larger than {cap} bytes")),
        Err(FileError::Open(why) | FileError::Read(why)) => Err(format!("{name}: {why}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_a_directory_and_a_device_are_refused_unopened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = read_capped(&fifo, 10).unwrap_err();
            assert!(err.contains("a FIFO"), "{err}");
        }
        let err = read_capped(dir.path(), 10).unwrap_err();
        assert!(err.contains("a directory"), "{err}");
        let err = read_capped(Path::new("/dev/zero"), 10).unwrap_err();
        assert!(err.contains("/dev/zero: a device"), "{err}");
    }

    #[test]
    fn reads_are_capped_and_an_absent_file_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        assert_eq!(read_capped(&path, 10).unwrap(), None);
        std::fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_capped(&path, 10).unwrap().unwrap().len(), 10);
        let err = read_capped(&path, 9).unwrap_err();
        assert!(err.contains("larger than 9 bytes"), "{err}");
    }
}
