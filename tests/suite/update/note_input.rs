//! Writing a note: `i`, typing, Tab, Enter, Esc, and what is asked of the
//! store (`app.changes`) and shown once it answers.

use crate::support::screen::{app, press, session};
use dais::app::{Action, App, Command as C, Edited, NoteKey as K};
use dais::store::Change;

fn keys(a: &mut App, keys: &[K]) {
    for k in keys {
        a.update(Action::Note(k.clone()));
    }
}

fn typed(a: &mut App, text: &str) {
    for c in text.chars() {
        a.update(Action::Note(K::Char(c)));
    }
}

fn text(a: &App) -> &str {
    a.compose.as_ref().expect("the input is open").line.text()
}

fn banner(a: &App) -> String {
    a.banner
        .as_ref()
        .map(|b| b.text.clone())
        .unwrap_or_default()
}

#[test]
fn enter_asks_the_store_to_save_and_the_banner_waits_for_its_answer() {
    let mut a = app("11:05");
    press(&mut a, &[C::Note]);
    typed(&mut a, "Buck: survivors must lead the response #1 @Buck");
    keys(&mut a, &[K::Save]);
    let [Change::AddNote(n)] = a.changes.as_slice() else {
        panic!("{:?}", a.changes)
    };
    assert_eq!(n.session, "panel-1");
    assert_eq!(n.text, "Buck: survivors must lead the response #1 @Buck");
    assert_eq!(n.at, a.live.now);
    assert_eq!(n.messages, ["km1"]);
    assert_eq!(n.people, ["kay-buck"]);
    // Not said saved, and the text kept, until the store says so.
    assert!(!banner(&a).contains("saved"));
    assert!(a.compose.is_some());
    a.changes.clear();
    a.update(Action::NoteSaved(None));
    assert!(a.compose.is_none());
    assert_eq!(banner(&a), "Note saved on Panel 1 at 11:05");
}

#[test]
fn a_note_the_store_could_not_save_stays_to_try_again() {
    let mut a = app("11:05");
    press(&mut a, &[C::Note]);
    typed(&mut a, "kept");
    keys(&mut a, &[K::Save]);
    a.changes.clear();
    a.update(Action::NoteSaved(Some("the disk is full".into())));
    assert_eq!(text(&a), "kept");
    // Typing goes on, and Enter asks again.
    keys(&mut a, &[K::Save]);
    assert_eq!(a.changes.len(), 1);
}

#[test]
fn the_note_goes_to_the_live_session_when_following_else_the_selected_one() {
    let mut a = app("11:05");
    press(&mut a, &[C::Down, C::Note]);
    typed(&mut a, "x");
    keys(&mut a, &[K::Save]);
    let Change::AddNote(n) = &a.changes[0] else {
        panic!()
    };
    assert_eq!(n.session, "panel-2");
    // `t` follows again: the live session.
    let mut a = app("11:05");
    press(&mut a, &[C::Down, C::Now, C::Note]);
    typed(&mut a, "x");
    keys(&mut a, &[K::Save]);
    let Change::AddNote(n) = &a.changes[0] else {
        panic!()
    };
    assert_eq!(n.session, "panel-1");
    assert_eq!(a.selected(), session(&a, "panel-1"));
}

#[test]
fn esc_with_text_asks_first() {
    let mut a = app("11:05");
    press(&mut a, &[C::Note]);
    typed(&mut a, "half a thought");
    keys(&mut a, &[K::Cancel]);
    assert!(a.compose.as_ref().unwrap().asking);
    // Other keys do nothing to the text while asked; n goes back.
    keys(&mut a, &[K::Char('x'), K::Char('n')]);
    assert!(!a.compose.as_ref().unwrap().asking);
    assert_eq!(text(&a), "half a thought");
    keys(&mut a, &[K::Cancel, K::Char('y')]);
    assert!(a.compose.is_none());
    assert!(a.changes.is_empty());
    // Nothing typed: Esc just closes.
    press(&mut a, &[C::Note]);
    keys(&mut a, &[K::Char(' '), K::Cancel]);
    assert!(a.compose.is_none());
}

#[test]
fn keys_go_to_the_input_not_the_view() {
    let mut a = app("11:05");
    let before = a.selected();
    press(&mut a, &[C::Note]);
    typed(&mut a, "jjq");
    assert_eq!(a.selected(), before);
    assert!(!a.quit);
    keys(
        &mut a,
        &[K::Left, K::Left, K::DeleteToStart, K::End, K::Char('!')],
    );
    assert_eq!(text(&a), "jq!");
}

#[test]
fn tab_completes_a_unique_name_and_lists_the_choices_of_an_ambiguous_one() {
    let mut a = app("11:05");
    press(&mut a, &[C::Note]);
    typed(&mut a, "said @Buc");
    keys(&mut a, &[K::Complete]);
    assert_eq!(text(&a), "said @Buck");
    assert!(a.compose.as_ref().unwrap().choices.is_none());
    // Two Marcs: listed, none put in.
    typed(&mut a, " and @Marc");
    keys(&mut a, &[K::Complete]);
    let c = a.compose.as_ref().unwrap();
    let list = c.choices.clone().expect("the choices are listed");
    assert!(list.list.len() >= 2, "{list:?}");
    assert_eq!(list.at, None);
    assert_eq!(text(&a), "said @Buck and @Marc");
    // Tab steps through them, Shift-Tab back.
    keys(&mut a, &[K::Complete]);
    let first = list.list[0].text.clone();
    assert_eq!(text(&a), format!("said @Buck and {first}"));
    keys(&mut a, &[K::Complete, K::CompleteBack]);
    assert_eq!(text(&a), format!("said @Buck and {first}"));
    // Any other key keeps the choice and closes the list.
    keys(&mut a, &[K::Char(' ')]);
    assert!(a.compose.as_ref().unwrap().choices.is_none());
    assert_eq!(text(&a), format!("said @Buck and {first} "));
}

#[test]
fn a_draft_reopens_and_goes_once_saved_or_dropped() {
    let mut a = app("11:05");
    a.draft = Some("from last time".into());
    press(&mut a, &[C::Note]);
    assert_eq!(text(&a), "from last time");
    keys(&mut a, &[K::Save]);
    a.changes.clear();
    a.update(Action::NoteSaved(None));
    assert_eq!(a.changes, [Change::Draft(None)]);
    assert_eq!(a.draft, None);

    let mut a = app("11:05");
    a.draft = Some("from last time".into());
    press(&mut a, &[C::Note]);
    keys(&mut a, &[K::Cancel, K::Char('y')]);
    assert_eq!(a.changes, [Change::Draft(None)]);
}

#[test]
fn what_is_typed_is_the_draft_when_dais_is_ended() {
    let mut a = app("11:05");
    assert_eq!(a.draft_change(), None);
    press(&mut a, &[C::Note]);
    assert_eq!(a.draft_change(), None);
    typed(&mut a, "typing when");
    assert_eq!(
        a.draft_change(),
        Some(Change::Draft(Some("typing when".into())))
    );
}

#[test]
fn e_asks_the_loop_for_the_editor_and_its_outcome_is_said() {
    let mut a = app("11:05");
    press(&mut a, &[C::Down, C::EditNotes]);
    assert_eq!(a.edit_notes, Some(session(&a, "panel-2")));
    a.update(Action::NotesEdited(Edited::Failed(
        "no editor: set VISUAL or EDITOR".into(),
    )));
    assert!(banner(&a).contains("no editor"));
    assert!(a.banner.as_ref().unwrap().error);
    a.update(Action::NotesEdited(Edited::Replaced(
        "2 notes on Panel 2 saved".into(),
    )));
    // Said once the store answers.
    assert!(!banner(&a).contains("2 notes"));
    a.update(Action::NoteSaved(None));
    assert_eq!(banner(&a), "2 notes on Panel 2 saved");
}

#[test]
fn a_paste_goes_in_as_one_safe_line() {
    let mut a = app("11:05");
    press(&mut a, &[C::Note]);
    keys(&mut a, &[K::Paste("one\ntwo\x1b[2J\u{202e}".into())]);
    assert_eq!(text(&a), "one two");
}
