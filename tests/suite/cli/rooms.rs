//! `--room` and `--track`: one room or track of a conference, in the list,
//! `now`, the calendar and the screen; names the file does not have are
//! refused with the ones it has.

use crate::support::harness::dais;

const DEMOCON: &str = "schedule-json/pretalx-style.json";

#[test]
fn list_shows_only_the_room_asked_for() {
    let all = dais(&["list", DEMOCON]);
    assert!(all.stdout.contains("Tan Room") && all.stdout.contains("Gray Room"));
    // Any case will do.
    let run = dais(&["list", "--room", "gray room", DEMOCON]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("Gray Room"), "{}", run.stdout);
    assert!(!run.stdout.contains("Tan Room"), "{}", run.stdout);
    // Two rooms: everything again.
    let both = dais(&["list", "--room", "Gray Room", "--room", "Tan Room", DEMOCON]);
    assert_eq!(both.stdout, all.stdout);
}

#[test]
fn now_and_the_calendar_follow_one_room() {
    let at = ["--at", "2030-12-14 08:40"];
    let tan = dais(&[&["now", "--room", "Tan Room"], &at[..], &[DEMOCON]].concat());
    assert_eq!(tan.code, 0, "{tan:?}");
    assert!(tan.stdout.starts_with("Loud machines"), "{}", tan.stdout);
    let gray = dais(&[&["now", "--room", "Gray Room"], &at[..], &[DEMOCON]].concat());
    assert!(gray.stdout.starts_with("Quiet gardens"), "{}", gray.stdout);
    let ics = dais(&["export", "ics", "--room", "Tan Room", DEMOCON]);
    assert_eq!(ics.code, 0, "{ics:?}");
    let rooms: Vec<&str> = ics
        .stdout
        .lines()
        .filter(|l| l.starts_with("LOCATION:"))
        .collect();
    assert!(!rooms.is_empty());
    assert!(rooms.iter().all(|l| l.contains("Tan Room")), "{rooms:?}");
}

#[test]
fn a_room_the_file_does_not_have_is_refused_with_those_it_has() {
    let run = dais(&["list", "--room", "Blue Room", DEMOCON]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr,
        "dais: --room Blue Room: no session is in that room; there are: Gray Room, Tan Room\n"
    );
    let run = dais(&["list", "--track", "Art", "minimal.json"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stderr, "dais: --track Art: no session has a track\n");
}

#[test]
fn commands_that_read_the_whole_file_take_no_room() {
    for args in [
        vec!["validate", "--room", "Tan Room", DEMOCON],
        vec!["convert", "--track", "Horizontal", DEMOCON],
    ] {
        let run = dais(&args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.contains("--room and --track"), "{}", run.stderr);
    }
}

#[test]
fn parts_side_by_side_are_headed_once_and_each_session_says_its_part() {
    let run = dais(&["list", "parallel_parts.json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let headings: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| {
            ["Plenary", "Detectors", "Theory"]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .collect();
    assert_eq!(headings, ["Plenary", "Detectors · Theory", "Plenary"]);
    // Under it, each session's own part after its room, if any.
    for (title, place) in [
        ("Silicon trackers", "Room 1 · Detectors"),
        ("Lattice methods", "Theory"),
        ("Effective theories", "Theory"),
    ] {
        let at = run.stdout.find(title).unwrap();
        let next = run.stdout[at..].lines().nth(1).unwrap_or_default();
        assert_eq!(next.trim(), place, "{}", run.stdout);
    }
    // The plenary's sessions, under their own part, do not repeat it.
    assert!(run.stdout.contains("Opening\n             Main Hall\n"));
    let md = dais(&["list", "--format", "markdown", "parallel_parts.json"]);
    assert!(
        md.stdout.contains("\n## Detectors · Theory\n"),
        "{}",
        md.stdout
    );
    assert_eq!(md.stdout.matches("\n## Plenary\n").count(), 2);
    // One room of them: a part of its own again.
    let one = dais(&["list", "--room", "Room 1", "parallel_parts.json"]);
    assert!(one.stdout.contains("\nDetectors\n"), "{}", one.stdout);
    assert!(
        one.stdout
            .contains("Silicon trackers\n             Room 1\n")
    );
}

#[test]
fn now_says_how_many_more_are_on_in_parallel_rooms() {
    let at = ["--at", "2024-05-01 09:45"];
    let all = dais(&[&["now"], &at[..], &["parallel_parts.json"]].concat());
    assert_eq!(all.code, 0, "{all:?}");
    assert_eq!(
        all.stdout,
        "Lattice methods · 15 min left · 1 more on now · next Calorimeters at 10:00\n"
    );
    // One room: nothing else on in it.
    let one = dais(
        &[
            &["now", "--room", "Room 1"],
            &at[..],
            &["parallel_parts.json"],
        ]
        .concat(),
    );
    assert_eq!(
        one.stdout,
        "Silicon trackers · 15 min left · next Calorimeters at 10:00\n"
    );
}
