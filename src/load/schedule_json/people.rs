//! Everyone named in a schedule, as dais people: one person per id (or
//! name), with an id made from the name.

use super::mapping::role_of;
use super::raw::{RawEvent, RawPerson};
use crate::agenda::{Appearance, Participant, Person, Role};
use crate::load::base::ctx::Ctx;
use crate::load::base::lax::Lax;
use crate::load::base::problem::{Path, quote};
use crate::load::base::tally::Tally;
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
    /// schedule2's `schedule.persons`: guid to name, for participant
    /// entries that give only a guid.
    names: HashMap<String, String>,
}

impl Roster {
    /// A roster that knows the names in schedule2's `schedule.persons`.
    pub fn new(cx: &mut Ctx<'_>, at: Path<'_>, persons: Option<&Lax<Vec<Lax<RawPerson>>>>) -> Self {
        let mut roster = Roster::default();
        let Some(list) = cx.get(at, "persons", persons, false, "an array") else {
            return roster;
        };
        let here = at.key("persons");
        for (i, p) in list.iter().enumerate() {
            let Some(p) = cx.lax(here.index(i), p, "an object") else {
                continue;
            };
            let guid = cx.text(here.index(i), "guid", p.guid.as_ref(), false, Lines::Single);
            if let (Some(guid), Some(name)) = (guid, name(cx, here.index(i), p)) {
                roster.names.entry(guid).or_insert(name);
            }
        }
        roster
    }

    /// The event's `persons` (version 1, speakers unless a role is given)
    /// and `participants` (schedule2), in that order, each person once.
    pub fn participants(
        &mut self,
        cx: &mut Ctx<'_>,
        tally: &mut Tally,
        at: Path<'_>,
        event: &RawEvent,
    ) -> Vec<Participant> {
        let mut out: Vec<Participant> = Vec::new();
        for (key, field) in [
            ("persons", &event.persons),
            ("participants", &event.participants),
        ] {
            let Some(list) = cx.get(at, key, field.as_ref(), false, "an array") else {
                continue;
            };
            let here = at.key(key);
            if !cx.count(here, list.len(), cx.limits.max_participants, "people") {
                continue;
            }
            for (i, p) in list.iter().enumerate() {
                let Some(p) = cx.lax(here.index(i), p, "an object") else {
                    continue;
                };
                if let Some(p) = self.participant(cx, tally, here.index(i), p)
                    && !out.iter().any(|q| q.person == p.person)
                {
                    out.push(p);
                }
            }
        }
        out
    }

    fn participant(
        &mut self,
        cx: &mut Ctx<'_>,
        tally: &mut Tally,
        at: Path<'_>,
        p: &RawPerson,
    ) -> Option<Participant> {
        let guid = cx.text(at, "guid", p.guid.as_ref(), false, Lines::Single);
        let id = cx
            .get(at, "id", p.id.as_ref(), false, "a number or a string")
            .map(|id| clean(&id.text(), Lines::Single));
        let code = cx.text(at, "code", p.code.as_ref(), false, Lines::Single);
        let name =
            name(cx, at, p).or_else(|| guid.as_ref().and_then(|g| self.names.get(g).cloned()));
        let (role, capacity) = role(cx, tally, at, p);
        let Some(name) = name else {
            tally.note("nameless person", at, || {
                "a person with neither `name` nor `public_name`; left out".to_owned()
            });
            return None;
        };
        let key = match (guid, id, code) {
            (Some(g), _, _) => format!("guid {g}"),
            (None, Some(id), _) => format!("id {id}"),
            (None, None, Some(code)) => format!("code {code}"),
            (None, None, None) => format!("name {name}"),
        };
        let person = if let Some(&i) = self.by_key.get(&key) {
            i
        } else {
            let i = self.add(name);
            self.by_key.insert(key, i);
            i
        };
        Some(Participant {
            person,
            role,
            appearance: Appearance::InPerson,
            capacity,
        })
    }

    /// Adds a person with an id made from the name, unique in the roster.
    fn add(&mut self, name: String) -> usize {
        let base = Some(slugify(&name))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "person".to_owned());
        let mut id = base.clone();
        let mut n = 1;
        while self.ids.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.ids.insert(id.clone());
        self.people.push(Person {
            id,
            name,
            honorific: None,
            affiliation: None,
        });
        self.people.len() - 1
    }
}

/// `name`, else version 1's `public_name`; sanitized, never empty.
fn name(cx: &mut Ctx<'_>, at: Path<'_>, p: &RawPerson) -> Option<String> {
    let name = cx.text(at, "name", p.name.as_ref(), false, Lines::Single);
    let public = cx.text(
        at,
        "public_name",
        p.public_name.as_ref(),
        false,
        Lines::Single,
    );
    name.into_iter()
        .chain(public)
        .map(|n| n.trim().to_owned())
        .find(|n| !n.is_empty())
}

/// The participant's role and capacity (see [`super::mapping`]).
fn role(
    cx: &mut Ctx<'_>,
    tally: &mut Tally,
    at: Path<'_>,
    p: &RawPerson,
) -> (Role, Option<String>) {
    let Some(word) = cx.text(at, "role", p.role.as_ref(), false, Lines::Single) else {
        return (Role::Speaker, None);
    };
    if let Some((role, capacity)) = role_of(&word) {
        return (role, capacity.map(str::to_owned));
    }
    let capacity = word.trim().to_lowercase();
    tally.note(&format!("role {word}"), at.key("role"), || {
        format!(
            "unknown role {}; read as a speaker with the capacity {}",
            quote(&word),
            quote(&capacity)
        )
    });
    (Role::Speaker, Some(capacity))
}
