//! Everyone named in a schedule, as dais people, through the shared
//! [`base::people`](crate::load::base::people) pass (ids that name several
//! people split, id `0` read as no id).

use super::mapping::role_of;
use super::raw::{RawEvent, RawPerson};
use crate::agenda::{Appearance, Label, Participant, Person, Role};
use crate::load::base::ctx::Ctx;
use crate::load::base::lax::Lax;
use crate::load::base::people::{self, Who};
use crate::load::base::problem::Capped;
use crate::load::base::problem::{Path, quote};
use crate::load::base::tally::Tally;
use crate::sanitize::{Lines, clean};
use std::collections::HashMap;

/// The people found so far.
#[derive(Debug, Default)]
pub struct Roster {
    people: people::Roster,
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
        let person = self.people.person(Who {
            guid: guid.as_deref(),
            id: id.as_deref().or(code.as_deref()),
            name: &name,
            ..Who::default()
        });
        Some(Participant {
            person,
            role,
            appearance: Appearance::InPerson,
            capacity: capacity.map(Label::from),
            extensions: crate::agenda::Extensions::default(),
        })
    }

    /// How many people so far.
    pub fn len(&self) -> usize {
        self.people.len()
    }

    /// The people, saying in `warnings` how many ids were split.
    pub fn finish(self, warnings: &mut Capped) -> Vec<Person> {
        self.people.finish("schedule", warnings)
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
