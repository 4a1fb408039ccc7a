//! A two-day agenda in Berlin across the spring clock change, with names in
//! Arabic, Chinese, Cyrillic and Devanagari; and a session at an ambiguous
//! time on the autumn fall-back day.

use crate::support::harness;

use harness::{dais, loaded};

const NAMES: [&str; 4] = ["أميرة الحسيني", "李伟", "Ольга Смирнова", "प्रिया शर्मा"];

/// `(id, x-starts-at, x-ends-at)` for each session in `dais list --format json`.
fn instants(fixture: &str) -> Vec<(String, String, String)> {
    let run = dais(&["list", "--format", "json", fixture]);
    assert_eq!(run.code, 0, "{run:?}");
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    value["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .map(|s| {
            let text = |k: &str| s[k].as_str().unwrap_or_default().to_owned();
            (text("id"), text("x-starts-at"), text("x-ends-at"))
        })
        .collect()
}

#[test]
fn utc_offsets_follow_the_clock_change() {
    let want = [
        (
            "arrival",
            "2024-03-30T18:00:00+01:00",
            "2024-03-30T19:00:00+01:00",
        ),
        (
            "dinner",
            "2024-03-30T19:00:00+01:00",
            "2024-03-31T00:00:00+01:00",
        ),
        // Starts in winter time, ends in summer time.
        (
            "night-watch",
            "2024-03-31T01:30:00+01:00",
            "2024-03-31T03:30:00+02:00",
        ),
        (
            "panel",
            "2024-03-31T10:00:00+02:00",
            "2024-03-31T11:30:00+02:00",
        ),
        (
            "closing",
            "2024-03-31T11:30:00+02:00",
            "2024-03-31T12:00:00+02:00",
        ),
    ];
    let got = instants("two_day_berlin.json");
    let got: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn the_night_session_is_one_hour_long_in_real_time() {
    let a = loaded("two_day_berlin.json").agenda;
    let night = &a.sessions[2];
    assert_eq!(&*night.id, "night-watch");
    // Two hours on the wall clock, 01:30 to 03:30; one hour really passes.
    assert_eq!(
        night.span.local_end - night.span.local_start,
        chrono::TimeDelta::hours(2)
    );
    assert_eq!(night.span.minutes(), 60);
    assert_eq!(night.span.start.to_rfc3339(), "2024-03-31T00:30:00+00:00");
    assert_eq!(night.span.end.to_rfc3339(), "2024-03-31T01:30:00+00:00");
}

#[test]
fn an_ambiguous_time_takes_the_earlier_instant() {
    // On 27 October 2024 Berlin's clocks show 02:00-03:00 twice. 02:30 is
    // read as the first time round, still in summer time (+02:00).
    let got = instants("fall_back_berlin.json");
    assert_eq!(
        got,
        [(
            "repeat".to_owned(),
            "2024-10-27T02:30:00+02:00".to_owned(),
            "2024-10-27T03:30:00+01:00".to_owned()
        )]
    );
    let a = loaded("fall_back_berlin.json").agenda;
    assert_eq!(a.sessions[0].span.minutes(), 120);
}

#[test]
fn the_text_list_has_day_headings() {
    let run = dais(&["list", "two_day_berlin.json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    let at = |line: &str| {
        lines
            .iter()
            .position(|l| *l == line)
            .unwrap_or_else(|| panic!("no line {line:?} in\n{}", run.stdout))
    };
    // The header gives both days, as the screen's does.
    let header = lines
        .iter()
        .take(4)
        .any(|l| l.starts_with("Sat 30 Mar – Sun 31 Mar 2024 · "));
    assert!(header, "{}", run.stdout);
    let saturday = at("Saturday 30 March 2024");
    let sunday = at("Sunday 31 March 2024");
    assert!(saturday < at("18:00-19:00  Ankunft"));
    assert!(at("19:00-24:00  Abendessen und Gespräche") < sunday);
    assert!(sunday < at("01:30-03:30  Nachtwache über die Umstellung"));
    assert!(sunday < at("Sonntag"));
    for name in NAMES {
        assert!(run.stdout.contains(name), "{name}");
    }
    assert!(run.stdout.contains("李伟, 北京大学 (主席) [video message]"));
}

#[test]
fn a_one_day_list_has_no_day_heading() {
    let run = dais(&["list", "minimal.json"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        !run.stdout.lines().any(|l| l == "Thursday 2 May 2024"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_markdown_list_has_day_and_part_headings() {
    let run = dais(&["list", "--format", "markdown", "two_day_berlin.json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let out = &run.stdout;
    assert!(out.contains("\n*Sat 30 Mar – Sun 31 Mar 2024 · "), "{out}");
    for heading in [
        "\n## Saturday 30 March 2024\n",
        "\n### Samstagabend\n",
        "\n## Sunday 31 March 2024\n",
        "\n### Nacht\n",
        "\n### Sonntag\n",
    ] {
        assert!(out.contains(heading), "{heading:?} in\n{out}");
    }
    for name in NAMES {
        assert!(out.contains(name), "{name}");
    }
}

#[test]
fn the_model_keeps_names_and_days() {
    let a = loaded("two_day_berlin.json").agenda;
    assert!(a.is_multi_day());
    let names: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, NAMES);
    let days: Vec<String> = a.sessions.iter().map(|s| s.date().to_string()).collect();
    assert_eq!(
        days,
        [
            "2024-03-30",
            "2024-03-30",
            "2024-03-31",
            "2024-03-31",
            "2024-03-31"
        ]
    );
}
