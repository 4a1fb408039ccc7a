//! Warnings said once however often an oddity recurs: the first place it
//! was seen, and how many more there were.

use super::problem::{Path, Problem};
use std::collections::HashMap;

/// Oddities seen so far, by kind, in the order first seen.
#[derive(Debug, Default)]
pub struct Tally {
    index: HashMap<String, usize>,
    items: Vec<Item>,
}

#[derive(Debug)]
struct Item {
    path: String,
    message: String,
    more: usize,
}

impl Tally {
    /// Notes an oddity of kind `key` at `path`; the message is made only
    /// the first time.
    pub fn note(&mut self, key: &str, path: Path<'_>, message: impl FnOnce() -> String) {
        if let Some(&i) = self.index.get(key) {
            self.items[i].more += 1;
            return;
        }
        self.index.insert(key.to_owned(), self.items.len());
        self.items.push(Item {
            path: path.to_string(),
            message: message(),
            more: 0,
        });
    }

    /// One warning per kind, saying how often it recurred.
    pub fn into_warnings(self) -> impl Iterator<Item = Problem> {
        self.items.into_iter().map(|item| {
            let message = match item.more {
                0 => item.message,
                1 => format!("{} (and once more)", item.message),
                n => format!("{} (and {n} more times)", item.message),
            };
            Problem::at(item.path, message)
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
}
