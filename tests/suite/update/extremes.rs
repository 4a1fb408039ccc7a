//! Extreme values through the model and the screen: huge shifts, clocks at
//! the ends of the calendar, agendas in the years 0000 and 9999. Nothing
//! panics; what is too large is cut to a limit with a warning.

use crate::support::screen;

use chrono::{Duration, TimeZone, Utc};
use dais::app::live::{MAX_SHIFT_MINUTES, Shift};
use dais::app::{Action, App, Command as C};
use dais::clock::{earliest, latest};
use proptest::prelude::*;
use screen::{agenda, app, press, render, text};

/// Draws `a` at both sizes the brief names and a tiny one.
fn draw_everywhere(a: &mut App) {
    for (w, h) in [(80, 24), (120, 40), (1, 1), (3, 2)] {
        a.update(Action::Resize {
            width: w,
            height: h,
        });
        let _ = render(a);
    }
}

#[test]
fn a_huge_saved_shift_is_cut_to_the_limit_and_said() {
    for huge in [i64::MAX, i64::MIN, 10_000_000, -10_000_000] {
        let mut a = app("11:05");
        let whole = a.set_shift_by_id(&[("panel-1".to_owned(), huge)]);
        assert!(!whole, "{huge} is more than the limit");
        let m = a.live.shift.minutes(screen::session(&a, "panel-1"));
        assert_eq!(m, huge.signum() * MAX_SHIFT_MINUTES, "{huge}");
        draw_everywhere(&mut a);
    }
}

#[test]
fn started_now_years_away_is_cut_with_a_banner() {
    let mut a = app("11:05");
    a.update(Action::Tick(latest()));
    a.live.follow = false;
    press(&mut a, &[C::StartedNow]);
    let banner = a.banner.clone().expect("a warning");
    assert!(
        banner.error && banner.text.contains("at most 366 d"),
        "{banner:?}"
    );
    let i = a.selected();
    assert_eq!(a.live.shift.minutes(i), MAX_SHIFT_MINUTES);
    draw_everywhere(&mut a);
}

#[test]
fn later_at_the_limit_stays_there() {
    let mut a = app("11:05");
    assert!(a.set_shift_by_id(&[("panel-1".to_owned(), MAX_SHIFT_MINUTES)]));
    press(&mut a, &[C::Later]);
    assert!(
        a.banner
            .as_ref()
            .is_some_and(|b| b.text.contains("at most"))
    );
    assert_eq!(a.current_delay(), MAX_SHIFT_MINUTES);
    press(&mut a, &[C::Earlier]);
    assert_eq!(a.current_delay(), MAX_SHIFT_MINUTES - 5);
}

#[test]
fn the_clock_at_the_ends_of_the_calendar() {
    for now in [earliest(), latest()] {
        let mut a = app("11:05");
        a.update(Action::Tick(now));
        press(
            &mut a,
            &[C::Later, C::Now, C::StartedNow, C::Earlier, C::OnTime],
        );
        draw_everywhere(&mut a);
        // The next minute is past the end of year 9999, and still a time.
        assert!(a.next_change() > now);
    }
}

const YEAR_0000: &str = r#"{"format": "dais/1",
  "event": {"title": "Dawn", "date": "0000-01-01", "timezone": "Europe/Paris"},
  "sessions": [
    {"id": "a", "title": "First", "kind": "other", "start": "00:00", "end": "00:30"},
    {"id": "b", "title": "All year", "kind": "other", "start": "01:00", "end": "23:00",
     "end_date": "0000-12-31"}
  ]}"#;

const YEAR_9999: &str = r#"{"format": "dais/1",
  "event": {"title": "Dusk", "date": "9999-12-31", "timezone": "America/New_York"},
  "sessions": [
    {"id": "a", "title": "Last", "kind": "other", "start": "22:00", "end": "24:00"}
  ]}"#;

#[test]
fn agendas_at_the_ends_of_the_calendar_show_and_shift() {
    for json in [YEAR_0000, YEAR_9999] {
        let ag = agenda(json);
        for now in [earliest(), latest(), ag.sessions[0].span.start] {
            let mut a = App::new(ag.clone(), now);
            press(&mut a, &[C::Later, C::Later, C::StartedNow]);
            draw_everywhere(&mut a);
            assert!(a.set_shift_by_id(&[("a".to_owned(), -MAX_SHIFT_MINUTES)]));
            draw_everywhere(&mut a);
        }
    }
}

#[test]
fn a_session_over_days_lists_its_end_day_on_screen() {
    let ag = agenda(YEAR_0000);
    let mut a = App::new(ag, Utc.with_ymd_and_hms(0, 3, 1, 12, 0, 0).unwrap());
    a.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let screen = text(&render(&a));
    assert!(
        screen.contains("Sat 1 Jan 01:00-Sun 31 Dec 23:00"),
        "{screen}"
    );
    assert!(screen.contains("left, until Sun 31 Dec 23:00"), "{screen}");
}

#[test]
fn the_screen_and_the_store_agree_on_the_limit() {
    assert_eq!(MAX_SHIFT_MINUTES, dais::store::shift::MAX_MINUTES);
}

proptest! {
    #[test]
    fn any_steps_keep_every_delay_within_the_limit(
        steps in proptest::collection::vec((0usize..8, any::<i64>()), 0..12)
    ) {
        let mut shift = Shift::default();
        for (from, m) in steps {
            let _ = shift.add(from, m);
            for i in 0..10 {
                prop_assert!(shift.minutes(i).abs() <= MAX_SHIFT_MINUTES);
            }
        }
    }

    #[test]
    fn any_shift_and_moment_draws(
        minutes in any::<i64>(),
        secs in -100_000_000_000i64..400_000_000_000i64,
    ) {
        let mut a = app("11:05");
        let _ = a.set_shift_by_id(&[("panel-2".to_owned(), minutes)]);
        let now = Utc.timestamp_opt(secs, 0).single().unwrap_or_else(latest).clamp(earliest(), latest());
        a.update(Action::Tick(now));
        let _ = render(&a);
        prop_assert!(a.next_change() > now - Duration::seconds(1));
    }
}
