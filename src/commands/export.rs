//! `dais export`: the programme in another tool's format.

use crate::agenda::SessionFilter;
use crate::load::Limits;
use crate::source::Source;

/// The agenda's sessions (those `filter` keeps, and of them those with the
/// given ids, or all) as an iCalendar calendar; an unknown id is an error
/// naming the file.
pub fn ics(
    source: &Source,
    ids: &[String],
    (limits, filter): (&Limits, &SessionFilter),
) -> Result<String, String> {
    let loaded = source.load(limits).map_err(|e| e.to_string())?;
    let agenda = filter
        .apply(loaded.agenda)
        .map_err(|e| format!("dais: {e}"))?;
    let chosen =
        crate::export::select(&agenda, ids).map_err(|e| format!("{}: {e}", source.name()))?;
    Ok(crate::export::ics::calendar(&agenda, &chosen))
}
