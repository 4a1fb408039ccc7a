//! Where now falls in the programme, with an injected clock: the status,
//! the status line's words and `dais now`'s, at the boundaries, across a
//! daylight-saving change, and with a viewer in another zone.

use crate::support::screen;

use chrono::{DateTime, NaiveDate, Utc};
use dais::app::live::{Status, status};
use dais::app::{Action, App, Command as C};
use dais::cli::NowFormat;
use dais::commands::now;
use dais::ui::header::Header;
use dais::ui::status::{delay_text, describe};
use screen::{agenda, app, at, hearing, press, render, render_widget, text};

fn status_at(local: &str) -> Status {
    status(&hearing(), &dais::app::Shift::default(), at(local))
}

fn now_text(a: &App) -> String {
    now::render(a, NowFormat::Text)
}

fn now_json(a: &App) -> serde_json::Value {
    serde_json::from_str(&now::render(a, NowFormat::Json)).expect("dais now writes JSON")
}

#[test]
fn status_at_the_exact_boundaries() {
    let live = |session, next| Status::Live { session, next };
    assert_eq!(status_at("09:59:59"), Status::Before { first: 0 });
    assert_eq!(status_at("10:00"), live(0, Some(1)));
    assert_eq!(status_at("10:29:59"), live(1, Some(2)));
    assert_eq!(status_at("10:30:00"), live(2, Some(3)));
    assert_eq!(status_at("11:44:59"), live(2, Some(3)));
    assert_eq!(status_at("11:45:00"), live(3, Some(4)));
    assert_eq!(status_at("12:59:59"), live(3, Some(4)));
    assert_eq!(status_at("13:00"), Status::Gap { next: 4 });
    assert_eq!(status_at("14:59:59"), Status::Gap { next: 4 });
    assert_eq!(status_at("15:00"), live(4, Some(5)));
    assert_eq!(status_at("17:59:59"), live(6, None));
    assert_eq!(status_at("18:00"), Status::After { last: 6 });
    assert_eq!(status_at("2017-06-24 09:00"), Status::After { last: 6 });
}

#[test]
fn before_the_meeting() {
    let a = app("2017-06-21 07:00");
    let (what, rest) = describe(&a);
    assert_eq!(what, "starts in 2 d 3 h");
    assert_eq!(
        rest,
        "Opening of the Informal Interactive Multi-stakeholder Hearing on Fri 23 Jun at 10:00"
    );
    // Another year: which year, as after the meeting.
    let (what, rest) = describe(&app("2016-12-31 10:00"));
    assert_eq!(what, "starts in 173 d 23 h");
    assert_eq!(
        rest,
        "Opening of the Informal Interactive Multi-stakeholder Hearing on Fri 23 Jun 2017 at 10:00"
    );
    assert_eq!(
        now_text(&a),
        "Opening of the Informal Interactive Multi-stakeholder Hearing starts in 2 d 3 h\n"
    );
    let a = app("09:00");
    assert_eq!(describe(&a).0, "starts in 1 h");
    assert!(describe(&a).1.ends_with(" at 10:00"), "same day: no date");
    let j = now_json(&a);
    assert_eq!(j["state"], "before");
    assert_eq!(j["next"]["id"], "opening");
    assert_eq!(j["starts_in_minutes"], 60);
}

#[test]
fn parallel_rooms_say_how_many_more_are_on() {
    let rooms = agenda(
        r#"{"format": "dais/1",
          "event": {"title": "Con", "date": "2017-06-23", "timezone": "America/New_York"},
          "sessions": [
            {"id": "a", "title": "A", "kind": "other", "start": "10:00", "end": "11:00", "room": "1"},
            {"id": "b", "title": "B", "kind": "other", "start": "10:30", "end": "11:30", "room": "2"},
            {"id": "c", "title": "C", "kind": "other", "start": "10:40", "end": "11:10", "room": "3"},
            {"id": "d", "title": "D", "kind": "other", "start": "11:30", "end": "12:00", "room": "1"}]}"#,
    );
    let a = App::new(rooms.clone(), at("10:45"));
    let (what, rest) = describe(&a);
    assert_eq!(what, "C", "the one that started last");
    assert_eq!(
        rest,
        "25 min left · 2 more on now · next D at 11:30, in 45 min"
    );
    assert_eq!(now_json(&a)["also_live"], 2);
    // One room alone: nothing more to say.
    let a = App::new(rooms, at("11:20"));
    assert_eq!(describe(&a).1, "10 min left · next D at 11:30, in 10 min");
}

#[test]
fn during_a_session() {
    let a = app("11:05");
    let (what, rest) = describe(&a);
    assert_eq!(
        what,
        "Panel 1: A Human-rights-based, survivor-centred approach to trafficking in Persons"
    );
    assert_eq!(rest, "40 min left · next Panel 2 at 11:45, in 40 min");
    assert_eq!(delay_text(&a), None);
    assert_eq!(
        now_text(&a),
        "Panel 1 · 40 min left · next Panel 2 at 11:45\n"
    );
    let j = now_json(&a);
    assert_eq!(j["state"], "live");
    assert_eq!(j["session"]["id"], "panel-1");
    assert_eq!(j["session"]["start"], "2017-06-23T10:30:00-04:00");
    assert_eq!(j["minutes_left"], 40);
    assert_eq!(j["next"]["id"], "panel-2");
    assert_eq!(j["starts_in_minutes"], 40);
    assert_eq!(j["delay_minutes"], 0);
    assert_eq!(j["now"], "2017-06-23T11:05:00-04:00");
}

#[test]
fn minutes_left_round_up_until_the_end() {
    assert_eq!(
        describe(&app("11:44:59")).1,
        "1 min left · next Panel 2 at 11:45, in 1 min"
    );
    assert_eq!(
        describe(&app("11:05:30")).1,
        "40 min left · next Panel 2 at 11:45, in 40 min"
    );
    assert_eq!(now_json(&app("11:44:01"))["minutes_left"], 1);
    // A real clock reads a moment after the second.
    let mut a = app("11:05");
    a.update(Action::Tick(
        at("11:44:59") + chrono::Duration::milliseconds(500),
    ));
    assert_eq!(
        describe(&a).1,
        "1 min left · next Panel 2 at 11:45, in 1 min"
    );
    assert_eq!(
        now_text(&a),
        "Panel 1 · 1 min left · next Panel 2 at 11:45\n"
    );
}

#[test]
fn the_last_session_has_no_next() {
    let a = app("17:55");
    assert_eq!(describe(&a).1, "5 min left · last session");
    assert_eq!(
        now_text(&a),
        "Closing of the hearing by the President of the UN General Assembly · 5 min left\n"
    );
    assert!(now_json(&a).get("next").is_none());
}

#[test]
fn in_the_lunch_gap() {
    let a = app("13:48");
    let (what, rest) = describe(&a);
    assert_eq!(what, "no session now");
    assert_eq!(
        rest,
        "Panel 3: Trafficking in persons in the context of the 2030 Sustainable Development \
         Agenda at 15:00, in 1 h 12 min"
    );
    assert_eq!(
        now_text(&a),
        "no session now: Panel 3 at 15:00, in 1 h 12 min\n"
    );
    let j = now_json(&a);
    assert_eq!(j["state"], "gap");
    assert_eq!(j["next"]["id"], "panel-3");
    assert_eq!(j["starts_in_minutes"], 72);
}

#[test]
fn after_the_meeting() {
    for (local, when) in [
        ("18:00", "at 18:00"),
        ("2017-06-23 23:59", "at 18:00"),
        // Another day: which day; another year: which year.
        ("2017-06-24 00:01", "on Fri 23 Jun at 18:00"),
        ("2017-06-30 12:00", "on Fri 23 Jun at 18:00"),
        ("2018-01-02 09:00", "on Fri 23 Jun 2017 at 18:00"),
    ] {
        let a = app(local);
        assert_eq!(describe(&a), ("ended".to_owned(), when.to_owned()));
        assert_eq!(now_text(&a), format!("ended {when}\n"));
        let j = now_json(&a);
        assert_eq!(j["state"], "ended");
        assert_eq!(j["last"]["id"], "closing");
    }
}

#[test]
fn running_late_moves_every_time_and_says_so() {
    let mut a = app("11:05");
    press(&mut a, &[C::Later, C::Later]);
    assert_eq!(
        describe(&a).1,
        "50 min left · next Panel 2 at 11:55, in 50 min"
    );
    assert_eq!(delay_text(&a).as_deref(), Some("running 10 min late"));
    assert_eq!(
        now_text(&a),
        "Panel 1 · 50 min left · next Panel 2 at 11:55 · running 10 min late\n"
    );
    let j = now_json(&a);
    assert_eq!(j["delay_minutes"], 10);
    assert_eq!(j["session"]["start"], "2017-06-23T10:40:00-04:00");
    assert_eq!(j["session"]["planned_start"], "2017-06-23T10:30:00-04:00");
    assert_eq!(j["next"]["start"], "2017-06-23T11:55:00-04:00");
    // The gap ends later too; the end of the day as well.
    let mut late = app("13:48");
    press(&mut late, &[C::Later, C::Later]);
    assert_eq!(
        now_text(&late),
        "no session now: Panel 3 at 15:10, in 1 h 22 min · running 10 min late\n"
    );
    let mut a = app("18:05");
    assert_eq!(describe(&a).0, "ended");
    press(&mut a, &[C::Later, C::Later]);
    assert_eq!(
        describe(&a).0,
        "Closing of the hearing by the President of the UN General Assembly"
    );
    press(&mut a, &[C::OnTime, C::Earlier]);
    assert_eq!(describe(&a), ("ended".to_owned(), "at 17:55".to_owned()));
    assert_eq!(delay_text(&a).as_deref(), Some("running 5 min early"));
}

#[test]
fn the_done_when_screen_running_ten_minutes_late() {
    let mut a = app("11:05");
    let screen = text(&render(&a));
    assert!(screen.contains("● LIVE Panel 1"), "{screen}");
    assert!(
        screen.contains("40 min left · next Panel 2 at 11:45"),
        "{screen}"
    );
    press(&mut a, &[C::Later, C::Later]);
    let screen = text(&render(&a));
    let line = |needle: &str| {
        screen
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{screen}"))
            .to_owned()
    };
    assert!(
        line("running 10 min late").starts_with(" ● LIVE"),
        "on the status line"
    );
    assert!(line("10:40-11:55 (10:30)").contains("Panel 1"));
    assert!(line("11:55-13:10 (11:45)").contains("Panel 2"));
    line("(planned 10:30-11:45)");
    assert!(
        line("13:10-15:10").contains("no session · 2 h"),
        "the gap moves too"
    );
    // Delayed from the gap on, the gap grows.
    let mut gap = app("13:48");
    press(&mut gap, &[C::Later, C::Later]);
    let screen = text(&render(&gap));
    assert!(
        screen.contains("13:00-15:10         ┈┈┈┈┈   no session · 2 h 10 min"),
        "{screen}"
    );
    // The same on a small terminal.
    a.update(Action::Resize {
        width: 80,
        height: 24,
    });
    let screen = text(&render(&a));
    for needle in [
        "running 10 min late",
        "10:40-11:55 (10:30)",
        "(planned 10:30-11:45)",
    ] {
        assert!(screen.contains(needle), "{needle:?} at 80x24:\n{screen}");
    }
}

fn berlin() -> dais::agenda::Agenda {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/live/berlin_dst.json"
    );
    agenda(&std::fs::read_to_string(path).expect("the fixture is readable"))
}

fn berlin_at(local: &str) -> DateTime<Utc> {
    dais::clock::parse_at(
        local,
        chrono_tz::Europe::Berlin,
        NaiveDate::from_ymd_opt(2024, 3, 31).unwrap(),
    )
    .unwrap()
}

#[test]
fn across_the_spring_forward_change() {
    let ag = berlin();
    let night = &ag.sessions[0];
    assert_eq!(
        night.span.minutes(),
        60,
        "01:30 CET to 03:30 CEST is one hour"
    );
    assert_eq!(night.span.start.to_rfc3339(), "2024-03-31T00:30:00+00:00");
    let mut a = App::new(ag, berlin_at("01:45"));
    assert_eq!(
        describe(&a).1,
        "45 min left · next Breakfast at 08:00, in 5 h 15 min"
    );
    a.update(Action::Tick(berlin_at("01:59")));
    assert_eq!(
        describe(&a).1,
        "31 min left · next Breakfast at 08:00, in 5 h 1 min"
    );
    // One minute later the clocks read 03:00.
    a.update(Action::Tick(
        berlin_at("01:59") + chrono::Duration::minutes(1),
    ));
    assert_eq!(a.live.now, berlin_at("03:00"));
    assert_eq!(
        describe(&a).1,
        "30 min left · next Breakfast at 08:00, in 5 h"
    );
    let header = text(&render_widget(Header(&a), 80, 2));
    assert!(header.contains("03:00 CEST"), "{header}");
    a.update(Action::Tick(berlin_at("03:30")));
    assert_eq!(describe(&a).0, "no session now");
    // The session pane and the timeline show the wall-clock times and the
    // real length.
    a.update(Action::Tick(berlin_at("01:45")));
    a.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let screen = text(&render(&a));
    assert!(screen.contains("01:30-03:30 · 1 h · panel"), "{screen}");
    assert!(screen.contains("01:45 CET"), "{screen}");
    assert!(
        dais::clock::parse_at("2024-03-31 02:30", chrono_tz::Europe::Berlin, night_day())
            .unwrap_err()
            .contains("does not exist")
    );
}

fn night_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 31).unwrap()
}

#[test]
fn a_viewer_elsewhere_sees_both_clocks() {
    let a = app("11:05").with_viewer_zone(Some(chrono_tz::Europe::Berlin));
    let header = text(&render_widget(Header(&a), 120, 2));
    let first = header.lines().next().unwrap();
    assert!(
        first.ends_with("11:05 EDT · 17:05 CEST your time"),
        "{header}"
    );
    let screen = text(&render(&a));
    assert!(
        screen.contains("11:05 EDT · 17:05 CEST your time"),
        "{screen}"
    );
}

#[test]
fn a_narrow_header_shortens_the_clock_before_the_title() {
    let a = app("11:05").with_viewer_zone(Some(chrono_tz::Europe::Berlin));
    let line = |w: u16| {
        let header = text(&render_widget(Header(&a), w, 2));
        header.lines().next().unwrap().trim_end().to_owned()
    };
    assert!(line(60).ends_with("11:05 EDT · 17:05 CEST your time"));
    let at_40 = line(40);
    assert!(at_40.ends_with("11:05 EDT · 17:05 CEST"), "{at_40}");
    assert!(at_40.starts_with(" Informal Inter"), "{at_40}");
    let at_28 = line(28);
    assert!(at_28.ends_with(" 11:05 EDT"), "{at_28}");
    assert!(!at_28.contains("CEST"), "{at_28}");
    // The date and venue use the row the view tabs cannot fit on.
    let header = text(&render_widget(Header(&a), 40, 2));
    let second = header.lines().nth(1).unwrap();
    assert!(
        second.starts_with(" Friday 23 June 2017 · Conference"),
        "{second}"
    );
}

#[test]
fn a_viewer_in_the_agendas_zone_or_its_clock_sees_one() {
    for viewer in [
        None,
        Some(chrono_tz::America::New_York),
        // Another name for the same clock.
        Some(chrono_tz::America::Toronto),
    ] {
        let a = app("11:05").with_viewer_zone(viewer);
        let header = text(&render_widget(Header(&a), 120, 2));
        let first = header.lines().next().unwrap();
        assert!(first.ends_with(" 11:05 EDT"), "{viewer:?}: {header}");
        assert!(!header.contains("your time"), "{viewer:?}: {header}");
    }
}

#[test]
fn the_header_names_the_day_when_it_is_not_the_meetings() {
    let a = app("2017-06-21 07:00");
    let header = text(&render_widget(Header(&a), 120, 2));
    assert!(header.contains("Wed 21 Jun 2017 07:00 EDT"), "{header}");
    let a = app("11:05");
    let header = text(&render_widget(Header(&a), 120, 2));
    assert!(!header.contains("Fri 23 Jun 2017 11:05"), "{header}");
}
