//! `App::update` for the mouse and the terminal: clicks select the row
//! under the pointer (found from `app.screen()`), the wheel scrolls the pane
//! under it, and a resize keeps the selection in view.

use crate::support::screen;

use dais::app::{Action, App, Command as C, Overlay, Pane, Row, View};
use ratatui::layout::Rect;
use screen::{app, app_sized, press, selected_id, session};

fn click(a: &mut App, x: u16, y: u16) {
    a.update(Action::Click { x, y });
}

/// The screen row of timeline row `row`, if visible.
fn timeline_y(a: &App, row: usize) -> Option<u16> {
    let t = a.screen().pane(Pane::Timeline);
    let line = row.checked_sub(a.views.agenda.top)?;
    (line < usize::from(t.height - 2)).then(|| t.y + 1 + u16::try_from(line).unwrap())
}

fn inside(r: Rect) -> u16 {
    r.x + r.width / 2
}

#[test]
fn clicking_a_session_selects_it_and_stops_following() {
    for (w, h, id) in [(120, 40, "panel-3"), (80, 24, "panel-2")] {
        let mut a = app_sized("11:05", w, h);
        assert!(a.live.follow);
        let row = a.index.row_of[session(&a, id)];
        let y = timeline_y(&a, row).expect("in view");
        let x = inside(a.screen().pane(Pane::Timeline));
        click(&mut a, x, y);
        assert_eq!(selected_id(&a), id, "{w}x{h}");
        assert!(!a.live.follow);
        assert_eq!(a.focus(), Pane::Timeline);
    }
    // On the smallest screen, after scrolling to the end.
    let mut a = app_sized("11:05", 40, 12);
    press(&mut a, &[C::Bottom]);
    let row = a.index.row_of[session(&a, "panel-3")];
    let y = timeline_y(&a, row).expect("panel 3 is in view");
    click(&mut a, 5, y);
    assert_eq!(selected_id(&a), "panel-3");
}

#[test]
fn clicking_every_visible_row_selects_exactly_its_session() {
    let mut a = app("11:05");
    let t = a.screen().pane(Pane::Timeline);
    for y in t.y + 1..t.y + t.height - 1 {
        let before = a.selected();
        click(&mut a, t.x + 3, y);
        let row = a.views.agenda.top + usize::from(y - t.y - 1);
        match a.index.rows.get(row) {
            Some(Row::Session(i)) => assert_eq!(a.selected(), *i, "row {row}"),
            _ => assert_eq!(a.selected(), before, "heading, gap or blank row {row}"),
        }
    }
}

#[test]
fn clicking_a_border_or_heading_focuses_without_selecting() {
    let mut a = app("11:05");
    let t = a.screen().pane(Pane::Timeline);
    press(&mut a, &[C::NextPane]);
    click(&mut a, t.x + 3, t.y);
    assert_eq!(a.focus(), Pane::Timeline);
    assert_eq!(selected_id(&a), "panel-1");
    assert!(a.live.follow);
    // Row 0 is the "Morning Meeting" heading.
    assert!(matches!(a.index.rows[0], Row::Part(_)));
    click(&mut a, t.x + 3, t.y + 1);
    assert_eq!(selected_id(&a), "panel-1");
    click(&mut a, t.x + 3, t.y + t.height - 1);
    assert_eq!(selected_id(&a), "panel-1");
}

#[test]
fn clicking_the_people_or_messages_pane_focuses_it() {
    let mut a = app("11:05");
    let s = a.screen();
    click(
        &mut a,
        inside(s.pane(Pane::People)),
        s.pane(Pane::People).y + 2,
    );
    assert_eq!(a.focus(), Pane::People);
    click(
        &mut a,
        inside(s.pane(Pane::Messages)),
        s.pane(Pane::Messages).y + 2,
    );
    assert_eq!(a.focus(), Pane::Messages);
    assert_eq!(selected_id(&a), "panel-1");
}

#[test]
fn clicks_outside_the_panes_or_under_an_overlay_do_nothing() {
    let mut a = app("11:05");
    press(&mut a, &[C::NextPane]);
    let s = a.screen();
    for (x, y) in [
        (1, s.header.y),
        (1, s.status.y),
        (1, s.footer.y),
        (500, 500),
    ] {
        click(&mut a, x, y);
        assert_eq!(a.focus(), Pane::People, "click at {x},{y}");
    }
    press(&mut a, &[C::Help]);
    let y = timeline_y(&a, a.index.row_of[0]).unwrap();
    click(&mut a, 3, y);
    assert_eq!(a.overlay, Some(Overlay::Help));
    assert_eq!(selected_id(&a), "panel-1");
}

#[test]
fn clicking_in_the_key_messages_view_selects_messages_and_linked_sessions() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewMessages]);
    let list = a.screen().pane(Pane::List);
    click(&mut a, inside(list), list.y + 1 + 3);
    assert_eq!(a.views.messages.list.selected, 3);
    assert_eq!(a.focus(), Pane::List);
    // Below the last message: nothing.
    click(&mut a, inside(list), list.y + 1 + 7);
    assert_eq!(a.views.messages.list.selected, 3);

    // The sessions pane shows the whole programme; clicking a linked one
    // selects it, clicking another does not.
    click(&mut a, inside(list), list.y + 1);
    assert_eq!(a.views.messages.sessions(&a), [1, 2, 5]);
    let sessions = a.screen().pane(Pane::Sessions);
    let top = a
        .views
        .messages
        .programme_top(&a, usize::from(sessions.height - 2));
    let y_of = |i: usize| sessions.y + 1 + u16::try_from(i - top).unwrap();
    click(&mut a, inside(sessions), y_of(5));
    assert_eq!(a.focus(), Pane::Sessions);
    assert_eq!(a.views.messages.linked.selected, 2);
    click(&mut a, inside(sessions), y_of(3));
    assert_eq!(
        a.views.messages.linked.selected, 2,
        "panel 2 does not speak to message 1"
    );
    // Then Enter goes there.
    press(&mut a, &[C::Open]);
    assert_eq!((a.view, selected_id(&a)), (View::Agenda, "panel-4"));
}

#[test]
fn clicking_in_the_people_view_selects_people_and_their_sessions() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewPeople]);
    let list = a.screen().pane(Pane::List);
    click(&mut a, inside(list), list.y + 1);
    assert_eq!(a.views.people.list.selected, 0);
    let sessions = a.screen().pane(Pane::Sessions);
    click(&mut a, inside(sessions), sessions.y + 2);
    assert_eq!(
        (a.focus(), a.views.people.linked.selected),
        (Pane::Sessions, 1)
    );
    click(&mut a, inside(sessions), sessions.y + 3);
    assert_eq!(
        a.views.people.linked.selected, 1,
        "Peter Thomson has two sessions"
    );
    click(&mut a, inside(list), list.y + 1 + 19);
    assert_eq!(
        a.agenda.people[a.views.people.list.selected].id,
        "vinicius-pinheiro"
    );
    assert_eq!(a.views.people.linked.selected, 0);
}

#[test]
fn clicking_a_scrolled_list_counts_from_its_first_visible_row() {
    let mut a = app_sized("11:05", 80, 24);
    press(&mut a, &[C::ViewPeople, C::Bottom]);
    assert!(a.views.people.list.top > 0);
    let list = a.screen().pane(Pane::List);
    click(&mut a, inside(list), list.y + 1);
    assert_eq!(a.views.people.list.selected, a.views.people.list.top);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_and_keeps_the_focus() {
    let mut a = app_sized("11:05", 80, 24);
    let s = a.screen();
    a.update(Action::Scroll {
        x: inside(s.pane(Pane::People)),
        y: s.pane(Pane::People).y + 2,
        lines: 1,
    });
    assert_eq!(a.views.agenda.people_scroll, 3);
    assert_eq!(a.focus(), Pane::Timeline);
    assert_eq!(selected_id(&a), "panel-1");
    a.update(Action::Scroll {
        x: inside(s.pane(Pane::Messages)),
        y: s.pane(Pane::Messages).y + 2,
        lines: 2,
    });
    assert_eq!(a.views.agenda.messages_scroll, 6);
    a.update(Action::Scroll {
        x: inside(s.pane(Pane::People)),
        y: s.pane(Pane::People).y + 2,
        lines: -1,
    });
    assert_eq!(a.views.agenda.people_scroll, 0);
    // Over the timeline it moves the selection.
    a.update(Action::Scroll {
        x: inside(s.pane(Pane::Timeline)),
        y: s.pane(Pane::Timeline).y + 2,
        lines: 1,
    });
    assert_eq!(selected_id(&a), "panel-4");
    assert!(!a.live.follow);
    // Over the header, nothing.
    a.update(Action::Scroll {
        x: 1,
        y: 0,
        lines: 1,
    });
    assert_eq!(selected_id(&a), "panel-4");
}

#[test]
fn the_wheel_scrolls_an_open_overlay_wherever_it_is() {
    let mut a = app_sized("11:05", 80, 24);
    press(&mut a, &[C::Open]);
    a.update(Action::Scroll {
        x: 0,
        y: 0,
        lines: 2,
    });
    assert_eq!(a.overlay_scroll, 6);
    assert_eq!(selected_id(&a), "panel-1");
}

#[test]
fn the_wheel_in_the_key_messages_view_scrolls_the_text() {
    let mut a = app_sized("11:05", 80, 24);
    press(&mut a, &[C::ViewMessages]);
    let text = a.screen().pane(Pane::Text);
    a.update(Action::Scroll {
        x: inside(text),
        y: text.y + 1,
        lines: 1,
    });
    assert_eq!(a.views.messages.text_scroll, 3);
    assert_eq!(a.focus(), Pane::List);
    let list = a.screen().pane(Pane::List);
    a.update(Action::Scroll {
        x: inside(list),
        y: list.y + 1,
        lines: 1,
    });
    assert_eq!(a.views.messages.list.selected, 3);
}

#[test]
fn resizing_keeps_the_selected_session_in_view() {
    let mut a = app("11:05");
    press(&mut a, &[C::Bottom]);
    for (w, h) in [
        (80, 12),
        (40, 12),
        (120, 40),
        (80, 14),
        (300, 100),
        (80, 12),
    ] {
        a.update(Action::Resize {
            width: w,
            height: h,
        });
        assert_eq!(a.size, (w, h));
        assert!(
            timeline_y(&a, a.index.row_of[a.selected()]).is_some(),
            "closing hidden at {w}x{h}"
        );
    }
    press(&mut a, &[C::Top]);
    a.update(Action::Resize {
        width: 40,
        height: 12,
    });
    assert!(timeline_y(&a, a.index.row_of[a.selected()]).is_some());
}

#[test]
fn resizing_keeps_the_selected_person_and_message_in_view() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewPeople, C::Bottom]);
    a.update(Action::Resize {
        width: 80,
        height: 24,
    });
    let h = usize::from(a.screen().pane(Pane::List).height - 2);
    assert!(
        (a.views.people.list.top..a.views.people.list.top + h)
            .contains(&a.views.people.list.selected),
        "person {} not in {}..+{h}",
        a.views.people.list.selected,
        a.views.people.list.top
    );
    // The same for the key messages list on a tiny terminal.
    press(&mut a, &[C::ViewMessages]);
    a.update(Action::Resize {
        width: 120,
        height: 40,
    });
    press(&mut a, &[C::Bottom]);
    a.update(Action::Resize {
        width: 80,
        height: 12,
    });
    let h = usize::from(a.screen().pane(Pane::List).height - 2);
    assert!(
        (a.views.messages.list.top..a.views.messages.list.top + h)
            .contains(&a.views.messages.list.selected)
    );
}

#[test]
fn resizing_below_the_minimum_and_back_is_harmless() {
    let mut a = app("11:05");
    press(&mut a, &[C::Down]);
    for (w, h) in [(0, 0), (1, 1), (39, 11), (120, 40)] {
        a.update(Action::Resize {
            width: w,
            height: h,
        });
    }
    assert_eq!(selected_id(&a), "panel-2");
    assert!(timeline_y(&a, a.index.row_of[a.selected()]).is_some());
}

#[test]
fn the_session_pane_scrolls_under_the_wheel_and_by_keys_once_clicked() {
    // 80x24: the opening's description is longer than its pane.
    let mut a = app_sized("10:05", 80, 24);
    let s = a.screen().pane(Pane::Session);
    let lines = dais::views::agenda::session::lines(&a, s.width - 2).len();
    let inner = usize::from(s.height - 2);
    assert!(lines > inner, "{lines} lines in {inner} rows");
    let (x, y) = (inside(s), s.y + 1);
    a.update(Action::Scroll { x, y, lines: 1 });
    assert_eq!(
        a.views.agenda.session_scroll,
        lines - inner,
        "clamped at the end"
    );
    assert_eq!(
        a.focus(),
        Pane::Timeline,
        "the wheel leaves the keys where they were"
    );
    a.update(Action::Scroll { x, y, lines: -1 });
    assert_eq!(a.views.agenda.session_scroll, 0);
    // A click gives it the keys; arrows scroll it, not the selection.
    click(&mut a, x, y);
    assert_eq!(a.focus(), Pane::Session);
    press(&mut a, &[C::Down]);
    assert_eq!(a.views.agenda.session_scroll, 1);
    assert_eq!(selected_id(&a), "opening");
    // Tab goes on to the people; another session starts at its top.
    press(&mut a, &[C::NextPane]);
    assert_eq!(a.focus(), Pane::People);
    press(&mut a, &[C::PrevPane, C::Down]);
    assert_eq!(selected_id(&a), "introductory-statements");
    assert_eq!(a.views.agenda.session_scroll, 0);
}
