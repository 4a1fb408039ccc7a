//! What every loader target checks: no panic, an error says what is wrong,
//! nothing from the input reaches a terminal unsafe, and a loaded agenda
//! survives being written out and read back.

use dais::cli::ListFormat;
use dais::commands::list::{Styling, render};
use dais::load::{Limits, Problem, load_bytes};
use dais::sanitize::is_unsafe;

fn assert_printable(p: &Problem) {
    assert!(!p.message.trim().is_empty(), "empty message: {p:?}");
    let shown = p.display_in("fuzz").to_string();
    assert!(!shown.chars().any(is_unsafe), "unsafe problem: {shown:?}");
}

/// Loads `data` and checks the outcome.
pub fn load(data: &[u8]) {
    let limits = Limits::default();
    match load_bytes("fuzz", data, &limits) {
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
}
