//! `dais export`: the programme in another tool's format.

use crate::agenda::{Agenda, Session};
use chrono::{DateTime, Datelike, NaiveDateTime, Utc};

/// The agenda's sessions (those with the given ids, or all) as an
/// iCalendar calendar, with an alarm `alarm` minutes before each if given;
/// an unknown id, or a session iCalendar cannot write, is an error naming
/// the file (`name`).
pub fn ics(
    agenda: &Agenda,
    ids: &[String],
    name: &str,
    alarm: Option<u32>,
) -> Result<String, String> {
    let chosen = crate::export::select(agenda, ids).map_err(|e| format!("{name}: {e}"))?;
    for s in &chosen {
        writable(s).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(crate::export::ics::calendar_with_alarms(
        agenda, &chosen, alarm,
    ))
}

/// Whether iCalendar can write `s`'s times: its DATE-TIME has a four-digit
/// year, so both the local times and the UTC instants must fall in the
/// years 0000 to 9999 (an agenda on 9999-12-31 in New York ends in 10000
/// in UTC, say).
fn writable(s: &Session) -> Result<(), String> {
    let local = |t: NaiveDateTime| t.year();
    let utc = |t: DateTime<Utc>| t.year();
    let years = [
        ("starts", local(s.span.local_start), utc(s.span.start)),
        ("ends", local(s.span.local_end), utc(s.span.end)),
    ];
    for (what, local, utc) in years {
        if let Some(year) = [local, utc].into_iter().find(|y| !(0..=9999).contains(y)) {
            return Err(format!(
                "session {} {what} in the year {year}; iCalendar can only write the years 0000 to 9999",
                crate::load::quote(&s.id)
            ));
        }
    }
    Ok(())
}
