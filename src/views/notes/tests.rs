//! The notes view's keys.

use crate::app::App;
use crate::command::{Command, View};
use crate::notes::{Note, Notes};

fn note(id: i64, session: &str, minute: i64, text: &str) -> Note {
    Note {
        id,
        session: session.into(),
        session_title: format!("Title of {session}"),
        at: chrono::DateTime::from_timestamp(1_498_230_000 + minute * 60, 0).unwrap(),
        text: text.into(),
        messages: vec![],
        people: vec![],
    }
}

fn app() -> App {
    let mut a = crate::testing::hearing_app();
    a.update(crate::app::Action::Resize {
        width: 100,
        height: 30,
    });
    a.set_notes(Notes::new(vec![
        note(1, "panel-3", 1, "first"),
        note(2, "gone", 2, "on a session no longer there"),
        note(3, "panel-1", 3, "survivors must lead"),
    ]));
    a
}

#[test]
fn four_shows_the_notes_and_enter_goes_to_the_notes_session() {
    let mut a = app();
    a.update(Command::ViewNotes.into());
    assert_eq!(a.view, View::Notes);
    a.update(Command::Open.into());
    assert_eq!(a.view, View::Agenda);
    assert_eq!(&*a.agenda.sessions[a.selected()].id, "panel-3");
    a.update(Command::ViewNotes.into());
    a.update(Command::Bottom.into());
    assert_eq!(a.views.notes.list.selected, 2);
    a.update(Command::Up.into());
    // A note whose session is gone goes nowhere.
    a.update(Command::Open.into());
    assert_eq!(a.view, View::Notes);
}

#[test]
fn a_search_in_the_view_steps_through_the_notes_text() {
    let mut a = app();
    a.update(Command::ViewNotes.into());
    a.update(Command::Search.into());
    for c in "survivors".chars() {
        a.update(crate::app::Action::SearchChar(c));
    }
    a.update(crate::app::Action::SearchSubmit);
    assert_eq!(a.search.notes, [2]);
    assert_eq!(a.views.notes.list.selected, 2);
    // The agenda's search finds the session by the note, too.
    let p1 = a.agenda.sessions.iter().position(|s| &*s.id == "panel-1");
    assert!(a.search.matches.contains(&p1.unwrap()));
}

#[test]
fn fewer_notes_from_another_window_keep_the_cursor_on_a_note() {
    let mut a = app();
    a.update(Command::ViewNotes.into());
    a.update(Command::Bottom.into());
    a.set_notes(Notes::new(vec![note(1, "panel-3", 1, "first")]));
    a.update(crate::app::Action::Resize {
        width: 100,
        height: 30,
    });
    assert_eq!(a.views.notes.note(&a).map(|n| n.id), Some(1));
}
