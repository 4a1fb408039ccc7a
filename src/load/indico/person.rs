//! Indico's person objects (chairs, conveners, speakers, presenters,
//! authors) as dais people, through the shared
//! [`base::people`](crate::load::base::people) pass: an `email` (else
//! `emailHash`) is one person (as a guid is), `person_id` the file's id
//! (an id naming two names is split, and said), and two
//! people of one name are told apart by their affiliation.

use crate::agenda::{Appearance, Label, Participant, Person, Role};
use crate::load::base::people::{self, Who};
use crate::load::base::problem::Capped;
use crate::sanitize::{Lines, clean};
use serde_json::Value;
use std::collections::HashSet;

/// The people found so far.
#[derive(Debug, Default)]
pub struct Roster {
    people: people::Roster,
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
        let first = text(v, "first_name").or_else(|| text(v, "firstName"));
        let last = text(v, "last_name")
            .or_else(|| text(v, "familyName"))
            .or_else(|| text(v, "lastName"));
        let full = text(v, "fullName").or_else(|| text(v, "name"));
        let (name, titled) = match (first, last, full) {
            // The parts, when given, are the name: CERN's fullName puts the
            // title before the family name ("Mr Koutsakis, Ilias").
            (Some(first), Some(last), full) => {
                let titled = full
                    .and_then(|f| f.strip_suffix(&format!("{last}, {first}")))
                    .map(str::trim)
                    .filter(|t| !t.is_empty() && t.len() <= 12 && !t.contains(','));
                (format!("{first} {last}"), titled)
            }
            // "Smith, Ann" is how Indico writes fullName: read as "Ann Smith".
            (_, _, Some(full)) => match full.split_once(", ") {
                Some((last, first)) if !first.contains(',') => (format!("{first} {last}"), None),
                _ => (full.to_owned(), None),
            },
            (first, last, None) => {
                let joined = [first, last].into_iter().flatten().collect::<Vec<_>>();
                if joined.is_empty() {
                    return None;
                }
                (joined.join(" "), None)
            }
        };
        if name.len() > max {
            return None;
        }
        let name = clean(&name, Lines::Single);
        let affiliation = text(v, "affiliation")
            .filter(|a| a.len() <= max)
            .map(|a| clean(a, Lines::Single));
        let honorific = text(v, "title")
            .filter(|t| t.len() <= 40)
            .or(titled)
            .map(|t| clean(t, Lines::Single));
        // A person's `id` in an export is often the link to one
        // contribution, not the person: only `person_id` is read as theirs.
        let email = text(v, "email")
            .or_else(|| text(v, "emailHash"))
            .map(str::to_lowercase);
        let id = v.get("person_id").and_then(|id| match id {
            Value::String(s) => Some(clean(s, Lines::Single)),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
        let i = self.people.person(Who {
            guid: email.as_deref(),
            id: id.as_deref(),
            name: &name,
            detail: affiliation.as_deref(),
            prefer: None,
        });
        if let Some(p) = self.people.get_mut(i) {
            // One mention gives the title or affiliation, another not: keep it.
            if p.honorific.is_none() {
                p.honorific = honorific.map(Label::from);
            }
            if p.affiliation.is_none() {
                p.affiliation = affiliation.map(Label::from);
            }
        }
        Some(i)
    }

    /// The name of the person at `i`, with their title.
    pub fn display_name(&self, i: usize) -> String {
        self.people
            .get(i)
            .map(crate::agenda::Person::display_name)
            .unwrap_or_default()
    }

    /// The people, saying in `warnings` how many ids were split.
    pub fn finish(self, warnings: &mut Capped) -> Vec<Person> {
        self.people.finish("results", warnings)
    }

    /// Everyone in the array `list`, with `role` (and `capacity`), added to
    /// `out` unless already there in that role: a block's convener who
    /// speaks in it is both its moderator and the talk's speaker.
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
        // A set, not a search of `out` for each: an export of 100,000
        // speakers took seconds before its count was refused.
        let mut there: HashSet<(usize, Role)> = out.iter().map(|p| (p.person, p.role)).collect();
        for v in list {
            if let Some(person) = self.person(v, max)
                && there.insert((person, role))
            {
                out.push(Participant {
                    person,
                    role,
                    appearance: Appearance::InPerson,
                    capacity: capacity.map(Label::from),
                    extensions: crate::agenda::Extensions::default(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Roster;
    use serde_json::json;

    #[test]
    fn a_title_before_the_family_name_in_full_name_is_the_honorific() {
        // As indico.cern.ch writes a chair (2019 export).
        let mut r = Roster::default();
        let v = json!({"fullName": "Mr Koutsakis, Ilias", "first_name": "Ilias",
                       "last_name": "Koutsakis", "affiliation": ""});
        let i = r.person(&v, 1000).unwrap();
        assert_eq!(r.display_name(i), "Mr Ilias Koutsakis");
        let plain = json!({"fullName": "Smith, Ann"});
        let i = r.person(&plain, 1000).unwrap();
        assert_eq!(r.display_name(i), "Ann Smith");
    }
}
