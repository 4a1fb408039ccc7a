//! `ORGANIZER` and `ATTENDEE` as dais people, through the shared
//! [`base::people`](crate::load::base::people) pass: an address is one
//! person (as a guid is; an address that is no mail address, such as
//! `invalid:nomail`, with its `CN`), a property
//! without one is found by name; the id
//! `export ics` wrote (`urn:x-dais:person:ID`) is kept.

use super::Prop;
use crate::agenda::{Appearance, Label, Participant, Person, Role};
use crate::load::base::people::{self, Who};
use crate::load::base::problem::Capped;
use crate::sanitize::{Lines, clean};

/// The people found so far.
#[derive(Debug, Default)]
pub struct Roster {
    people: people::Roster,
}

impl Roster {
    /// The people, saying in `warnings` how many ids were split.
    pub fn finish(self, warnings: &mut Capped) -> Vec<Person> {
        self.people.finish("VCALENDAR", warnings)
    }

    /// A speaker known only by `name` (a description's "Speaker:" line),
    /// or `None` when the name is empty or over `max` bytes.
    pub fn named(&mut self, name: &str, max: usize) -> Option<Participant> {
        if name.is_empty() || name.len() > max {
            return None;
        }
        let name = clean(name, Lines::Single);
        let person = self.people.person(Who {
            name: &name,
            ..Who::default()
        });
        Some(Participant {
            person,
            role: Role::Speaker,
            appearance: Appearance::default(),
            capacity: None,
            extensions: crate::agenda::Extensions::default(),
        })
    }

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
        // A mail address is one person whatever its CN; a placeholder
        // that many names share ("invalid:nomail", as a published
        // conference feed writes every speaker's) is no one's: with a CN,
        // that address and the name are the person.
        let placeholder = !address.contains('@') && dais_id.is_none();
        let address = match cn {
            Some(_) if placeholder && !address.is_empty() => {
                format!("{}\0{}", address.to_lowercase(), name.to_lowercase())
            }
            _ => address.to_lowercase(),
        };
        let prefer = dais_id
            .filter(|id| id.len() <= max)
            .map(|id| clean(id, Lines::Single));
        let person = self.people.person(Who {
            guid: Some(address.as_str()).filter(|a| !a.is_empty()),
            name: &name,
            prefer: prefer.as_deref(),
            ..Who::default()
        });
        let extra = |key: &str| {
            p.param(key)
                .map(|v| clean(v, Lines::Single))
                .filter(|v| !v.is_empty() && v.len() <= max)
        };
        if let Some(person) = self.people.get_mut(person) {
            if person.honorific.is_none() {
                person.honorific = extra("X-DAIS-HONORIFIC").map(Label::from);
            }
            if person.affiliation.is_none() {
                person.affiliation = extra("X-DAIS-AFFILIATION").map(Label::from);
            }
        }
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
                .filter(|c| !c.is_empty() && c.len() <= max)
                .map(Label::from),
            extensions: crate::agenda::Extensions::default(),
        })
    }
}
