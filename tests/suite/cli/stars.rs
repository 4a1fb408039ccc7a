//! My programme from the command line: `dais star` and `dais hide`, and
//! `--starred` and `--all` in `list`, `now` and `export ics`. Each test has
//! its own state directory.

use std::path::Path;
use std::process::{Command, Stdio};

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `dais ARGS` with its state (and config) under `home`.
fn dais(home: &Path, args: &[&str]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_dais"))
        .args(args)
        .current_dir(crate::support::harness::fixtures_dir())
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("HOME", home)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// The titles `dais list` prints, one per session line.
fn listed(out: &Out) -> Vec<String> {
    out.stdout
        .lines()
        .filter(|l| l.len() > 13 && l.as_bytes()[2] == b':' && l.as_bytes()[5] == b'-')
        .map(|l| l[13..].split(':').next().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn starred_sessions_are_my_programme_in_list_and_now() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let star = dais(h, &["star", "panel-3", "panel-4"]);
    assert_eq!(star.code, 0, "{}", star.stderr);
    assert_eq!(
        star.stdout,
        "starred: Panel 3, Panel 4 (2 starred in all)\n"
    );
    let list = dais(h, &["list", "--starred"]);
    assert_eq!(listed(&list), ["Panel 3", "Panel 4"], "{}", list.stdout);
    let now = dais(h, &["now", "--starred", "--at", "2017-06-23 14:00"]);
    assert_eq!(now.stdout, "★ Panel 3 in 1 h\n");
    let on = dais(h, &["now", "--starred", "--at", "2017-06-23 16:30"]);
    assert_eq!(on.stdout, "★ Panel 4 · 1 h 20 min left\n");
    // Unstarring one leaves the other.
    assert_eq!(dais(h, &["star", "--remove", "panel-3"]).code, 0);
    assert_eq!(listed(&dais(h, &["list", "--starred"])), ["Panel 4"]);
    // Without stars, nothing to show.
    dais(h, &["star", "--remove", "panel-4"]);
    let none = dais(h, &["now", "--starred"]);
    assert_eq!(none.stdout, "★ no starred sessions\n");
}

#[test]
fn hidden_sessions_leave_list_now_and_export_unless_all() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    assert_eq!(dais(h, &["hide", "panel-1"]).code, 0);
    let list = dais(h, &["list"]);
    assert!(
        !listed(&list).contains(&"Panel 1".to_owned()),
        "{}",
        list.stdout
    );
    assert_eq!(listed(&list).len(), 6);
    assert_eq!(listed(&dais(h, &["list", "--all"])).len(), 7);
    // At 11:05 Panel 1 is on, but hidden: now says the gap before Panel 2.
    let now = dais(h, &["now", "--at", "2017-06-23 11:05"]);
    assert!(
        now.stdout.starts_with("no session now: Panel 2"),
        "{}",
        now.stdout
    );
    let ics = dais(h, &["export", "ics"]);
    assert!(!ics.stdout.contains("SUMMARY:Panel 1"));
    assert!(
        dais(h, &["export", "ics", "--all"])
            .stdout
            .contains("SUMMARY:Panel 1")
    );
    assert_eq!(dais(h, &["hide", "--remove", "panel-1"]).code, 0);
    assert_eq!(listed(&dais(h, &["list"])).len(), 7);
}

#[test]
fn export_starred_is_a_calendar_of_my_programme_with_alarms() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    dais(h, &["star", "panel-3"]);
    let ics = dais(h, &["export", "ics", "--starred"]);
    assert_eq!(ics.code, 0, "{}", ics.stderr);
    assert_eq!(ics.stdout.matches("BEGIN:VEVENT").count(), 1);
    assert!(ics.stdout.contains("SUMMARY:Panel 3"));
    assert!(ics.stdout.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"));
    assert!(ics.stdout.contains("TRIGGER:-PT5M\r\n"));
    // The lead time is the config's remind_minutes.
    let config = h.join("config").join("dais");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "remind_minutes = 15\n").unwrap();
    let ics = dais(h, &["export", "ics", "--starred"]);
    assert!(ics.stdout.contains("TRIGGER:-PT15M\r\n"), "{}", ics.stdout);
    // Without --starred, no alarms.
    assert!(!dais(h, &["export", "ics"]).stdout.contains("VALARM"));
}

#[test]
fn an_unknown_id_is_an_error_naming_close_ones_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let run = dais(h, &["star", "panel-3", "panel3"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("no session with id \"panel3\"; did you mean \"panel-3\""),
        "{}",
        run.stderr
    );
    assert!(listed(&dais(h, &["list", "--starred"])).is_empty());
}

#[test]
fn stars_are_kept_per_agenda_file() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let run = dais(h, &["star", "minimal.json", "talk"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        listed(&dais(h, &["list", "minimal.json", "--starred"])).len(),
        1
    );
    // The bundled hearing has its own (none).
    assert!(listed(&dais(h, &["list", "--starred"])).is_empty());
}

#[test]
fn starred_and_all_are_refused_where_they_mean_nothing() {
    let home = tempfile::tempdir().unwrap();
    let run = dais(home.path(), &["validate", "--starred", "minimal.json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--starred and --all"), "{}", run.stderr);
}

#[test]
fn now_counts_a_shift_from_a_hidden_session() {
    use dais::store::{Change, ShiftChange, Store};
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    // The meeting runs 10 minutes late from Panel 1 on (as `+` saves it
    // while Panel 1 is live); then Panel 1 is hidden.
    let key = dais::commands::open::key(
        &dais::source::Source::Bundled,
        &crate::support::screen::hearing(),
    );
    let mut store = Store::open(h.join("state").join("dais").join(dais::store::FILE_NAME));
    let late = Change::Shift(ShiftChange::Add {
        view: String::new(),
        session: "panel-1".into(),
        minutes: 10,
    });
    store.apply(&key, &late).unwrap();
    drop(store);
    assert_eq!(dais(h, &["hide", "panel-1"]).code, 0);
    // Panel 2 still starts at 11:55, not 11:45.
    let now = dais(h, &["now", "--at", "2017-06-23 11:50"]);
    assert_eq!(
        now.stdout, "no session now: Panel 2 at 11:55, in 5 min · running 10 min late\n",
        "{}",
        now.stderr
    );
    // And with only the starred: Panel 3 at 15:10.
    assert_eq!(dais(h, &["star", "panel-3"]).code, 0);
    let now = dais(h, &["now", "--starred", "--at", "2017-06-23 15:05"]);
    assert_eq!(now.stdout, "★ Panel 3 in 5 min\n", "{}", now.stderr);
}
