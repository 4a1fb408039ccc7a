//! Where an agenda comes from: a file named on the command line, a URL,
//! standard input (`-`), or the bundled hearing.

pub mod url;

use crate::fetch::{Net, is_url, redact};
use crate::load::{self, Limits, LoadError, Loaded};
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
    /// A programme published at an `http` or `https` URL (as given, with
    /// any credentials: show it only through [`Source::name`]).
    Url(String),
}

/// An agenda read from its source, and what to tell about how.
#[derive(Debug)]
pub struct Opened {
    /// The agenda.
    pub loaded: Loaded,
    /// For a URL the network could not reach: the cached copy is shown,
    /// and this says so ("offline: showing the copy from 2 h ago · connection refused").
    pub offline: Option<String>,
    /// Problems worth a warning that did not stop the agenda (the cache
    /// could not be written, say).
    pub notices: Vec<String>,
}

impl Source {
    /// The file if given (`-` for standard input), else the bundled
    /// agenda.
    pub fn from_arg(file: Option<&Path>) -> Self {
        file.map_or(Source::Bundled, Source::named)
    }

    /// The file named `file`, standard input if it is `-` (a file of that
    /// name can still be given as `./-`), or a URL if it starts with
    /// `http://` or `https://` (a file named so: `./http:/…`).
    pub fn named(file: &Path) -> Self {
        if file.as_os_str() == "-" {
            Source::Stdin
        } else if let Some(url) = file.to_str().filter(|f| is_url(f)) {
            Source::Url(url.to_owned())
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
            Source::Url(u) => redact(u),
        }
    }

    /// Reads and validates the agenda; a URL is fetched without a cache.
    pub fn load(&self, limits: &Limits) -> Result<Loaded, LoadError> {
        self.open(limits, &Net::uncached(limits.max_bytes))
            .map(|o| o.loaded)
    }

    /// Reads and validates the agenda; a URL is fetched through `net`.
    pub fn open(&self, limits: &Limits, net: &Net) -> Result<Opened, LoadError> {
        let plain = |loaded| Opened {
            loaded,
            offline: None,
            notices: Vec::new(),
        };
        match self {
            Source::Bundled => {
                load::load_bytes(load::BUNDLED_NAME, load::BUNDLED.as_bytes(), limits).map(plain)
            }
            Source::File(p) => load::load_file(p, limits).map(plain),
            Source::Stdin => load::load_stdin(STDIN_NAME, limits).map(plain),
            Source::Url(u) => url::load(u, limits, net),
        }
    }
}
