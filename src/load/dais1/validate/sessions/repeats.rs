//! Whether two sessions built side by side ([`super::strict`]) share an
//! id. Each id's hash is made where the session is built, and the hashes
//! are sorted and compared once every session is in: taking each id into
//! a table as it came cost a miss of the cache for every session, as a
//! table of 100,000 ids is bigger than the cache. Before a session is
//! validated the lax way (which names the session that gave its id
//! first), the ids built so far are taken into the table after all.
//!
//! A repeated id among the sessions built is not reported here: the file
//! is read again the ordinary way, which says where.

use super::Sessions;

/// A session built whose id is not in [`Sessions::ids`] yet.
pub(in crate::load::dais1) struct Unchecked {
    /// Its id's hash.
    pub hash: u64,
    /// Its index in [`Sessions::valid`].
    pub valid: usize,
    /// Its index among all the sessions read.
    pub slot: usize,
}

impl Sessions {
    /// What the ids of sessions built are hashed with, the same for all.
    pub(in crate::load::dais1) fn id_hasher(&self) -> foldhash::fast::RandomState {
        self.id_hasher.clone()
    }

    /// Makes room for `n` more sessions, to be built side by side.
    pub(in crate::load::dais1) fn reserve_built(&mut self, n: usize) {
        self.valid.reserve_exact(n);
        self.slots.reserve_exact(n);
        self.unchecked.reserve_exact(n);
    }

    /// Takes the ids of the sessions built so far into the table, before a
    /// session is validated the lax way: false if one was given before.
    pub(in crate::load::dais1) fn take_ids(&mut self) -> bool {
        let mut unique = true;
        for u in std::mem::take(&mut self.unchecked) {
            unique &= self.ids.insert(&self.valid[u.valid].id, u.slot).is_none();
        }
        unique
    }

    /// Whether no two sessions share an id, once all are in.
    pub(in crate::load::dais1) fn ids_unique(&mut self) -> bool {
        if self.ids.is_empty() {
            self.unchecked.sort_unstable_by_key(|u| u.hash);
            if self.unchecked.windows(2).all(|w| w[0].hash != w[1].hash) {
                self.unchecked.clear();
                return true;
            }
        }
        // Two hashes alike, or ids in the table already: compared whole.
        self.take_ids()
    }
}

#[cfg(test)]
mod tests;
