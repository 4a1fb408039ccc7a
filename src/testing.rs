//! Fixtures shared by the unit tests.

use crate::agenda::Agenda;
use crate::app::App;
use crate::grid::{Day, Rooms, Zoom, days, of_day, planned};
use crate::load::{BUNDLED, Limits, load_bytes};
use chrono::{TimeZone, Utc};

/// The bundled hearing, loaded.
pub fn hearing() -> Agenda {
    load_bytes("hearing.json", BUNDLED.as_bytes(), &Limits::default())
        .expect("the bundled agenda loads")
        .agenda
}

/// The hearing on screen at 11:05 New York time, Panel 1 live.
pub fn hearing_app() -> App {
    let at = Utc.with_ymd_and_hms(2017, 6, 23, 15, 5, 0).single();
    App::new(hearing(), at.expect("a valid instant"))
}

/// The conference fixture (two rooms, tracks, no key messages) at 10:10
/// in Berlin, on a 120x40 terminal.
pub fn conference_app() -> App {
    let text = include_str!("../tests/fixtures/conference.json");
    let agenda = load_bytes("conference.json", text.as_bytes(), &Limits::default())
        .expect("the conference fixture loads")
        .agenda;
    let at = Utc.with_ymd_and_hms(2024, 5, 1, 8, 10, 0).single();
    let mut app = App::new(agenda, at.expect("a valid instant"));
    app.size = (120, 40);
    app
}

/// RFC 3339 dates as (instant, the offset printed with it): the marks a
/// zone is told from.
pub fn marks(list: &[&str]) -> Vec<(chrono::DateTime<Utc>, chrono::FixedOffset)> {
    list.iter()
        .map(|s| {
            let d = chrono::DateTime::parse_from_rfc3339(s).unwrap();
            (d.with_timezone(&Utc), *d.offset())
        })
        .collect()
}

/// A `dais/1` agenda of `sessions` (JSON objects, comma-joined) on `date`
/// in `zone`.
pub fn day_agenda(zone: &str, date: &str, sessions: &str) -> Agenda {
    let text = format!(
        r#"{{"format": "dais/1",
          "event": {{"title": "T", "date": "{date}", "timezone": "{zone}"}},
          "sessions": [{sessions}]}}"#
    );
    load_bytes("t", text.as_bytes(), &Limits::default())
        .unwrap()
        .agenda
}

/// A session as JSON: `id` (its title too) in `room` from `start` to `end`.
pub fn room_session(id: &str, room: &str, start: &str, end: &str) -> String {
    format!(
        r#"{{"id": "{id}", "title": "{id}", "kind": "other", "room": "{room}", "start": "{start}", "end": "{end}"}}"#
    )
}

/// A session as JSON: `id` (its title too) in `part` from `start` to
/// `end`.
pub fn part_session(id: &str, part: &str, start: &str, end: &str) -> String {
    format!(
        r#"{{"id": "{id}", "title": "{id}", "kind": "other", "part": "{part}", "start": "{start}", "end": "{end}"}}"#
    )
}

/// One room's day: a talk alone at 09:00, then three posters side by side
/// at 18:00 (sessions 1 to 3).
pub fn talk_then_posters() -> Agenda {
    day_agenda(
        "UTC",
        "2024-05-01",
        &[
            room_session("talk", "R", "09:00", "10:00"),
            room_session("p1", "R", "18:00", "19:00"),
            room_session("p2", "R", "18:00", "19:00"),
            room_session("p3", "R", "18:00", "19:00"),
        ]
        .join(","),
    )
}

/// The grid's first day of `a` at `zoom`.
pub fn first_grid_day(a: &Agenda, zoom: Zoom) -> Day {
    let items = planned(a);
    let zone = a.event.timezone;
    let date = days(&items, zone)[0];
    Day::new(date, of_day(&items, date, zone), &Rooms::new(a), zone, zoom)
}
