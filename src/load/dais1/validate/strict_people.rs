//! `people` read the strict way ([`crate::load::dais1::strict`]), taken
//! into the model when every one of them is valid as they stand.

use super::{Ids, Validator};
use crate::agenda::{Extensions, Labels, Person};
use crate::load::base::limits::Limits;
use crate::load::dais1::raw::Word;
use crate::load::dais1::strict::{StrictPeople, StrictPerson};
use crate::sanitize::{Lines, clean_cow};
use std::borrow::Cow;
use std::thread::JoinHandle;

impl Validator<'_> {
    /// Takes in `people`, read the strict way, when the lax validator would
    /// say nothing of any of them (no error, no warning) and no `people`
    /// was read before: true. False, with nothing changed, when they are
    /// to be read and validated the lax way. `admitted` is their checks,
    /// when they were made already as the people were read; else they are
    /// made here.
    pub fn strict_people(&mut self, people: StrictPeople, admitted: Option<Admitting<'_>>) -> bool {
        let StrictPeople(people) = people;
        if !self.people.is_empty() || self.people_built.0.is_some() {
            return false;
        }
        let admitting = admitted.unwrap_or_else(|| {
            let mut admitting = Admitting::new(self.cx.limits);
            admitting.reserve(people.len());
            admitting.admit(&people);
            admitting
        });
        let Some(ids) = admitting.done() else {
            return false;
        };
        // The people themselves are not needed until the end: built on a
        // thread of their own while the sessions are read (they need only
        // the ids). With no thread to be had, the people are read the lax
        // way.
        let Ok(built) = std::thread::Builder::new()
            .name("dais-people".into())
            .spawn(move || build(people))
        else {
            return false;
        };
        self.people_built = Building(Some(built));
        self.person_ids = ids;
        true
    }
}

/// People read the strict way being checked and their ids taken into a
/// table, a block at a time: all of them valid as they stand and no id
/// given twice, or the lax validator is to read them.
pub(in crate::load::dais1) struct Admitting<'l> {
    limits: &'l Limits,
    ids: Ids,
    /// How many were admitted.
    count: usize,
    /// Whether all were, so far.
    fine: bool,
}

impl<'l> Admitting<'l> {
    /// None admitted yet.
    pub fn new(limits: &'l Limits) -> Self {
        Admitting {
            limits,
            ids: Ids::default(),
            count: 0,
            fine: true,
        }
    }

    /// Makes room for `n` more ids.
    pub fn reserve(&mut self, n: usize) {
        self.ids.reserve(n);
    }

    /// Checks the next people, `block`, and takes their ids in; past one
    /// that is not fine, the rest are not looked at.
    pub fn admit(&mut self, block: &[(Word, StrictPerson)]) {
        let max = self.limits.max_string;
        let within = |t: &Option<Word>| t.as_ref().is_none_or(|t| t.len() <= max);
        let fine = |(id, p): &(Word, StrictPerson)| {
            !id.is_empty()
                && id.len() <= max
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && p.name.len() <= max
                && !p.name.trim().is_empty()
                && within(&p.honorific.0)
                && within(&p.affiliation.0)
        };
        if !self.fine {
            return;
        }
        for entry in block {
            // A second use of an id is the lax validator's to report.
            let admitted = fine(entry)
                && self.count < self.limits.max_items
                && match self.ids.vacant(&entry.0) {
                    Some(slot) => {
                        slot.insert(Some(self.count));
                        true
                    }
                    None => false,
                };
            if !admitted {
                self.fine = false;
                return;
            }
            self.count += 1;
        }
    }

    /// The ids' table, if every one admitted was fine.
    pub fn done(self) -> Option<Ids> {
        self.fine.then_some(self.ids)
    }
}

/// People being built on a thread of their own. Dropped unjoined (the
/// load gave up), it waits for the thread: nothing of a load outlives it.
#[derive(Default)]
pub(super) struct Building(Option<JoinHandle<Vec<Person>>>);

impl Building {
    /// The people, once built; `None` if none were being built.
    pub(super) fn join(mut self) -> Option<Vec<Person>> {
        let built = self.0.take()?.join();
        // A panic in building them is a panic in loading.
        Some(built.unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    }
}

impl Drop for Building {
    fn drop(&mut self) {
        if let Some(thread) = self.0.take() {
            // What it built is not wanted; a panic in it was the load's,
            // which gave up anyway.
            let _ = thread.join();
        }
    }
}

/// The people, their texts sanitized as the lax validator does.
fn build(people: Vec<(Word, StrictPerson)>) -> Vec<Person> {
    // Honorifics and affiliations, each text kept once.
    let mut labels = Labels::default();
    let mut label = |t: Option<Word>| t.map(|t| labels.get(&clean_cow(&t, Lines::Single)));
    let mut out = Vec::with_capacity(people.len());
    for (id, p) in people {
        out.push(Person {
            id,
            name: match clean_cow(&p.name, Lines::Single) {
                Cow::Borrowed(_) => p.name,
                Cow::Owned(clean) => clean.into(),
            },
            honorific: label(p.honorific.0),
            affiliation: label(p.affiliation.0),
            extensions: Extensions::default(),
        });
    }
    out
}
