//! `App::update` for the search: typing selects the first match as you go,
//! n and N step and wrap, Enter keeps, Esc clears and goes back.

use crate::support::screen;

use dais::app::{Action, Command as C, View};
use screen::{app, person, press, search, selected_id, session};

#[test]
fn slash_starts_typing_where_the_selection_is() {
    let mut a = app("11:05");
    press(&mut a, &[C::Search]);
    assert!(a.search.editing);
    assert_eq!(a.search.query, "");
    assert!(!a.search.is_active());
    assert_eq!(a.search_origin, Some((View::Agenda, 2)));
}

#[test]
fn typing_selects_the_first_match_from_where_the_search_began() {
    let mut a = app("11:05");
    search(&mut a, "clos");
    assert_eq!(a.search.query, "clos");
    assert_eq!(a.search.matches, [session(&a, "closing")]);
    assert_eq!(selected_id(&a), "closing");
    assert!(!a.live.follow, "a search match is not the live session");
    // Matching through a person's affiliation.
    let mut a = app("11:05");
    search(&mut a, "UNHCR");
    assert_eq!(selected_id(&a), "panel-2");
    // A match at the origin stays put.
    let mut a = app("11:05");
    search(&mut a, "panel");
    assert_eq!(a.search.matches, [2, 3, 4, 5]);
    assert_eq!(selected_id(&a), "panel-1");
    // From the last session, the first match wraps to the top.
    let mut a = app("11:05");
    press(&mut a, &[C::Bottom]);
    search(&mut a, "introductory");
    assert_eq!(selected_id(&a), "introductory-statements");
}

#[test]
fn each_keystroke_searches_again_from_the_origin() {
    let mut a = app("11:05");
    search(&mut a, "clos");
    assert_eq!(selected_id(&a), "closing");
    // "closi" still matches only the closing; backspacing to "c" matches
    // from the origin again, which is panel 1.
    a.update(Action::SearchChar('i'));
    assert_eq!(selected_id(&a), "closing");
    for _ in 0..4 {
        a.update(Action::SearchBackspace);
    }
    assert_eq!(a.search.query, "c");
    assert_eq!(selected_id(&a), "panel-1");
    a.update(Action::SearchBackspace);
    a.update(Action::SearchBackspace);
    assert_eq!(a.search.query, "");
    assert!(a.search.matches.is_empty());
    assert!(a.search.editing, "backspace on empty keeps the box open");
}

#[test]
fn no_match_goes_back_to_where_the_search_began() {
    let mut a = app("11:05");
    search(&mut a, "closing");
    assert_eq!(selected_id(&a), "closing");
    for c in " xyzzy".chars() {
        a.update(Action::SearchChar(c));
    }
    assert!(a.search.matches.is_empty());
    assert_eq!(selected_id(&a), "panel-1");
}

#[test]
fn n_and_shift_n_step_through_the_matches_and_wrap() {
    let mut a = app("11:05");
    search(&mut a, "panel");
    a.update(Action::SearchSubmit);
    assert!(!a.search.editing);
    assert_eq!(a.search.query, "panel", "Enter keeps the query");
    assert_eq!(a.search_origin, None);
    let ids = |a: &dais::app::App| selected_id(a).to_owned();
    press(&mut a, &[C::NextMatch]);
    assert_eq!(ids(&a), "panel-2");
    press(&mut a, &[C::NextMatch, C::NextMatch]);
    assert_eq!(ids(&a), "panel-4");
    press(&mut a, &[C::NextMatch]);
    assert_eq!(ids(&a), "panel-1", "wraps to the first");
    press(&mut a, &[C::PrevMatch]);
    assert_eq!(ids(&a), "panel-4", "wraps to the last");
    press(&mut a, &[C::PrevMatch]);
    assert_eq!(ids(&a), "panel-3");
    // From a session that does not match, n goes to the next that does.
    press(&mut a, &[C::Top, C::NextMatch]);
    assert_eq!(ids(&a), "panel-1");
    press(&mut a, &[C::Bottom, C::NextMatch]);
    assert_eq!(ids(&a), "panel-1");
    press(&mut a, &[C::Bottom, C::PrevMatch]);
    assert_eq!(ids(&a), "panel-4");
}

#[test]
fn n_without_a_search_does_nothing() {
    let mut a = app("11:05");
    press(&mut a, &[C::NextMatch, C::PrevMatch]);
    assert_eq!(selected_id(&a), "panel-1");
    assert!(a.live.follow);
}

#[test]
fn esc_while_typing_clears_and_restores_the_selection() {
    let mut a = app("11:05");
    search(&mut a, "clos");
    assert_eq!(selected_id(&a), "closing");
    a.update(Action::SearchCancel);
    assert_eq!(selected_id(&a), "panel-1");
    assert!(!a.search.editing);
    assert!(!a.search.is_active());
    assert!(a.search.matches.is_empty());
    assert_eq!(a.search_origin, None);
}

#[test]
fn esc_after_enter_clears_the_search_and_keeps_the_selection() {
    let mut a = app("11:05");
    search(&mut a, "clos");
    a.update(Action::SearchSubmit);
    press(&mut a, &[C::Back]);
    assert!(!a.search.is_active());
    assert_eq!(selected_id(&a), "closing");
    assert_eq!(a.view, View::Agenda);
    // A second Esc has nothing left to clear.
    press(&mut a, &[C::Back]);
    assert_eq!(selected_id(&a), "closing");
}

#[test]
fn esc_clears_the_search_before_leaving_a_view() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewPeople]);
    search(&mut a, "sorvino");
    a.update(Action::SearchSubmit);
    press(&mut a, &[C::Back]);
    assert_eq!(a.view, View::People, "first Esc clears the search");
    assert!(!a.search.is_active());
    press(&mut a, &[C::Back]);
    assert_eq!(a.view, View::Agenda);
}

#[test]
fn a_new_search_starts_empty() {
    let mut a = app("11:05");
    search(&mut a, "panel");
    a.update(Action::SearchSubmit);
    press(&mut a, &[C::Search]);
    assert_eq!(a.search.query, "");
    assert!(a.search.matches.is_empty());
    assert!(a.search.editing);
}

#[test]
fn in_the_people_view_typing_selects_people() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewPeople]);
    search(&mut a, "pinheiro");
    assert_eq!(a.search.people, [person(&a, "vinicius-pinheiro")]);
    assert_eq!(
        a.views.people.list.selected,
        person(&a, "vinicius-pinheiro")
    );
    assert_eq!(selected_id(&a), "panel-1", "the agenda is left alone");
    a.update(Action::SearchCancel);
    assert_eq!(a.views.people.list.selected, 0);
}

#[test]
fn in_the_key_messages_view_typing_selects_messages_and_n_wraps() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewMessages]);
    search(&mut a, "accountability");
    let hits = a.search.messages.clone();
    assert!(hits.contains(&3), "{hits:?}");
    assert_eq!(a.views.messages.list.selected, hits[0]);
    a.update(Action::SearchSubmit);
    for want in hits.iter().cycle().skip(1).take(hits.len()) {
        press(&mut a, &[C::NextMatch]);
        assert_eq!(a.views.messages.list.selected, *want);
    }
}

#[test]
fn a_cancelled_search_in_another_view_leaves_the_agenda_alone() {
    let mut a = app("11:05");
    press(&mut a, &[C::Down]);
    search(&mut a, "clos");
    a.update(Action::SearchSubmit);
    press(&mut a, &[C::ViewPeople, C::Search]);
    a.update(Action::SearchCancel);
    assert_eq!(a.view, View::People);
    assert_eq!(selected_id(&a), "closing");
}

#[test]
fn video_finds_the_sessions_and_people_who_speak_by_video() {
    let mut a = app("11:05");
    search(&mut a, "video");
    assert_eq!(
        a.search.matches,
        [
            session(&a, "introductory-statements"),
            session(&a, "panel-1"),
            session(&a, "panel-4")
        ]
    );
    press(&mut a, &[C::ViewPeople]);
    let video: Vec<usize> = [
        "yury-fedotov",
        "zeid-raad-al-hussein",
        "joy-ngozi-ezeilo",
        "mohna-ansari",
        "irina-alkhova",
        "edward-santow",
    ]
    .iter()
    .map(|id| person(&a, id))
    .collect();
    assert_eq!(a.search.people, video);
}

#[test]
fn a_large_agenda_finds_every_title_that_holds_the_query() {
    // Large enough that the search text is built on a thread of its own.
    let json = dais::synth::agenda_json(5000, 7);
    let agenda =
        dais::load::load_bytes("big.json", json.as_bytes(), &dais::load::Limits::default())
            .expect("valid")
            .agenda;
    let mut a = dais::app::App::new(agenda, screen::at("11:05"));
    search(&mut a, "Panel 3");
    let titled: Vec<usize> = (a.agenda.sessions.iter().enumerate())
        .filter(|(_, s)| s.title.to_lowercase().contains("panel 3"))
        .map(|(i, _)| i)
        .collect();
    assert!(titled.len() > 10, "{}", titled.len());
    assert!(titled.iter().all(|&i| a.search.matches_session(i)));
    assert!(a.search.matches_session(a.selected()));
}
