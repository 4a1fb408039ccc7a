//! `dais convert`: an agenda in any format dais reads, as a `dais/1` file.

use crate::fetch::Net;
use crate::load::{Limits, LoadError};
use crate::source::Source;

/// An agenda read to be converted, and the warnings met on the way.
#[derive(Debug, Clone)]
pub struct Converted {
    /// The agenda, to be written with [`crate::write::write_json`].
    pub agenda: crate::agenda::Agenda,
    /// One `warning: file: path: message` line each.
    pub warnings: Vec<String>,
}

/// Loads the agenda (a URL through `net`) to be written as `dais/1`.
pub fn run(source: &Source, limits: &Limits, net: &Net) -> Result<Converted, LoadError> {
    let name = source.name();
    let opened = source.open(limits, net)?;
    let told = opened.offline.iter().chain(&opened.notices);
    let warnings = told
        .map(|t| format!("warning: {name}: {t}"))
        .chain(
            opened
                .loaded
                .warnings
                .iter()
                .map(|w| format!("warning: {}", w.display_in(&name))),
        )
        .collect();
    Ok(Converted {
        agenda: opened.loaded.agenda,
        warnings,
    })
}
