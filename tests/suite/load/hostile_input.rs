//! Files that are not agendas at all: each is a clean error with exit
//! status 1, never a panic, a hang or a stack overflow.

use crate::support::harness;

use dais::load::{Limits, load_bytes};
use harness::{Run, dais_in};
use proptest::prelude::*;

/// Writes `bytes` to `bad.json` in a fresh directory and runs both
/// `dais validate` and `dais list` on it; both must fail cleanly with
/// exit status 1. Returns the validate run.
fn refused(bytes: &[u8], extra: &[&str]) -> Run {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("bad.json"), bytes).expect("write");
    let mut args = vec!["list", "bad.json"];
    args.extend(extra);
    let list = dais_in(dir.path(), &args);
    assert_eq!(list.code, 1, "{list:?}");
    assert!(
        list.stdout.is_empty(),
        "nothing is shown half-loaded: {list:?}"
    );
    assert!(list.stderr.starts_with("bad.json"), "{list:?}");
    let mut args = vec!["validate", "bad.json"];
    args.extend(extra);
    let validate = dais_in(dir.path(), &args);
    assert_eq!(validate.code, 1, "{validate:?}");
    assert!(
        validate
            .stdout
            .starts_with("bad.json: invalid: 1 problem\n  error: bad.json"),
        "{validate:?}"
    );
    validate
}

/// The one problem's message for `bytes`, through the loader.
fn message(bytes: &[u8]) -> String {
    let err = load_bytes("bad.json", bytes, &Limits::default()).expect_err("refused");
    assert_eq!(err.problems.len(), 1, "{err}");
    err.to_string()
}

#[test]
fn an_empty_file() {
    let run = refused(b"", &[]);
    assert!(run.stdout.contains("the file is empty"), "{run:?}");
    assert!(message(b" \n\t\r\n").contains("the file is empty"));
    assert!(message("\u{feff}".as_bytes()).contains("the file is empty"));
}

#[test]
fn random_bytes() {
    // A fixed pseudo-random sequence (a 64-bit LCG), so the test is the same
    // on every run.
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 56) as u8
        })
        .collect();
    assert!(std::str::from_utf8(&bytes).is_err(), "the bytes are binary");
    let run = refused(&bytes, &[]);
    assert!(run.stdout.contains("not UTF-8"), "{run:?}");
}

#[test]
fn invalid_utf8_is_placed() {
    let bytes = b"{\n  \"format\": \"dais/1\",\n  \"event\": \"caf\xe9\"\n}";
    let m = message(bytes);
    assert_eq!(
        m, "bad.json:3:16: not UTF-8 text (invalid byte at offset 39)",
        "line 3, the column of the bad byte"
    );
    refused(bytes, &[]);
}

#[test]
fn a_json_array_at_the_top_level() {
    let run = refused(b"[]", &[]);
    assert!(
        run.stdout
            .contains("bad.json:1:1: expected an agenda object at the top level, found an array"),
        "{run:?}"
    );
    // Not read as the agenda's fields in order, either.
    let fields = r#"["dais/1", {"title": "T", "date": "2024-01-01", "timezone": "UTC"}, null, null,
        [{"id": "a", "title": "A", "kind": "other", "start": "10:00", "end": "11:00"}]]"#;
    assert!(message(fields.as_bytes()).contains("found an array"));
}

#[test]
fn other_values_at_the_top_level() {
    for text in ["42", "\"dais/1\"", "null", "true"] {
        let m = message(text.as_bytes());
        assert!(
            m.contains("expected an agenda object at the top level"),
            "{text}: {m}"
        );
    }
}

#[test]
fn deeply_nested_arrays() {
    let deep = "[".repeat(100_000);
    let run = refused(deep.as_bytes(), &[]);
    assert!(
        run.stdout.contains("nested deeper than 64 levels"),
        "{run:?}"
    );
    let deep = "{\"a\":".repeat(100_000);
    assert!(message(deep.as_bytes()).contains("nested deeper than 64 levels"));
}

#[test]
fn nesting_is_capped_at_64_even_where_it_would_be_ignored() {
    let nested = |depth: usize| {
        // The top-level object is one level; the x- value adds the rest.
        let inner = depth - 1;
        format!(
            r#"{{"x-deep": {}{},
                "format": "dais/1",
                "event": {{"title": "T", "date": "2024-01-01", "timezone": "UTC"}},
                "sessions": [{{"id": "a", "title": "A", "kind": "other",
                              "start": "10:00", "end": "11:00"}}]}}"#,
            "[".repeat(inner),
            "]".repeat(inner)
        )
    };
    let ok = load_bytes("ok.json", nested(64).as_bytes(), &Limits::default());
    assert!(ok.is_ok(), "64 levels are allowed: {:?}", ok.err());
    let m = message(nested(65).as_bytes());
    assert!(
        m.starts_with("bad.json:1:75: JSON nested deeper than 64 levels"),
        "{m}"
    );
    refused(nested(65_000).as_bytes(), &[]);
}

#[test]
fn a_file_over_the_size_limit() {
    let text = harness::fixture_text("minimal.json");
    let run = refused(text.as_bytes(), &["--max-size", "100"]);
    assert!(
        run.stdout.contains(&format!(
            "the file is {} bytes, more than the limit of 100 bytes (raise it with --max-size)",
            text.len()
        )),
        "{run:?}"
    );
    // The same file under a limit it fits loads.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("ok.json"), &text).expect("write");
    let size = text.len().to_string();
    let ok = dais_in(dir.path(), &["validate", "--max-size", &size, "ok.json"]);
    assert_eq!(ok.code, 0, "{ok:?}");
}

#[test]
fn a_string_over_the_length_limit() {
    let long = "a".repeat(64 * 1024 + 1);
    let text = format!(
        r#"{{"format": "dais/1",
            "event": {{"title": "{long}", "date": "2024-01-01", "timezone": "UTC"}},
            "sessions": [{{"id": "a", "title": "A", "kind": "other",
                          "start": "10:00", "end": "11:00"}}]}}"#
    );
    let m = message(text.as_bytes());
    assert!(
        m.contains("event.title: string of 65537 bytes is longer than the limit of 65536"),
        "{m}"
    );
}

#[test]
fn a_missing_file_and_a_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = dais_in(dir.path(), &["validate", "nope.json"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("nope.json: cannot open: No such file or directory"),
        "{run:?}"
    );
    std::fs::create_dir(dir.path().join("folder.json")).expect("mkdir");
    let run = dais_in(dir.path(), &["list", "folder.json"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr,
        "folder.json: is a directory, not an agenda file\n"
    );
}

#[test]
fn a_file_name_with_escapes_is_printed_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = "\u{1b}]0;owned\u{7}\u{202e}.json";
    let text = harness::fixture_text("minimal.json");
    std::fs::write(dir.path().join(name), text).expect("write");
    let run = dais_in(dir.path(), &["validate", name, "missing\u{1b}[31m.json"]);
    harness::assert_terminal_safe("validate output", &run.stdout);
    assert_eq!(
        run.stdout,
        "\"\\u001b]0;owned\\u0007\\u202e.json\": ok: 2 sessions, 2 people, 1 key message\n\
         \"missing\\u001b[31m.json\": invalid: 1 problem\n\
         \x20 error: \"missing\\u001b[31m.json\": cannot open: No such file or directory\n"
    );
}

proptest! {
    #[test]
    fn arbitrary_bytes_are_refused_with_a_safe_message(
        bytes in proptest::collection::vec(any::<u8>(), 0..512)
    ) {
        // No agenda fits in noise this short that is not JSON: every one is
        // refused, each problem named in the file and safe to print.
        let e = load_bytes("fuzz.json", &bytes, &Limits::default())
            .expect_err("noise is not an agenda");
        prop_assert!(!e.problems.is_empty());
        for line in e.to_string().lines() {
            prop_assert!(line.starts_with("fuzz.json"), "{line}");
            harness::assert_terminal_safe("error message", line);
        }
    }

    #[test]
    fn json_shaped_noise_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("{"), Just("}"), Just("["), Just("]"), Just(","), Just(":"),
                Just("\"format\""), Just("\"dais/1\""), Just("\"event\""), Just("\"sessions\""),
                Just("\"people\""), Just("\"start\""), Just("\"10:00\""), Just("\"x-a\""),
                Just("null"), Just("1"), Just("\"\\u001b\""), Just("\"a\""),
            ],
            0..80,
        )
    ) {
        let text = parts.concat();
        if let Err(e) = load_bytes("fuzz.json", text.as_bytes(), &Limits::default()) {
            prop_assert!(!e.problems.is_empty());
            harness::assert_terminal_safe("error message", &e.to_string());
        }
    }
}
