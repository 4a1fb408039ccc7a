//! `--room` and `--track`: an agenda cut down to the sessions in some rooms
//! or tracks, for following one room of a conference.

use super::{Agenda, Session};

/// Which sessions to keep: those in any of `rooms` (all, if none are
/// named) and in any of `tracks` (likewise). Names match whatever their
/// case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionFilter {
    rooms: Vec<String>,
    tracks: Vec<String>,
}

impl SessionFilter {
    /// A filter on these rooms and tracks.
    pub fn new(rooms: &[String], tracks: &[String]) -> Self {
        SessionFilter {
            rooms: rooms.to_vec(),
            tracks: tracks.to_vec(),
        }
    }

    /// Whether it keeps everything.
    pub fn is_empty(&self) -> bool {
        self.rooms.is_empty() && self.tracks.is_empty()
    }

    /// What it keeps, in words, with the names spelt as `agenda` spells
    /// them: "room Saal 1", "rooms A, B · track Art".
    pub fn label_in(&self, agenda: &Agenda) -> Option<String> {
        let part = |one: &str, many: &str, names: &[String], of: Of| {
            let spelt: Vec<&str> = names
                .iter()
                .map(|n| {
                    agenda
                        .sessions
                        .iter()
                        .filter_map(of)
                        .find(|v| same(n, v))
                        .unwrap_or(n)
                })
                .collect();
            match spelt.as_slice() {
                [] => None,
                [name] => Some(format!("{one} {name}")),
                names => Some(format!("{many} {}", names.join(", "))),
            }
        };
        let parts: Vec<String> = [
            part("room", "rooms", &self.rooms, room),
            part("track", "tracks", &self.tracks, track),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// Whether `s` is kept.
    fn keeps(&self, s: &Session) -> bool {
        let any = |names: &[String], value: Option<&str>| {
            names.is_empty() || value.is_some_and(|v| names.iter().any(|n| same(n, v)))
        };
        any(&self.rooms, s.room.as_deref()) && any(&self.tracks, s.track.as_deref())
    }

    /// The agenda with only the sessions kept and the people in them (key
    /// messages all stay: they are the meeting's, not a room's). Fails,
    /// naming what there is, if a name matches no session or nothing is
    /// left.
    pub fn apply(&self, mut agenda: Agenda) -> Result<Agenda, String> {
        if self.is_empty() {
            return Ok(agenda);
        }
        for (what, names, of) in [
            ("room", &self.rooms, room as Of),
            ("track", &self.tracks, track),
        ] {
            if names.is_empty() {
                continue;
            }
            let there: Vec<&str> = unique(agenda.sessions.iter().filter_map(of));
            if let Some(missing) = names.iter().find(|n| !there.iter().any(|t| same(n, t))) {
                let missing = crate::sanitize::echoed(missing);
                return Err(if there.is_empty() {
                    format!("--{what} {missing}: no session has a {what}")
                } else {
                    format!(
                        "--{what} {missing}: no session is in that {what}; there are: {}",
                        listed(&there)
                    )
                });
            }
        }
        agenda.sessions.retain(|s| self.keeps(s));
        if agenda.sessions.is_empty() {
            return Err(format!(
                "{}: no session is in all of these",
                self.label_in(&agenda).unwrap_or_default()
            ));
        }
        keep_people_in_sessions(&mut agenda);
        Ok(agenda)
    }
}

/// Where a session says its room or track.
type Of = fn(&Session) -> Option<&str>;

fn room(s: &Session) -> Option<&str> {
    s.room.as_deref()
}

fn track(s: &Session) -> Option<&str> {
    s.track.as_deref()
}

/// Two names are the same whatever their case.
fn same(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// Up to a dozen names, then how many more.
fn listed(names: &[&str]) -> String {
    const SHOWN: usize = 12;
    let shown: Vec<&str> = names.iter().take(SHOWN).copied().collect();
    match names.len().checked_sub(SHOWN).filter(|&more| more > 0) {
        Some(more) => format!("{}, and {more} more", shown.join(", ")),
        None => shown.join(", "),
    }
}

/// The distinct values, in order of first appearance.
fn unique<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = std::collections::HashSet::new();
    values.filter(|v| seen.insert(*v)).collect()
}

/// Drops the people no session names, renumbering the rest in order.
pub(super) fn keep_people_in_sessions(agenda: &mut Agenda) {
    let mut used = vec![false; agenda.people.len()];
    for p in agenda.sessions.iter().flat_map(|s| &s.participants) {
        used[p.person] = true;
    }
    let mut new_index = vec![usize::MAX; used.len()];
    let mut next = 0;
    for (old, &keep) in used.iter().enumerate() {
        if keep {
            new_index[old] = next;
            next += 1;
        }
    }
    let mut used = used.into_iter();
    agenda.people.retain(|_| used.next().unwrap_or(false));
    for p in agenda.sessions.iter_mut().flat_map(|s| &mut s.participants) {
        p.person = new_index[p.person];
    }
}

#[cfg(test)]
mod tests {
    use super::SessionFilter;
    use crate::agenda::Agenda;
    use crate::load::{Limits, load_bytes};

    /// Two rooms, two tracks, three people: Ada in A only, Bo in B only,
    /// Cy in both.
    fn conference() -> Agenda {
        let json = r#"{"format": "dais/1",
          "event": {"title": "Con", "date": "2024-12-27", "timezone": "Europe/Berlin"},
          "people": {"ada": {"name": "Ada"}, "bo": {"name": "Bo"}, "cy": {"name": "Cy"}},
          "sessions": [
            {"id": "a1", "title": "A1", "kind": "other", "start": "10:00", "end": "11:00",
             "room": "Saal A", "track": "Art",
             "participants": [{"person": "ada", "role": "speaker"},
                              {"person": "cy", "role": "speaker"}]},
            {"id": "b1", "title": "B1", "kind": "other", "start": "10:00", "end": "11:00",
             "room": "Saal B", "track": "Security",
             "participants": [{"person": "bo", "role": "speaker"}]},
            {"id": "a2", "title": "A2", "kind": "other", "start": "11:00", "end": "12:00",
             "room": "Saal A", "track": "Security",
             "participants": [{"person": "cy", "role": "speaker"}]}]}"#;
        load_bytes("con.json", json.as_bytes(), &Limits::default())
            .unwrap()
            .agenda
    }

    fn filter(rooms: &[&str], tracks: &[&str]) -> SessionFilter {
        let own = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        SessionFilter::new(&own(rooms), &own(tracks))
    }

    fn ids(agenda: &Agenda) -> Vec<&str> {
        agenda.sessions.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn a_room_keeps_its_sessions_and_their_people() {
        let kept = filter(&["saal a"], &[]).apply(conference()).unwrap();
        assert_eq!(ids(&kept), ["a1", "a2"]);
        // Bo speaks only in B: gone, and the rest renumbered to match.
        let names: Vec<&str> = kept.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Ada", "Cy"]);
        let speakers: Vec<&str> = kept
            .sessions
            .iter()
            .flat_map(|s| &s.participants)
            .map(|p| kept.person(p).name.as_str())
            .collect();
        assert_eq!(speakers, ["Ada", "Cy", "Cy"]);
        assert_eq!(kept.key_messages, conference().key_messages);
    }

    #[test]
    fn rooms_add_up_and_a_track_narrows() {
        let both = filter(&["Saal A", "Saal B"], &[])
            .apply(conference())
            .unwrap();
        assert_eq!(ids(&both), ["a1", "b1", "a2"]);
        let narrowed = filter(&["Saal A"], &["SECURITY"])
            .apply(conference())
            .unwrap();
        assert_eq!(ids(&narrowed), ["a2"]);
        let none = filter(&[], &[]).apply(conference()).unwrap();
        assert_eq!(none, conference());
    }

    #[test]
    fn the_label_spells_names_as_the_file_does() {
        let f = filter(&["saal a", "saal b"], &["art"]);
        assert_eq!(
            f.label_in(&conference()).as_deref(),
            Some("rooms Saal A, Saal B · track Art")
        );
        assert_eq!(filter(&[], &[]).label_in(&conference()), None);
    }

    #[test]
    fn a_name_no_session_has_says_what_there_is() {
        let e = filter(&["Saal C"], &[]).apply(conference()).unwrap_err();
        assert_eq!(
            e,
            "--room Saal C: no session is in that room; there are: Saal A, Saal B"
        );
        let e = filter(&["Saal B"], &["Art"])
            .apply(conference())
            .unwrap_err();
        assert_eq!(e, "room Saal B · track Art: no session is in all of these");
        let hearing = crate::testing::hearing();
        let e = filter(&[], &["Art"]).apply(hearing).unwrap_err();
        assert_eq!(e, "--track Art: no session has a track");
    }

    #[test]
    fn a_long_list_of_rooms_is_cut() {
        let names: Vec<String> = (1..=15).map(|i| format!("R{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(
            super::listed(&refs),
            "R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, and 3 more"
        );
        assert_eq!(super::listed(&refs[..2]), "R1, R2");
    }
}
