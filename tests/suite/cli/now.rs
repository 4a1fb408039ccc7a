//! `dais now` as a process: `--at` at several moments, text and JSON, and
//! the running-late shift saved in the state file honoured.

use crate::support::{harness::Home, screen};

use dais::commands::open::key;
use dais::source::Source;
use dais::store::{AgendaKey, Change, ShiftChange, Store};
use screen::hearing;
use std::process::Output;

/// Runs `dais now ARGS` in `home`.
fn dais_now(home: &Home, args: &[&str]) -> Output {
    home.command()
        .arg("now")
        .args(args)
        .output()
        .expect("dais runs")
}

fn now_text(home: &Home, moment: &str) -> String {
    let out = dais_now(home, &["--at", moment]);
    assert!(
        out.status.success(),
        "dais now --at {moment}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn now_json(home: &Home, moment: &str) -> serde_json::Value {
    let out = dais_now(home, &["--at", moment, "--format", "json"]);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn text_at_several_moments() {
    let d = &Home::new();
    for (moment, want) in [
        (
            "2017-06-21 07:00",
            "Opening of the Informal Interactive Multi-stakeholder Hearing starts in 2 d 3 h",
        ),
        (
            "2017-06-23 09:30",
            "Opening of the Informal Interactive Multi-stakeholder Hearing starts in 30 min",
        ),
        (
            "2017-06-23 11:05",
            "Panel 1 · 40 min left · next Panel 2 at 11:45",
        ),
        ("11:05", "Panel 1 · 40 min left · next Panel 2 at 11:45"),
        (
            "2017-06-23T15:05:00Z",
            "Panel 1 · 40 min left · next Panel 2 at 11:45",
        ),
        // Not the last second: the clock runs on while the process starts.
        ("11:44:30", "Panel 1 · 1 min left · next Panel 2 at 11:45"),
        ("11:45", "Panel 2 · 1 h 15 min left · next Panel 3 at 15:00"),
        ("13:48", "no session now: Panel 3 at 15:00, in 1 h 12 min"),
        (
            "17:55",
            "Closing of the hearing by the President of the UN General Assembly · 5 min left",
        ),
        ("18:00", "ended at 18:00"),
        ("2017-06-30 12:00", "ended on Fri 23 Jun at 18:00"),
    ] {
        assert_eq!(now_text(d, moment), format!("{want}\n"), "at {moment}");
    }
    let written = walk(d.path());
    assert!(
        written.is_empty(),
        "dais now writes nothing of its own: {written:?}"
    );
}

#[test]
fn json_at_several_moments() {
    let d = &Home::new();
    let j = now_json(d, "11:05");
    assert_eq!(j["state"], "live");
    assert_eq!(j["text"], "Panel 1 · 40 min left · next Panel 2 at 11:45");
    assert_eq!(j["session"]["id"], "panel-1");
    assert_eq!(j["session"]["short_title"], "Panel 1");
    assert_eq!(j["minutes_left"], 40);
    assert_eq!(j["next"]["id"], "panel-2");
    assert_eq!(j["next"]["start"], "2017-06-23T11:45:00-04:00");
    assert_eq!(j["delay_minutes"], 0);
    let j = now_json(d, "13:48");
    assert_eq!(j["state"], "gap");
    assert_eq!(j["starts_in_minutes"], 72);
    let j = now_json(d, "2017-06-21 07:00");
    assert_eq!(j["state"], "before");
    assert_eq!(j["starts_in_minutes"], 2 * 1440 + 180);
    let j = now_json(d, "18:00");
    assert_eq!(j["state"], "ended");
    assert_eq!(j["last"]["end"], "2017-06-23T18:00:00-04:00");
}

#[test]
fn a_saved_shift_is_honoured() {
    let d = &Home::new();
    save_shift(d, &key(&Source::Bundled, &hearing()));
    assert_eq!(
        now_text(d, "11:05"),
        "Panel 1 · 50 min left · next Panel 2 at 11:55 · running 10 min late\n"
    );
    // Introductory statements end at 10:30 as planned; panel 1 now starts
    // at 10:40.
    assert_eq!(
        now_text(d, "10:35"),
        "no session now: Panel 1 at 10:40, in 5 min · running 10 min late\n"
    );
    let j = now_json(d, "11:05");
    assert_eq!(j["delay_minutes"], 10);
    assert_eq!(j["session"]["start"], "2017-06-23T10:40:00-04:00");
    assert_eq!(j["session"]["planned_start"], "2017-06-23T10:30:00-04:00");
    assert_eq!(
        j["text"],
        "Panel 1 · 50 min left · next Panel 2 at 11:55 · running 10 min late"
    );
    // Another agenda's shift is not this one's.
    let other = &Home::new();
    let mut another = key(&Source::Bundled, &hearing());
    another.source = Some("/elsewhere/hearing.json".into());
    save_shift(other, &another);
    assert_eq!(
        now_text(other, "11:05"),
        "Panel 1 · 40 min left · next Panel 2 at 11:45\n"
    );
}

#[test]
fn a_corrupt_state_file_does_not_stop_it() {
    let d = &Home::new();
    let state = d.state_dir().join("dais");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(state.join("state.json"), "{ not json").unwrap();
    assert_eq!(
        now_text(d, "11:05"),
        "Panel 1 · 40 min left · next Panel 2 at 11:45\n"
    );
}

#[test]
fn a_file_across_a_clock_change() {
    let home = &Home::new();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/live/berlin_dst.json"
    );
    let out = dais_now(home, &[fixture, "--at", "2024-03-31 01:45"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Night watch · 45 min left · next Breakfast at 08:00\n"
    );
    let out = dais_now(home, &[fixture, "--at", "2024-03-31 03:00"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Night watch · 30 min left · next Breakfast at 08:00\n"
    );
    // 02:30 never happens in Berlin that night.
    let out = dais_now(home, &[fixture, "--at", "2024-03-31 02:30"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--at") && err.contains("does not exist"),
        "{err}"
    );
}

#[test]
fn a_bad_moment_is_a_clear_error() {
    let out = dais_now(&Home::new(), &["--at", "teatime"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("dais: --at: cannot read the time"), "{err}");
}

/// Saves a 10-minute delay from panel 1 on for `agenda` in the state
/// database in `home`, as the screen's `+` does.
fn save_shift(home: &Home, agenda: &AgendaKey) {
    let mut store = Store::open(home.state_dir().join("dais").join("dais.sqlite3"));
    let change = Change::Shift(ShiftChange::Add {
        view: String::new(),
        session: "panel-1".into(),
        minutes: 10,
    });
    store.apply(agenda, &change).unwrap();
}

/// Every file and directory under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        }
        out.push(path);
    }
    out
}
