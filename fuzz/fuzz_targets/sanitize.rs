//! Arbitrary text through `sanitize::clean`: no unsafe or invisible
//! character survives (a line break only where lines are kept), and
//! cleaning is idempotent.

#![no_main]

use dais::sanitize::{Lines, clean, is_shown};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    for lines in [Lines::Single, Lines::Multi] {
        let out = clean(&s, lines);
        let kept_break = |c: char| c == '\n' && lines == Lines::Multi;
        assert!(
            out.chars().all(|c| is_shown(c) || kept_break(c)),
            "{lines:?}: {out:?}"
        );
        assert_eq!(clean(&out, lines), out, "not idempotent ({lines:?})");
    }
});
