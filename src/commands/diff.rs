//! `dais diff OLD NEW`: what changed between two versions of a programme,
//! with the same detector as the screen's changes view.

use crate::agenda::Agenda;
use crate::agenda::changes::{Change, Kind, Tally, detect};
use crate::cli::DiffFormat;
use serde_json::json;
use std::fmt::Write;

/// The changes from `old` to `new`.
pub fn changes(old: &Agenda, new: &Agenda) -> Vec<Change> {
    detect(old, new)
}

/// The changes as `format` writes them: a line each in text (`+` added,
/// `-` removed, `~` the rest), or one JSON object.
pub fn render(changes: &[Change], format: DiffFormat) -> String {
    match format {
        DiffFormat::Text => {
            let mut out = String::new();
            for c in changes {
                let mark = match c.kind {
                    Kind::Added => '+',
                    Kind::Removed => '-',
                    _ => '~',
                };
                let _ = writeln!(out, "{mark} {}", c.text);
            }
            out
        }
        DiffFormat::Json => {
            let t = Tally::of(changes);
            let doc = json!({
                "changes": changes,
                "moved": t.moved,
                "cancelled": t.cancelled,
                "new": t.new,
                "other": t.other,
            });
            let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{changes, render};
    use crate::cli::DiffFormat;

    #[test]
    fn each_change_on_its_line_and_as_json() {
        let old = crate::testing::hearing();
        let mut new = old.clone();
        new.sessions.retain(|s| &*s.id != "panel-4");
        let found = changes(&old, &new);
        assert_eq!(render(&found, DiffFormat::Text), "- Panel 4 removed\n");
        let json: serde_json::Value =
            serde_json::from_str(&render(&found, DiffFormat::Json)).unwrap();
        assert_eq!(json["cancelled"], 1);
        assert_eq!(json["changes"][0]["kind"], "removed");
        assert_eq!(json["changes"][0]["session"], "panel-4");
        assert_eq!(render(&[], DiffFormat::Text), "");
    }
}
