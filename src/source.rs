//! Where an agenda comes from: a file named on the command line, or the
//! bundled hearing.

use crate::load::{self, Limits, LoadError, Loaded};
use std::path::{Path, PathBuf};

/// An agenda's origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The hearing embedded in the binary.
    Bundled,
    /// A file on disk.
    File(PathBuf),
}

impl Source {
    /// The file if given, else the bundled agenda.
    pub fn from_arg(file: Option<&Path>) -> Self {
        file.map_or(Source::Bundled, |f| Source::File(f.to_owned()))
    }

    /// The name used in messages.
    pub fn name(&self) -> String {
        match self {
            Source::Bundled => load::BUNDLED_NAME.to_owned(),
            Source::File(p) => load::file_name(p),
        }
    }

    /// Reads and validates the agenda.
    pub fn load(&self, limits: &Limits) -> Result<Loaded, LoadError> {
        match self {
            Source::Bundled => {
                load::load_bytes(load::BUNDLED_NAME, load::BUNDLED.as_bytes(), limits)
            }
            Source::File(p) => load::load_file(p, limits),
        }
    }
}
