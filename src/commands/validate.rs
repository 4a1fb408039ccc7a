//! `dais validate`: one line per file, its problems and warnings beneath.

use crate::load::Limits;
use crate::source::Source;
use std::fmt::Write;
use std::path::PathBuf;

/// Checks each file; returns the report and whether every file was valid.
pub fn run(files: &[PathBuf], limits: &Limits) -> (String, bool) {
    let mut out = String::new();
    let mut all_ok = true;
    for file in files {
        let source = Source::File(file.clone());
        let name = source.name();
        match source.load(limits) {
            Ok(loaded) => {
                let a = &loaded.agenda;
                let _ = write!(
                    out,
                    "{name}: ok: {} sessions, {} people, {} key messages",
                    a.sessions.len(),
                    a.people.len(),
                    a.key_messages.len()
                );
                let n = loaded.warnings.len();
                if n > 0 {
                    let _ = write!(out, ", {n} warning{}", if n == 1 { "" } else { "s" });
                }
                out.push('\n');
                for w in &loaded.warnings {
                    let _ = writeln!(out, "  warning: {}", w.display_in(&name));
                }
            }
            Err(e) => {
                all_ok = false;
                let n = e.problems.len();
                let _ = writeln!(
                    out,
                    "{name}: invalid: {n} problem{}",
                    if n == 1 { "" } else { "s" }
                );
                for p in &e.problems {
                    let _ = writeln!(out, "  error: {}", p.display_in(&name));
                }
            }
        }
    }
    (out, all_ok)
}
