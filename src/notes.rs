//! The user's notes on sessions: what was written, when (by the clock
//! on screen), against which session, and which key messages and people
//! it links. Kept in the store (`store::notes`), shown in the session pane
//! and the notes view, and written out by `dais notes`.

use chrono::{DateTime, Utc};

pub mod edit;
pub mod tags;

/// A note as the store holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Its row in the store: unique, and in the order notes were saved.
    pub id: i64,
    /// The session's id.
    pub session: String,
    /// The session's title when the note was written: a session later
    /// removed from the agenda is still named by it.
    pub session_title: String,
    /// The stamp: the clock's time when it was written (the rehearsal
    /// clock's, if one runs).
    pub at: DateTime<Utc>,
    /// What was written.
    pub text: String,
    /// The ids of the key messages it links (`#3`, `#km-id`).
    pub messages: Vec<String>,
    /// The ids of the people it links (`@Buck`).
    pub people: Vec<String>,
}

/// A note to be saved: a [`Note`] without its row id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNote {
    /// The session's id.
    pub session: String,
    /// The session's title now.
    pub session_title: String,
    /// The stamp.
    pub at: DateTime<Utc>,
    /// What was written.
    pub text: String,
    /// The ids of the key messages it links.
    pub messages: Vec<String>,
    /// The ids of the people it links.
    pub people: Vec<String>,
}

impl Note {
    /// The note without its row id.
    pub fn to_new(&self) -> NewNote {
        NewNote {
            session: self.session.clone(),
            session_title: self.session_title.clone(),
            at: self.at,
            text: self.text.clone(),
            messages: self.messages.clone(),
            people: self.people.clone(),
        }
    }
}

/// Every note of an agenda, in time order (stamp, then the order they
/// were saved).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    all: Vec<Note>,
}

impl Notes {
    /// Notes in any order, sorted.
    pub fn new(mut all: Vec<Note>) -> Notes {
        all.sort_by_key(|n| (n.at, n.id));
        Notes { all }
    }

    /// Every note in time order.
    pub fn all(&self) -> &[Note] {
        &self.all
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.all.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// The notes on session `id`, oldest first.
    pub fn of_session<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Note> + 'a {
        self.all.iter().filter(move |n| n.session == id)
    }

    /// The notes linking key message `id`, in time order.
    pub fn of_message<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Note> + 'a {
        self.all
            .iter()
            .filter(move |n| n.messages.iter().any(|m| m == id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: i64, session: &str, minute: u32) -> Note {
        use chrono::TimeZone;
        Note {
            id,
            session: session.into(),
            session_title: session.to_uppercase(),
            at: Utc.with_ymd_and_hms(2017, 6, 23, 11, minute, 0).unwrap(),
            text: format!("note {id}"),
            messages: if id % 2 == 0 {
                vec!["km-1".into()]
            } else {
                vec![]
            },
            people: vec![],
        }
    }

    #[test]
    fn notes_are_in_stamp_order_then_saving_order() {
        let notes = Notes::new(vec![note(3, "a", 5), note(1, "b", 5), note(2, "a", 1)]);
        let ids: Vec<i64> = notes.all().iter().map(|n| n.id).collect();
        assert_eq!(ids, [2, 1, 3]);
        let of_a: Vec<i64> = notes.of_session("a").map(|n| n.id).collect();
        assert_eq!(of_a, [2, 3]);
        let of_km: Vec<i64> = notes.of_message("km-1").map(|n| n.id).collect();
        assert_eq!(of_km, [2]);
        assert_eq!(notes.all()[0].to_new().text, "note 2");
    }
}
