//! `dais validate`: one line per file, its problems and warnings beneath.

use crate::fetch::Net;
use crate::load::Limits;
use crate::source::Source;
use std::fmt::Write;
use std::path::PathBuf;

/// Checks each file (or URL, fetched through `net`); returns the report
/// and whether every one was valid.
pub fn run(files: &[PathBuf], limits: &Limits, net: &Net) -> (String, bool) {
    let mut out = String::new();
    let mut all_ok = true;
    for file in files {
        let source = Source::named(file);
        let name = source.name();
        match source.open(limits, net) {
            Ok(opened) => {
                let loaded = &opened.loaded;
                let a = &loaded.agenda;
                let _ = write!(
                    out,
                    "{name}: ok: {}, {}, {}",
                    count(a.sessions.len(), "session", "sessions"),
                    count(a.people.len(), "person", "people"),
                    count(a.key_messages.len(), "key message", "key messages"),
                );
                let told: Vec<&String> = opened.offline.iter().chain(&opened.notices).collect();
                let n = loaded.warnings.len() + told.len();
                if n > 0 {
                    let _ = write!(out, ", {}", count(n, "warning", "warnings"));
                }
                out.push('\n');
                for t in told {
                    let _ = writeln!(out, "  warning: {name}: {t}");
                }
                for w in &loaded.warnings {
                    let _ = writeln!(out, "  warning: {}", w.display_in(&name));
                }
            }
            Err(e) => {
                all_ok = false;
                let n = e.problems.len();
                let _ = writeln!(out, "{name}: invalid: {}", count(n, "problem", "problems"));
                for p in &e.problems {
                    let _ = writeln!(out, "  error: {}", p.display_in(&name));
                }
            }
        }
    }
    (out, all_ok)
}

/// "1 session", "7 sessions", "0 people".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
