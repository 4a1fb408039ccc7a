//! Arbitrary text through the config parser: it never panics, every
//! problem and warning names the file and is safe to print, and every key
//! it binds is one a terminal can show.

#![no_main]

use dais::config::parse;
use dais::sanitize::is_shown;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let config = parse("c.toml", &text);
    for message in config.problems.iter().chain(&config.warnings) {
        assert!(message.starts_with("c.toml"), "{message:?}");
        assert!(message.chars().all(is_shown), "{message:?}");
    }
    for (key, _) in config.keymap.bindings() {
        let shown = key.to_string();
        assert!(shown.chars().all(is_shown), "{shown:?}");
    }
});
