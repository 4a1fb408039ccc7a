//! `dais convert`: an agenda in any format dais reads, as a `dais/1` file.

use crate::fetch::Net;
use crate::load::{Limits, LoadError};
use crate::source::Source;

/// A converted agenda and the warnings met on the way.
#[derive(Debug, Clone)]
pub struct Converted {
    /// The normalized `dais/1` JSON.
    pub json: String,
    /// One `warning: file: path: message` line each.
    pub warnings: Vec<String>,
}

/// Loads the agenda (a URL through `net`) and writes it as `dais/1`.
pub fn run(source: &Source, limits: &Limits, net: &Net) -> Result<Converted, LoadError> {
    let name = source.name();
    let opened = source.open(limits, net)?;
    let told = opened.offline.iter().chain(&opened.notices);
    Ok(Converted {
        json: crate::write::to_json(&opened.loaded.agenda),
        warnings: told
            .map(|t| format!("warning: {name}: {t}"))
            .chain(
                opened
                    .loaded
                    .warnings
                    .iter()
                    .map(|w| format!("warning: {}", w.display_in(&name))),
            )
            .collect(),
    })
}
