//! Ids of people, key messages and sessions, to their place: looked up once
//! for every reference a session makes and once for every session, so
//! kept where a lookup finds them in one place (a short id lies in the
//! table itself, not behind a pointer).

use std::collections::HashMap;
use std::collections::hash_map::{Entry, VacantEntry};
use std::hash::{Hash, Hasher};

/// Ids to values.
pub(in crate::load) struct IdMap<V>(HashMap<Key, V, foldhash::fast::RandomState>);

/// Every id given, valid or not, to its index in the model: `None` when the
/// item has errors of its own, so a reference to it is not one more.
pub(in crate::load) type Ids = IdMap<Option<usize>>;

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap(HashMap::default())
    }
}

impl<V> IdMap<V> {
    /// Makes room for `n` more ids.
    pub fn reserve(&mut self, n: usize) {
        self.0.reserve(n);
    }

    /// Whether no id is recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Records `id` with `value`, returning the value it had before.
    pub fn insert(&mut self, id: &str, value: V) -> Option<V> {
        self.0.insert(Key::new(id), value)
    }

    /// A place for `id`'s value, unless `id` was given before.
    pub fn vacant(&mut self, id: &str) -> Option<Vacant<'_, V>> {
        match self.0.entry(Key::new(id)) {
            Entry::Vacant(slot) => Some(Vacant(slot)),
            Entry::Occupied(_) => None,
        }
    }
}

/// A place for the value of an id not given before.
pub(in crate::load) struct Vacant<'a, V>(VacantEntry<'a, Key, V>);

impl<V> Vacant<'_, V> {
    /// Records the id with `value`.
    pub fn insert(self, value: V) {
        self.0.insert(value);
    }
}

impl Ids {
    /// What `id` names.
    pub fn find(&self, id: &str) -> Found {
        match self.0.get(id.as_bytes()) {
            Some(Some(i)) => Found::At(*i),
            Some(None) => Found::Broken,
            None => Found::Nothing,
        }
    }
}

/// What a reference names.
#[derive(Debug, PartialEq, Eq)]
pub(in crate::load) enum Found {
    /// A valid item, at this index in the model.
    At(usize),
    /// An item with errors of its own, or a list that could not be read:
    /// those are reported already.
    Broken,
    /// Nothing at all.
    Nothing,
}

/// The longest id held inline.
const INLINE: usize = 30;

/// An id's bytes, inline when short.
#[derive(Clone)]
pub(in crate::load) enum Key {
    Short { len: u8, bytes: [u8; INLINE] },
    Long(Box<[u8]>),
}

impl Key {
    fn new(id: &str) -> Self {
        let b = id.as_bytes();
        match u8::try_from(b.len()) {
            Ok(len) if b.len() <= INLINE => {
                let mut bytes = [0; INLINE];
                bytes[..b.len()].copy_from_slice(b);
                Key::Short { len, bytes }
            }
            _ => Key::Long(b.into()),
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Key::Short { len, bytes } => &bytes[..usize::from(*len)],
            Key::Long(b) => b,
        }
    }
}

// Hashed and compared as its bytes, so a map of keys can be searched with
// a `&[u8]`.
impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.as_bytes().hash(h);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for Key {}

impl std::borrow::Borrow<[u8]> for Key {
    fn borrow(&self) -> &[u8] {
        self.as_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::{Found, Ids};

    #[test]
    fn short_and_long_ids_are_found_by_their_text() {
        let long = "a-name-far-longer-than-thirty-bytes-0";
        let mut ids = Ids::default();
        ids.insert("ana", Some(0));
        ids.insert(long, None);
        ids.insert("", Some(2));
        assert_eq!(ids.find("ana"), Found::At(0));
        assert_eq!(ids.find(long), Found::Broken);
        assert_eq!(ids.find(""), Found::At(2));
        assert_eq!(ids.find("an"), Found::Nothing);
        assert!(ids.vacant(long).is_none() && ids.vacant("anaa").is_some());
        assert_eq!(ids.find(&long[..30]), Found::Nothing);
    }
}
