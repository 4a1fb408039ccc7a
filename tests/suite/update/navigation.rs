//! `App::update` for the commands that move around: selection, pages,
//! panes, views, overlays, opening and going back, quitting.

use crate::support::screen;

use dais::app::{Action, Command as C, Overlay, Pane, View};
use screen::{app, app_sized, person, press, selected_id, session};

mod small_terminals;

#[test]
fn starts_on_the_agenda_with_the_live_session_selected() {
    let a = app("11:05");
    assert_eq!(a.view, View::Agenda);
    assert_eq!(a.focus(), Pane::Timeline);
    assert_eq!(a.overlay, None);
    assert_eq!(selected_id(&a), "panel-1");
    assert!(a.live.follow);
    assert!(!a.quit);
}

#[test]
fn up_and_down_move_the_selection_and_clamp_at_the_ends() {
    let mut a = app("11:05");
    press(&mut a, &[C::Down]);
    assert_eq!(selected_id(&a), "panel-2");
    // The lunch gap is a row but not a stop.
    press(&mut a, &[C::Down]);
    assert_eq!(selected_id(&a), "panel-3");
    press(&mut a, &[C::Down; 10]);
    assert_eq!(selected_id(&a), "closing");
    press(&mut a, &[C::Up]);
    assert_eq!(selected_id(&a), "panel-4");
    press(&mut a, &[C::Up; 10]);
    assert_eq!(selected_id(&a), "opening");
    assert_eq!(a.views.agenda.top, 0, "the first heading is back in view");
}

#[test]
fn home_and_end_go_to_the_first_and_last_session() {
    let mut a = app("11:05");
    press(&mut a, &[C::Bottom]);
    assert_eq!(selected_id(&a), "closing");
    press(&mut a, &[C::Top]);
    assert_eq!(selected_id(&a), "opening");
}

#[test]
fn pages_move_by_the_timeline_height_less_one() {
    // 80x17: the timeline pane is 5 rows, 3 inside, so a page is 2.
    let mut a = app_sized("11:05", 80, 17);
    assert_eq!(a.screen().pane(Pane::Timeline).height, 5);
    press(&mut a, &[C::Top, C::PageDown]);
    assert_eq!(a.selected(), 2);
    press(&mut a, &[C::PageDown]);
    assert_eq!(a.selected(), 4);
    press(&mut a, &[C::PageDown, C::PageDown]);
    assert_eq!(a.selected(), 6, "clamped to the last");
    press(&mut a, &[C::PageUp]);
    assert_eq!(a.selected(), 4);
    press(&mut a, &[C::PageUp, C::PageUp, C::PageUp]);
    assert_eq!(a.selected(), 0, "clamped to the first");
    // On a tall terminal one page covers the whole programme.
    let mut a = app("11:05");
    press(&mut a, &[C::PageDown]);
    assert_eq!(selected_id(&a), "closing");
    press(&mut a, &[C::PageUp]);
    assert_eq!(selected_id(&a), "opening");
}

#[test]
fn every_move_keeps_the_selected_row_inside_the_timeline() {
    let mut a = app_sized("11:05", 80, 12);
    let height = usize::from(a.screen().pane(Pane::Timeline).height - 2);
    for c in [
        C::Down,
        C::Down,
        C::Down,
        C::Bottom,
        C::Up,
        C::PageUp,
        C::Top,
        C::PageDown,
    ] {
        press(&mut a, &[c]);
        let row = a.index.row_of[a.selected()];
        assert!(
            (a.views.agenda.top..a.views.agenda.top + height).contains(&row),
            "after {c:?}: row {row} outside {}..+{height}",
            a.views.agenda.top
        );
    }
}

#[test]
fn tab_and_shift_tab_cycle_the_panes_of_each_view() {
    let cases = [
        (
            C::ViewAgenda,
            vec![Pane::Timeline, Pane::People, Pane::Messages],
        ),
        (
            C::ViewMessages,
            vec![Pane::List, Pane::Text, Pane::Sessions],
        ),
        (C::ViewPeople, vec![Pane::List, Pane::Sessions]),
    ];
    for (view, panes) in cases {
        let mut a = app("11:05");
        press(&mut a, &[view]);
        assert_eq!(a.focus(), panes[0], "{view:?} starts on its first pane");
        for want in panes.iter().cycle().skip(1).take(panes.len()) {
            press(&mut a, &[C::NextPane]);
            assert_eq!(a.focus(), *want, "{view:?} Tab");
        }
        for want in panes.iter().rev() {
            press(&mut a, &[C::PrevPane]);
            assert_eq!(a.focus(), *want, "{view:?} Shift-Tab");
        }
    }
}

#[test]
fn moving_in_the_people_and_messages_panes_scrolls_them_not_the_selection() {
    // 80x24: the people pane shows 5 of panel 1's 25 lines.
    let mut a = app_sized("11:05", 80, 24);
    press(&mut a, &[C::NextPane]);
    assert_eq!(a.focus(), Pane::People);
    press(&mut a, &[C::Down, C::Down]);
    assert_eq!(a.views.agenda.people_scroll, 2);
    assert_eq!(selected_id(&a), "panel-1");
    press(&mut a, &[C::Bottom]);
    let inner = usize::from(a.screen().pane(Pane::People).height - 2);
    let lines =
        dais::views::agenda::people::lines(&a, a.screen().pane(Pane::People).width - 2).len();
    assert_eq!(
        a.views.agenda.people_scroll,
        lines - inner,
        "stops at the last page"
    );
    press(&mut a, &[C::PageUp]);
    assert_eq!(a.views.agenda.people_scroll, lines - inner - (inner - 1));
    press(&mut a, &[C::Top]);
    assert_eq!(a.views.agenda.people_scroll, 0);

    press(&mut a, &[C::NextPane, C::Down, C::PageDown]);
    assert_eq!(a.focus(), Pane::Messages);
    assert_eq!(a.views.agenda.messages_scroll, 1 + 4);
    assert_eq!(a.views.agenda.people_scroll, 0);
    assert_eq!(selected_id(&a), "panel-1");
    // A new selection starts its panes at the top.
    press(&mut a, &[C::NextPane, C::Down]);
    assert_eq!(selected_id(&a), "panel-2");
    assert_eq!(
        (a.views.agenda.people_scroll, a.views.agenda.messages_scroll),
        (0, 0)
    );
}

#[test]
fn the_number_keys_switch_views_and_focus_their_first_pane() {
    let mut a = app("11:05");
    press(&mut a, &[C::NextPane, C::ViewMessages]);
    assert_eq!((a.view, a.focus()), (View::Messages, Pane::List));
    press(&mut a, &[C::ViewPeople]);
    assert_eq!((a.view, a.focus()), (View::People, Pane::List));
    press(&mut a, &[C::ViewAgenda]);
    assert_eq!((a.view, a.focus()), (View::Agenda, Pane::Timeline));
    assert_eq!(selected_id(&a), "panel-1", "the agenda keeps its place");
    // Switching to the view already showing keeps the focus.
    press(&mut a, &[C::NextPane, C::ViewAgenda]);
    assert_eq!(a.focus(), Pane::People);
}

#[test]
fn in_the_key_messages_view_the_list_text_and_sessions_move_apart() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewMessages, C::Down, C::Down, C::Down]);
    assert_eq!(a.views.messages.list.selected, 3);
    assert_eq!(a.agenda.key_messages[3].number, Some(4));
    assert_eq!(a.views.messages.sessions(&a), [session(&a, "panel-4")]);
    press(&mut a, &[C::Down; 9]);
    assert_eq!(a.views.messages.list.selected, 4, "clamped");
    press(&mut a, &[C::Top]);
    assert_eq!(a.views.messages.list.selected, 0);
    assert_eq!(a.views.messages.sessions(&a), [1, 2, 5]);

    press(&mut a, &[C::NextPane, C::Down]);
    assert_eq!(a.focus(), Pane::Text);
    assert_eq!(
        a.views.messages.text_scroll, 0,
        "message 1's text fits at 120x40"
    );

    press(&mut a, &[C::NextPane, C::Down, C::Down]);
    assert_eq!(a.focus(), Pane::Sessions);
    assert_eq!(a.views.messages.linked.selected, 2);
    press(&mut a, &[C::Down]);
    assert_eq!(
        a.views.messages.linked.selected, 2,
        "clamped to the linked sessions"
    );
    press(&mut a, &[C::Top]);
    assert_eq!(a.views.messages.linked.selected, 0);

    // Moving in the list starts the new message's panes afresh.
    press(&mut a, &[C::Bottom, C::PrevPane, C::PrevPane, C::Down]);
    assert_eq!(a.views.messages.list.selected, 1);
    assert_eq!(a.views.messages.linked.selected, 0);
    assert_eq!(a.views.messages.text_scroll, 0);
}

#[test]
fn in_the_people_view_the_list_and_their_sessions_move_apart() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewPeople, C::Down]);
    assert_eq!(a.views.people.list.selected, 1);
    press(&mut a, &[C::Top]);
    assert_eq!(
        a.views.people.sessions(&a),
        [0, 6],
        "Peter Thomson chairs two"
    );
    press(&mut a, &[C::NextPane, C::Down]);
    assert_eq!(
        (a.focus(), a.views.people.linked.selected),
        (Pane::Sessions, 1)
    );
    press(&mut a, &[C::Down]);
    assert_eq!(a.views.people.linked.selected, 1, "clamped");
    press(&mut a, &[C::PrevPane, C::Bottom]);
    assert_eq!(a.views.people.list.selected, a.agenda.people.len() - 1);
    assert_eq!(a.views.people.linked.selected, 0);
}

#[test]
fn enter_opens_the_detail_and_esc_or_enter_closes_it() {
    let mut a = app("11:05");
    press(&mut a, &[C::Open]);
    assert_eq!(a.overlay, Some(Overlay::Detail));
    press(&mut a, &[C::Back]);
    assert_eq!(a.overlay, None);
    press(&mut a, &[C::Open, C::Open]);
    assert_eq!(a.overlay, None);
    // From any agenda pane.
    press(&mut a, &[C::NextPane, C::NextPane, C::Open]);
    assert_eq!(a.overlay, Some(Overlay::Detail));
}

#[test]
fn the_detail_scrolls_and_swallows_other_keys() {
    let mut a = app_sized("11:05", 80, 24);
    press(&mut a, &[C::Open, C::Down, C::Down]);
    assert_eq!(a.overlay_scroll, 2);
    press(&mut a, &[C::PageDown]);
    let inner = usize::from(a.screen().overlay.height - 2);
    assert_eq!(a.overlay_scroll, 2 + inner);
    press(&mut a, &[C::Bottom]);
    let lines = dais::views::agenda::detail::lines(&a, a.screen().overlay.width - 2).len();
    assert_eq!(a.overlay_scroll, lines - inner);
    press(&mut a, &[C::PageUp]);
    assert_eq!(a.overlay_scroll, lines - 2 * inner);
    press(&mut a, &[C::Top]);
    assert_eq!(a.overlay_scroll, 0);
    // Views, panes, search and the shift wait until it is closed.
    press(
        &mut a,
        &[C::ViewPeople, C::NextPane, C::Search, C::Later, C::Now],
    );
    assert_eq!(a.view, View::Agenda);
    assert_eq!(a.focus(), Pane::Timeline);
    assert!(!a.search.editing);
    assert!(a.live.shift.is_empty());
    assert_eq!(a.overlay, Some(Overlay::Detail));
    // A new overlay starts at its top.
    press(&mut a, &[C::Down, C::Back, C::Open]);
    assert_eq!(a.overlay_scroll, 0);
}

#[test]
fn help_toggles_and_quit_works_under_it() {
    let mut a = app("11:05");
    press(&mut a, &[C::Help]);
    assert_eq!(a.overlay, Some(Overlay::Help));
    press(&mut a, &[C::Help]);
    assert_eq!(a.overlay, None);
    press(&mut a, &[C::Help, C::Back]);
    assert_eq!(a.overlay, None);
    // Help over the detail replaces it; help again closes it.
    press(&mut a, &[C::Open, C::Help]);
    assert_eq!(a.overlay, Some(Overlay::Help));
    press(&mut a, &[C::Help]);
    assert_eq!(a.overlay, None);
    press(&mut a, &[C::Help, C::Quit]);
    assert!(a.quit);
}

#[test]
fn quit_sets_quit() {
    let mut a = app("11:05");
    press(&mut a, &[C::Quit]);
    assert!(a.quit);
}

#[test]
fn reload_is_a_request_for_the_event_loop() {
    let mut a = app("11:05");
    assert!(!a.live.reload_requested);
    press(&mut a, &[C::Reload]);
    assert!(a.live.reload_requested);
    assert_eq!(selected_id(&a), "panel-1");
}

#[test]
fn esc_goes_back_to_the_agenda_and_does_nothing_there() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewPeople, C::Back]);
    assert_eq!(a.view, View::Agenda);
    press(&mut a, &[C::ViewMessages, C::NextPane, C::Back]);
    assert_eq!((a.view, a.focus()), (View::Agenda, Pane::Timeline));
    let before = a.clone();
    press(&mut a, &[C::Back]);
    assert_eq!(a.view, before.view);
    assert_eq!(a.selected(), before.selected());
    assert_eq!(a.views.agenda.top, before.views.agenda.top);
    assert_eq!(a.live, before.live);
    assert!(!a.quit);
}

#[test]
fn enter_goes_from_a_key_message_to_its_session() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewMessages, C::Down, C::Down, C::Down]);
    assert_eq!(a.agenda.key_messages[3].number, Some(4));
    press(&mut a, &[C::Open]);
    assert_eq!((a.view, a.focus()), (View::Messages, Pane::Sessions));
    press(&mut a, &[C::Open]);
    assert_eq!((a.view, a.focus()), (View::Agenda, Pane::Timeline));
    assert_eq!(selected_id(&a), "panel-4");
    assert!(!a.live.follow, "going somewhere stops following");
    // From the text pane too.
    press(&mut a, &[C::ViewMessages, C::NextPane, C::Open]);
    assert_eq!(a.focus(), Pane::Sessions);
}

#[test]
fn enter_goes_from_a_person_to_their_session() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewPeople]);
    let vinicius = person(&a, "vinicius-pinheiro");
    press(&mut a, &vec![C::Down; vinicius]);
    assert_eq!(a.views.people.list.selected, vinicius);
    press(&mut a, &[C::Open]);
    assert_eq!(a.focus(), Pane::Sessions);
    press(&mut a, &[C::Open]);
    assert_eq!(a.view, View::Agenda);
    assert_eq!(selected_id(&a), "panel-3");
    // Peter Thomson's second session is the closing.
    press(
        &mut a,
        &[C::ViewPeople, C::Top, C::NextPane, C::Down, C::Open],
    );
    assert_eq!(selected_id(&a), "closing");
}

#[test]
fn the_agenda_is_always_one_keypress_away() {
    for view in [C::ViewMessages, C::ViewPeople] {
        let mut a = app("11:05");
        press(&mut a, &[view, C::Help, C::Back, C::ViewAgenda]);
        assert_eq!(a.view, View::Agenda);
        assert_eq!(a.overlay, None);
    }
    let mut a = app("11:05");
    a.update(Action::Command(C::ViewPeople));
    a.update(Action::Command(C::Now));
    assert_eq!(a.view, View::Agenda);
}

#[test]
fn brackets_step_through_the_parts_of_the_day() {
    let mut a = app("11:05");
    assert!(a.live.follow);
    press(&mut a, &[C::NextSection]);
    assert_eq!(selected_id(&a), "panel-3", "the afternoon");
    assert!(!a.live.follow, "moving by hand stops following");
    press(&mut a, &[C::NextSection]);
    assert_eq!(selected_id(&a), "panel-3", "no part after the last");
    press(&mut a, &[C::Down, C::PrevSection]);
    assert_eq!(selected_id(&a), "panel-3", "back to the start of this part");
    press(&mut a, &[C::PrevSection]);
    assert_eq!(selected_id(&a), "opening", "then of the one before");
    // With the keys in the people pane, they still move the timeline.
    press(&mut a, &[C::NextPane, C::NextSection]);
    assert_eq!(a.focus(), Pane::People);
    assert_eq!(selected_id(&a), "panel-3");
    // Other views have no parts: nothing moves.
    press(&mut a, &[C::ViewPeople, C::PrevSection]);
    assert_eq!(a.view, View::People);
    assert_eq!(selected_id(&a), "panel-3");
}
