//! The notes on the real screen: notes saved by another process show in
//! the session pane and the notes view, `4` and Enter, the search finds a
//! session by its note, and a note saved while dais runs shows on its
//! next wake.

#![cfg(unix)]

use crate::support::harness::Home;
use crate::support::{pty, screen};
use dais::notes::NewNote;
use dais::store::{Change, Store};
use pty::{Dais, Spawn};

/// Saves a note on the bundled hearing in `home`, as another window would.
fn save(home: &Home, session: &str, utc: &str, text: &str, km: &[&str], people: &[&str]) {
    let db = home.state_dir().join("dais").join(dais::store::FILE_NAME);
    let key = dais::commands::open::key(&dais::source::Source::Bundled, &screen::hearing());
    let note = NewNote {
        session: session.into(),
        session_title: session.into(),
        at: utc.parse().unwrap(),
        text: text.into(),
        messages: km.iter().map(|s| (*s).to_owned()).collect(),
        people: people.iter().map(|s| (*s).to_owned()).collect(),
    };
    Store::open(db).apply(&key, &Change::AddNote(note)).unwrap();
}

#[test]
fn saved_notes_show_in_the_pane_and_the_view_and_a_new_one_on_the_next_wake() {
    let home = Home::new();
    save(
        &home,
        "panel-1",
        "2017-06-23T15:05:00Z",
        "Buck: survivors must lead the response #1 @Buck",
        &["km1"],
        &["kay-buck"],
    );
    let mut d = Dais::start(&Spawn {
        home: home.clone(),
        size: (120, 40),
        ..Spawn::dais(&[])
    });
    d.wait_row("● LIVE", "Panel 1");
    d.wait_for("Key messages · 2 · 1 note");
    d.send("4");
    d.wait_for("Your notes · 1");
    d.wait_row("11:05", "Buck: survivors must lead the response #1 @Buck");
    d.wait_for("→ 1 · Ms. Kay Buck");
    // Another window saves a note; any wake shows it.
    save(
        &home,
        "panel-3",
        "2017-06-23T19:10:00Z",
        "prosecutions are few",
        &[],
        &[],
    );
    d.send("\x1b[24~");
    d.wait_for("Your notes · 2");
    d.wait_row("15:10", "prosecutions are few");
    // Enter on it goes to its session in the agenda.
    d.send("G");
    d.send("\r");
    d.wait_for("Panel 3: Trafficking in persons in the context of the 2030");
    // The agenda's search finds a session by its note.
    d.send("1/survivors must");
    d.wait_for("Panel 1: A Human-rights-based, survivor-centred approach to");
    d.send("\r");
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
}
