//! Arbitrary bytes after `<schedule>` through the loader: the schedule.xml
//! reader, with the checks every loader target makes.

#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut doc = b"<schedule>".to_vec();
    doc.extend_from_slice(data);
    check::load(&doc);
});
