//! `dais export`: the programme in another tool's format.

use crate::load::Limits;
use crate::source::Source;

/// The agenda's sessions (those with the given ids, or all) as an
/// iCalendar calendar; an unknown id is an error naming the file.
pub fn ics(source: &Source, ids: &[String], limits: &Limits) -> Result<String, String> {
    let loaded = source.load(limits).map_err(|e| e.to_string())?;
    let chosen = crate::export::select(&loaded.agenda, ids)
        .map_err(|e| format!("{}: {e}", source.name()))?;
    Ok(crate::export::ics::calendar(&loaded.agenda, &chosen))
}
