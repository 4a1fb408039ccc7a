//! The user's state from the screen: a `+` is saved before the screen
//! shows it (and so survives `kill -9`), and a state file that cannot be
//! used is named in a banner.

#![cfg(unix)]

use crate::support::pty;

use pty::{Dais, Spawn};
use std::path::Path;

/// dais at [`pty::AT`] with its state under `home`.
fn spawn_in(home: &Path) -> Dais {
    let mut how = Spawn::dais(&[]);
    how.env
        .push(("XDG_STATE_HOME".into(), home.display().to_string()));
    Dais::start(&how)
}

fn now(home: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dais"))
        .args(["now", "--at", pty::AT])
        .env("XDG_STATE_HOME", home)
        .env("HOME", home)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_plus_on_the_screen_is_saved_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let mut d = spawn_in(home);
    d.wait_row("● LIVE", "Panel 1");
    d.send("+");
    d.wait_for("running 5 min late");
    // Saved as the screen said it: another process sees it while this
    // one still runs.
    assert!(now(home).contains("running 5 min late"), "{}", now(home));
    d.send("+");
    d.wait_for("running 10 min late");
    // Killed with no chance to save anything more: it was saved already.
    d.signal("KILL");
    assert!(d.wait_exit().is_err());
    assert!(now(home).contains("running 10 min late"), "{}", now(home));
    // A new window starts with it.
    let mut d = spawn_in(home);
    d.wait_for("running 10 min late");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
}

#[test]
fn a_damaged_state_file_is_named_in_a_banner_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("dais").join(dais::store::FILE_NAME);
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    std::fs::write(&db, "not a database").unwrap();
    let mut d = spawn_in(home);
    d.wait_for("damaged");
    d.wait_for(dais::store::FILE_NAME);
    // The screen works on; the change is kept in memory and said so.
    d.send("+");
    d.wait_for("the shift is not saved");
    // Panel 1 shows its shifted time beside the planned one.
    d.wait_row("10:35-11:50 (10:30)", "Panel 1");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    assert_eq!(std::fs::read(&db).unwrap(), b"not a database");
}

#[test]
fn a_second_window_shows_the_first_ones_change_when_it_wakes() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let mut one = spawn_in(home);
    let mut two = spawn_in(home);
    one.wait_row("● LIVE", "Panel 1");
    two.wait_row("● LIVE", "Panel 1");
    one.send("+");
    one.wait_for("running 5 min late");
    // Any wake will do: a key that is bound to nothing.
    two.send("\x1b[24~");
    two.wait_for("running 5 min late");
    // And a change there adds to it.
    two.send("+");
    two.wait_for("running 10 min late");
    for d in [&mut one, &mut two] {
        d.send("q");
        assert_eq!(d.wait_exit(), Ok(0));
    }
    assert!(now(home).contains("running 10 min late"), "{}", now(home));
}
