//! Published schedules as they really are (issue 18), on the screen: a
//! merged schedule's people each once, two of one name told apart by room;
//! a zone inferred from the dates' offsets named `UTC+01:00`, and times
//! shown as printed across a change of clocks. Snapshots at 120x40, and the
//! people at 80x24.

use crate::support::harness::fixture_text;
use crate::support::screen::{agenda, press, render, text};
use chrono::{DateTime, Utc};
use dais::app::{Action, App, Command as C};

fn app(fixture: &str, now: &str) -> App {
    sized(fixture, now, (120, 40))
}

fn sized(fixture: &str, now: &str, (width, height): (u16, u16)) -> App {
    let now: DateTime<Utc> = now.parse().unwrap();
    let mut app = App::new(agenda(&fixture_text(fixture)), now);
    app.update(Action::Resize { width, height });
    app
}

#[test]
fn the_people_view_lists_a_merged_schedules_people_once_each() {
    let mut app = app("schedule-json/merged-ids.json", "2030-12-27T09:10:00Z");
    press(&mut app, &[C::ViewPeople]);
    let screen = text(&render(&app));
    for name in [
        "Ada Lovelace",
        "Alan Turing",
        "Barbara Liskov",
        "Edsger Dijkstra",
        "Margaret Hamilton",
    ] {
        let n = screen.lines().filter(|l| l.contains(name)).count();
        assert!(n >= 1, "{name}:\n{screen}");
    }
    // Two Grace Hoppers (ids 2 and 9, no guid): told apart by their room.
    assert!(screen.contains("Grace Hopper (Main)"), "{screen}");
    assert!(screen.contains("Grace Hopper (Assembly)"), "{screen}");
    insta::assert_snapshot!("published_merged_people_120x40", screen);
}

#[test]
fn the_merged_people_fit_an_80x24_screen_told_apart() {
    let mut app = sized(
        "schedule-json/merged-ids.json",
        "2030-12-27T09:10:00Z",
        (80, 24),
    );
    press(&mut app, &[C::ViewPeople]);
    let top = text(&render(&app));
    assert!(top.contains("People · 7"), "{top}");
    assert!(top.contains("Grace Hopper (Main)"), "{top}");
    // Five rows show; the last person is the other Grace Hopper.
    press(&mut app, &[C::Bottom]);
    let screen = text(&render(&app));
    assert!(screen.contains("Grace Hopper (Assembly)"), "{screen}");
    assert!(
        screen.contains("14:00-15:00 Assembly two · speaker"),
        "{screen}"
    );
    insta::assert_snapshot!("published_merged_people_80x24", screen);
}

#[test]
fn a_fixed_offset_zone_is_named_utc_plus_and_times_are_as_printed() {
    let app = app("schedule-json/offsets-no-zone.json", "2030-03-01T10:10:00Z");
    let screen = text(&render(&app));
    assert!(screen.contains("11:10 UTC+01:00"), "{screen}");
    assert!(!screen.contains("Etc/GMT"), "{screen}");
    assert!(screen.contains("11:00-11:45"), "{screen}");
    insta::assert_snapshot!("published_offsets_no_zone_120x40", screen);
}

#[test]
fn offsets_across_a_change_of_clocks_show_both_talks_at_11() {
    let app = app("schedule-json/offsets-dst.json", "2030-10-26T08:00:00Z");
    let screen = text(&render(&app));
    let at_11 = screen
        .lines()
        .filter(|l| l.contains("11:00-12:00") && l.contains("talk"))
        .count();
    assert_eq!(at_11, 2, "{screen}");
    insta::assert_snapshot!("published_offsets_dst_120x40", screen);
}
