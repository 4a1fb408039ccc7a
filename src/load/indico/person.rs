//! Indico's person objects (chairs, conveners, speakers, presenters,
//! authors) as dais people: one person per name and affiliation.

use crate::agenda::{Appearance, Participant, Person, Role};
use crate::sanitize::{Lines, clean};
use crate::slug::slugify;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// The people found so far.
#[derive(Debug, Default)]
pub struct Roster {
    /// In order of first appearance.
    pub people: Vec<Person>,
    by_key: HashMap<(String, String), usize>,
    ids: HashSet<String>,
}

/// A text field of an object, trimmed; `None` if absent, not a string or
/// empty.
pub fn text<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key)?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

impl Roster {
    /// The person an Indico person object names, added if new; `None` if it
    /// names no one (or a name over `max` bytes).
    pub fn person(&mut self, v: &Value, max: usize) -> Option<usize> {
        let joined;
        let name = if let Some(n) = text(v, "fullName").or_else(|| text(v, "name")) {
            n
        } else {
            let first = text(v, "first_name").or_else(|| text(v, "firstName"));
            let last = text(v, "last_name")
                .or_else(|| text(v, "familyName"))
                .or_else(|| text(v, "lastName"));
            joined = [first, last]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            if joined.is_empty() {
                return None;
            }
            &joined
        };
        if name.len() > max {
            return None;
        }
        // "Smith, Ann" is how Indico writes fullName: read as "Ann Smith".
        let name = match name.split_once(", ") {
            Some((last, first)) if !first.contains(',') => format!("{first} {last}"),
            _ => name.to_owned(),
        };
        let name = clean(&name, Lines::Single);
        let affiliation = text(v, "affiliation")
            .filter(|a| a.len() <= max)
            .map(|a| clean(a, Lines::Single));
        let honorific = text(v, "title")
            .filter(|t| t.len() <= 40)
            .map(|t| clean(t, Lines::Single));
        let key = (
            name.to_lowercase(),
            affiliation.clone().unwrap_or_default().to_lowercase(),
        );
        if let Some(&i) = self.by_key.get(&key) {
            // One mention gives the title, another not: keep it.
            if self.people[i].honorific.is_none() {
                self.people[i].honorific = honorific;
            }
            return Some(i);
        }
        let want = slugify(&name);
        let want = if want.is_empty() {
            "person".to_owned()
        } else {
            want
        };
        let mut id = want.clone();
        let mut n = 1;
        while self.ids.contains(&id) {
            n += 1;
            id = format!("{want}-{n}");
        }
        self.ids.insert(id.clone());
        self.people.push(Person {
            id,
            name,
            honorific,
            affiliation,
            extensions: crate::agenda::Extensions::default(),
        });
        self.by_key.insert(key, self.people.len() - 1);
        Some(self.people.len() - 1)
    }

    /// Everyone in the array `list`, with `role` (and `capacity`), added to
    /// `out` unless already there.
    pub fn add_all(
        &mut self,
        out: &mut Vec<Participant>,
        list: Option<&Value>,
        role: Role,
        capacity: Option<&str>,
        max: usize,
    ) {
        let Some(list) = list.and_then(Value::as_array) else {
            return;
        };
        for v in list {
            if let Some(person) = self.person(v, max)
                && !out.iter().any(|p| p.person == person)
            {
                out.push(Participant {
                    person,
                    role,
                    appearance: Appearance::InPerson,
                    capacity: capacity.map(str::to_owned),
                    extensions: crate::agenda::Extensions::default(),
                });
            }
        }
    }
}
