//! `dais list --format json` writes the normalized agenda; reading it back
//! gives the same model, and writing that again gives the same bytes.

use crate::support::harness;

use dais::agenda::Agenda;
use dais::load::{Limits, load_bytes};
use dais::source::Source;
use harness::{dais, loaded};

/// Runs the real binary and reads its JSON back through the loader.
fn listed_json(args: &[&str]) -> (String, Agenda) {
    let mut all = vec!["list", "--format", "json"];
    all.extend(args);
    let run = dais(&all);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");
    let back = load_bytes("listed.json", run.stdout.as_bytes(), &Limits::default())
        .unwrap_or_else(|e| panic!("the written JSON loads back:\n{e}\n{}", run.stdout));
    assert!(back.warnings.is_empty(), "{:#?}", back.warnings);
    (run.stdout, back.agenda)
}

fn assert_round_trips(fixture: &str) {
    let original = loaded(fixture).agenda;
    let (json, back) = listed_json(&[fixture]);
    assert_eq!(back, original, "{fixture}");
    assert_eq!(
        dais::write::to_json(&back),
        json,
        "{fixture}: writing is stable"
    );
}

#[test]
fn the_bundled_hearing() {
    let original = Source::Bundled
        .load(&Limits::default())
        .expect("bundled loads")
        .agenda;
    let (json, back) = listed_json(&[]);
    assert_eq!(back, original);
    assert_eq!(dais::write::to_json(&back), json);
    // Defaults are written out: the opening's chair appears in person.
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let chair = &value["sessions"][0]["participants"][0];
    assert_eq!(chair["appearance"], "in_person");
    assert_eq!(value["sessions"][0]["date"], "2017-06-23");
    assert_eq!(
        value["sessions"][0]["x-starts-at"],
        "2017-06-23T10:00:00-04:00"
    );
    // The bundled file's own x- keys are carried over unchanged.
    let file: serde_json::Value =
        serde_json::from_str(dais::load::BUNDLED).expect("the bundled file is JSON");
    for key in ["x-transcription", "x-key-message-links"] {
        assert!(file.get(key).is_some(), "{key} in the bundled file");
        assert_eq!(value.get(key), file.get(key), "{key}");
    }
}

#[test]
fn a_multi_day_agenda_across_a_clock_change() {
    assert_round_trips("two_day_berlin.json");
}

#[test]
fn an_ambiguous_time_on_the_fall_back_day() {
    assert_round_trips("fall_back_berlin.json");
}

#[test]
fn the_small_fixtures() {
    for fixture in ["minimal.json", "x_keys.json", "hostile_text.json"] {
        assert_round_trips(fixture);
    }
}

#[test]
fn a_session_ending_at_midnight_is_written_as_24_00() {
    let (json, _) = listed_json(&["two_day_berlin.json"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let dinner = &value["sessions"][1];
    assert_eq!(dinner["id"], "dinner");
    assert_eq!(dinner["end"], "24:00");
    assert_eq!(dinner["x-ends-at"], "2024-03-31T00:00:00+01:00");
    // A session with no end is written with the one it was given.
    assert_eq!(value["sessions"][0]["end"], "19:00");
}
