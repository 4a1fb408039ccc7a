//! `App::update` for my programme: `*` and `f` star, `x` hides, `X` shows
//! the hidden, `o` shows only starred, `z` switches the zone; clashes after
//! the shift; reminders when due, and only then.

use crate::support::screen;

use chrono::Duration;
use dais::agenda::Mark;
use dais::app::{Action, App, Command as C, Row};
use dais::store::Change;
use screen::{app, at, press, render, selected_id, session, text};

fn select(a: &mut App, id: &str) {
    let i = session(a, id);
    a.select_session(i);
}

fn star(id: &str, on: bool) -> Change {
    Change::Mark {
        session: id.into(),
        mark: Mark::Star,
        on,
    }
}

#[test]
fn star_toggles_asks_to_save_and_shows_a_star() {
    let mut a = app("11:05");
    select(&mut a, "panel-3");
    press(&mut a, &[C::Star]);
    assert!(a.programme.is_starred(session(&a, "panel-3")));
    assert_eq!(a.changes, [star("panel-3", true)]);
    a.banner = None;
    let screen = text(&render(&a));
    assert!(screen.contains("★ Panel 3"), "{screen}");
    assert!(
        screen.contains("★ 1"),
        "the status line counts them:\n{screen}"
    );
    a.changes.clear();
    press(&mut a, &[C::Star]);
    assert!(!a.programme.is_starred(session(&a, "panel-3")));
    assert_eq!(a.changes, [star("panel-3", false)]);
    assert!(!text(&render(&a)).contains("★ 1"));
}

#[test]
fn hide_leaves_the_timeline_and_x_shows_hidden_sessions_dimmed() {
    let mut a = app("11:05");
    select(&mut a, "panel-2");
    press(&mut a, &[C::Hide]);
    let p2 = session(&a, "panel-2");
    assert!(!a.index.rows.contains(&Row::Session(p2)));
    // The selection moves to the next session on show.
    assert_eq!(selected_id(&a), "panel-3");
    a.banner = None;
    let screen = text(&render(&a));
    assert!(screen.contains("1 hidden"), "{screen}");
    assert!(screen.contains("Programme · 6 of 7 sessions"), "{screen}");
    assert!(!screen.contains("Panel 2: Trafficking"), "{screen}");
    // Down from Panel 1 skips the hidden one.
    select(&mut a, "panel-1");
    press(&mut a, &[C::Down]);
    assert_eq!(selected_id(&a), "panel-3");
    press(&mut a, &[C::ShowHidden]);
    assert!(a.index.rows.contains(&Row::Session(p2)));
    let screen = text(&render(&a));
    assert!(screen.contains("✕ Panel 2"), "{screen}");
    // x on a hidden one shows it again.
    select(&mut a, "panel-2");
    press(&mut a, &[C::Hide]);
    assert!(!a.programme.is_hidden(p2));
    // Nothing hidden: with `X` off again every session is on show.
    press(&mut a, &[C::ShowHidden]);
    assert!(a.index.rows.contains(&Row::Session(p2)) && a.index.shows_all());
}

#[test]
fn only_starred_shows_the_starred_alone_and_says_so() {
    let mut a = app("11:05");
    press(&mut a, &[C::OnlyStarred]);
    assert!(
        !a.programme.filter.only_starred,
        "nothing starred: nothing to show"
    );
    select(&mut a, "panel-3");
    press(&mut a, &[C::Star]);
    select(&mut a, "panel-4");
    press(&mut a, &[C::Star, C::OnlyStarred]);
    let sessions: Vec<usize> = a
        .index
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Session(i) => Some(*i),
            _ => None,
        })
        .collect();
    assert_eq!(sessions, [session(&a, "panel-3"), session(&a, "panel-4")]);
    let screen = text(&render(&a));
    assert!(screen.contains("only starred (o: all)"), "{screen}");
    // The title counts what the timeline shows, of how many.
    assert!(screen.contains("Programme · 2 of 7 sessions"), "{screen}");
    press(&mut a, &[C::OnlyStarred]);
    assert!(text(&render(&a)).contains("Programme · 7 sessions"));
    assert_eq!(
        a.index
            .rows
            .iter()
            .filter(|r| matches!(r, Row::Session(_)))
            .count(),
        7
    );
}

#[test]
fn starred_sessions_that_overlap_after_the_shift_are_both_marked() {
    let mut a = app("16:30");
    select(&mut a, "panel-3");
    press(&mut a, &[C::Star]);
    select(&mut a, "panel-4");
    press(&mut a, &[C::Star]);
    let (p3, p4) = (session(&a, "panel-3"), session(&a, "panel-4"));
    assert!(a.programme.clashes(p3).is_empty());
    // Panel 4 is live at 16:30; five presses of - make it (and what
    // follows) 25 minutes early, into Panel 3's time.
    press(&mut a, &[C::Now]);
    press(&mut a, &[C::Earlier; 5]);
    assert_eq!(a.programme.clashes(p3)[0].other, p4);
    assert_eq!(a.programme.clashes(p4)[0].minutes, 25);
    let screen = text(&render(&a));
    assert_eq!(screen.matches("★⚠").count(), 2, "{screen}");
    // The detail names the other.
    select(&mut a, "panel-3");
    press(&mut a, &[C::Open]);
    let screen = text(&render(&a));
    assert!(
        screen.contains("overlaps Panel 4 (Conference Room 4) by 25 min"),
        "{screen}"
    );
}

#[test]
fn starring_a_clash_says_so_in_a_banner() {
    let mut a = app("16:30");
    select(&mut a, "panel-3");
    press(&mut a, &[C::Star, C::Now, C::Earlier, C::Earlier]);
    select(&mut a, "panel-4");
    press(&mut a, &[C::Star]);
    let b = a.banner.clone().expect("a banner");
    assert_eq!(
        b.text,
        "★ Panel 4 overlaps Panel 3 (Conference Room 4) by 10 min"
    );
}

#[test]
fn a_reminder_fires_once_when_due_and_wakes_the_loop_then() {
    let mut a = app("14:50");
    select(&mut a, "panel-3");
    press(&mut a, &[C::Star]);
    // The next wake is the minute, and the reminder at 14:55 no sooner.
    assert_eq!(a.next_reminder(), Some(at("14:55")));
    a.update(Action::Tick(at("14:54")));
    assert!(a.rings.is_empty());
    a.update(Action::Tick(at("14:55")));
    assert_eq!(a.rings, ["in 5 min: Panel 3 · Conference Room 4"]);
    assert_eq!(
        a.banner.as_ref().map(|b| b.text.as_str()),
        Some("in 5 min: Panel 3 · Conference Room 4")
    );
    a.rings.clear();
    a.update(Action::Tick(at("14:56")));
    assert!(a.rings.is_empty(), "once");
    assert_eq!(a.next_reminder(), None);
    // Idle with nothing due: the loop wakes once a minute, no sooner.
    let b = app("12:00");
    assert_eq!(b.next_change(), at("12:01"));
}

#[test]
fn started_late_inside_the_window_still_reminds_never_for_the_past() {
    let mut a = app("14:58");
    select(&mut a, "panel-3");
    press(&mut a, &[C::Star]);
    select(&mut a, "panel-1");
    press(&mut a, &[C::Star]);
    a.update(Action::Tick(at("14:58") + Duration::seconds(1)));
    assert_eq!(a.rings, ["in 2 min: Panel 3 · Conference Room 4"]);
}

#[test]
fn z_switches_every_time_to_the_viewers_zone_and_back() {
    let mut a = app("11:05").with_viewer_zone(Some(chrono_tz::Europe::Berlin));
    select(&mut a, "panel-1");
    let screen = text(&render(&a));
    assert!(screen.contains("10:30-11:45"), "{screen}");
    press(&mut a, &[C::Zone]);
    let screen = text(&render(&a));
    assert!(screen.contains("16:30-17:45"), "{screen}");
    assert!(screen.contains("times in CEST (your time)"), "{screen}");
    assert!(a.changes.iter().any(
        |c| matches!(c, Change::Setting { name, value } if name == "zone" && value == "viewer")
    ));
    press(&mut a, &[C::Zone]);
    let screen = text(&render(&a));
    assert!(screen.contains("10:30-11:45"), "{screen}");
    assert!(!screen.contains("times in CEST"));
}

#[test]
fn the_header_names_the_key_that_undoes_o_and_x_as_bound() {
    use dais::keymap::{Key, Keymap};
    let mut a = app("11:05");
    a.keymap = Keymap::new(vec![
        (Key::ch('*'), C::Star),
        (Key::ch('x'), C::Hide),
        (Key::ch('m'), C::OnlyStarred),
        (Key::ch('H'), C::ShowHidden),
    ]);
    select(&mut a, "panel-3");
    press(&mut a, &[C::Star, C::OnlyStarred]);
    let screen = text(&render(&a));
    assert!(screen.contains("only starred (m: all)"), "{screen}");
    press(&mut a, &[C::OnlyStarred, C::Hide, C::ShowHidden]);
    let screen = text(&render(&a));
    assert!(screen.contains("hidden shown (H: hide)"), "{screen}");
    // Bound to no key: the hint names none.
    a.keymap = Keymap::new(vec![(Key::ch('*'), C::Star)]);
    press(&mut a, &[C::ShowHidden, C::ShowHidden]);
    let screen = text(&render(&a));
    assert!(screen.contains(" hidden shown · Friday"), "{screen}");
}

#[test]
fn the_people_view_marks_starred_sessions() {
    let mut a = app("11:05");
    select(&mut a, "opening");
    press(&mut a, &[C::Star]);
    a.banner = None;
    // The President chairs the opening and the closing: his sessions,
    // the opening starred.
    let peter = screen::person(&a, "peter-thomson");
    press(&mut a, &[C::ViewPeople]);
    a.views.people.list.selected = peter;
    let buf = render(&a);
    let screen = text(&buf);
    let row = |time: &str| {
        screen
            .lines()
            .find(|l| l.contains(time))
            .unwrap_or_else(|| panic!("no {time} row:\n{screen}"))
            .to_owned()
    };
    assert!(
        row("10:00-10:15").contains("10:00-10:15 ★ Opening of"),
        "{screen}"
    );
    assert!(!row("17:50-18:00").contains('★'), "{screen}");
    let star = screen::style_of(&buf, "★ Opening");
    assert!(screen::has_style(star, a.theme.late), "{star:?}");
}

#[test]
fn star_in_the_people_view_acts_on_the_session_selected_there() {
    let mut a = app("11:05");
    // Panel 1 is the shared selection; the President's sessions are the
    // opening and the closing.
    let peter = screen::person(&a, "peter-thomson");
    press(&mut a, &[C::ViewPeople]);
    a.views.people.list.selected = peter;
    a.views.people.focus = dais::app::Pane::Sessions;
    press(&mut a, &[C::Down, C::Star]);
    assert!(a.programme.is_starred(session(&a, "closing")));
    assert!(!a.programme.is_starred(session(&a, "panel-1")));
    assert_eq!(a.changes, [star("closing", true)]);
    // x hides it, from there too.
    press(&mut a, &[C::Hide]);
    assert!(a.programme.is_hidden(session(&a, "closing")));
}

#[test]
fn star_in_the_key_messages_view_acts_on_the_session_selected_there() {
    let mut a = app("11:05");
    press(&mut a, &[C::ViewMessages]);
    let listed = a.views.messages.sessions(&a.shared).to_vec();
    let want = listed[a.views.messages.linked.selected];
    assert_ne!(want, a.selection, "not the shared selection");
    press(&mut a, &[C::Star]);
    assert!(a.programme.is_starred(want), "{listed:?}");
    assert_eq!(a.programme.starred_count(), 1);
}
