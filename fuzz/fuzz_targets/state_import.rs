//! Arbitrary bytes as a `dais state import` backup: reading never panics;
//! a backup that reads imports into a store, and what is exported then
//! reads back and imports again without changing anything.

#![no_main]

use dais::store::{Store, backup};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut skipped = Vec::new();
    let Ok(parsed) = backup::parse(data, &mut skipped) else {
        return;
    };
    let mut store = Store::in_memory();
    backup::import(&mut store, &parsed).expect("a backup that reads imports");
    let once = backup::export(&mut store);
    let mut again_skipped = Vec::new();
    let again = backup::parse(once.as_bytes(), &mut again_skipped).expect("an export reads back");
    assert!(again_skipped.is_empty(), "{again_skipped:?}");
    backup::import(&mut store, &again).expect("an export imports");
    assert_eq!(backup::export(&mut store), once, "importing an export changed the store");
    assert!(store.problems().is_empty(), "{:?}", store.problems());
});
