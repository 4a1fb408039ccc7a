//! `ORGANIZER` and `ATTENDEE` as dais people: one person per address (else
//! name), with an id made from the name.

use super::Prop;
use crate::agenda::{Appearance, Participant, Person, Role};
use crate::sanitize::{Lines, clean};
use crate::slug::slugify;
use std::collections::{HashMap, HashSet};

/// The people found so far.
#[derive(Debug, Default)]
pub struct Roster {
    /// In order of first appearance.
    pub people: Vec<Person>,
    by_key: HashMap<String, usize>,
    ids: HashSet<String>,
}

impl Roster {
    /// The participant a property names, or `None` when it names no one.
    pub fn participant(&mut self, p: &Prop, max: usize) -> Option<Participant> {
        let address = p.value.trim();
        let address = address
            .strip_prefix("mailto:")
            .or_else(|| address.strip_prefix("MAILTO:"))
            .unwrap_or(address);
        let cn = p.param("CN").map(str::trim).filter(|s| !s.is_empty());
        let dais_id = address.strip_prefix("urn:x-dais:person:");
        let name = cn.or(dais_id).unwrap_or(address);
        if name.is_empty() || name.len() > max {
            return None;
        }
        let name = clean(name, Lines::Single);
        let key = if address.is_empty() {
            name.to_lowercase()
        } else {
            address.to_lowercase()
        };
        let person = if let Some(&i) = self.by_key.get(&key) {
            i
        } else {
            let wanted = dais_id.map_or_else(|| slugify(&name), |id| clean(id, Lines::Single));
            let id = self.free_id(if wanted.is_empty() { "person" } else { &wanted });
            let extra = |key: &str| {
                p.param(key)
                    .map(|v| clean(v, Lines::Single))
                    .filter(|v| !v.is_empty() && v.len() <= max)
            };
            self.people.push(Person {
                id,
                name,
                honorific: extra("X-DAIS-HONORIFIC"),
                affiliation: extra("X-DAIS-AFFILIATION"),
                extensions: crate::agenda::Extensions::default(),
            });
            self.by_key.insert(key, self.people.len() - 1);
            self.people.len() - 1
        };
        let role = match p.param("X-DAIS-ROLE").and_then(Role::parse) {
            Some(role) => role,
            None if p.name == "ORGANIZER" => Role::Chair,
            None if p
                .param("ROLE")
                .is_some_and(|r| r.eq_ignore_ascii_case("CHAIR")) =>
            {
                Role::Chair
            }
            None => Role::Speaker,
        };
        Some(Participant {
            person,
            role,
            appearance: p
                .param("X-DAIS-APPEARANCE")
                .and_then(Appearance::parse)
                .unwrap_or_default(),
            capacity: p
                .param("X-DAIS-CAPACITY")
                .map(|c| clean(c, Lines::Single))
                .filter(|c| !c.is_empty() && c.len() <= max),
            extensions: crate::agenda::Extensions::default(),
        })
    }

    /// `want`, or `want-2`, `want-3`… if taken.
    fn free_id(&mut self, want: &str) -> String {
        let mut id = want.to_owned();
        let mut n = 1;
        while self.ids.contains(&id) {
            n += 1;
            id = format!("{want}-{n}");
        }
        self.ids.insert(id.clone());
        id
    }
}
