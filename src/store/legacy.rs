//! `state.json`, where dais kept the shift before the database: read once
//! into the database, then renamed `state.json.migrated` (never deleted).

use super::file::read_capped;
use super::id::{self, AgendaKey};
use super::{Store, shift};
use crate::load::file_name;
use rusqlite::TransactionBehavior;
use serde_json::Value;
use std::path::Path;

/// The old file's name, beside the database.
pub const FILE_NAME: &str = "state.json";

/// The largest state.json read (it held a few shifts).
const CAP: u64 = 1 << 20;

/// One shift of the old file: meeting, view, steps.
type Entry = (String, String, Vec<(String, i64)>);

/// Whether a `state.json` beside the database at `db` waits to be
/// migrated.
pub fn waiting(db: &Path) -> bool {
    db.parent()
        .is_some_and(|dir| dir.join(FILE_NAME).symlink_metadata().is_ok())
}

/// Migrates the `state.json` beside the store's file, if there is one.
pub fn migrate(store: &mut Store) {
    let Some(dir) = store.path.parent() else {
        return;
    };
    let old = dir.join(FILE_NAME);
    let name = file_name(&old);
    let bytes = match read_capped(&old, CAP) {
        Ok(Some(b)) => b,
        Ok(None) => return,
        Err(e) => {
            store.note(format!("{e}; it was not migrated"));
            return;
        }
    };
    let mut skipped = Vec::new();
    let entries = match parse(&bytes, &mut skipped) {
        Ok(e) => e,
        Err(e) => {
            store.note(format!("{name}: {e}; it was not migrated"));
            return;
        }
    };
    for s in skipped {
        store.note(format!("{name}: {s}"));
    }
    let renamed = old.with_file_name(format!("{FILE_NAME}.migrated"));
    if let Err(e) = save(store, &entries, &old, &renamed) {
        store.note(format!("{name} was not migrated: {e}"));
    }
}

/// Writes the entries and renames the file in one transaction: the rename
/// happens while the write lock is held, so a second dais starting at
/// the same moment finds no file to migrate again.
fn save(store: &mut Store, entries: &[Entry], old: &Path, renamed: &Path) -> Result<(), String> {
    let tx = store
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| super::describe(&e))?;
    // Another dais may have migrated it while this one waited.
    if !old.exists() {
        return Ok(());
    }
    for (meeting, view, steps) in entries {
        let key = AgendaKey::new(None, meeting.clone());
        let agenda = id::find_or_make(&tx, &key).map_err(|e| super::describe(&e))?;
        for (session, minutes) in steps {
            shift::set(&tx, agenda, view, session, *minutes).map_err(|e| super::describe(&e))?;
        }
    }
    std::fs::rename(old, renamed).map_err(|e| crate::load::io_reason(&e))?;
    if let Err(e) = tx.commit() {
        // Put the file back: it must be migrated next time.
        let _ = std::fs::rename(renamed, old);
        return Err(super::describe(&e));
    }
    Ok(())
}

/// The shifts of the old file: `{"agendas": {IDENTITY: {"shift":
/// [[ID, MINUTES], …]}}}`, where IDENTITY is the meeting, then ` · ` and
/// the view for a room/track view.
fn parse(bytes: &[u8], skipped: &mut Vec<String>) -> Result<Vec<Entry>, String> {
    let v: Value = serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON ({e})"))?;
    let Some(agendas) = v.get("agendas").and_then(Value::as_object) else {
        return Err("no \"agendas\" object".into());
    };
    let mut out = Vec::new();
    for (identity, a) in agendas {
        let Some(steps) = a.get("shift").and_then(Value::as_array) else {
            skipped.push(format!("skipped agenda {identity:?}: no shift list"));
            continue;
        };
        let mut got = Vec::new();
        for (i, step) in steps.iter().enumerate() {
            match step.as_array().map(Vec::as_slice) {
                Some([Value::String(id), m]) => match m.as_i64() {
                    Some(m) if m.abs() <= shift::MAX_MINUTES => got.push((id.clone(), m)),
                    _ => skipped.push(format!(
                        "skipped agendas.{identity:?}.shift[{i}]: minutes out of range"
                    )),
                },
                _ => skipped.push(format!(
                    "skipped agendas.{identity:?}.shift[{i}]: not [id, minutes]"
                )),
            }
        }
        let (meeting, view) = split(identity);
        out.push((meeting.to_owned(), view.to_owned(), got));
    }
    Ok(out)
}

/// Splits an old identity into the meeting and the view label.
fn split(identity: &str) -> (&str, &str) {
    for label in ["room ", "rooms ", "track ", "tracks "] {
        if let Some(at) = identity.find(&format!(" · {label}")) {
            return (&identity[..at], &identity[at + " · ".len()..]);
        }
    }
    (identity, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identity_splits_into_meeting_and_view() {
        assert_eq!(split("2017-06-23 UTC T"), ("2017-06-23 UTC T", ""));
        assert_eq!(
            split("2017-06-23 UTC T · room A · track B"),
            ("2017-06-23 UTC T", "room A · track B")
        );
        assert_eq!(split("d z T · tracks x, y"), ("d z T", "tracks x, y"));
    }

    #[test]
    fn bad_entries_are_skipped_with_a_warning_and_the_rest_kept() {
        let mut skipped = Vec::new();
        let got = parse(
            br#"{"version":1,"agendas":{"m":{"shift":[["a",5],["b","x"],["c",1e30]]},"n":{}}}"#,
            &mut skipped,
        )
        .unwrap();
        assert_eq!(got, [("m".into(), String::new(), vec![("a".into(), 5)])]);
        assert_eq!(skipped.len(), 3, "{skipped:?}");
    }
}
