//! Writing notes on the real screen: `i`, typing, Tab, Enter and Esc; `e`
//! with a scripted editor; the draft kept over SIGTERM; a note saved
//! before `kill -9` can lose it.

#![cfg(unix)]

use crate::support::harness::Home;
use crate::support::{pty, screen};
use dais::notes::Note;
use pty::{Dais, Spawn};
use std::path::{Path, PathBuf};

const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const TAB: &str = "\t";

/// dais at [`pty::AT`] (Panel 1 live) in `home`, with `env` set.
fn spawn_in(home: &Home, env: &[(&str, &str)]) -> Dais {
    Dais::start(&Spawn {
        home: home.clone(),
        env: env
            .iter()
            .map(|&(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        ..Spawn::dais(&[])
    })
}

fn store(home: &Home) -> (dais::store::Store, dais::store::AgendaKey) {
    let db = home.state_dir().join("dais").join(dais::store::FILE_NAME);
    let key = dais::commands::open::key(&dais::source::Source::Bundled, &screen::hearing());
    (dais::store::Store::open_existing(db), key)
}

/// The hearing's notes as the store has them, read by this process.
fn saved(home: &Home) -> Vec<Note> {
    let (mut store, key) = store(home);
    store.notes(&key).all().to_vec()
}

fn draft(home: &Home) -> Option<String> {
    let (mut store, key) = store(home);
    store.draft(&key)
}

fn texts(notes: &[Note]) -> Vec<&str> {
    notes.iter().map(|n| n.text.as_str()).collect()
}

/// Opens the input and types `text`, waiting for it on the screen.
fn write(d: &mut Dais, text: &str) {
    d.send("i");
    d.wait_for("note on Panel 1 ›");
    d.send(text);
    d.wait_for(text);
}

#[test]
fn a_note_typed_and_entered_is_saved_before_the_screen_says_so() {
    let home = &Home::new();
    let mut d = spawn_in(home, &[]);
    d.wait_row("● LIVE", "Panel 1");
    write(&mut d, "Buck: survivors must lead the response #1 @Buck");
    d.send(ENTER);
    d.wait_for("Note saved on Panel 1 at 11:05");
    // Another process reads it while this one runs.
    let notes = saved(home);
    assert_eq!(
        texts(&notes),
        ["Buck: survivors must lead the response #1 @Buck"]
    );
    assert_eq!(notes[0].session, "panel-1");
    assert_eq!(notes[0].messages, ["km1"]);
    assert_eq!(notes[0].people, ["kay-buck"]);
    assert_eq!(
        notes[0].at,
        screen::at("11:05"),
        "stamped with the rehearsal clock"
    );
    // Killed at once: nothing more to lose.
    d.signal("KILL");
    assert!(d.wait_exit().is_err());
    assert_eq!(saved(home).len(), 1);
}

#[test]
fn esc_with_text_asks_and_n_keeps_typing_y_drops_it() {
    let home = &Home::new();
    let mut d = spawn_in(home, &[]);
    d.wait_row("● LIVE", "Panel 1");
    write(&mut d, "half a thought");
    d.send(ESC);
    d.wait_for("Discard this note? y/n");
    d.send("n");
    d.wait_for("half a thought");
    d.send(" more");
    d.wait_for("half a thought more");
    d.send(ESC);
    d.wait_for("Discard this note? y/n");
    d.send("y");
    d.wait_gone("half a thought");
    // The keys are the view's again: q quits.
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    assert!(saved(home).is_empty());
    d.assert_restored();
}

#[test]
fn tab_completes_a_name_and_offers_the_choices_of_an_ambiguous_one() {
    let home = &Home::new();
    let mut d = spawn_in(home, &[]);
    d.wait_row("● LIVE", "Panel 1");
    write(&mut d, "said @Buc");
    d.send(TAB);
    d.wait_for("said @Buck");
    // Two Marcs: both offered, neither chosen.
    d.send(" and @Marc");
    d.wait_for("and @Marc");
    d.send(TAB);
    d.wait_for("Tab · 2");
    let shown = d.screen();
    assert!(
        shown.contains("H.E. Mr. Marc Pecsteen de Buytsverve"),
        "{shown}"
    );
    assert!(shown.contains("H.E. Mr. Marc Van den Reeck"), "{shown}");
    d.send(TAB);
    d.send(ENTER);
    d.wait_for("Note saved on Panel 1");
    let notes = saved(home);
    assert_eq!(notes[0].people.len(), 2, "{notes:?}");
    assert_eq!(notes[0].people[0], "kay-buck");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
}

/// A shell script in `dir` named `name`, made runnable.
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write the script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

#[test]
fn e_opens_the_editor_on_the_terminal_and_what_it_saves_replaces_the_notes() {
    let home = &Home::new();
    let dir = home.path();
    let log = dir.join("editor.log");
    // The editor sees a terminal out of raw mode and the notes one a line
    // (the file is its last argument); it edits the first and adds one.
    let editor = script(
        dir,
        "edit.sh",
        &format!(
            "for f; do :; done\n\
             stty -a > '{log}'; cat \"$f\" >> '{log}'\n\
             sed -i 's/^\\(.....\\)  first/\\1  first, edited @Buck/' \"$f\"\n\
             echo 'added later #2' >> \"$f\"",
            log = log.display()
        ),
    );
    let visual = format!("{} --wait", editor.display());
    let mut d = spawn_in(home, &[("VISUAL", &visual)]);
    d.wait_row("● LIVE", "Panel 1");
    write(&mut d, "first");
    d.send(ENTER);
    d.wait_for("Note saved");
    d.send("e");
    d.wait_for("2 notes on Panel 1 saved");
    let log = std::fs::read_to_string(&log).expect("the editor ran");
    assert!(
        log.contains(" icanon"),
        "cooked mode for the editor:\n{log}"
    );
    assert!(log.contains("11:05  first\n"), "{log}");
    let notes = saved(home);
    assert_eq!(texts(&notes), ["first, edited @Buck", "added later #2"]);
    assert_eq!(notes[0].people, ["kay-buck"]);
    assert_eq!(notes[1].messages, ["km2"]);
    // Redrawn, and the keys are dais's again.
    d.wait_for("┏ Programme");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    d.assert_restored();
}

#[test]
fn an_editor_that_fails_or_changes_nothing_changes_nothing_and_no_editor_is_said() {
    let home = &Home::new();
    let fails = script(home.path(), "fails.sh", "echo junk > \"$1\"; exit 3");
    let mut d = spawn_in(home, &[("EDITOR", &fails.display().to_string())]);
    d.wait_row("● LIVE", "Panel 1");
    write(&mut d, "kept");
    d.send(ENTER);
    d.wait_for("Note saved");
    d.send("e");
    d.wait_for("exit status: 3; notes unchanged");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    let mut d = spawn_in(home, &[("VISUAL", "true")]);
    d.wait_row("● LIVE", "Panel 1");
    d.send("e");
    d.wait_for("notes unchanged");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    let mut d = spawn_in(home, &[]);
    d.wait_row("● LIVE", "Panel 1");
    d.send("e");
    d.wait_for("no editor: set VISUAL or EDITOR");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    assert_eq!(texts(&saved(home)), ["kept"]);
}

#[test]
fn sigterm_while_typing_keeps_the_draft_and_i_reopens_it() {
    let home = &Home::new();
    let mut d = spawn_in(home, &[]);
    d.wait_row("● LIVE", "Panel 1");
    write(&mut d, "typing when the chair");
    d.signal("TERM");
    assert_eq!(d.wait_exit(), Ok(128 + 15));
    d.assert_restored();
    assert_eq!(draft(home).as_deref(), Some("typing when the chair"));
    assert!(saved(home).is_empty());
    let mut d = spawn_in(home, &[]);
    d.wait_for("a note draft is waiting: i reopens it");
    d.send("i");
    d.wait_for("typing when the chair");
    d.send(" closed");
    d.send(ENTER);
    d.wait_for("Note saved on Panel 1");
    assert_eq!(texts(&saved(home)), ["typing when the chair closed"]);
    assert_eq!(draft(home), None);
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
}

#[test]
fn the_terminal_gone_while_typing_keeps_the_draft() {
    let home = &Home::new();
    let mut d = spawn_in(home, &[]);
    d.wait_row("● LIVE", "Panel 1");
    write(&mut d, "cut off");
    d.close_terminal();
    let _ = d.wait_exit();
    assert_eq!(draft(home).as_deref(), Some("cut off"));
}

/// The issue's scenario: at 11:05 a note on Panel 1 naming Ms. Kay Buck
/// and key message 1, `kill -9` right after, and `dais notes` has it
/// under Panel 1 and again under key message 1.
#[test]
fn a_note_survives_kill_9_and_dais_notes_lists_it_by_session_and_key_message() {
    let home = &Home::new();
    let mut d = spawn_in(home, &[]);
    d.wait_row("● LIVE", "Panel 1");
    write(&mut d, "Buck: survivors must lead the response #1 @Buck");
    d.send(ENTER);
    d.wait_for("Note saved on Panel 1 at 11:05");
    d.signal("KILL");
    assert!(d.wait_exit().is_err());
    let out = home.dais(&["notes", "--format", "markdown"]);
    assert_eq!(out.code, 0, "{out:?}");
    let md = out.stdout;
    // (Markdown escapes the # as \#.)
    let text = "Buck: survivors must lead the response";
    let panel = md.find("Panel 1").unwrap_or_else(|| panic!("{md}"));
    let by_message = md
        .find("Enshrine a victim-centred")
        .unwrap_or_else(|| panic!("{md}"));
    let first = md.find(text).unwrap_or_else(|| panic!("{md}"));
    let second = md.rfind(text).unwrap();
    assert!(
        panel < first && by_message < second && first < by_message,
        "{md}"
    );
    assert!(md[panel..by_message].contains("11:05"), "{md}");
    assert!(md.contains("Ms. Kay Buck"), "{md}");
    // And a new screen shows it in Panel 1's pane.
    let mut d = spawn_in(home, &[]);
    d.wait_for("Key messages · 2 · 1 note");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
}
