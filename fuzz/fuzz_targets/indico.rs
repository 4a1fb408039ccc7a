//! Arbitrary bytes as the value of `results` in a JSON object: the Indico
//! reader, with the checks every loader target makes.

#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut doc = b"{\"results\": ".to_vec();
    doc.extend_from_slice(data);
    doc.push(b'}');
    check::load(&doc);
});
