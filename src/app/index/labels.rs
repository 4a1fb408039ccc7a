//! How the people view names people: by name, and, for two people of one
//! name (a merged schedule's two Anna Schmidts, say), by where they speak:
//! `Anna Schmidt (Hall 2)`.

use crate::agenda::{Agenda, Label};
use std::collections::HashMap;

/// Each person's label: the display name, with the room (else the track)
/// of their first session when another person has the same name, or a
/// number when even that does not tell them apart.
pub fn person_labels(agenda: &Agenda, sessions_of_person: &[Vec<usize>]) -> Vec<String> {
    let names: Vec<String> = agenda
        .people
        .iter()
        .map(crate::agenda::Person::display_name)
        .collect();
    let mut same: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        same.entry(n.to_lowercase()).or_default().push(i);
    }
    let mut labels = names.clone();
    for group in same.values().filter(|g| g.len() > 1) {
        let place = |i: usize| {
            let s = sessions_of_person
                .get(i)
                .and_then(|l| l.first())
                .map(|&s| &agenda.sessions[s])?;
            s.room.as_ref().or(s.track.as_ref())
        };
        let places: Vec<Option<&Label>> = group.iter().map(|&i| place(i)).collect();
        for (n, (&i, p)) in group.iter().zip(&places).enumerate() {
            let unique = p.is_some() && places.iter().filter(|q| *q == p).count() == 1;
            labels[i] = match p {
                Some(p) if unique => format!("{} ({p})", names[i]),
                _ => format!("{} ({})", names[i], n + 1),
            };
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use crate::load::{Limits, load_bytes};

    #[test]
    fn two_people_of_one_name_are_told_apart_by_room() {
        // Two sources of a merged schedule, each with its own Anna Schmidt
        // (same name, different ids, no guid: two people).
        let text = r#"{"schedule": {"version": "t", "conference": {"title": "M",
          "time_zone_name": "Europe/Berlin", "days": [{"date": "2030-12-27", "rooms": {
          "Hall 1": [{"id": 1, "guid": "a", "title": "A", "date": "2030-12-27T10:00:00+01:00",
            "duration": "00:30", "room": "Hall 1", "persons": [{"id": 5, "name": "Anna Schmidt"}]}],
          "Hall 2": [{"id": 2, "guid": "b", "title": "B", "date": "2030-12-27T11:00:00+01:00",
            "duration": "00:30", "room": "Hall 2", "persons": [{"id": 9, "name": "Anna Schmidt"},
            {"id": 3, "name": "Cy"}]}]}}]}}}"#;
        let agenda = load_bytes("m.json", text.as_bytes(), &Limits::default())
            .unwrap()
            .agenda;
        let index = crate::app::index::Index::new(&agenda);
        assert_eq!(
            index.person_labels,
            ["Anna Schmidt (Hall 1)", "Anna Schmidt (Hall 2)", "Cy"]
        );
    }
}
