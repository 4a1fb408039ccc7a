//! Moving around on small terminals: panes left out or taking turns,
//! and what scrolls when the text does not fit.

use crate::support::screen;

use dais::app::{Action, Command as C, Pane};
use screen::{app_sized, press, selected_id};

#[test]
fn a_long_key_message_text_scrolls_on_a_small_terminal() {
    let mut a = app_sized("11:05", 80, 24);
    press(&mut a, &[C::ViewMessages, C::NextPane, C::Down, C::Down]);
    assert_eq!(a.views.messages.text_scroll, 2);
    press(&mut a, &[C::Bottom]);
    let text = a.screen().pane(Pane::Text);
    let lines = a.views.messages.text_lines(&a, text.width - 2).len();
    assert_eq!(
        a.views.messages.text_scroll,
        lines - usize::from(text.height - 2)
    );
    press(&mut a, &[C::PrevPane, C::Down]);
    assert_eq!(a.views.messages.text_scroll, 0);
}

#[test]
fn help_scrolls_on_a_small_terminal() {
    let mut a = app_sized("11:05", 80, 24);
    press(&mut a, &[C::Help, C::PageDown]);
    let inner = usize::from(a.screen().overlay.height - 2);
    assert_eq!(a.overlay_scroll, inner);
    press(&mut a, &[C::Bottom]);
    let lines = dais::ui::help::lines(&a).len();
    assert_eq!(a.overlay_scroll, lines - inner);
}

#[test]
fn a_short_terminal_gives_the_timeline_the_rows_other_panes_cannot_use() {
    // 80x12: eight rows between the status line and the footer. The
    // session would have one line inside its borders, people and key
    // messages none: all three are left out.
    let mut a = app_sized("11:05", 80, 12);
    let s = a.screen();
    assert_eq!(s.pane(Pane::Timeline).height, 8);
    assert!(
        s.pane(Pane::Session).is_empty()
            && s.pane(Pane::People).is_empty()
            && s.pane(Pane::Messages).is_empty()
    );
    // Tab has nowhere else to go.
    press(&mut a, &[C::NextPane]);
    assert_eq!(a.focus(), Pane::Timeline);
    // 80x24 has room for them all; Tab reaches people.
    a.update(Action::Resize {
        width: 80,
        height: 24,
    });
    press(&mut a, &[C::NextPane]);
    assert_eq!(a.focus(), Pane::People);
    // Shrunk again, the keys go back to the timeline.
    a.update(Action::Resize {
        width: 80,
        height: 12,
    });
    assert_eq!(a.focus(), Pane::Timeline);
    press(&mut a, &[C::Down]);
    assert_eq!(selected_id(&a), "panel-2");
}

#[test]
fn a_narrow_terminal_keeps_the_panes_that_have_a_line_to_show() {
    // 60x20: the session and people fit; key messages would get a single
    // row of border, so Tab goes timeline, people, timeline.
    let mut a = app_sized("11:05", 60, 20);
    let s = a.screen();
    assert!(!s.pane(Pane::Session).is_empty() && s.pane(Pane::People).height >= 3);
    assert!(s.pane(Pane::Messages).is_empty());
    press(&mut a, &[C::NextPane]);
    assert_eq!(a.focus(), Pane::People);
    press(&mut a, &[C::NextPane]);
    assert_eq!(a.focus(), Pane::Timeline);
    press(&mut a, &[C::PrevPane]);
    assert_eq!(a.focus(), Pane::People);
}

#[test]
fn on_a_short_terminal_tab_reaches_the_panes_that_take_turns() {
    // 80x15: the key messages view has room for its list and one pane.
    let mut a = app_sized("11:05", 80, 15);
    press(&mut a, &[C::ViewMessages]);
    let s = a.screen();
    assert!(s.body.taking_turns);
    assert!(
        !s.pane(Pane::Text).is_empty() && s.pane(Pane::Sessions).is_empty(),
        "the text first"
    );
    press(&mut a, &[C::NextPane]);
    assert_eq!(a.focus(), Pane::Text);
    press(&mut a, &[C::NextPane]);
    assert_eq!(a.focus(), Pane::Sessions);
    let s = a.screen();
    assert!(
        s.pane(Pane::Text).is_empty() && !s.pane(Pane::Sessions).is_empty(),
        "in one place"
    );
    press(&mut a, &[C::NextPane]);
    assert_eq!(a.focus(), Pane::List);
    press(&mut a, &[C::PrevPane]);
    assert_eq!(a.focus(), Pane::Sessions);
    // Taller, all three show at once and nothing takes turns.
    a.update(Action::Resize {
        width: 80,
        height: 24,
    });
    let s = a.screen();
    assert!(
        !s.body.taking_turns
            && !s.pane(Pane::Text).is_empty()
            && !s.pane(Pane::Sessions).is_empty()
    );
    assert_eq!(a.focus(), Pane::Sessions);
}
