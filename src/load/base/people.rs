//! Who is who in a published programme: the one pass every importer runs
//! to turn the people its format names into dais people.
//!
//! Published files break their own id rules. A merged schedule (a main
//! programme plus self-organised stages) numbers each source's people from
//! its own 1, so one id can name many people, and `0` stands for hundreds.
//! So, within one file:
//!
//! - a `guid` (where the format has one) is one person, whatever id or
//!   name comes with it;
//! - an id that comes with different names is different people: the first
//!   name keeps it, each other name is another person (the id is "split",
//!   and [`Roster::finish`] says once how many were);
//! - an id of `0`, empty or missing is no id: the person is found by name
//!   (the first person of that name, whatever their id);
//! - the same name under different ids, with no guid to join them, stays
//!   different people.
//!
//! dais ids are made from the name (`ada-lovelace`); a second person whose
//! name makes the same id gets one from the name and the file's id
//! (`ada-lovelace-17`), else a number (`ada-lovelace-2`). Neither depends on
//! other people's names, so ids stay the same across reloads of a file
//! that changes elsewhere, and what is kept by person id (stars, notes)
//! keeps working.

use super::problem::{Capped, Problem};
use crate::agenda::Person;
use crate::slug::slugify;
use std::collections::{HashMap, HashSet};

/// What a format says about one person where it names them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Who<'a> {
    /// A globally unique id (`guid`), if the format has one.
    pub guid: Option<&'a str>,
    /// The file's id for them (`id`, `code`, an address), if any.
    pub id: Option<&'a str>,
    /// Their name as shown, sanitized and not empty.
    pub name: &'a str,
    /// What else tells two people of one name apart when no guid or id
    /// does (Indico's affiliation): two people of one name with different
    /// details are two people.
    pub detail: Option<&'a str>,
    /// The dais id the file asks for (iCalendar's `urn:x-dais:person:ID`,
    /// which `dais export ics` writes, so people keep their ids through a
    /// round trip); used unless another person has it already.
    pub prefer: Option<&'a str>,
}

/// Whether `id` is a `dais/1` person id: lowercase letters a-z, digits
/// and '-', not empty.
pub fn is_person_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The people found so far.
#[derive(Debug, Default)]
pub struct Roster {
    /// In order of first appearance.
    people: Vec<Person>,
    by_guid: HashMap<String, usize>,
    /// The people who came with a guid: another guid of the same name is
    /// someone else.
    guided: HashSet<usize>,
    /// The file's id to the people who came with it, by name key.
    by_id: HashMap<String, Vec<(String, usize)>>,
    /// The first person of each name (its key).
    by_name: HashMap<String, usize>,
    /// dais ids taken.
    ids: HashSet<String>,
    /// The file's ids that named more than one person.
    split: HashSet<String>,
}

/// Names compared as people would: trimmed, case and runs of spaces
/// ignored.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `id` stands for no id at all.
fn no_id(id: &str) -> bool {
    let id = id.trim();
    id.is_empty() || id == "0"
}

impl Roster {
    /// How many people so far.
    pub fn len(&self) -> usize {
        self.people.len()
    }

    /// Whether no one is named yet.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// The index in the people of the person `who` names, added if new.
    pub fn person(&mut self, who: Who<'_>) -> usize {
        let mut key = name_key(who.name);
        if let Some(detail) = who.detail.map(name_key).filter(|d| !d.is_empty()) {
            key = format!("{key}\u{1f}{detail}");
        }
        let guid = who.guid.map(str::trim).filter(|g| !g.is_empty());
        if let Some(&i) = guid.and_then(|g| self.by_guid.get(g)) {
            return i;
        }
        let id = who.id.map(str::trim).filter(|id| !no_id(id));
        let found = match id {
            Some(id) => self.by_id.get(id).and_then(|named| {
                named
                    .iter()
                    .find_map(|(k, i)| (*k == key).then_some(*i))
                    .or_else(|| {
                        self.split.insert(id.to_owned());
                        None
                    })
            }),
            // Same name alone: one person, unless both came with guids
            // (which differ, or the guid would have found them).
            None => self
                .by_name
                .get(&key)
                .copied()
                .filter(|i| guid.is_none() || !self.guided.contains(i)),
        };
        let i = found.unwrap_or_else(|| self.add(who.name, id, who.prefer));
        if let Some(g) = guid {
            self.by_guid.insert(g.to_owned(), i);
            self.guided.insert(i);
        }
        if let Some(id) = id {
            let named = self.by_id.entry(id.to_owned()).or_default();
            if !named.iter().any(|(k, _)| *k == key) {
                named.push((key.clone(), i));
            }
        }
        self.by_name.entry(key).or_insert(i);
        i
    }

    /// The person at `i`, as found so far.
    pub fn get(&self, i: usize) -> Option<&Person> {
        self.people.get(i)
    }

    /// The person at `i` (as [`Roster::person`] gave it), to fill in what
    /// the format knows beyond the name (an affiliation, a title).
    pub fn get_mut(&mut self, i: usize) -> Option<&mut Person> {
        self.people.get_mut(i)
    }

    /// Adds a person named `name`, with the id the file prefers, else one
    /// made from the name (and the file's `id` if the name's is taken).
    fn add(&mut self, name: &str, id: Option<&str>, prefer: Option<&str>) -> usize {
        // An id the file asks for that dais/1 could not write is not used.
        let base = prefer
            .map(str::trim)
            .filter(|p| is_person_id(p))
            .map_or_else(|| slugify(name), str::to_owned);
        let base = Some(base)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "person".to_owned());
        let from_id = id
            .map(slugify)
            .filter(|s| !s.is_empty())
            .map(|s| format!("{base}-{s}"));
        let mut candidates = std::iter::once(base.clone())
            .chain(from_id)
            .chain((2u64..).map(|n| format!("{base}-{n}")));
        let id = candidates
            .find(|c| !self.ids.contains(c))
            .unwrap_or_default();
        self.ids.insert(id.clone());
        self.people.push(Person {
            id: id.into(),
            name: name.into(),
            honorific: None,
            affiliation: None,
            extensions: crate::agenda::Extensions::default(),
        });
        self.people.len() - 1
    }

    /// The people, and one warning (at `path`) if any id was split.
    pub fn finish(self, path: &str, warnings: &mut Capped) -> Vec<Person> {
        let n = self.split.len();
        if n > 0 {
            let ids = if n == 1 {
                "1 person id names".to_owned()
            } else {
                format!("{n} person ids name")
            };
            warnings.push(Problem::at(
                path,
                format!(
                    "{ids} more than one person (as in schedules merged from several \
                     sources); each name is read as its own person"
                ),
            ));
        }
        self.people
    }
}

#[cfg(test)]
mod tests {
    use super::{Roster, Who};
    use crate::load::base::problem::Capped;

    fn who<'a>(guid: Option<&'a str>, id: Option<&'a str>, name: &'a str) -> Who<'a> {
        Who {
            guid,
            id,
            name,
            ..Who::default()
        }
    }

    #[test]
    fn one_name_with_two_guids_is_two_people() {
        // As `export ics` writes two people of one name: each her own urn.
        let mut r = Roster::default();
        let a = r.person(who(Some("urn:a"), None, "Grace Hopper"));
        let b = r.person(who(Some("urn:b"), None, "Grace Hopper"));
        let again = r.person(who(Some("urn:b"), None, "Grace Hopper"));
        // A name with no guid is still the first of that name.
        let plain = r.person(who(None, None, "Grace Hopper"));
        assert_ne!(a, b);
        assert_eq!(b, again);
        assert_eq!(plain, a);
    }

    #[test]
    fn a_preferred_id_is_kept_and_a_detail_tells_names_apart() {
        let mut r = Roster::default();
        let a = r.person(Who {
            name: "Ann Smith",
            prefer: Some("chair-1"),
            ..Who::default()
        });
        let b = r.person(Who {
            name: "Ann Smith",
            detail: Some("CERN"),
            ..Who::default()
        });
        let c = r.person(Who {
            name: "Ann Smith",
            detail: Some("cern"),
            prefer: Some("chair-1"),
            ..Who::default()
        });
        assert_ne!(a, b);
        assert_eq!(b, c, "the detail is compared as names are");
        let people = r.finish("", &mut Capped::new(10));
        assert_eq!(people[a].id, "chair-1");
        assert_eq!(people[b].id, "ann-smith");
    }

    #[test]
    fn an_id_with_two_names_is_two_people() {
        let mut r = Roster::default();
        let ada = r.person(who(None, Some("1"), "Ada Lovelace"));
        let bob = r.person(who(None, Some("1"), "Bob"));
        assert_ne!(ada, bob);
        assert_eq!(r.person(who(None, Some("1"), "ada  lovelace")), ada);
        assert_eq!(r.person(who(None, Some("1"), "Bob")), bob);
        let mut w = Capped::new(10);
        let people = r.finish("", &mut w);
        assert_eq!(people.len(), 2);
        let w = w.into_vec("warnings");
        assert_eq!(w.len(), 1);
        assert!(
            w[0].message.starts_with("1 person id names more than one"),
            "{w:?}"
        );
    }

    #[test]
    fn id_0_or_none_is_found_by_name() {
        let mut r = Roster::default();
        let ada = r.person(who(None, Some("0"), "Ada"));
        let bob = r.person(who(None, Some("0"), "Bob"));
        assert_ne!(ada, bob);
        assert_eq!(r.person(who(None, None, "Ada")), ada);
        assert_eq!(r.person(who(None, Some(" "), "Bob")), bob);
        let mut w = Capped::new(10);
        r.finish("", &mut w);
        assert!(w.is_empty(), "no id was split");
    }

    #[test]
    fn a_guid_joins_ids_and_the_same_name_alone_does_not() {
        let mut r = Roster::default();
        let a = r.person(who(Some("g-1"), Some("1"), "Ada"));
        assert_eq!(r.person(who(Some("g-1"), Some("7"), "Ada")), a);
        let other = r.person(who(None, Some("9"), "Ada"));
        assert_ne!(other, a);
        let people = r.finish("", &mut Capped::new(10));
        assert_eq!(people[a].id, "ada");
        assert_eq!(people[other].id, "ada-9", "made from the name and the id");
    }

    #[test]
    fn ids_do_not_depend_on_the_order_of_other_names() {
        let ids = |names: &[(&str, &str)]| {
            let mut r = Roster::default();
            for (id, name) in names {
                r.person(who(None, Some(id), name));
            }
            let people = r.finish("", &mut Capped::new(10));
            let mut ids: Vec<(String, String)> = people
                .into_iter()
                .map(|p| (p.name.into(), p.id.into()))
                .collect();
            ids.sort();
            ids
        };
        assert_eq!(
            ids(&[("1", "Ada"), ("2", "Bob"), ("3", "Cy")]),
            ids(&[("3", "Cy"), ("1", "Ada"), ("2", "Bob")])
        );
    }
}
