//! Terminals and pipes at their edges: `TERM=dumb`, a terminal of one cell
//! resized while keys arrive, and `list` into a reader that stops early.

use crate::support::harness::Home;
use crate::support::pty::{Dais, Spawn};

use std::io::{BufRead, BufReader};
use std::process::Stdio;

#[test]
fn term_dumb_draws_the_screen_as_usual_and_quits() {
    let mut how = Spawn::dais(&[]);
    how.env.push(("TERM".into(), "dumb".into()));
    let mut d = Dais::start(&how);
    d.wait_for("Opening");
    d.assert_full_screen();
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    d.assert_restored();
}

#[test]
fn a_one_cell_terminal_takes_keys_and_a_resize_without_panic() {
    let mut how = Spawn::dais(&[]);
    how.size = (1, 1);
    let mut d = Dais::start(&how);
    d.wait_frame_end();
    d.send("jjk/pan\x1b");
    // The Esc read alone: read with the Tab typed next (a loaded machine
    // may leave dais unscheduled that long) it is Alt+Tab, the search
    // stays open and '+' goes into it.
    d.wait_keys_read();
    d.resize(2, 1);
    d.resize(1, 3);
    d.send("\t+");
    d.resize(80, 24);
    // Both, each waited for: the resize's frame can be caught half drawn.
    d.wait_for("Programme · 7 sessions");
    d.wait_for("running 5 min late");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    d.assert_restored();
}

#[test]
fn keys_typed_as_the_terminal_is_resized_are_read_at_once() {
    let mut d = Dais::spawn(&[]);
    d.wait_for("Programme · 7 sessions");
    // A key that comes with a resize: a reader that takes the resize and
    // forgets the key leaves it waiting for the next key. Which comes
    // first is up to the scheduler, so many times over.
    for i in 0..40 {
        let (cols, rows) = if i % 2 == 0 { (100, 30) } else { (80, 24) };
        d.resize(cols, rows);
        d.send(if i % 4 < 2 { "j" } else { "k" });
        d.wait_keys_read();
    }
    d.send("+");
    d.wait_for("running 5 min late");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
}

#[test]
fn list_into_a_reader_that_stops_early_exits_0_quietly() {
    let home = Home::new();
    let agenda = home.path().join("big.json");
    // Far more than a pipe holds, so dais is still writing when the
    // reader goes.
    std::fs::write(&agenda, dais::synth::agenda_json(3_000, 1)).unwrap();
    let mut child = home
        .command()
        .args(["list", agenda.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dais");
    let mut first = String::new();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    out.read_line(&mut first).unwrap();
    assert!(!first.is_empty());
    drop(out);
    let done = child.wait_with_output().unwrap();
    assert_eq!(done.status.code(), Some(0), "{done:?}");
    assert_eq!(String::from_utf8_lossy(&done.stderr), "");
}
