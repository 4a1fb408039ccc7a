//! Reading a source within its size cap, never blocking: a file (with its
//! [`Stamp`]) or standard input; and how a file's name and an OS error read
//! in messages.
//!
//! A FIFO, a device, a socket or a link to one is refused, naming what it
//! is, and never opened in blocking mode: opening a FIFO to read waits for
//! a writer, reading `/dev/zero` never ends. The path is looked at first,
//! then opened with `O_NONBLOCK` (and `O_NOCTTY`), and what was opened is
//! looked at again, since the path may have been swapped in between.
//! Every read stops one byte past its cap, whatever the file says its
//! size is: the config and other small files at [`SMALL_FILE_MAX`],
//! agendas at `--max-size`.

use super::stamp::Stamp;
use std::fmt;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// The cap on the config and other small files dais reads: 1 MiB.
pub const SMALL_FILE_MAX: u64 = 1024 * 1024;

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Nothing is at the path (or a link there leads nowhere).
    Missing(String),
    /// Something is there that is not a regular file: "a directory", "a
    /// FIFO", "a socket", "a device".
    NotRegular(&'static str),
    /// It could not be opened, in the OS's words.
    Open(String),
    /// It could not be read, in the OS's words.
    Read(String),
    /// It holds more than the cap: `size` bytes if it said so, else at
    /// least one more than `max`.
    TooBig {
        /// Its size, if known before reading.
        size: Option<u64>,
        /// The cap.
        max: u64,
    },
}

impl FileError {
    /// The sentence that follows the file's name, `kind` being what the
    /// file should be ("an agenda file", "a config file").
    pub fn describe(&self, kind: &str) -> String {
        match self {
            FileError::Missing(why) | FileError::Open(why) => format!("cannot open: {why}"),
            FileError::NotRegular(what) => format!("is {what}, not {kind}"),
            FileError::Read(why) => format!("cannot read: {why}"),
            FileError::TooBig {
                size: Some(size),
                max,
            } => format!("the file is {size} bytes, more than the limit of {max} bytes"),
            FileError::TooBig { size: None, max } => {
                format!("the file is larger than the limit of {max} bytes")
            }
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe("a regular file"))
    }
}

/// What a file type is, in words, if it is not a regular file.
fn not_regular(t: std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;
    if t.is_file() {
        return None;
    }
    Some(if t.is_dir() {
        "a directory"
    } else {
        #[cfg(unix)]
        if t.is_fifo() {
            return Some("a FIFO");
        } else if t.is_socket() {
            return Some("a socket");
        } else if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        "not a regular file"
    })
}

/// Checks that `path` names a regular file (links followed), without
/// opening it.
pub fn check_regular(path: &Path) -> Result<Metadata, FileError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => FileError::Missing(io_reason(&e)),
        _ => FileError::Open(io_reason(&e)),
    })?;
    match not_regular(meta.file_type()) {
        Some(what) => Err(FileError::NotRegular(what)),
        None => Ok(meta),
    }
}

/// Opens the regular file at `path` to read, never blocking (see the
/// module's notes); the file and what it was when opened.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), FileError> {
    check_regular(path)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO put at the path since it was checked opens at once
        // instead of waiting for a writer; a terminal does not become
        // dais's controlling one.
        let flags = (OFlags::NONBLOCK | OFlags::NOCTTY).bits();
        options.custom_flags(i32::try_from(flags).unwrap_or(0));
    }
    let file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => FileError::Missing(io_reason(&e)),
        _ => FileError::Open(io_reason(&e)),
    })?;
    let meta = file
        .metadata()
        .map_err(|e| FileError::Read(io_reason(&e)))?;
    if let Some(what) = not_regular(meta.file_type()) {
        return Err(FileError::NotRegular(what));
    }
    Ok((file, meta))
}

/// Reads `file`, which said it was `len` bytes, to its end: at most `max`
/// bytes, however much it grows while read.
fn read_to_cap(file: File, len: u64, max: u64) -> Result<Vec<u8>, FileError> {
    if len > max {
        return Err(FileError::TooBig {
            size: Some(len),
            max,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::Read(io_reason(&e)))?;
    if bytes.len() as u64 > max {
        return Err(FileError::TooBig { size: None, max });
    }
    Ok(bytes)
}

/// The bytes of the regular file at `path`, at most `max` of them, never
/// blocking; for the config and other small files, `max` is
/// [`SMALL_FILE_MAX`].
pub fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, FileError> {
    let (file, meta) = open_regular(path)?;
    read_to_cap(file, meta.len(), max)
}

/// The bytes of the agenda file at `path`, at most `max` of them, and what
/// the file was when read; else why not, in a sentence that follows the
/// file's name.
pub fn read_file(path: &Path, max: u64) -> Result<(Vec<u8>, Stamp), String> {
    let describe = |e: FileError| match e {
        FileError::TooBig { .. } => format!("{} {RAISE}", e.describe("")),
        e => e.describe("an agenda file"),
    };
    let (file, meta) = open_regular(path).map_err(describe)?;
    // Taken before reading: a write during the read changes the file's
    // stamp from this one, so it is not missed.
    let stamp = Stamp::of(&meta);
    let bytes = read_to_cap(file, meta.len(), max).map_err(describe)?;
    Ok((bytes, stamp))
}

/// The agenda file at `path` opened to be read a piece at a time, no
/// further than one byte past `max`, its size and what the file was when
/// opened; `None` if it cannot be opened or says it is larger than `max`
/// ([`read_file`] then says why).
pub fn open_file(path: &Path, max: u64) -> Option<(std::io::Take<File>, u64, Stamp)> {
    let (file, meta) = open_regular(path).ok()?;
    if meta.len() > max {
        return None;
    }
    let stamp = Stamp::of(&meta);
    Some((file.take(max.saturating_add(1)), meta.len(), stamp))
}

/// Standard input to its end, no further than `max` bytes; else why not.
pub fn read_stdin(max: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    // Reading stopped one byte past the limit: how much more there was
    // is not known.
    if bytes.len() as u64 > max {
        return Err(format!(
            "more than the limit of {max} bytes came in {RAISE}"
        ));
    }
    Ok(bytes)
}

/// How an agenda over its cap is let in.
const RAISE: &str = "(raise it with --max-size)";

/// What is said of an agenda of `size` bytes, over the limit of `max`.
pub fn too_big(size: u64, max: u64) -> String {
    let e = FileError::TooBig {
        size: Some(size),
        max,
    };
    format!("{} {RAISE}", e.describe(""))
}

/// A file's name as messages show it: as given, unless it holds something
/// a terminal would act on (`dais validate *.json` in a hostile directory),
/// then quoted with those characters escaped.
pub fn file_name(path: &Path) -> String {
    crate::sanitize::echoed(&path.display().to_string())
}

/// What went wrong reading a file, as the OS says it, without its number
/// ("(os error 2)").
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}
