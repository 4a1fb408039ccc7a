//! Arbitrary bytes after `BEGIN:VCALENDAR` through the loader: the
//! iCalendar reader, with the checks every loader target makes.

#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut doc = b"BEGIN:VCALENDAR\r\n".to_vec();
    doc.extend_from_slice(data);
    check::load(&doc);
});
