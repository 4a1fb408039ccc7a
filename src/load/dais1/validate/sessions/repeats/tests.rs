use super::Sessions;
use crate::load::{BUNDLED, Limits, load_bytes};

/// Sessions built with these ids, each hash given.
fn built(ids: &[(&str, u64)]) -> Sessions {
    let mut s = Sessions::default();
    let bundled = load_bytes("b.json", BUNDLED.as_bytes(), &Limits::default()).expect("bundled");
    let any = &bundled.agenda.sessions[0];
    for (i, &(id, hash)) in ids.iter().enumerate() {
        s.unchecked.push(hash, i, i);
        let mut session = any.clone();
        session.id = id.into();
        s.valid.push(session);
    }
    s
}

#[test]
fn ids_alike_only_in_their_hash_are_told_apart() {
    assert!(built(&[("a", 7), ("b", 7), ("c", 8)]).ids_unique());
    assert!(!built(&[("a", 7), ("b", 8), ("a", 7)]).ids_unique());
    assert!(built(&[("a", 1), ("b", 2)]).ids_unique());
}

#[test]
fn ids_taken_into_the_table_meet_those_given_the_lax_way() {
    let mut s = built(&[("a", 1), ("b", 2)]);
    assert!(s.take_ids() && s.unchecked.hashes.is_empty());
    // One more built, its id in the table (at `valid[1]`, "b").
    s.unchecked.push(3, 1, 2);
    assert!(!s.take_ids());
    assert!(s.ids_unique(), "nothing left unchecked");
}
