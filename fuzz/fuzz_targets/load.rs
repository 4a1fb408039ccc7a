//! Arbitrary bytes through the loader: it must never panic, an error must
//! say what is wrong, nothing from the input may reach a terminal unsafe,
//! and a loaded agenda must survive being written out and read back.

#![no_main]

use dais::cli::ListFormat;
use dais::commands::list::{Styling, render};
use dais::load::{Limits, Problem, load_bytes};
use dais::sanitize::is_unsafe;
use libfuzzer_sys::fuzz_target;

fn assert_printable(p: &Problem) {
    assert!(!p.message.trim().is_empty(), "empty message: {p:?}");
    let shown = p.display_in("fuzz.json").to_string();
    assert!(!shown.chars().any(is_unsafe), "unsafe problem: {shown:?}");
}

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    match load_bytes("fuzz.json", data, &limits) {
        Err(e) => {
            assert!(!e.problems.is_empty(), "an error with no problem");
            e.problems.iter().for_each(assert_printable);
        }
        Ok(loaded) => {
            loaded.warnings.iter().for_each(assert_printable);
            for format in [ListFormat::Text, ListFormat::Markdown] {
                let out = render(&loaded.agenda, format, Styling::Plain);
                assert!(
                    !out.chars().any(|c| c != '\n' && is_unsafe(c)),
                    "unsafe output: {out:?}"
                );
            }
            let json = dais::write::to_json(&loaded.agenda);
            let again = load_bytes("again.json", json.as_bytes(), &limits)
                .unwrap_or_else(|e| panic!("written agenda does not load: {e}\n{json}"));
            assert_eq!(again.agenda, loaded.agenda, "round trip changed the agenda");
        }
    }
});
