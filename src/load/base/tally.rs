//! Warnings said once however often an oddity recurs: the first place it
//! was seen, and how many more there were.

use super::problem::Problem;
use std::collections::HashMap;
use std::fmt::Display;

/// Oddities seen so far, by kind, in the order first seen.
#[derive(Debug, Default)]
pub struct Tally {
    index: HashMap<String, usize>,
    items: Vec<Item>,
}

#[derive(Debug)]
struct Item {
    problem: Problem,
    more: usize,
}

impl Tally {
    /// Notes an oddity of kind `key` at `path`; the message is made only
    /// the first time.
    pub fn note(&mut self, key: &str, path: impl Display, message: impl FnOnce() -> String) {
        self.note_problem(key, || Problem::at(path, message()));
    }

    /// Notes an oddity of kind `key`; the problem (with its line and
    /// column, where the format has them) is made only the first time.
    pub fn note_problem(&mut self, key: &str, problem: impl FnOnce() -> Problem) {
        if let Some(&i) = self.index.get(key) {
            self.items[i].more += 1;
            return;
        }
        self.index.insert(key.to_owned(), self.items.len());
        self.items.push(Item {
            problem: problem(),
            more: 0,
        });
    }

    /// One warning per kind, saying how often it recurred.
    pub fn into_warnings(self) -> impl Iterator<Item = Problem> {
        self.items.into_iter().map(|Item { mut problem, more }| {
            match more {
                0 => {}
                1 => problem.message.push_str(" (and once more)"),
                n => problem.message = format!("{} (and {n} more times)", problem.message),
            }
            problem
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Tally;
    use crate::load::base::problem::Path;

    #[test]
    fn one_warning_per_kind_with_a_count() {
        let mut t = Tally::default();
        let root = Path::Root;
        for i in 0..3 {
            t.note("a", root.index(i), || format!("odd {i}"));
        }
        t.note("b", root.key("x"), || "other".into());
        let w: Vec<_> = t.into_warnings().collect();
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].path, "[0]");
        assert_eq!(w[0].message, "odd 0 (and 2 more times)");
        assert_eq!(w[1].message, "other");
    }

    #[test]
    fn a_problem_keeps_its_line_and_column() {
        let mut t = Tally::default();
        for line in [3, 9] {
            t.note_problem("a", || {
                let mut p = crate::load::base::problem::Problem::at("VEVENT", "odd");
                p.position = Some((line, 1));
                p
            });
        }
        let w: Vec<_> = t.into_warnings().collect();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].position, Some((3, 1)));
        assert_eq!(w[0].message, "odd (and once more)");
    }
}
