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

/// The sessions built whose ids are not in [`Sessions::ids`] yet: those
/// built since the ids were last taken into the table, which lie side by
/// side in [`Sessions::valid`] and among the slots (a session validated the
/// lax way takes the ids in first).
#[derive(Default)]
pub(in crate::load::dais1) struct Unchecked {
    /// Their ids' hashes, one a session.
    hashes: Vec<u64>,
    /// Where the first of them is in [`Sessions::valid`].
    valid: usize,
    /// Where the first of them is among all the sessions read.
    slot: usize,
}

impl Unchecked {
    /// Adds the session at `valid` in [`Sessions::valid`] and `slot` among
    /// those read, its id hashed to `hash`: the next after those in.
    pub(in crate::load::dais1) fn push(&mut self, hash: u64, valid: usize, slot: usize) {
        if self.hashes.is_empty() {
            (self.valid, self.slot) = (valid, slot);
        }
        debug_assert_eq!(
            (valid, slot),
            (
                self.valid + self.hashes.len(),
                self.slot + self.hashes.len()
            )
        );
        self.hashes.push(hash);
    }
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
        self.unchecked.hashes.reserve_exact(n);
    }

    /// Takes the ids of the sessions built so far into the table, before a
    /// session is validated the lax way: false if one was given before.
    pub(in crate::load::dais1) fn take_ids(&mut self) -> bool {
        let Unchecked {
            hashes,
            valid,
            slot,
        } = std::mem::take(&mut self.unchecked);
        let mut unique = true;
        for k in 0..hashes.len() {
            unique &= self
                .ids
                .insert(&self.valid[valid + k].id, slot + k)
                .is_none();
        }
        unique
    }

    /// Whether no two sessions share an id, once all are in.
    pub(in crate::load::dais1) fn ids_unique(&mut self) -> bool {
        if self.ids.is_empty() {
            // Sorted where they lie: which session each is, is told by
            // where the sessions lie, not by the hashes.
            let hashes = &mut self.unchecked.hashes;
            hashes.sort_unstable();
            if hashes.windows(2).all(|w| w[0] != w[1]) {
                self.unchecked = Unchecked::default();
                return true;
            }
        }
        // Two hashes alike, or ids in the table already: compared whole.
        self.take_ids()
    }
}

#[cfg(test)]
mod tests;
