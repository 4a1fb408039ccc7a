//! `dais list URL` and friends as processes: the cache in a directory of
//! the test's own, warnings on standard error, credentials never printed.

use super::hearing;
use crate::support::harness::Home;
use crate::support::server::{Reply, Server};
use std::process::Stdio;

/// What a run printed and how it ended.
struct Ran {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs dais in `home` (its cache, state and config there).
fn dais(home: &Home, args: &[&str]) -> Ran {
    let out = home
        .command()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("dais runs");
    Ran {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn list_fetches_then_asks_conditionally_then_works_offline() {
    let home = Home::new();
    let server = Server::start(|seen| {
        if seen.header("if-none-match") == Some("\"v1\"") {
            Reply::status(304)
        } else {
            Reply::ok(hearing()).with("ETag", "\"v1\"")
        }
    });
    let url = server.url("/schedule.json");
    let first = dais(&home, &["list", &url]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(first.stdout.contains("Panel 3"), "{}", first.stdout);
    assert_eq!(first.stderr, "");
    let second = dais(&home, &["list", &url]);
    assert_eq!(second.stdout, first.stdout);
    assert_eq!(server.seen()[1].header("if-none-match"), Some("\"v1\""));
    drop(server);
    let offline = dais(&home, &["list", &url]);
    assert_eq!(offline.code, 0, "{}", offline.stderr);
    assert_eq!(offline.stdout, first.stdout);
    assert_eq!(
        offline.stderr,
        format!(
            "warning: {url}: offline: showing the copy from just now · connection refused (is the server running?)\n"
        )
    );
    let validated = dais(&home, &["validate", "--offline", &url]);
    assert_eq!(validated.code, 0, "{}", validated.stderr);
    assert!(
        validated.stdout.starts_with(&format!(
            "{url}: ok: 7 sessions, 26 people, 5 key messages, 1 warning\n  warning: {url}: offline: showing the copy from just now · --offline\n"
        )),
        "{}",
        validated.stdout
    );
}

#[test]
fn credentials_never_reach_the_output() {
    let home = Home::new();
    let server = Server::start(|_| Reply::status(404));
    let url = format!(
        "http://ana:hunter2@127.0.0.1:{}/s.json?api_key=sekrit",
        server.port()
    );
    for args in [
        vec!["list", url.as_str()],
        vec!["validate", url.as_str()],
        vec!["convert", url.as_str()],
        vec!["now", url.as_str()],
        vec!["export", "ics", url.as_str()],
    ] {
        let ran = dais(&home, &args);
        assert_eq!(ran.code, 1, "{args:?}");
        let all = format!("{}{}", ran.stdout, ran.stderr);
        assert!(
            all.contains(&format!(
                "http://ana:***@127.0.0.1:{}/s.json?api_key=***: HTTP 404 (not found)",
                server.port()
            )),
            "{args:?}: {all}"
        );
        assert!(!all.contains("hunter2") && !all.contains("sekrit"), "{all}");
    }
}

#[test]
fn diff_lists_exactly_the_differences_and_exits_1_when_there_are_some() {
    let home = Home::new();
    let (old, new) = (home.path().join("old.json"), home.path().join("new.json"));
    std::fs::write(&old, hearing()).unwrap();
    let edited = super::panel_3_later()
        .replacen(
            "\"title\": \"Closing of the",
            "\"title\": \"Close of the",
            1,
        )
        .replacen("\"id\": \"panel-4\"", "\"id\": \"panel-four\"", 1);
    std::fs::write(&new, edited).unwrap();
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let same = dais(&home, &["diff", old, old]);
    assert_eq!(
        (same.code, same.stdout.as_str()),
        (0, ""),
        "{}",
        same.stderr
    );
    let ran = dais(&home, &["diff", old, new]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert_eq!(
        ran.stdout,
        "~ Panel 3 moved from 15:00 to 15:15\n\
         + Panel 4 added at 16:25\n\
         ~ Closing of the hearing by the President of the UN General Assembly renamed to \
         “Close of the hearing by the President of the UN General Assembly”\n\
         - Panel 4 removed\n"
    );
    let json = dais(&home, &["diff", "--format", "json", old, new]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        (doc["moved"].as_u64(), doc["new"].as_u64()),
        (Some(1), Some(1))
    );
    let missing = dais(&home, &["diff", old, "nope.json"]);
    assert_eq!(missing.code, 2, "trouble is not a difference");
}

#[test]
fn the_state_export_names_a_url_redacted() {
    let home = Home::new();
    let server = Server::start(|_| Reply::ok(hearing()));
    let url = format!(
        "http://ana:hunter2@127.0.0.1:{}/s.json?token=sekrit",
        server.port()
    );
    let starred = dais(&home, &["star", &url, "panel-3"]);
    assert_eq!(starred.code, 0, "{}", starred.stderr);
    let export = dais(&home, &["state", "export"]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    assert!(
        export.stdout.contains(&format!(
            "http://ana:***@127.0.0.1:{}/s.json?token=***",
            server.port()
        )),
        "{}",
        export.stdout
    );
    assert!(!export.stdout.contains("hunter2") && !export.stdout.contains("sekrit"));
}
