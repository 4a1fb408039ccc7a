//! Text crafted to drive a terminal (CSI colours, OSC title and hyperlink,
//! DCS, C1 CSI, BEL, DEL, bidi overrides and isolates) in titles, names,
//! ids, notes and keys: nothing of it reaches the output, in any format,
//! and error messages show it escaped.

use crate::support::harness;

use dais::agenda::Agenda;
use dais::cli::ListFormat;
use dais::commands::list::{Styling, render};
use dais::load::{Limits, load_bytes};
use harness::{assert_terminal_safe, dais, fixture_text, loaded};
use proptest::prelude::*;

#[test]
fn the_fixture_really_is_hostile() {
    // Guard against the fixture being "fixed" by an editor: it must hold
    // ESC, BEL, DEL, a C1 CSI and a bidi override, some raw.
    let text = fixture_text("hostile_text.json");
    for needle in [
        "\\u001b[31m",
        "\\u001b]0;",
        "\\u001b]8;;",
        "\\u0007",
        "\u{7f}",
        "\u{9b}",
        "\u{202e}",
    ] {
        assert!(text.contains(needle), "{needle:?}");
    }
}

#[test]
fn every_list_format_is_clean() {
    for format in ["text", "markdown", "json"] {
        let run = dais(&["list", "--format", format, "hostile_text.json"]);
        assert_eq!(run.code, 0, "{run:?}");
        assert_terminal_safe(format, &run.stdout);
        assert!(run.stdout.contains("Board meeting"), "{format}");
        assert!(run.stdout.contains("Talk red and reverse"), "{format}");
    }
}

#[test]
fn validate_is_clean() {
    let run = dais(&["validate", "hostile_text.json"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "hostile_text.json: ok: 1 session, 1 person, 1 key message\n"
    );
}

#[test]
fn the_model_holds_the_text_without_its_escapes() {
    let a = loaded("hostile_text.json").agenda;
    assert_eq!(a.event.title, "Board meeting");
    assert_eq!(a.event.subtitle.as_deref(), Some("set nothing"));
    assert_eq!(
        a.event.venue.as_deref(),
        Some("Room 1"),
        "the OSC 8 link is gone"
    );
    assert_eq!(
        a.event.summary,
        ["left to right and isolated", "line one\nline two"]
    );
    let eve = &a.people[0];
    assert_eq!(
        (
            eve.name.as_str(),
            eve.honorific.as_deref(),
            eve.affiliation.as_deref()
        ),
        ("Eve reversed", Some("Dr."), Some("Bold Corp"))
    );
    let s = &a.sessions[0];
    assert_eq!(&*s.id, "s1");
    assert_eq!(&*s.title, "Talk red and reverse");
    assert_eq!(s.part.as_deref(), Some("Part one"));
    assert_eq!(s.description.as_deref(), Some("two\nlines dcs"));
    assert_eq!(*s.notes, ["note", "marked", "delete"]);
    assert_eq!(s.participants[0].capacity.as_deref(), Some("cap  up"));
    assert_eq!(a.key_messages[0].id, "km1");
    assert_eq!(a.key_messages[0].text, ["tab here", "bell"]);
    assert_eq!(
        *s.key_messages,
        [0],
        "the reference with escapes still resolves"
    );
}

#[test]
fn errors_about_hostile_keys_and_values_are_escaped() {
    let expected = [
        r#"["\u001b]0;owned\u0007"]: unknown key"#,
        r#"format: unknown format "dais/1\u0007""#,
        r#"event.date: "\u001b[1m2024-05-02" is not a valid date"#,
        r#"event.timezone: unknown timezone "Europe/\u001b[1mLondon""#,
        r#"people["ev\u001b[31mil"]: a person id may hold only"#,
        r#"people["bob\u202e"]: a person id may hold only"#,
        r#"sessions[0]["\u202epanelists"]: unknown key"#,
        r#"sessions[0].kind: unknown kind "\u009b2Jpanel""#,
        r#"sessions[0].start: "09:00\u001b[K" is not a valid time"#,
        r#"sessions[0].participants[0].person: no person with id "nobody\u001b[5m""#,
        r#"sessions[0].participants[0].role: unknown role "chair\u0007""#,
        r#"sessions[0].key_messages[0]: no key message with id "\u202ekm""#,
    ];
    let validate = dais(&["validate", "errors/escapes_in_errors.json"]);
    assert_eq!(validate.code, 1, "{validate:?}");
    assert_terminal_safe("validate", &validate.stdout);
    let list = dais(&["list", "errors/escapes_in_errors.json"]);
    assert_eq!(list.code, 1, "{list:?}");
    assert_terminal_safe("list", &list.stderr);
    let lines: Vec<&str> = list.stderr.lines().collect();
    assert_eq!(lines.len(), expected.len(), "{}", list.stderr);
    for (line, want) in lines.iter().zip(expected) {
        let want = format!("errors/escapes_in_errors.json: {want}");
        assert!(line.starts_with(&want), "{line}\n  should start\n{want}");
        assert!(validate.stdout.contains(&want), "{want}");
    }
}

/// A valid agenda carrying the given text in every kind of field.
fn agenda_with(title: &str, name: &str, note: &str) -> Agenda {
    let doc = serde_json::json!({
        "format": "dais/1",
        "event": {"title": title, "date": "2024-05-02", "timezone": "UTC", "summary": [note]},
        "people": {"p": {"name": name, "affiliation": title}},
        "sessions": [{
            "id": title, "title": title, "kind": "other", "part": name,
            "start": "09:00", "end": "10:00", "notes": [note], "description": note,
            "participants": [{"person": "p", "role": "speaker", "capacity": note}],
        }],
    });
    match load_bytes("p.json", doc.to_string().as_bytes(), &Limits::default()) {
        Ok(l) => l.agenda,
        Err(e) => panic!("any text is valid here, but:\n{e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_text_renders_safely(
        title in "\\PC*|[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}a\\[\\];]{0,40}",
        name in any::<String>(),
        note in any::<String>(),
    ) {
        let a = agenda_with(&title, &name, &note);
        for format in [ListFormat::Text, ListFormat::Markdown, ListFormat::Json] {
            let out = render(&a, format, Styling::Plain);
            prop_assert!(harness::first_unsafe(&out).is_none(), "{format:?}: {out:?}");
        }
    }
}
