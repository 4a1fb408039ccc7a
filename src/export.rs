//! Writing an agenda for other tools.

pub mod ics;

use crate::agenda::{Agenda, Session};
use crate::load::quote;

/// The sessions named by `ids`, in programme order; every session when
/// `ids` is empty. An id that names no session is an error listing the
/// ids there are.
pub fn select<'a>(agenda: &'a Agenda, ids: &[String]) -> Result<Vec<&'a Session>, String> {
    if ids.is_empty() {
        return Ok(agenda.sessions.iter().collect());
    }
    if let Some(missing) = ids
        .iter()
        .find(|id| !agenda.sessions.iter().any(|s| &*s.id == id.as_str()))
    {
        const SHOWN: usize = 20;
        let known: Vec<String> = agenda
            .sessions
            .iter()
            .take(SHOWN)
            .map(|s| quote(&s.id))
            .collect();
        let more = if agenda.sessions.len() > SHOWN {
            ", …"
        } else {
            ""
        };
        return Err(format!(
            "no session with id {}; the ids are {}{more}",
            quote(missing),
            known.join(", ")
        ));
    }
    Ok(agenda
        .sessions
        .iter()
        .filter(|s| ids.iter().any(|id| **id == *s.id))
        .collect())
}
