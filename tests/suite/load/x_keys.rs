//! `x-` keys: kept on every object of a `dais/1` file and written back by
//! `dais convert` and `dais list --format json` as the same JSON values, in
//! their order; inside them the format's limits apply (string length,
//! number range, duplicate keys), reported at their JSON path, whether the
//! sessions are validated as read or the document is read twice.

use crate::support::harness::{dais_fed, problems_in};

use dais::load::{Limits, load_bytes};
use serde_json::Value;

/// An agenda with `x-` keys on each kind of object; `late` puts the
/// sessions before what they refer to (the document is then read twice).
fn agenda(session_x: &str, late: bool) -> String {
    let front = r#""format": "dais/1",
        "x-top": {"z": [1, 2.5, -3, 1e300, 18446744073709551615, true, null], "a": "é\n\u001b"},
        "event": {"title": "Con", "date": "2030-01-02", "timezone": "Europe/Berlin",
                  "sources": [{"title": "S", "x-src": 1}], "x-event": []},
        "people": {"ann": {"name": "Ann", "x-person": {"orcid": "0000"}}},
        "key_messages": [{"id": "k", "title": "K", "text": ["t"], "x-km": "m"}]"#;
    let sessions = format!(
        r#""sessions": [
        {{"id": "a", "title": "A", "kind": "panel", "start": "10:00", "end": "11:00",
          "key_messages": ["k"],
          "participants": [{{"person": "ann", "role": "chair", "x-part": {{"seat": 3}}}}]
          {session_x}}}]"#
    );
    if late {
        format!("{{{sessions}, {front}, \"x-last\": 0}}")
    } else {
        format!("{{{front}, {sessions}, \"x-last\": 0}}")
    }
}

/// Every `x-` key of `v` (depth first, with its path) and its value.
fn x_keys(v: &Value, at: &str, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                let here = format!("{at}.{k}");
                if k.starts_with("x-") {
                    out.push((here, v.clone()));
                } else {
                    x_keys(v, &here, out);
                }
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                x_keys(v, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn all_x(json: &str) -> Vec<(String, Value)> {
    let v: Value = serde_json::from_str(json).expect("JSON");
    let mut out = Vec::new();
    x_keys(&v, "", &mut out);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn convert_and_list_keep_every_x_key_as_the_same_value() {
    let session_x = r#", "x-session": {"b": 1, "a": [{"c": null}]},
        "x-starts-at": "stale", "x-ends-at": "stale""#;
    for late in [false, true] {
        let text = agenda(session_x, late);
        let mut want = all_x(&text);
        // A session's x-starts-at / x-ends-at are dais's own: written from
        // the times resolved, never copied from the file.
        for (path, value) in &mut want {
            if path.ends_with("x-starts-at") {
                *value = "2030-01-02T10:00:00+01:00".into();
            } else if path.ends_with("x-ends-at") {
                *value = "2030-01-02T11:00:00+01:00".into();
            }
        }
        for args in [&["convert", "-"][..], &["list", "--format", "json", "-"]] {
            let run = dais_fed(args, text.as_bytes());
            assert_eq!(run.code, 0, "{args:?} {run:?}");
            assert_eq!(all_x(&run.stdout), want, "{args:?}, late: {late}");
            // Their order within an object is kept, after the format's keys.
            let top: Vec<&str> = run
                .stdout
                .lines()
                .filter(|l| l.starts_with("  \""))
                .map(|l| l.trim().split('"').nth(1).unwrap_or(""))
                .collect();
            assert_eq!(
                top,
                [
                    "format",
                    "event",
                    "people",
                    "key_messages",
                    "sessions",
                    "x-top",
                    "x-last"
                ]
            );
        }
    }
}

#[test]
fn written_x_keys_load_back_to_the_same_agenda_and_the_same_bytes() {
    let text = agenda(r#", "x-session": {"b": [1, {"a": "z"}]}"#, false);
    let first = load_bytes("a.json", text.as_bytes(), &Limits::default()).expect("loads");
    let a = &first.agenda;
    assert_eq!(a.extensions.get("x-last"), Some("0"));
    assert_eq!(a.event.extensions.get("x-event"), Some("[]"));
    assert_eq!(a.event.sources[0].extensions.get("x-src"), Some("1"));
    assert!(a.people[0].extensions.get("x-person").is_some());
    assert_eq!(a.key_messages[0].extensions.get("x-km"), Some(r#""m""#));
    assert!(a.sessions[0].extensions.get("x-session").is_some());
    assert!(
        a.sessions[0].participants[0]
            .extensions
            .get("x-part")
            .is_some()
    );
    let json = dais::write::to_json(a);
    let back = load_bytes("b.json", json.as_bytes(), &Limits::default()).expect("loads back");
    assert_eq!(&back.agenda, a);
    assert_eq!(
        dais::write::to_json(&back.agenda),
        json,
        "writing is stable"
    );
}

/// The problems of `text`, as `path: message`.
fn reported(text: &str) -> Vec<String> {
    problems_in(text)
        .into_iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect()
}

#[test]
fn the_format_limits_apply_inside_x_values_in_either_order() {
    let long = "y".repeat(64 * 1024 + 1);
    let session_x = format!(
        r#", "x-a": {{"long": ["{long}"], "n": -1e400}},
        "x-b": {{"k": 1, "k": 2}}, "x-c": 1, "x-c": 2"#
    );
    for late in [false, true] {
        let got = reported(&agenda(&session_x, late));
        assert_eq!(
            got,
            [
                "sessions[0].x-a.long[0]: string of 65537 bytes is longer than the limit of 65536",
                "sessions[0].x-a.n: a number too large for a double",
                "sessions[0].x-b.k: this key appears more than once in the object; give it once",
                "sessions[0].x-c: this key appears more than once in the object; give it once",
            ],
            "late: {late}"
        );
    }
    // A long key, and the same rules on the document's own x- keys.
    let key = "k".repeat(64 * 1024 + 1);
    let text = agenda("", false).replacen(
        r#""x-last": 0"#,
        &format!(r#""x-last": {{"{key}": 0}}, "x-last": 1"#),
        1,
    );
    let got = reported(&text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].ends_with("key of 65537 bytes is longer than the limit of 65536"));
    assert_eq!(
        got[1],
        "x-last: this key appears more than once in the object; give it once"
    );
}
