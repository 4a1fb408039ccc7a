//! `dais export`: the programme in another tool's format.

use crate::agenda::Agenda;

/// The agenda's sessions (those with the given ids, or all) as an
/// iCalendar calendar, with an alarm `alarm` minutes before each if given;
/// an unknown id is an error naming the file (`name`).
pub fn ics(
    agenda: &Agenda,
    ids: &[String],
    name: &str,
    alarm: Option<u32>,
) -> Result<String, String> {
    let chosen = crate::export::select(agenda, ids).map_err(|e| format!("{name}: {e}"))?;
    Ok(crate::export::ics::calendar_with_alarms(
        agenda, &chosen, alarm,
    ))
}
