//! The key messages and people views and the whole screen drawn into a
//! buffer, and the monochrome theme: selection and focus without colour.

use crate::support::screen;

use dais::app::{Action, App, Command as C, Pane};
use dais::theme::Theme;
use dais::views::ViewState;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use screen::{
    app, app_sized, has_style, locate, person, press, render, search, style_at, style_in, style_of,
    text,
};

/// Draws the key messages or people view into a 120x36 body as the layout
/// places it.
fn view(a: &App) -> Buffer {
    let s = a.screen();
    let mut buf = Buffer::empty(Rect::new(0, 0, a.size.0, a.size.1));
    match a.view {
        dais::app::View::Messages => a.views.messages.render(a, &s, &mut buf),
        _ => a.views.people.render(a, &s, &mut buf),
    }
    buf
}

#[test]
fn messages_view_highlights_the_sessions_of_the_selected_message() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewMessages, C::Down, C::Down, C::Down]);
    let t = a.theme;
    let buf = view(&a);
    let s = text(&buf);
    assert!(s.contains("Key messages · 5"));
    assert!(s.contains("Sessions that speak to it · 1"), "{s}");
    let list = a.screen().pane(Pane::List);
    // The selected message, focused.
    assert!(has_style(style_in(&buf, list, "4. Effective"), t.selected));
    assert!(!has_style(style_in(&buf, list, "3. Recognize"), t.selected));
    // Its one session is marked and chosen (idle: the list has focus);
    // the others are dim.
    let (x, y) = locate(&buf, "» 16:25-17:50 Panel 4");
    assert!(has_style(style_at(&buf, x, y), t.matched));
    assert!(has_style(style_at(&buf, x + 3, y), t.selected_idle));
    assert!(has_style(style_of(&buf, "10:30-11:45 Panel 1"), t.dim));
    // Tab to the sessions: they take the focus style.
    press(&mut a, &[C::NextPane, C::NextPane]);
    let buf = view(&a);
    assert!(has_style(style_of(&buf, "16:25-17:50 Panel 4"), t.selected));
    assert!(has_style(
        style_in(&buf, list, "4. Effective"),
        t.selected_idle
    ));
    let (x, y) = locate(&buf, "Sessions that speak");
    assert_eq!(buf[(x - 2, y)].symbol(), "┏");
}

#[test]
fn messages_view_links_several_sessions() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewMessages]);
    let buf = view(&a);
    let marked: Vec<&str> = text(&buf)
        .lines()
        .filter(|l| l.contains("» "))
        .map(|l| {
            if l.contains("Introductory") {
                "intro"
            } else if l.contains("Panel 1") {
                "p1"
            } else if l.contains("Panel 4") {
                "p4"
            } else {
                "other"
            }
        })
        .collect();
    assert_eq!(marked, ["intro", "p1", "p4"]);
}

#[test]
fn people_view_shows_a_persons_sessions_and_roles() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewPeople]);
    let ezeilo = person(&a, "joy-ngozi-ezeilo");
    press(&mut a, &vec![C::Down; ezeilo]);
    let t = a.theme;
    let buf = view(&a);
    let s = text(&buf);
    let list = a.screen().pane(Pane::List);
    assert!(s.contains("People · 26"), "{s}");
    assert!(has_style(
        style_in(&buf, list, "Professor Joy Ngozi Ezeilo"),
        t.selected
    ));
    assert!(s.contains("Dean, Faculty of Law"), "{s}");
    assert!(s.contains("Their sessions · 1 · Enter to go"), "{s}");
    assert!(
        s.contains("10:30-11:45 Panel 1: A Human-rights-based, surviv… · panellist ▶ video│"),
        "{s}"
    );
    // The one session is chosen, idle until its pane has focus.
    assert!(has_style(
        style_of(&buf, "10:30-11:45 Panel 1"),
        t.selected_idle
    ));
    press(&mut a, &[C::NextPane]);
    let buf = view(&a);
    assert!(has_style(style_of(&buf, "10:30-11:45 Panel 1"), t.selected));
    assert!(has_style(
        style_in(&buf, list, "Professor Joy"),
        t.selected_idle
    ));
}

#[test]
fn people_view_marks_a_video_appearance_in_the_role() {
    let mut a = app("11:05");
    // Say Peter Thomson closed the hearing by video.
    let closing = screen::session(&a, "closing");
    std::sync::Arc::make_mut(&mut a.agenda).sessions[closing].participants[0].appearance =
        dais::agenda::Appearance::Video;
    press(&mut a, &[C::ViewPeople]);
    let buf = view(&a);
    let sessions = a.screen().pane(Pane::Sessions);
    // Not the chosen row: the role is in the video style.
    let role = style_in(&buf, sessions, "chair ▶ video");
    assert!(has_style(role, a.theme.video), "{role:?}");
    let first = style_in(&buf, sessions, "10:00-10:15");
    assert!(has_style(first, a.theme.selected_idle));
}

#[test]
fn the_whole_screen_composes_the_panes() {
    let a = app("11:05");
    let buf = render(&a);
    let s = text(&buf);
    let sc = a.screen();
    assert_eq!(
        buf[(sc.pane(Pane::Timeline).x, sc.pane(Pane::Timeline).y)].symbol(),
        "┏"
    );
    assert_eq!(
        buf[(sc.pane(Pane::Session).x, sc.pane(Pane::Session).y)].symbol(),
        "┌"
    );
    assert_eq!(
        buf[(sc.pane(Pane::People).x, sc.pane(Pane::People).y)].symbol(),
        "┌"
    );
    assert_eq!(
        buf[(sc.pane(Pane::Messages).x, sc.pane(Pane::Messages).y)].symbol(),
        "┌"
    );
    for needle in [
        "Informal Interactive Multi-stakeholder Hearing",
        "● LIVE Panel 1",
        "Programme · 7 sessions",
        "Panellists (5) · by video: Joy Ngozi Ezeilo, Mohna Ansari",
        "Key messages · 2",
        "? help  q quit",
    ] {
        assert!(s.contains(needle), "{needle:?}:\n{s}");
    }
    // Too small: only the notice.
    let mut small = app("11:05");
    small.update(Action::Resize {
        width: 39,
        height: 20,
    });
    let s = text(&render(&small));
    assert!(s.contains("Terminal too small: 39x20"), "{s}");
    assert!(!s.contains("Programme"), "{s}");
}

#[test]
fn monochrome_has_no_colour_yet_selection_and_focus_show() {
    let mut states: Vec<App> = Vec::new();
    let mono = |a: App| a.with_theme(Theme::monochrome());
    states.push(mono(app("11:05")));
    let mut a = mono(app("11:05"));
    press(&mut a, &[C::Later, C::Later, C::NextPane]);
    states.push(a);
    let mut a = mono(app("11:05"));
    search(&mut a, "panel");
    states.push(a);
    for v in [C::ViewMessages, C::ViewPeople, C::Help, C::Open] {
        let mut a = mono(app("11:05"));
        press(&mut a, &[v]);
        states.push(a);
    }
    for a in &states {
        let buf = render(a);
        for cell in buf.content() {
            assert_eq!(cell.fg, Color::Reset, "fg in {:?}", a.view);
            assert_eq!(cell.bg, Color::Reset, "bg in {:?}", a.view);
        }
    }
    // Selection: reversed; focus: a thick, bold border.
    let a = &states[0];
    let buf = render(a);
    let sc = a.screen();
    let sel = style_in(&buf, sc.pane(Pane::Timeline), "Panel 1: A Human");
    assert!(sel.add_modifier.contains(Modifier::REVERSED), "{sel:?}");
    let plain = style_in(&buf, sc.pane(Pane::Timeline), "Panel 3: Trafficking");
    assert!(!plain.add_modifier.contains(Modifier::REVERSED));
    assert_eq!(
        buf[(sc.pane(Pane::Timeline).x, sc.pane(Pane::Timeline).y)].symbol(),
        "┏"
    );
    assert!(
        style_at(&buf, sc.pane(Pane::Timeline).x, sc.pane(Pane::Timeline).y)
            .add_modifier
            .contains(Modifier::BOLD)
    );
    assert_eq!(
        buf[(sc.pane(Pane::People).x, sc.pane(Pane::People).y)].symbol(),
        "┌"
    );
    // Idle selection still differs from plain text and from focus.
    let buf = render(&states[1]);
    let idle = style_in(&buf, sc.pane(Pane::Timeline), "Panel 1: A Human");
    assert!(idle.add_modifier.contains(Modifier::REVERSED));
    assert_ne!(idle, sel);
    // Search matches are underlined.
    let buf = render(&states[2]);
    let hit = style_in(&buf, sc.pane(Pane::Timeline), "Panel 3");
    assert!(hit.add_modifier.contains(Modifier::UNDERLINED), "{hit:?}");
}

#[test]
fn on_a_short_terminal_the_panes_below_the_list_take_turns() {
    // 80x15: nine rows for the body, room for the list and one pane.
    let mut a = app_sized("11:05", 80, 15);
    press(&mut a, &[C::ViewMessages]);
    let s = text(&render(&a));
    // The list has the keys: the selected message's text is below it.
    assert!(s.contains("┌ Text"), "{s}");
    assert!(s.contains("Strong emphasis was laid"), "{s}");
    assert!(!s.contains("Sessions that speak"), "{s}");
    // Tab into the text: it takes the focus border.
    press(&mut a, &[C::NextPane]);
    let buf = render(&a);
    let (x, y) = locate(&buf, "Text");
    assert_eq!(buf[(x - 2, y)].symbol(), "┏");
    // Tab again: the sessions take its place, focused.
    press(&mut a, &[C::NextPane]);
    let buf = render(&a);
    let s = text(&buf);
    assert!(!s.contains("Strong emphasis"), "{s}");
    let (x, y) = locate(&buf, "Sessions that speak to it · 3");
    assert_eq!(buf[(x - 2, y)].symbol(), "┏");
    // The first session that speaks to it is chosen.
    assert!(has_style(
        style_of(&buf, "10:15-10:30 Introductory"),
        a.theme.selected
    ));
    // The people view: who the person is, then their sessions.
    press(&mut a, &[C::ViewPeople]);
    let s = text(&render(&a));
    assert!(s.contains("President of the General Assembly"), "{s}");
    assert!(!s.contains("Their sessions"), "{s}");
    press(&mut a, &[C::NextPane]);
    let s = text(&render(&a));
    assert!(s.contains("Their sessions · 2"), "{s}");
    assert!(!s.contains("President of the General Assembly"), "{s}");
}

#[test]
fn the_changes_view_lists_each_change_marked_with_the_selection_styled() {
    let mut a = app("11:05");
    let mut old = dais::agenda::Agenda::clone(&a.agenda);
    old.sessions.retain(|s| &*s.id != "closing");
    let p3 = old
        .sessions
        .iter_mut()
        .find(|s| &*s.id == "panel-3")
        .unwrap();
    p3.span.local_start -= chrono::Duration::minutes(15);
    p3.span.start -= chrono::Duration::minutes(15);
    let kept = dais::agenda::digest::Digest::of(&old).encode();
    a.set_seen(Some(dais::store::Kept::Digest(kept)));
    a.settle_seen(&mut dais::seen::Seer::default());
    let banner = a.banner.clone().expect("a banner");
    assert_eq!(
        banner.text,
        "Changed since you last looked: 1 moved, 1 new · c shows them"
    );
    press(&mut a, &[C::ViewChanges]);
    let t = a.theme;
    let s = a.screen();
    let mut buf = Buffer::empty(Rect::new(0, 0, a.size.0, a.size.1));
    a.views.changes.render(&a, &s, &mut buf);
    let text = text(&buf);
    assert!(
        text.contains("Changes since you last looked · 1 moved, 1 new"),
        "{text}"
    );
    assert!(
        text.contains("~ Panel 3 moved from 14:45 to 15:00"),
        "{text}"
    );
    assert!(text.contains("+ Closing of the hearing"), "{text}");
    assert!(has_style(style_of(&buf, "~ Panel 3 moved"), t.selected));
    assert!(!has_style(style_of(&buf, "+ Closing"), t.selected));
    assert_eq!(a.banner, None, "looked at");
}

#[test]
fn the_grid_marks_the_selected_box_live_and_now_with_styles() {
    use dais::app::Command as C;
    let mut a = crate::support::screen::app("11:05");
    a.update(C::ViewGrid.into());
    let buf = crate::support::screen::render(&a);
    let t = a.theme;
    // The selected (live) box carries the selection; the now line is live.
    let sel = crate::support::screen::style_of(&buf, "10:30 Panel 1");
    assert!(
        crate::support::screen::has_style(sel, t.selected),
        "{sel:?}"
    );
    // The now line: its time on the axis and a rule through the box.
    let screen = crate::support::screen::text(&buf);
    let y = screen
        .lines()
        .position(|l| l.starts_with("┃11:05 ├──"))
        .expect(&screen);
    let y = u16::try_from(y).unwrap();
    assert!(crate::support::screen::has_style(
        buf[(1, y)].style(),
        t.live
    ));
    assert!(crate::support::screen::has_style(
        buf[(8, y)].style(),
        t.live
    ));
    let past = crate::support::screen::style_of(&buf, "Opening");
    assert!(crate::support::screen::has_style(past, t.past), "{past:?}");
}
