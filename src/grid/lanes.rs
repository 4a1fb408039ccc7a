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
    /// How long the words are that every room's name starts with ("Room "
    /// of "Room H.12" and "Room J.13"), in bytes: a lane too narrow for
    /// its name leaves them out, so what tells the rooms apart shows.
    pub shared: usize,
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
        rooms.shared = shared_words(&rooms.names);
        rooms
    }
}

/// How long the whole words are, spaces after them included, that every
/// one of two or more `names` starts with and has more after; 0 if none.
pub fn shared_words(names: &[String]) -> usize {
    let [first, rest @ ..] = names else {
        return 0;
    };
    if rest.is_empty() {
        return 0;
    }
    let mut common = first.len();
    for n in rest {
        common = first
            .bytes()
            .zip(n.bytes())
            .take(common)
            .take_while(|(a, b)| a == b)
            .count();
    }
    // A space is one byte of its own: the cut is between characters.
    let cut = first.as_bytes()[..common]
        .iter()
        .rposition(|&b| b == b' ')
        .map_or(0, |i| i + 1);
    if names
        .iter()
        .all(|n| n.len() > cut && !n[cut..].trim().is_empty())
    {
        cut
    } else {
        0
    }
}
