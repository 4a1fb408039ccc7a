//! Live reload against the real binary in a pseudo-terminal: the agenda
//! file is rewritten while dais shows it, and the screen follows.

#![cfg(unix)]

use crate::support::pty;

use pty::{Dais, write_in_place, write_then_rename};
use std::path::{Path, PathBuf};

const HEARING: &str = include_str!("../../../data/hearing-2017-06-23.json");
const DOWN: &str = "\x1b[B";

/// The hearing with one piece of text replaced (which must be there).
fn edited(from: &str, to: &str) -> String {
    assert!(HEARING.contains(from), "{from:?} not in the hearing");
    HEARING.replacen(from, to, 1)
}

/// Panel 3 moved a quarter of an hour later.
fn panel_3_later() -> String {
    edited("\"start\": \"15:00\"", "\"start\": \"15:15\"")
}

/// A directory holding the hearing as `agenda.json`, and dais showing it.
fn open_hearing() -> (tempfile::TempDir, PathBuf, Dais) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("agenda.json");
    write_in_place(&path, HEARING);
    let mut d = Dais::spawn(&[arg(&path)]);
    d.wait_for("┏ Programme · 7 sessions");
    d.wait_for(" 15:00-16:25 ");
    (dir, path, d)
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temp path")
}

#[test]
fn a_file_rewritten_in_place_is_shown_with_what_changed() {
    let (_dir, path, mut d) = open_hearing();
    write_in_place(&path, &panel_3_later());
    d.wait_for("Updated: Panel 3 moved from 15:00 to 15:15");
    d.wait_for(" 15:15-16:25 ");
    d.wait_gone(" 15:00-16:25 ");
}

#[test]
fn a_file_replaced_by_rename_is_shown_with_what_changed() {
    let (_dir, path, mut d) = open_hearing();
    let renamed = edited(
        "Panel 4: Effective prosecution of trafficking in persons",
        "Panel 4: Renamed by an editor",
    );
    write_then_rename(&path, &renamed);
    d.wait_for("Updated: Panel 4 renamed to “Panel 4: Renamed by an editor”");
    d.wait_for("● Panel 4: Renamed by");
    // And again: the new file is watched as well as the first.
    write_then_rename(&path, &panel_3_later());
    // Two changes; the second does not fit the line, so it is counted.
    d.wait_for("Updated: Panel 3 moved from 15:00 to 15:15; …and 1 more change");
    d.wait_for("● Panel 4: Effective pr");
}

#[test]
fn an_invalid_file_keeps_the_last_good_agenda_until_fixed() {
    let (_dir, path, mut d) = open_hearing();
    // Caught half-written, as a reader may see a file being saved.
    write_in_place(&path, &HEARING[..HEARING.len() / 2]);
    d.wait_for("Still showing the last good agenda: agenda.json:");
    d.wait_for("malformed JSON: the file ends early");
    d.wait_for("┏ Programme · 7 sessions");
    d.wait_for(" 15:00-16:25 ");
    d.wait_for("Panel 1: A Human-rights-based, survivor-centred");
    // The banner stays until a later save fixes the file.
    d.send(DOWN);
    d.wait_for("Panel 2: Trafficking in Persons in armed conflict");
    assert!(d.screen().contains("Still showing the last good agenda:"));
    write_then_rename(&path, &panel_3_later());
    d.wait_for("Updated: Panel 3 moved from 15:00 to 15:15");
    d.wait_gone("Still showing");
}

#[test]
fn a_deleted_file_keeps_the_agenda_and_is_picked_up_again() {
    let (_dir, path, mut d) = open_hearing();
    std::fs::remove_file(&path).expect("delete the agenda");
    d.wait_for("agenda file deleted; showing the last good version");
    d.wait_for(" 15:00-16:25 ");
    write_in_place(&path, &panel_3_later());
    d.wait_for("Updated: Panel 3 moved from 15:00 to 15:15");
    d.wait_for(" 15:15-16:25 ");
}

#[test]
fn a_reload_keeps_the_selection_and_the_shift() {
    let (_dir, path, mut d) = open_hearing();
    // Running 5 minutes late from Panel 1 on; Panel 2 selected.
    d.send("+");
    d.wait_for("10:35-11:50 (10:30)");
    d.send(DOWN);
    d.wait_for("Panel 2: Trafficking in Persons in armed conflict");
    write_in_place(&path, &panel_3_later());
    d.wait_for("Updated: Panel 3 moved from 15:00 to 15:15");
    d.wait_for("15:20-16:30 (15:15)");
    d.wait_for("10:35-11:50 (10:30)");
    d.wait_for("Panel 2: Trafficking in Persons in armed conflict");
}

#[test]
fn r_reloads_by_hand() {
    let (_dir, _path, mut d) = open_hearing();
    d.send("r");
    d.wait_for("Reloaded: no changes");
}

#[test]
fn the_bundled_agenda_is_not_reloaded() {
    let mut d = Dais::spawn(&[]);
    d.wait_for("┏ Programme");
    d.send("r");
    d.wait_for("The bundled agenda is built in; there is no file to reload.");
}

/// A schedule naming no zone, in a directory, and dais showing it.
fn open_zoneless() -> (tempfile::TempDir, PathBuf, Dais, String) {
    let text = crate::support::harness::fixture_text("schedule-json/offsets-dst.json");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dst.json");
    write_in_place(&path, &text);
    let mut d = Dais::spawn(&[arg(&path)]);
    d.wait_for("dst.json: the schedule names no zone; each time is shown at the offset printed");
    d.wait_for("11:00-12:00");
    (dir, path, d, text)
}

#[test]
fn the_zone_warning_is_said_again_after_a_reload_while_it_applies() {
    let (_dir, path, mut d, text) = open_zoneless();
    d.send("r");
    d.wait_for("Reloaded: no changes · dst.json: the schedule names no zone; each time is shown");
    let renamed = text.replacen("Sunday talk", "Sunday keynote", 1);
    write_in_place(&path, &renamed);
    d.wait_for("· dst.json: the schedule names no zone; each time is shown");
    d.wait_for("Sunday keynote");
    // Named now: the times are Berlin's, and nothing more is said of it.
    let named = renamed.replacen(
        r#""title": "Autumn Con","#,
        r#""title": "Autumn Con", "time_zone_name": "Europe/Berlin","#,
        1,
    );
    assert_ne!(named, renamed);
    write_in_place(&path, &named);
    d.wait_for("Updated: times are now in Europe/Berlin");
    assert!(!d.screen().contains("each time is shown"), "{}", d.screen());
}
