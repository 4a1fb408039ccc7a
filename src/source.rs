//! Where an agenda comes from: a file named on the command line, standard
//! input (`-`), or the bundled hearing.

use crate::load::{self, Limits, LoadError, Loaded};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The name standard input goes by in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// An agenda's origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The hearing embedded in the binary.
    Bundled,
    /// A file on disk.
    File(PathBuf),
    /// Standard input, named `-` on the command line: read once, not
    /// watched.
    Stdin,
}

impl Source {
    /// The file if given (`-` for standard input), else the bundled
    /// agenda.
    pub fn from_arg(file: Option<&Path>) -> Self {
        file.map_or(Source::Bundled, Source::named)
    }

    /// The file named `file`, or standard input if it is `-` (a file of
    /// that name can still be given as `./-`).
    pub fn named(file: &Path) -> Self {
        if file.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(file.to_owned())
        }
    }

    /// The name used in messages.
    pub fn name(&self) -> String {
        match self {
            Source::Bundled => load::BUNDLED_NAME.to_owned(),
            Source::File(p) => load::file_name(p),
            Source::Stdin => STDIN_NAME.to_owned(),
        }
    }

    /// Reads and validates the agenda.
    pub fn load(&self, limits: &Limits) -> Result<Loaded, LoadError> {
        match self {
            Source::Bundled => {
                load::load_bytes(load::BUNDLED_NAME, load::BUNDLED.as_bytes(), limits)
            }
            Source::File(p) => load::load_file(p, limits),
            Source::Stdin => read_stdin(limits),
        }
    }
}

/// Reads standard input to its end (no further than the size limit) and
/// loads what it held.
fn read_stdin(limits: &Limits) -> Result<Loaded, LoadError> {
    let fail = |message: String| LoadError::whole_file(STDIN_NAME.to_owned(), message);
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {}", load::io_reason(&e))))?;
    // Reading stopped one byte past the limit: how much more there was
    // is not known.
    if bytes.len() as u64 > limits.max_bytes {
        return Err(fail(format!(
            "more than the limit of {} bytes came in (raise it with --max-size)",
            limits.max_bytes
        )));
    }
    load::load_bytes(STDIN_NAME, &bytes, limits)
}
