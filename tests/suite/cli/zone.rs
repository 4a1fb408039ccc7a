//! `--tz ZONE`: times in the viewer's own zone.

use crate::support::harness::dais;

#[test]
fn list_shows_times_in_the_zone_asked_for() {
    let run = dais(&["list", "--tz", "Europe/Berlin"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("16:30-17:45  Panel 1"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Europe/Berlin"), "{}", run.stdout);
    assert!(!run.stdout.contains("America/New_York"));
    // Without it, the agenda's own times.
    let plain = dais(&["list"]);
    assert!(
        plain.stdout.contains("10:30-11:45  Panel 1"),
        "{}",
        plain.stdout
    );
    let md = dais(&["list", "--format", "markdown", "--tz", "europe/berlin"]);
    assert!(
        md.stdout.contains("**16:30-17:45** Panel 1"),
        "{}",
        md.stdout
    );
}

#[test]
fn an_unknown_zone_is_an_error_naming_close_ones() {
    let run = dais(&["list", "--tz", "Berlin"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .starts_with("dais: --tz: unknown time zone \"Berlin\": did you mean Europe/Berlin"),
        "{}",
        run.stderr
    );
    let run = dais(&["now", "--tz", "Mars/Olympus"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("unknown time zone"), "{}", run.stderr);
}
