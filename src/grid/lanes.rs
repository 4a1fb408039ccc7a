//! Which lane each session goes in: the rooms in the order the programme
//! gives them (first use), and the tracks, for colours.

use crate::agenda::Agenda;
use std::collections::HashMap;

/// The rooms and tracks of an agenda, numbered in order of first use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rooms {
    /// Each lane's name: a room, or for sessions with none the venue (when
    /// no session names a room) or "(no room)".
    pub names: Vec<String>,
    /// Each session's room, an index in `names`.
    pub of_session: Vec<usize>,
    /// The tracks, in order of first use.
    pub tracks: Vec<String>,
    /// Each session's track, an index in `tracks`.
    pub track_of: Vec<Option<usize>>,
}

impl Rooms {
    /// The rooms and tracks of `agenda`.
    pub fn new(agenda: &Agenda) -> Rooms {
        let none = if agenda.sessions.iter().all(|s| s.room.is_none()) {
            agenda
                .event
                .venue
                .as_deref()
                .and_then(|v| v.split(',').next())
                .map_or("Programme", str::trim)
                .to_owned()
        } else {
            "(no room)".to_owned()
        };
        let mut rooms = Rooms::default();
        let mut room_ix: HashMap<&str, usize> = HashMap::new();
        let mut track_ix: HashMap<&str, usize> = HashMap::new();
        for s in &agenda.sessions {
            let name = s.room.as_deref().unwrap_or(none.as_str());
            let r = *room_ix.entry(name).or_insert_with(|| {
                rooms.names.push(name.to_owned());
                rooms.names.len() - 1
            });
            rooms.of_session.push(r);
            let t = s.track.as_deref().map(|t| {
                *track_ix.entry(t).or_insert_with(|| {
                    rooms.tracks.push(t.to_owned());
                    rooms.tracks.len() - 1
                })
            });
            rooms.track_of.push(t);
        }
        rooms
    }
}
