//! The user's state from the screen: a `+` is saved before the screen
//! shows it (and so survives `kill -9`), and a state file that cannot be
//! used is named in a banner.

#![cfg(unix)]

use crate::support::harness::Home;
use crate::support::{pty, screen};

use pty::{Dais, Spawn};

/// dais at [`pty::AT`] in `home`.
fn spawn_in(home: &Home) -> Dais {
    Dais::start(&Spawn {
        home: home.clone(),
        ..Spawn::dais(&[])
    })
}

/// The bundled hearing's shift for `view`, read from the store in `home`.
fn saved_shift(home: &Home, view: &str) -> Vec<(String, i64)> {
    let db = home.state_dir().join("dais").join(dais::store::FILE_NAME);
    let key = dais::commands::open::key(&dais::source::Source::Bundled, &screen::hearing());
    dais::store::Store::open_existing(db).shift(&key, view)
}

fn now(home: &Home) -> String {
    home.dais(&["now", "--at", pty::AT]).stdout
}

#[test]
fn a_plus_on_the_screen_is_saved_and_kept() {
    let home = &Home::new();
    let mut d = spawn_in(home);
    d.wait_row("● LIVE", "Panel 1");
    d.send("+");
    d.wait_for("running 5 min late");
    // Saved as the screen said it: in the store, and another process
    // sees it while this one still runs.
    assert_eq!(saved_shift(home, ""), [("panel-1".to_owned(), 5)]);
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
    let home = &Home::new();
    let db = home.state_dir().join("dais").join(dais::store::FILE_NAME);
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
    let home = &Home::new();
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

#[test]
fn a_shift_in_a_view_of_one_room_is_saved_apart() {
    let home = &Home::new();
    let file = crate::support::harness::fixture("schedule-json/pretalx-style.json");
    let file = file.to_str().expect("a UTF-8 path");
    let at = ["--at", "2030-12-14 08:40"];
    let mut d = Dais::start(&Spawn {
        args: [&["--room", "Tan Room"], &at[..], &[file]]
            .concat()
            .iter()
            .map(|&a| a.to_owned())
            .collect(),
        home: home.clone(),
        ..Spawn::dais(&[])
    });
    d.wait_for("● LIVE Loud machines");
    d.send("+");
    d.wait_for("running 5 min late");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    // That room's view has it; the whole programme does not.
    let room = home.dais(&[&["now", "--room", "Tan Room"], &at[..], &[file]].concat());
    assert!(room.stdout.contains("running 5 min late"), "{room:?}");
    let all = home.dais(&[&["now"], &at[..], &[file]].concat());
    assert_eq!(all.code, 0, "{all:?}");
    assert!(!all.stdout.contains("late"), "{all:?}");
}
