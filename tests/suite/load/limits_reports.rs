//! The listing limit (`Limits::max_problems`) counts only real problems:
//! what lies inside a value already reported as wrong adds nothing, and
//! schedule.json files are held to the same limit as dais/1 files.

use dais::load::{Limits, LoadError, load_bytes};
use serde_json::{Map, Value, json};

fn few() -> Limits {
    Limits {
        max_problems: 5,
        ..Limits::default()
    }
}

fn refused(text: &str, limits: &Limits) -> LoadError {
    load_bytes("r.json", text.as_bytes(), limits).expect_err("should not load")
}

fn paths(e: &LoadError) -> Vec<&str> {
    e.problems.iter().map(|p| p.path.as_str()).collect()
}

fn agenda(title: &Value) -> String {
    json!({
        "format": "dais/1",
        "event": {"title": title, "date": "2024-03-10", "timezone": "UTC"},
        "sessions": [{"id": "s", "title": "S", "kind": "panel", "start": "09:00", "end": "10:00"}]
    })
    .to_string()
}

#[test]
fn keys_inside_a_value_of_the_wrong_type_are_not_counted() {
    let keys: Map<String, Value> = (0..3000).map(|i| (format!("k{i}"), json!(0))).collect();
    for limits in [few(), Limits::default()] {
        let e = refused(&agenda(&Value::Object(keys.clone())), &limits);
        assert_eq!(paths(&e), ["event.title"], "{e}");
        assert!(e.problems[0].message.contains("found an object"), "{e}");
    }
}

#[test]
fn keys_around_a_key_given_twice_are_not_counted() {
    let before = (0..3)
        .map(|i| format!(r#""u{i}": 0, "#))
        .collect::<Vec<_>>()
        .concat();
    let after = (0..20)
        .map(|i| format!(r#", "w{i}": {{"v": 0}}"#))
        .collect::<Vec<_>>()
        .concat();
    let text = format!(
        r#"{{"format": "dais/1",
            "event": {{"title": "T", "date": "2024-03-10", "timezone": "UTC"}},
            "sessions": [{{{before}"id": "s", "title": "A", "title": "B", "kind": "panel",
                           "start": "09:00", "end": "10:00"{after}}}]}}"#
    );
    let e = refused(&text, &few());
    assert_eq!(paths(&e), ["sessions[0].title"], "{e}");
    assert!(e.problems[0].message.contains("more than once"), "{e}");
}

fn schedule2(events: &[String]) -> String {
    format!(
        r#"{{"schedule": {{"version": "1", "conference": {{
            "title": "Test Con", "time_zone_name": "Europe/Berlin", "days": []}},
            "events": [{}]}}}}"#,
        events.join(",")
    )
}

#[test]
fn schedule_json_errors_past_the_limit_are_counted_not_listed() {
    let events: Vec<String> = (0..30)
        .map(|i| {
            format!(
                r#"{{"slug": "e{i}", "title": {i}, "start": "2024-12-27T10:00:00+01:00",
                    "duration": "0:30"}}"#
            )
        })
        .collect();
    let e = refused(&schedule2(&events), &few());
    assert_eq!(e.problems.len(), 6, "{e}");
    assert_eq!(e.problems[0].path, "schedule.events[0].title", "{e}");
    assert_eq!(
        e.problems[5].message,
        "25 more errors not listed (dais lists at most 5)"
    );
}

#[test]
fn schedule_json_warnings_past_the_limit_are_counted_not_listed() {
    // Thirty keys the schemas do not know, each its own warning.
    let extra = (0..30)
        .map(|i| format!(r#", "odd_{i}": 1"#))
        .collect::<Vec<_>>()
        .concat();
    let event = format!(
        r#"{{"slug": "e", "title": "T", "start": "2024-12-27T10:00:00+01:00",
            "duration": "0:30"{extra}}}"#
    );
    let text = schedule2(&[event]);
    let all = load_bytes("w.json", text.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(all.warnings.len(), 30);
    let loaded = load_bytes("w.json", text.as_bytes(), &few()).unwrap();
    assert_eq!(loaded.warnings.len(), 6);
    assert_eq!(loaded.warnings[..5], all.warnings[..5]);
    assert_eq!(
        loaded.warnings[5].message,
        "25 more warnings not listed (dais lists at most 5)"
    );
}
