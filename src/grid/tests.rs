use super::*;
use crate::load::{BUNDLED, Limits, load_bytes};
use crate::testing::{day_agenda as agenda, first_grid_day as first_day, room_session as session};

/// The most sub-columns lane `lane` is split into anywhere.
fn widest(day: &Day, lane: usize) -> usize {
    day.lane_boxes(lane)
        .iter()
        .map(|b| b.columns)
        .max()
        .unwrap_or(1)
}

#[test]
fn overlapping_sessions_in_one_room_split_its_lane_and_others_reuse_a_column() {
    let a = agenda(
        "Europe/Paris",
        "2024-05-01",
        &[
            session("a", "R1", "09:00", "10:00"),
            session("b", "R1", "09:30", "10:30"),
            session("c", "R1", "10:00", "11:00"),
            session("d", "R2", "09:00", "09:30"),
        ]
        .join(","),
    );
    let day = first_day(&a, Zoom::M30);
    assert_eq!(day.lanes.len(), 2);
    assert_eq!(widest(&day, 0), 2);
    assert_eq!(widest(&day, 1), 1);
    let cols: Vec<usize> = day.lane_boxes(0).iter().map(|b| b.column).collect();
    assert_eq!(cols, [0, 1, 0]);
    let b = day.lane_boxes(0)[1];
    assert_eq!((b.top, b.rows), (1, 2));
    assert_eq!(day.axis.rows, 4);
}

#[test]
fn rooms_keep_the_programme_order_and_a_day_shows_only_its_rooms() {
    let a = agenda(
        "UTC",
        "2024-05-01",
        &[
            session("a", "Zeta", "09:00", "10:00"),
            session("b", "Alpha", "09:00", "10:00"),
            session("c", "Mid", "11:00", "12:00"),
        ]
        .join(","),
    );
    let rooms = Rooms::new(&a);
    assert_eq!(rooms.names, ["Zeta", "Alpha", "Mid"]);
    let day = first_day(&a, Zoom::M60);
    let order: Vec<&str> = day
        .lanes
        .iter()
        .map(|l| rooms.names[l.room].as_str())
        .collect();
    assert_eq!(order, ["Zeta", "Alpha", "Mid"]);
}

#[test]
fn the_bundled_hearing_is_one_lane_with_the_lunch_break_as_empty_rows() {
    let a = load_bytes("h", BUNDLED.as_bytes(), &Limits::default())
        .unwrap()
        .agenda;
    let day = first_day(&a, Zoom::M15);
    assert_eq!(day.lanes.len(), 1);
    assert_eq!(widest(&day, 0), 1);
    let boxes = day.lane_boxes(0);
    let gaps = boxes
        .windows(2)
        .filter(|w| w[1].top > w[0].bottom())
        .count();
    assert!(gaps >= 1, "the lunch break leaves rows without a box");
}

#[test]
fn a_spring_forward_day_has_23_hours_of_rows_and_no_2_oclock() {
    let a = agenda(
        "Europe/Berlin",
        "2024-03-31",
        &[
            session("a", "R", "00:00", "01:00"),
            session("b", "R", "23:00", "23:30"),
        ]
        .join(","),
    );
    let day = first_day(&a, Zoom::M60);
    assert_eq!(day.axis.rows, 23);
    let labels: Vec<String> = (0..day.axis.rows)
        .filter_map(|r| day.axis.label(r))
        .collect();
    assert_eq!(labels.len(), 23);
    assert!(!labels.contains(&"02:00".to_owned()));
    assert_eq!(labels[2], "03:00");
}

#[test]
fn a_fall_back_day_has_25_hours_of_rows_and_2_oclock_twice() {
    let a = agenda(
        "Europe/Berlin",
        "2024-10-27",
        &[
            session("a", "R", "00:00", "01:00"),
            session("b", "R", "23:00", "23:30"),
        ]
        .join(","),
    );
    let day = first_day(&a, Zoom::M60);
    assert_eq!(day.axis.rows, 25);
    let labels: Vec<String> = (0..day.axis.rows)
        .filter_map(|r| day.axis.label(r))
        .collect();
    assert_eq!(labels.iter().filter(|l| *l == "02:00").count(), 2);
    // The last session's box sits one row lower than the wall clock says.
    assert_eq!(day.lane_boxes(0)[1].top, 24);
}

#[test]
fn half_hour_labels_at_fine_zoom_and_none_between() {
    let a = agenda(
        "Asia/Kathmandu",
        "2024-05-01",
        &session("a", "R", "09:05", "10:10"),
    );
    let day = first_day(&a, Zoom::M5);
    assert_eq!(day.axis.label(0), None, "09:05 is no label");
    let labels: Vec<(usize, String)> = (0..day.axis.rows)
        .filter_map(|r| day.axis.label(r).map(|l| (r, l)))
        .collect();
    assert_eq!(labels, [(5, "09:30".to_owned()), (11, "10:00".to_owned())]);
}

#[test]
fn a_short_session_takes_one_row_and_a_late_one_is_cut_at_midnight() {
    let a = agenda(
        "UTC",
        "2024-05-01",
        &[
            session("a", "R", "09:00", "09:01"),
            session("b", "R", "23:00", "23:59"),
        ]
        .join(","),
    );
    let day = first_day(&a, Zoom::M60);
    assert_eq!(day.lane_boxes(0)[0].rows, 1);
    assert_eq!(day.lane_boxes(0)[1].bottom(), day.axis.rows);
}

#[test]
fn moving_across_lands_on_what_runs_at_the_same_time_else_the_nearest() {
    let a = agenda(
        "UTC",
        "2024-05-01",
        &[
            session("a", "R1", "09:00", "10:00"),
            session("b", "R1", "10:00", "11:00"),
            session("c", "R2", "08:00", "10:30"),
            session("d", "R3", "13:00", "14:00"),
            session("e", "R3", "15:00", "16:00"),
        ]
        .join(","),
    );
    let day = first_day(&a, Zoom::M30);
    let b = day.find(1).unwrap();
    let c = day.find(2).unwrap();
    assert_eq!(nav::across(&day, b, true), Some(c), "c runs at b's start");
    assert_eq!(
        nav::across(&day, c, true),
        day.find(3),
        "d is the nearest in R3"
    );
    assert_eq!(nav::across(&day, c, false), day.find(0));
    assert_eq!(nav::across(&day, day.find(0).unwrap(), false), None);
    assert_eq!(nav::along(&day, day.find(0).unwrap(), true), Some(b));
    assert_eq!(nav::along(&day, b, true), None, "the lane ends");
    assert_eq!(nav::first(&day), day.find(2));
    assert_eq!(nav::last(&day), day.find(4));
}

#[test]
fn days_split_at_local_midnight() {
    let a = agenda(
        "America/New_York",
        "2024-05-01",
        &[
            session("a", "R", "22:00", "23:00"),
            r#"{"id": "b", "title": "b", "kind": "other", "date": "2024-05-02", "start": "01:00", "end": "02:00"}"#
                .to_owned(),
        ]
        .join(","),
    );
    let items = planned(&a);
    let zone = a.event.timezone;
    let d = days(&items, zone);
    assert_eq!(d.len(), 2);
    assert_eq!(of_day(&items, d[0], zone).len(), 1);
    assert_eq!(of_day(&items, d[1], zone)[0].session, 1);
}

#[test]
fn zoom_steps_stop_at_the_ends() {
    assert_eq!(Zoom::M5.finer(), Zoom::M5);
    assert_eq!(Zoom::M60.coarser(), Zoom::M60);
    assert_eq!(Zoom::M15.coarser(), Zoom::M30);
    assert_eq!(Zoom::from_minutes(10), Some(Zoom::M10));
    assert_eq!(Zoom::from_minutes(7), None);
}

#[test]
fn only_sessions_that_overlap_share_the_lanes_width() {
    let a = crate::testing::talk_then_posters();
    let day = first_day(&a, Zoom::M60);
    let got: Vec<(usize, usize)> = day
        .lane_boxes(0)
        .iter()
        .map(|b| (b.column, b.columns))
        .collect();
    // The talk overlaps nothing: the lane's whole width is its own.
    assert_eq!(got, [(0, 1), (0, 3), (1, 3), (2, 3)]);
    assert_eq!(widest(&day, 0), 3);
}

#[test]
fn the_words_every_room_starts_with_are_found_whole() {
    use super::lanes::shared_words;
    let names = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(shared_words(&names(&["Room H.12", "Room J.13"])), 5);
    assert_eq!(
        shared_words(&names(&["Conference Room 1", "Conference Room 2"])),
        16
    );
    // Within a word, one name all of it, or one room: nothing.
    assert_eq!(
        shared_words(&names(&["H.1302 (Depage)", "H.1308 (Rolin)"])),
        0
    );
    assert_eq!(shared_words(&names(&["Room A", "Room A annex", "Room"])), 0);
    assert_eq!(shared_words(&names(&["Saal 1", "Saal "])), 0);
    assert_eq!(shared_words(&names(&["Room H.12"])), 0);
    // Characters of more than one byte share no byte with a cut.
    assert_eq!(shared_words(&names(&["Salle é1", "Salle è2"])), 6);
}
