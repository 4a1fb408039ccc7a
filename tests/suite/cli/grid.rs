//! `dais list --format grid`: the rooms-by-time grid as text.

use crate::support::harness::{dais, fixture};

fn grid(args: &[&str]) -> String {
    let mut all = vec!["list", "--format", "grid"];
    all.extend_from_slice(args);
    let run = dais(&all);
    assert_eq!(run.code, 0, "{run:?}");
    run.stdout
}

#[test]
fn the_hearing_is_one_lane_with_the_lunch_break_as_space() {
    let out = grid(&["--width", "70"]);
    insta::assert_snapshot!("grid_hearing_70", out);
    let lines: Vec<&str> = out.lines().collect();
    let panel2 = lines
        .iter()
        .position(|l| l.contains("11:45 Panel 2"))
        .unwrap();
    let panel3 = lines
        .iter()
        .position(|l| l.contains("15:00 Panel 3"))
        .unwrap();
    // 13:00 to 15:00 at 15 minutes a row: eight rows with no box.
    let empty = lines[panel2..panel3]
        .iter()
        .filter(|l| !l.contains('│') && !l.contains('┌'))
        .count();
    assert_eq!(empty, 8, "{out}");
}

#[test]
fn six_rooms_side_by_side_and_overlaps_in_one_room_split_it() {
    let f = fixture("grid/six_rooms.json");
    let out = grid(&["--width", "100", f.to_str().unwrap()]);
    insta::assert_snapshot!("grid_six_rooms_100", out);
    let head = out.lines().nth(1).unwrap();
    for room in [
        "Saal 1",
        "Saal 2",
        "Workshop A",
        "Workshop B",
        "Foyer",
        "Lab",
    ] {
        assert!(head.contains(room), "{head}");
    }
    assert!(out.contains("Thursday 2 May 2024"), "both days: {out}");
}

#[test]
fn rooms_that_do_not_fit_go_in_a_second_grid_below() {
    let f = fixture("grid/six_rooms.json");
    let out = grid(&["--width", "40", "--date", "2024-05-01", f.to_str().unwrap()]);
    let heads: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("      ") && l.contains("Saal"))
        .collect();
    assert!(!heads.is_empty());
    assert!(out.contains("Lab"), "the last room is there too: {out}");
    assert!(!out.contains("Thursday"), "--date keeps one day");
    for line in out.lines() {
        assert!(
            dais::ui::text::width(line) <= 40,
            "{line:?} is wider than 40"
        );
    }
}

#[test]
fn a_spring_forward_night_skips_two_oclock_in_ascii() {
    let f = fixture("grid/spring_forward_berlin.json");
    let out = grid(&["--width", "50", "--ascii", f.to_str().unwrap()]);
    insta::assert_snapshot!("grid_spring_forward_ascii_50", out);
    assert!(out.is_ascii(), "{out}");
    assert!(out.contains("01:30 |") || out.contains("01:30 +"), "{out}");
    assert!(
        !out.contains("02:00"),
        "02:00 does not exist that night: {out}"
    );
    assert!(out.contains("03:00"), "{out}");
}

#[test]
fn a_fall_back_night_labels_the_repeated_hour_twice() {
    let f = fixture("grid/fall_back_berlin.json");
    let out = grid(&["--width", "50", f.to_str().unwrap()]);
    insta::assert_snapshot!("grid_fall_back_50", out);
    let labels: Vec<&str> = out
        .lines()
        .filter_map(|l| l.get(..5).filter(|h| h.as_bytes().get(2) == Some(&b':')))
        .collect();
    assert_eq!(
        labels,
        [
            "01:00", "01:30", "02:00", "02:30", "02:00", "02:30", "03:00", "03:30"
        ],
        "{out}"
    );
}

#[test]
fn a_date_without_sessions_names_the_days_there_are() {
    let run = dais(&["list", "--format", "grid", "--date", "2017-06-24"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("2017-06-23"), "{}", run.stderr);
    let misuse = dais(&["list", "--width", "80"]);
    assert_eq!(misuse.code, 2, "--width without --format grid: {misuse:?}");
}

#[test]
fn narrow_lanes_leave_out_the_words_every_room_starts_with() {
    let f = fixture("grid/shared_room_words.json");
    let head = |width: &str| {
        grid(&["--width", width, f.to_str().unwrap()])
            .lines()
            .nth(1)
            .unwrap_or_default()
            .to_owned()
    };
    // 11 columns a lane: "Conference Room 1" would be "Conference…"
    // four times over.
    let narrow = head("50");
    let names: Vec<&str> = narrow.split_whitespace().collect();
    assert_eq!(names, ["1", "2", "3", "4"], "{narrow:?}");
    // Room enough: the names whole.
    let wide = head("90");
    assert_eq!(wide.matches("Conference Room ").count(), 4, "{wide:?}");
}
