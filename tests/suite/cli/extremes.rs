//! Extreme values on the command line: `--speed`, `--at` at the ends of
//! the calendar, iCalendar years, and hostile arguments echoed in messages.

use crate::support::harness::{Home, assert_terminal_safe};

const YEAR_9999: &str = r#"{"format": "dais/1",
  "event": {"title": "Dusk", "date": "9999-12-31", "timezone": "America/New_York"},
  "sessions": [{"id": "a", "title": "Last", "kind": "other", "start": "22:00", "end": "24:00"}]}"#;

const YEAR_0000: &str = r#"{"format": "dais/1",
  "event": {"title": "Dawn", "date": "0000-01-01", "timezone": "Asia/Tokyo"},
  "sessions": [{"id": "a", "title": "First", "kind": "other", "start": "00:00", "end": "00:30"}]}"#;

const OVER_A_DAY: &str = r#"{"format": "dais/1",
  "event": {"title": "Con", "date": "2024-07-01", "timezone": "Europe/Berlin"},
  "sessions": [
    {"id": "a", "title": "Hackathon", "kind": "other", "start": "10:00", "end": "12:30",
     "end_date": "2024-07-02"},
    {"id": "b", "title": "Late", "kind": "other", "start": "22:00", "end": "24:00"}]}"#;

#[test]
fn a_speed_past_a_million_is_refused_naming_the_option() {
    let home = Home::new();
    for speed in ["1e12", "1e18", "1000001"] {
        let run = home.dais(&["now", "--speed", speed]);
        assert_eq!(run.code, 1, "{run:?}");
        assert!(
            run.stderr.starts_with("dais: --speed ") && run.stderr.contains("at most 1000000"),
            "{run:?}"
        );
    }
    let run = home.dais(&["now", "--speed", "1e6", "--at", "11:05"]);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn at_outside_the_years_0000_to_9999_is_refused_and_the_ends_work() {
    let home = Home::new();
    for at in ["0000-01-01T00:00:00+01:00", "9999-12-31 23:59"] {
        let run = home.dais(&["now", "--at", at]);
        assert_eq!(run.code, 1, "{at}: {run:?}");
        assert!(
            run.stderr.starts_with("dais: --at: ")
                && run.stderr.contains("outside the years 0000 to 9999"),
            "{run:?}"
        );
    }
    for at in ["9999-12-31T23:59:59Z", "0000-01-01 12:00"] {
        let run = home.dais(&["now", "--at", at]);
        assert_eq!(run.code, 0, "{at}: {run:?}");
    }
}

#[test]
fn ics_refuses_years_it_cannot_write() {
    let home = Home::new();
    for (json, year) in [(YEAR_9999, "10000"), (YEAR_0000, "-1")] {
        let file = home.path().join("a.json");
        std::fs::write(&file, json).unwrap();
        let run = home.run(home.path(), &["export", "ics", "a.json"], None);
        assert_eq!(run.code, 1, "{run:?}");
        assert_eq!(
            run.stderr,
            format!(
                "a.json: session \"a\" starts in the year {year}; iCalendar can only write \
                 the years 0000 to 9999\n"
            )
        );
        assert!(run.stdout.is_empty());
        // The agenda itself is fine everywhere else.
        let run = home.run(home.path(), &["list", "a.json"], None);
        assert_eq!(run.code, 0, "{run:?}");
    }
}

#[test]
fn a_session_over_a_day_lists_its_end_day_in_every_format() {
    let home = Home::new();
    std::fs::write(home.path().join("c.json"), OVER_A_DAY).unwrap();
    let list = |f: &str| home.run(home.path(), &["list", "-f", f, "c.json"], None);
    let text = list("text");
    assert!(
        text.stdout.contains("Mon 10:00-Tue 12:30  Hackathon"),
        "{text:?}"
    );
    assert!(text.stdout.contains("22:00-24:00  Late"), "{text:?}");
    let md = list("markdown");
    assert!(
        md.stdout.contains("**Mon 10:00-Tue 12:30** Hackathon"),
        "{md:?}"
    );
    let json: serde_json::Value = serde_json::from_str(&list("json").stdout).unwrap();
    assert_eq!(json["sessions"][0]["end_date"], "2024-07-02");
    assert_eq!(json["sessions"][0]["end"], "12:30");
    let now = home.run(
        home.path(),
        &["now", "c.json", "--at", "2024-07-01 15:00"],
        None,
    );
    assert_eq!(
        now.stdout,
        "Hackathon · 21 h 30 min left, until Tue 12:30 · next Late at 22:00\n"
    );
}

#[test]
fn hostile_arguments_are_echoed_escaped() {
    let home = Home::new();
    let osc = "\u{1b}]0;pwned\u{7}";
    for args in [
        vec!["list", "--room", osc],
        vec!["list", "--track", osc],
        vec!["list", "nope\u{1b}[2J.json"],
        vec!["now", "--at", osc],
        vec!["now", "--speed", osc],
        vec!["list", "--format", osc],
        vec!["export", "ics", "--session", osc],
        vec!["config", "--config", "c\u{1b}[31m.toml"],
    ] {
        let run = home.dais(&args);
        assert_ne!(run.code, 0, "{args:?}: {run:?}");
        assert_terminal_safe(&format!("{args:?}"), &run.stderr);
        assert!(!run.stderr.contains('\u{ad}'));
    }
}

#[test]
fn past_a_file_size_limit_the_output_file_is_left_as_it_was() {
    let home = Home::new();
    let out = home.path().join("out.json");
    std::fs::write(&out, "before\n").unwrap();
    let mut sh = std::process::Command::new("sh");
    home.apply(&mut sh)
        .arg("-c")
        .arg("ulimit -f 1; exec \"$0\" convert \"$1\" -o \"$2\"")
        .arg(env!("CARGO_BIN_EXE_dais"))
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/hearing-2017-06-23.json"
        ))
        .arg(&out);
    let run = sh.output().unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    // Not killed by SIGXFSZ half-way: an error naming the file.
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot write") && err.contains("out.json"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "before\n");
    let left: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
