//! `dais convert`: an agenda in any format dais reads, as a `dais/1` file.

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

/// Loads the agenda and writes it as `dais/1`.
pub fn run(source: &Source, limits: &Limits) -> Result<Converted, LoadError> {
    let name = source.name();
    let loaded = source.load(limits)?;
    Ok(Converted {
        json: crate::write::to_json(&loaded.agenda),
        warnings: loaded
            .warnings
            .iter()
            .map(|w| format!("warning: {}", w.display_in(&name)))
            .collect(),
    })
}
