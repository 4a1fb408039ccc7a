//! `App::update` for following the meeting live: follow mode, ticks, and
//! the running-late shift (`+`, `-`, `s`, `0`).

use crate::support::screen;

use chrono::Duration;
use dais::app::live::shifted;
use dais::app::{Action, App, Banner, Command as C, View};
use dais::store::{Change, ShiftChange};
use dais::ui::times;
use screen::{app, at, press, selected_id, session};

/// The change `+` or `s` asks to save: `minutes` more from `session` on.
fn add(session: &str, minutes: i64) -> Change {
    Change::Shift(ShiftChange::Add {
        view: String::new(),
        session: session.into(),
        minutes,
    })
}

fn tick(a: &mut App, local: &str) {
    a.update(Action::Tick(at(local)));
}

#[test]
fn follow_is_on_by_default_and_selects_what_is_on() {
    for (local, id) in [
        ("09:00", "opening"),
        ("10:00", "opening"),
        ("10:29", "introductory-statements"),
        ("11:05", "panel-1"),
        ("11:45", "panel-2"),
        ("13:48", "panel-3"),
        ("17:59", "closing"),
        ("19:00", "closing"),
    ] {
        let a = app(local);
        assert!(a.live.follow);
        assert_eq!(selected_id(&a), id, "at {local}");
    }
}

#[test]
fn ticks_move_the_selection_while_following() {
    let mut a = app("11:05");
    tick(&mut a, "11:44:59");
    assert_eq!(selected_id(&a), "panel-1");
    tick(&mut a, "11:45");
    assert_eq!(selected_id(&a), "panel-2");
    tick(&mut a, "13:00");
    assert_eq!(selected_id(&a), "panel-3", "the next session in the gap");
    tick(&mut a, "18:30");
    assert_eq!(selected_id(&a), "closing");
    assert_eq!(a.live.now, at("18:30"));
}

#[test]
fn navigation_turns_follow_off_and_ticks_then_leave_the_selection() {
    for c in [C::Down, C::Up, C::PageDown, C::PageUp, C::Top, C::Bottom] {
        let mut a = app("11:05");
        press(&mut a, &[c]);
        assert!(!a.live.follow, "{c:?}");
        let chosen = a.selected();
        tick(&mut a, "15:30");
        assert_eq!(a.selected(), chosen, "{c:?}");
        assert_eq!(a.live.now, at("15:30"));
    }
    // Looking at other panes or views does not stop following.
    let mut a = app("11:05");
    press(
        &mut a,
        &[C::NextPane, C::Down, C::ViewPeople, C::Down, C::Help],
    );
    assert!(a.live.follow);
    press(&mut a, &[C::Back, C::ViewAgenda]);
    tick(&mut a, "15:30");
    assert_eq!(selected_id(&a), "panel-3");
}

#[test]
fn now_turns_follow_back_on_and_jumps_to_the_live_session() {
    let mut a = app("11:05");
    press(&mut a, &[C::Bottom, C::NextPane, C::ViewMessages]);
    assert!(!a.live.follow);
    press(&mut a, &[C::Now]);
    assert!(a.live.follow);
    assert_eq!(a.view, View::Agenda);
    assert_eq!(a.focus(), dais::app::Pane::Timeline);
    assert_eq!(selected_id(&a), "panel-1");
    tick(&mut a, "11:50");
    assert_eq!(selected_id(&a), "panel-2");
}

#[test]
fn later_shifts_the_live_session_and_everything_after_by_five_minutes() {
    let mut a = app("11:05");
    press(&mut a, &[C::Later]);
    assert_eq!(a.changes, [add("panel-1", 5)], "one step to save");
    assert_eq!(a.live.shift.minutes(session(&a, "panel-1")), 5);
    press(&mut a, &[C::Later]);
    let p1 = session(&a, "panel-1");
    assert_eq!(a.live.shift.steps, [(p1, 10)]);
    assert_eq!(
        a.live.shift.minutes(p1 - 1),
        0,
        "earlier sessions keep their times"
    );
    assert_eq!(a.live.shift.minutes(6), 10, "the closing moves too");
    assert_eq!(times::range(&a, p1), "10:40-11:55");
    assert_eq!(times::planned(&a, p1), "10:30-11:45");
    assert_eq!(
        times::planned_start_if_shifted(&a, p1).as_deref(),
        Some("10:30")
    );
    assert_eq!(times::planned_start_if_shifted(&a, p1 - 1), None);
    assert_eq!(a.current_delay(), 10);
    let (start, end) = shifted(&a.agenda, &a.live.shift, 6);
    assert_eq!((start, end), (at("18:00"), at("18:10")));
    assert!(a.live.follow, "the shift is not navigation");
}

#[test]
fn earlier_takes_five_minutes_off_and_can_run_early() {
    let mut a = app("11:05");
    press(&mut a, &[C::Later, C::Later, C::Earlier]);
    assert_eq!(a.current_delay(), 5);
    press(&mut a, &[C::Earlier]);
    assert!(a.live.shift.is_empty(), "back to zero leaves no step");
    press(&mut a, &[C::Earlier]);
    assert_eq!(a.current_delay(), -5);
    assert_eq!(times::range(&a, 2), "10:25-11:40");
}

#[test]
fn the_shift_grows_from_whichever_session_is_live_when_pressed() {
    let mut a = app("11:05");
    press(&mut a, &[C::Later, C::Later]);
    // Panel 1 now ends at 11:55; at 12:00 panel 2 (11:55-13:10) is live.
    tick(&mut a, "12:00");
    assert_eq!(selected_id(&a), "panel-2");
    press(&mut a, &[C::Later]);
    let (p1, p2) = (session(&a, "panel-1"), session(&a, "panel-2"));
    assert_eq!(a.live.shift.steps, [(p1, 10), (p2, 5)]);
    assert_eq!(a.live.shift.minutes(p1), 10);
    assert_eq!(a.live.shift.minutes(p2), 15);
    // In the lunch gap, the shift starts at the next session.
    let mut a = app("13:48");
    press(&mut a, &[C::Later]);
    let p3 = session(&a, "panel-3");
    assert_eq!(a.live.shift.steps, [(p3, 5)]);
    // Before the meeting, at the first.
    let mut a = app("09:00");
    press(&mut a, &[C::Later]);
    assert_eq!(a.live.shift.steps, [(0, 5)]);
}

#[test]
fn the_shift_applies_to_the_live_session_not_the_selected_one() {
    let mut a = app("11:05");
    press(&mut a, &[C::Bottom, C::Later]);
    assert_eq!(a.live.shift.steps, [(session(&a, "panel-1"), 5)]);
    assert_eq!(selected_id(&a), "closing", "not following: stays");
}

#[test]
fn started_now_shifts_so_the_selected_session_starts_now() {
    // Panel 1 planned 10:30; it really started at 10:37.
    let mut a = app("10:37:40");
    assert_eq!(selected_id(&a), "panel-1");
    press(&mut a, &[C::StartedNow]);
    assert_eq!(a.changes, [add("panel-1", 7)]);
    let p1 = session(&a, "panel-1");
    assert_eq!(a.live.shift.minutes(p1), 7, "to the minute");
    assert_eq!(shifted(&a.agenda, &a.live.shift, p1).0, at("10:37"));
    assert_eq!(a.live.shift.minutes(p1 - 1), 0);
    // Pressing again changes nothing, and saves nothing.
    press(&mut a, &[C::StartedNow]);
    assert_eq!(a.live.shift.steps, [(p1, 7)]);
    assert_eq!(a.changes.len(), 1);

    // Panel 2 started early, at 11:05: it becomes live and is followed.
    let mut a = app("11:05");
    press(&mut a, &[C::Down]);
    assert!(!a.live.follow);
    press(&mut a, &[C::StartedNow]);
    let p2 = session(&a, "panel-2");
    assert_eq!(a.live.shift.minutes(p2), -40);
    assert_eq!(times::range(&a, p2), "11:05-12:20");
    assert!(a.live.follow);
    assert_eq!(selected_id(&a), "panel-2");
    assert!(matches!(
        a.status(),
        dais::app::live::Status::Live { session, .. } if session == p2
    ));
}

#[test]
fn started_now_on_a_later_session_keeps_the_earlier_delay() {
    let mut a = app("11:05");
    press(&mut a, &[C::Later, C::Later]);
    tick(&mut a, "12:07");
    // Panel 2 is live (11:55-13:10); say it really began at 12:07.
    press(&mut a, &[C::StartedNow]);
    let (p1, p2) = (session(&a, "panel-1"), session(&a, "panel-2"));
    assert_eq!(a.live.shift.minutes(p1), 10);
    assert_eq!(a.live.shift.minutes(p2), 22);
    assert_eq!(a.live.shift.steps, [(p1, 10), (p2, 12)]);
}

#[test]
fn on_time_clears_the_shift() {
    let mut a = app("11:05");
    press(&mut a, &[C::Later, C::Later]);
    a.changes.clear();
    press(&mut a, &[C::OnTime]);
    assert!(a.live.shift.is_empty());
    assert_eq!(
        a.changes,
        [Change::Shift(ShiftChange::Clear {
            view: String::new()
        })],
        "clearing is saved too"
    );
    assert_eq!(a.current_delay(), 0);
    assert_eq!(times::range(&a, 2), "10:30-11:45");
}

#[test]
fn the_shift_moves_what_is_live() {
    let mut a = app("11:44");
    assert_eq!(selected_id(&a), "panel-1");
    press(&mut a, &[C::Later]);
    tick(&mut a, "11:47");
    assert_eq!(selected_id(&a), "panel-1", "panel 1 now ends at 11:50");
    tick(&mut a, "11:50");
    assert_eq!(selected_id(&a), "panel-2");
    // Earlier pulls the follow target back with it.
    let mut a = app("11:47");
    assert_eq!(selected_id(&a), "panel-2");
    press(&mut a, &[C::Earlier]);
    // Panel 2 now runs 11:40-12:55 and stays live.
    assert_eq!(selected_id(&a), "panel-2");
}

#[test]
fn the_shift_by_id_round_trips() {
    let mut a = app("11:05");
    press(&mut a, &[C::Later, C::Later]);
    let saved = a.shift_by_id();
    assert_eq!(saved, [("panel-1".to_owned(), 10)]);
    let mut b = app("11:05");
    assert!(b.set_shift_by_id(&saved));
    assert_eq!(b.live.shift, a.live.shift);
    assert!(b.set_shift_by_id(&[("no-such-session".into(), 5)]));
    assert!(b.live.shift.is_empty());
}

#[test]
fn a_banner_goes_away_at_its_time() {
    let mut a = app("11:05");
    a.banner = Some(Banner {
        text: "Reloaded".into(),
        error: false,
        until: Some(at("11:05") + Duration::seconds(5)),
    });
    assert_eq!(a.next_change(), at("11:05") + Duration::seconds(5));
    a.update(Action::Tick(at("11:05") + Duration::seconds(4)));
    assert!(a.banner.is_some());
    a.update(Action::Tick(at("11:05") + Duration::seconds(5)));
    assert!(a.banner.is_none());
    assert_eq!(a.next_change(), at("11:06"));
}

#[test]
fn the_screen_wakes_at_the_next_minute() {
    let a = app("11:05:30");
    assert_eq!(a.next_change(), at("11:06"));
}

/// A two-day agenda: at midnight the view moves on to the new day by
/// itself, its day heading in view, without a restart.
#[test]
fn at_midnight_the_view_moves_to_the_new_day() {
    use chrono::TimeZone;
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/two_day_berlin.json"
    ))
    .unwrap();
    let agenda = screen::agenda(&text);
    let berlin = |d: u32, h: u32, m: u32| {
        chrono_tz::Europe::Berlin
            .with_ymd_and_hms(2024, 3, d, h, m, 0)
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let mut a = App::new(agenda, berlin(30, 23, 59));
    a.update(Action::Resize {
        width: 120,
        height: 40,
    });
    assert_eq!(selected_id(&a), "dinner");
    a.update(Action::Tick(berlin(31, 0, 1)));
    assert_eq!(selected_id(&a), "night-watch");
    let screen = screen::text(&screen::render(&a));
    assert!(screen.contains("Sunday 31 March 2024"), "{screen}");
    let status = screen.lines().nth(2).unwrap_or_default().to_owned();
    assert!(status.contains("no session now · "), "{status}");
    assert!(status.contains("at 01:30, in 1 h 29 min"), "{status}");
}
