//! Short texts many sessions share ("Morning Meeting", "Saal 1", "Security",
//! "Interactive Q and A"), each stored once for the whole agenda.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A short text many sessions or participants may share: a part, room,
/// track, capacity or format note. It reads as a `str`; clones share the
/// text, and [`Labels`] makes equal texts of one agenda share it.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
// The Box inside the Arc keeps the field one pointer wide (an `Arc<str>`
// is two): it is in every session of a large agenda, most often the same
// few texts.
pub struct Label(Arc<Box<str>>);

impl Label {
    /// The text.
    pub fn as_str(&self) -> &str {
        self
    }
}

impl Deref for Label {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Label {
    fn as_ref(&self) -> &str {
        self
    }
}

// Hash and Eq are those of the text (`Arc` and `Box` pass both through), as
// `Borrow` requires.
impl Borrow<str> for Label {
    fn borrow(&self) -> &str {
        self
    }
}

impl From<&str> for Label {
    fn from(s: &str) -> Self {
        Label(Arc::new(s.into()))
    }
}

impl From<String> for Label {
    fn from(s: String) -> Self {
        Label(Arc::new(s.into_boxed_str()))
    }
}

impl From<&String> for Label {
    fn from(s: &String) -> Self {
        Label::from(s.as_str())
    }
}

impl From<Label> for String {
    fn from(l: Label) -> Self {
        l.as_str().to_owned()
    }
}

impl PartialEq<str> for Label {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Label {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

/// The labels of one agenda as it is built: each text made into a
/// [`Label`] once, and shared by every later use.
#[derive(Debug, Default)]
pub struct Labels(HashSet<Label, foldhash::fast::RandomState>);

impl Labels {
    /// The label for `text`, shared with any made before.
    pub fn get(&mut self, text: &str) -> Label {
        if let Some(l) = self.0.get(text) {
            return l.clone();
        }
        let l = Label::from(text);
        self.0.insert(l.clone());
        l
    }

    /// The label for `text`, shared with any made before; `text`'s buffer
    /// becomes the label's when it is new.
    pub fn take(&mut self, text: String) -> Label {
        if let Some(l) = self.0.get(text.as_str()) {
            return l.clone();
        }
        let l = Label::from(text);
        self.0.insert(l.clone());
        l
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_label() {
        let mut labels = Labels::default();
        let a = labels.get("Morning Meeting");
        let b = labels.take("Morning Meeting".to_owned());
        let c = labels.get("Afternoon Meeting");
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert!(!Arc::ptr_eq(&a.0, &c.0));
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn a_label_reads_prints_and_compares_as_its_text() {
        let l = Label::from("Saal 1");
        assert_eq!(&*l, "Saal 1");
        assert_eq!(l, "Saal 1");
        assert_eq!(format!("{l} {l:?}"), "Saal 1 \"Saal 1\"");
        assert_eq!(Some(l).as_deref(), Some("Saal 1"));
        assert_eq!(std::mem::size_of::<Option<Label>>(), 8);
    }
}
