//! Every bound on what a file can make dais do is enforced, with an error
//! naming the JSON path and the limit. Limits are lowered here so a test
//! need not build a 64 MiB file.

use dais::load::{Limits, LoadError, Loaded, Problem, load_bytes, load_file};
use serde_json::{Value, json};

/// A small valid agenda that uses one of everything a limit applies to.
fn base() -> Value {
    json!({
        "format": "dais/1",
        "event": {
            "title": "T",
            "date": "2024-03-10",
            "timezone": "Europe/Zurich",
            "summary": ["p"],
            "sources": [{"title": "S"}]
        },
        "people": {"a": {"name": "A"}},
        "key_messages": [{"id": "k", "title": "K", "text": ["p"]}],
        "sessions": [{
            "id": "s",
            "title": "S",
            "kind": "panel",
            "start": "09:00",
            "end": "10:00",
            "notes": ["n"],
            "participants": [{"person": "a", "role": "chair", "capacity": "c"}],
            "key_messages": ["k"]
        }]
    })
}

/// Limits of one of everything (the base agenda is exactly at them).
fn tight() -> Limits {
    Limits {
        max_items: 1,
        max_participants: 1,
        max_entries: 1,
        max_paragraphs: 1,
        max_string: 8,
        ..Limits::default()
    }
}

fn load(doc: &Value, limits: &Limits) -> Result<Loaded, LoadError> {
    load_bytes("limits.json", &serde_json::to_vec(doc).unwrap(), limits)
}

/// The one problem loading `doc` reports.
fn only_problem(doc: &Value, limits: &Limits) -> Problem {
    let e = load(doc, limits).expect_err("should not load");
    assert_eq!(e.problems.len(), 1, "{e}");
    e.problems.into_iter().next().unwrap()
}

/// Sets the value at a JSON pointer.
fn with(mut doc: Value, pointer: &str, v: Value) -> Value {
    *doc.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer}")) = v;
    doc
}

/// The problem loading `doc` reports at `path` (others may follow from it).
fn problem_at(doc: &Value, limits: &Limits, path: &str) -> Problem {
    let e = load(doc, limits).expect_err("should not load");
    let found = e.problems.iter().find(|p| p.path == path);
    found
        .unwrap_or_else(|| panic!("no problem at {path}:\n{e}"))
        .clone()
}

fn assert_over(p: &Problem, path: &str, words: &str) {
    assert_eq!(p.path, path, "{p:?}");
    assert!(p.message.contains(words), "{p:?}");
    assert!(p.message.contains("limit"), "{p:?}");
}

#[test]
fn the_defaults_are_the_documented_ones() {
    let l = Limits::default();
    assert_eq!(l.max_bytes, 64 * 1024 * 1024);
    assert_eq!(l.max_string, 64 * 1024);
    assert_eq!(l.max_items, 1_000_000);
    assert_eq!(l.max_participants, 10_000);
    assert_eq!(l.max_entries, 1_000);
    assert_eq!(l.max_paragraphs, 10_000);
    assert_eq!(l.max_problems, 1_000);
}

#[test]
fn a_file_exactly_at_every_limit_loads() {
    let loaded = load(&base(), &tight()).unwrap();
    assert!(loaded.warnings.is_empty());
}

#[test]
fn file_size() {
    let bytes = serde_json::to_vec(&base()).unwrap();
    let n = bytes.len() as u64;
    let at = Limits {
        max_bytes: n,
        ..Limits::default()
    };
    assert!(load_bytes("f.json", &bytes, &at).is_ok());
    let under = Limits {
        max_bytes: n - 1,
        ..Limits::default()
    };
    let e = load_bytes("f.json", &bytes, &under).unwrap_err();
    let want = format!(
        "the file is {n} bytes, more than the limit of {} bytes",
        n - 1
    );
    assert!(e.problems[0].message.starts_with(&want), "{e}");
    assert!(e.problems[0].message.contains("--max-size"), "{e}");
    // The same from a file, which is refused before it is read.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    std::fs::write(&path, &bytes).unwrap();
    assert!(load_file(&path, &at).is_ok());
    let e = load_file(&path, &under).unwrap_err();
    assert!(e.problems[0].message.starts_with(&want), "{e}");
    assert_eq!(e.problems[0].path, "");
}

#[test]
fn string_length_everywhere_a_string_is_read() {
    let long = Value::from("123456789");
    for (pointer, path) in [
        ("/event/title", "event.title"),
        ("/event/summary/0", "event.summary[0]"),
        ("/event/sources/0/title", "event.sources[0].title"),
        ("/people/a/name", "people.a.name"),
        ("/key_messages/0/title", "key_messages[0].title"),
        ("/key_messages/0/text/0", "key_messages[0].text[0]"),
        ("/sessions/0/title", "sessions[0].title"),
        ("/sessions/0/notes/0", "sessions[0].notes[0]"),
    ] {
        // A person or message that is not read leaves dangling references.
        let p = problem_at(&with(base(), pointer, long.clone()), &tight(), path);
        assert_over(&p, path, "string of 9 bytes is longer than the limit of 8");
    }
    let capacity = with(base(), "/sessions/0/participants/0/capacity", long);
    let p = only_problem(&capacity, &tight());
    assert_over(&p, "sessions[0].participants[0].capacity", "9 bytes");
}

#[test]
fn person_ids_are_bounded_like_strings() {
    let mut doc = base();
    doc["people"]["abcdefghi"] = json!({"name": "N"});
    let limits = Limits {
        max_items: 2,
        ..tight()
    };
    let p = only_problem(&doc, &limits);
    assert_over(&p, "people.abcdefghi", "person id of 9 bytes");
}

#[test]
fn a_string_of_combining_marks_up_to_the_limit_is_fine() {
    // 64 KiB of one combining accent: no base character, zero width.
    let marks = "\u{301}".repeat(32 * 1024);
    assert_eq!(marks.len(), 64 * 1024);
    let doc = with(base(), "/sessions/0/title", Value::from(marks.clone()));
    let loaded = load(&doc, &Limits::default()).unwrap();
    assert_eq!(*loaded.agenda.sessions[0].title, marks);
    let over = with(base(), "/sessions/0/title", Value::from(marks + "x"));
    let p = only_problem(&over, &Limits::default());
    assert_over(&p, "sessions[0].title", "65537 bytes");
}

#[test]
fn sessions_people_and_key_messages() {
    let mut doc = base();
    let session = doc["sessions"][0].clone();
    doc["sessions"] = json!([session.clone(), session]);
    assert_over(&only_problem(&doc, &tight()), "sessions", "2 sessions");

    let mut doc = base();
    doc["people"]["b"] = json!({"name": "B"});
    let p = problem_at(&doc, &tight(), "people");
    assert_over(&p, "people", "2 people");

    let mut doc = base();
    doc["key_messages"] = json!([
        {"id": "k", "title": "K", "text": []},
        {"id": "j", "title": "J", "text": []}
    ]);
    let p = problem_at(&doc, &tight(), "key_messages");
    assert_over(&p, "key_messages", "2 key messages");
}

#[test]
fn participants_in_a_session() {
    let two = json!([{"person": "a", "role": "chair"}, {"person": "a", "role": "speaker"}]);
    let p = only_problem(&with(base(), "/sessions/0/participants", two), &tight());
    assert_over(&p, "sessions[0].participants", "2 participants");
}

#[test]
fn notes_key_message_ids_and_sources() {
    let p = only_problem(
        &with(base(), "/sessions/0/notes", json!(["a", "b"])),
        &tight(),
    );
    assert_over(&p, "sessions[0].notes", "2 notes");
    let p = only_problem(
        &with(base(), "/sessions/0/key_messages", json!(["k", "k"])),
        &tight(),
    );
    assert_over(&p, "sessions[0].key_messages", "2 key message ids");
    let two = json!([{"title": "A"}, {"title": "B"}]);
    let p = only_problem(&with(base(), "/event/sources", two), &tight());
    assert_over(&p, "event.sources", "2 sources");
}

#[test]
fn paragraphs() {
    let p = only_problem(&with(base(), "/event/summary", json!(["a", "b"])), &tight());
    assert_over(&p, "event.summary", "2 paragraphs");
    let p = only_problem(
        &with(base(), "/key_messages/0/text", json!(["a", "b"])),
        &tight(),
    );
    assert_over(&p, "key_messages[0].text", "2 paragraphs");
}

#[test]
fn lists_are_checked_before_their_items() {
    // A million bad notes make one problem, not a million.
    let notes = Value::Array(vec![Value::from(1); 1_000_001]);
    let doc = with(base(), "/sessions/0/notes", notes);
    let p = only_problem(&doc, &Limits::default());
    assert_over(&p, "sessions[0].notes", "1000001 notes");
}

#[test]
fn errors_past_the_limit_are_counted_not_listed() {
    let mut doc = base();
    // 3,000 unknown keys and 5,000 sessions of the wrong type.
    for i in 0..3000 {
        doc[format!("unknown-{i}")] = json!(0);
    }
    doc["sessions"] = Value::Array(vec![Value::from(1); 5000]);
    let e = load(&doc, &Limits::default()).unwrap_err();
    assert_eq!(e.problems.len(), 1001);
    let last = e.problems.last().unwrap();
    assert_eq!(last.path, "");
    assert_eq!(
        last.message,
        "7000 more errors not listed (dais lists at most 1000)"
    );
    let few = Limits {
        max_problems: 10,
        ..Limits::default()
    };
    let e = load(&doc, &few).unwrap_err();
    assert_eq!(e.problems.len(), 11);
    assert!(e.problems[10].message.starts_with("7990 more errors"));
}

#[test]
fn warnings_past_the_limit_are_counted_not_listed() {
    let mut doc = base();
    let session = doc["sessions"][0].clone();
    let sessions: Vec<Value> = (0..20)
        .map(|i| {
            let mut s = session.clone();
            s["id"] = Value::from(format!("s{i}"));
            s
        })
        .collect();
    doc["sessions"] = Value::Array(sessions);
    let limits = Limits {
        max_problems: 5,
        ..Limits::default()
    };
    // Twenty sessions at the same time: nineteen overlap warnings.
    let loaded = load(&doc, &limits).unwrap();
    assert_eq!(loaded.warnings.len(), 6);
    assert_eq!(
        loaded.warnings[5].message,
        "14 more warnings not listed (dais lists at most 5)"
    );
}

/// `depth` nested arrays around `inner`.
fn nested(depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn deep_nesting_is_one_clear_error_never_a_stack_overflow() {
    let base = serde_json::to_string(&base()).unwrap();
    let deep = nested(100_000, "1");
    let docs = [
        // Under an extension key, under a known key, where an object
        // should be, as a list item, and as the whole document.
        base.replacen('{', &format!(r#"{{"x-deep":{deep},"#), 1),
        base.replacen(r#""title":"T""#, &format!(r#""title":{deep}"#), 1),
        base.replacen(r#""sessions":["#, &format!(r#""sessions":[{deep},"#), 1),
        base.replacen(
            r#""people":{"a":"#,
            &format!(r#""people":{{"b":{deep},"a":"#),
            1,
        ),
        base.replacen(r#""notes":["#, &format!(r#""notes":[{deep},"#), 1),
        deep.clone(),
        format!(
            "{{\"x-deep\":{}}}",
            "{\"a\":".repeat(100_000) + "1" + &"}".repeat(100_000)
        ),
    ];
    for doc in docs {
        // A small stack, as a thread might have, so recursion would show.
        let text = doc.clone();
        let outcome = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || load_bytes("deep.json", text.as_bytes(), &Limits::default()))
            .unwrap()
            .join()
            .expect("loading deep JSON must not panic");
        // The nesting limit (64 by default) is checked before parsing, so
        // every one is refused with that one error, at the bracket that
        // opens the 65th level.
        let e = outcome.expect_err("nesting past the limit is refused");
        assert_eq!(e.problems.len(), 1, "{e}");
        let p = &e.problems[0];
        assert_eq!(p.path, "", "{e}");
        assert!(
            p.message.starts_with("JSON nested deeper than 64 levels"),
            "{e}"
        );
        let (line, column) = p.position.expect("a position");
        assert_eq!(line, 1, "{e}");
        let at = doc.as_bytes()[column - 1];
        assert!(at == b'[' || at == b'{', "{e}");
        let opened = doc[..column]
            .bytes()
            .filter(|b| matches!(b, b'[' | b'{'))
            .count();
        let closed = doc[..column]
            .bytes()
            .filter(|b| matches!(b, b']' | b'}'))
            .count();
        assert_eq!(opened - closed, 65, "{e}");
    }
}

#[test]
fn numbers_out_of_range_are_clear_errors() {
    let text = serde_json::to_string(&base()).unwrap();
    let number = |n: &str| text.replacen(r#""id":"k","#, &format!(r#""id":"k","number":{n},"#), 1);
    let load = |s: String| load_bytes("n.json", s.as_bytes(), &Limits::default());
    assert!(load(number("-9223372036854775808")).is_ok());
    for n in ["9223372036854775808", "1e300", "1.5", "-1e19"] {
        let e = load(number(n)).unwrap_err();
        assert_eq!(e.problems.len(), 1, "{e}");
        assert_eq!(e.problems[0].path, "key_messages[0].number", "{n}");
        assert!(
            e.problems[0].message.starts_with("expected an integer"),
            "{e}"
        );
    }
    // Beyond f64, the JSON is malformed: one error, with its position,
    // wherever the number is (it once passed for a wrong type inside an
    // object, and the object's other keys were reported as unknown).
    let notes = text.replacen(r#""notes":["n"]"#, r#""notes":["n",-1e400]"#, 1);
    for doc in [number("1e400"), notes] {
        let e = load(doc.clone()).unwrap_err();
        assert_eq!(e.problems.len(), 1, "{e}");
        let p = &e.problems[0];
        assert_eq!(p.message, "malformed JSON: number out of range", "{e}");
        let column = doc.find("e400").unwrap() + "e400".len();
        assert_eq!(p.position, Some((1, column)), "{e}");
    }
}
