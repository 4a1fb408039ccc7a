//! What is wrong with a file, and where: JSON paths and line/column.

use std::fmt;

/// One error or warning about an agenda file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The JSON path of the offending value (`sessions[3].end`); empty for
    /// the whole document.
    pub path: String,
    /// Line and column (1-based), where known (malformed JSON).
    pub position: Option<(usize, usize)>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Problem {
    /// A problem at a JSON path.
    pub fn at(path: impl fmt::Display, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_string(),
            position: None,
            message: message.into(),
        }
    }

    /// Formats the problem for a file: `file:line:col: path: message`.
    pub fn display_in<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        struct D<'a>(&'a Problem, &'a str);
        impl fmt::Display for D<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let (p, file) = (self.0, self.1);
                f.write_str(file)?;
                if let Some((line, col)) = p.position {
                    write!(f, ":{line}:{col}")?;
                }
                if !p.path.is_empty() {
                    write!(f, ": {}", p.path)?;
                }
                write!(f, ": {}", p.message)
            }
        }
        D(self, file)
    }
}

/// Problems as they are found, keeping the first `max` and only counting
/// the rest, so a file with millions of mistakes costs no more memory (or
/// output) than one with a thousand.
#[derive(Debug, Clone)]
pub struct Capped {
    list: Vec<Problem>,
    more: usize,
    max: usize,
}

impl Capped {
    /// An empty list that keeps at most `max` problems (at least one, so a
    /// problem is never lost entirely).
    pub fn new(max: usize) -> Self {
        Capped {
            list: Vec::new(),
            more: 0,
            max: max.max(1),
        }
    }

    /// Adds a problem, or counts it if the list is full.
    pub fn push(&mut self, p: Problem) {
        if self.list.len() < self.max {
            self.list.push(p);
        } else {
            self.more += 1;
        }
    }

    /// Whether no problem was found, kept or not.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty() && self.more == 0
    }

    /// Adds another list's problems and count.
    pub fn extend(&mut self, other: Capped) {
        self.more += other.more;
        other.list.into_iter().for_each(|p| self.push(p));
    }

    /// Changes each listed problem (another format's paths, say).
    pub fn for_each_mut(&mut self, f: impl FnMut(&mut Problem)) {
        self.list.iter_mut().for_each(f);
    }

    /// Adds each problem of `problems`.
    pub fn extend_from(&mut self, problems: impl IntoIterator<Item = Problem>) {
        problems.into_iter().for_each(|p| self.push(p));
    }

    /// Keeps only the listed problems `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&Problem) -> bool) {
        self.list.retain(keep);
    }

    /// Sorts the listed problems by `key`, stably.
    pub fn sort_by_key<K: Ord>(&mut self, key: impl FnMut(&Problem) -> K) {
        self.list.sort_by_key(key);
    }

    /// The problems kept, then one saying how many more there were of
    /// `what` ("errors", "warnings"), if any.
    pub fn into_vec(mut self, what: &str) -> Vec<Problem> {
        if self.more > 0 {
            let message = format!(
                "{} more {what} not listed (dais lists at most {})",
                self.more, self.max
            );
            self.list.push(Problem::at("", message));
        }
        self.list
    }
}

/// A JSON path built on the stack as the validator descends, rendered only
/// when a problem needs it.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    /// The document.
    Root,
    /// A key of an object.
    Key(&'a Path<'a>, &'a str),
    /// An element of an array.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of `key` inside this object.
    #[must_use]
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The path of element `i` of this array.
    #[must_use]
    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }

    /// How many keys and indices lead here: an array or object at this
    /// path opens nesting level `depth() + 1`.
    pub fn depth(&self) -> usize {
        match self {
            Path::Root => 0,
            Path::Key(parent, _) | Path::Index(parent, _) => parent.depth() + 1,
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
            Path::Key(parent, key) => {
                let plain = !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                match (matches!(parent, Path::Root), plain) {
                    (true, true) => f.write_str(key),
                    (false, true) => write!(f, "{parent}.{key}"),
                    // An untrusted key is shown escaped, never raw.
                    (_, false) => write!(f, "{parent}[{}]", quote(key)),
                }
            }
        }
    }
}

pub use crate::sanitize::{echoed, quote};

#[cfg(test)]
mod tests {
    use super::{Capped, Path, Problem, quote};

    #[test]
    fn paths_render_like_json_paths() {
        let root = Path::Root;
        let sessions = root.key("sessions");
        let third = sessions.index(3);
        assert_eq!(third.key("end").to_string(), "sessions[3].end");
        assert_eq!((root.depth(), third.key("end").depth()), (0, 3));
        let people = root.key("people");
        assert_eq!(people.key("kay-buck").to_string(), "people.kay-buck");
        assert_eq!(
            people.key("a b\u{1b}").to_string(),
            r#"people["a b\u001b"]"#
        );
    }

    #[test]
    fn problems_name_file_position_and_path() {
        let mut p = Problem::at("sessions[1].end", "ends before it starts");
        assert_eq!(
            p.display_in("a.json").to_string(),
            "a.json: sessions[1].end: ends before it starts"
        );
        p.position = Some((4, 9));
        assert_eq!(
            p.display_in("a.json").to_string(),
            "a.json:4:9: sessions[1].end: ends before it starts"
        );
    }

    #[test]
    fn capped_lists_keep_the_first_and_count_the_rest() {
        let mut c = Capped::new(2);
        assert!(c.is_empty());
        for i in 0..5 {
            c.push(Problem::at(format!("p{i}"), "bad"));
        }
        let mut other = Capped::new(2);
        other.push(Problem::at("q", "bad"));
        c.extend(other);
        let v = c.into_vec("errors");
        let paths: Vec<&str> = v.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["p0", "p1", ""]);
        assert_eq!(
            v[2].message,
            "4 more errors not listed (dais lists at most 2)"
        );
        // A limit of 0 still keeps one, so a bad file cannot pass as good.
        let mut zero = Capped::new(0);
        zero.push(Problem::at("a", "bad"));
        assert!(!zero.is_empty());
        assert_eq!(zero.into_vec("errors").len(), 1);
    }

    #[test]
    fn quote_escapes_controls() {
        assert_eq!(quote("a\"\u{202e}"), r#""a\"\u202e""#);
    }
}
