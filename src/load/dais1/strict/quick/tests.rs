use super::session;
use crate::load::dais1::strict::StrictSession;
use proptest::prelude::*;

/// What `serde_json` reads into a strict session from `text`.
fn serde(text: &str) -> Option<StrictSession<'_>> {
    serde_json::from_str(text).ok()
}

#[test]
fn every_session_dais_writes_is_read_the_quick_way() {
    let agenda: serde_json::Value =
        serde_json::from_str(&crate::synth::agenda_json(300, 4)).expect("json");
    for s in agenda["sessions"].as_array().expect("sessions") {
        for text in [
            s.to_string(),
            serde_json::to_string_pretty(s).expect("json"),
        ] {
            let (quick, len) = session(&text).expect("read the quick way");
            assert_eq!(len, text.len());
            assert_eq!(Some(quick), serde(&text), "{text}");
        }
    }
}

#[test]
fn people_dais_writes_are_read_the_quick_way() {
    let agenda: serde_json::Value =
        serde_json::from_str(&crate::synth::agenda_json(300, 5)).expect("json");
    let text = agenda["people"].to_string();
    let (quick, len) = super::people(&text).expect("read the quick way");
    assert_eq!(len, text.len());
    let serde: crate::load::dais1::strict::StrictPeople =
        serde_json::from_str(&text).expect("serde reads it");
    assert_eq!(quick, serde);
    for other in [
        r#"{"a": {"name": "A", "name": "B"}}"#,
        r#"{"a": {"honorific": "Ms."}}"#,
        r#"{"a": {"name": "A", "x-k": "v"}}"#,
        r#"{"a": {"name": null}}"#,
    ] {
        assert!(super::people(other).is_none(), "{other}");
    }
}

#[test]
fn anything_else_is_left_to_serde() {
    let base = r#""id": "a", "title": "T", "kind": "panel", "start": "09:00""#;
    for extra in [
        r#", "title": "again""#,
        r#", "part": null"#,
        r#", "notes": ["a\"b"]"#,
        r#", "x-mine": "x""#,
        r#", "participants": [{"person": "p"}]"#,
        r#", "participants": [{"person": "p", "role": "chair", "role": "chair"}]"#,
        r#", "key_messages": [1]"#,
        ", \"description\": \"a\tb\"",
        r#", "notes": ["a",]"#,
    ] {
        let text = format!("{{{base}{extra}}}");
        assert!(session(&text).is_none(), "{text}");
    }
    assert!(session(r#"{"id": "a", "title": "T", "kind": "panel"}"#).is_none());
    assert!(session(r#"{"id": "a", "title": "T", "kind": "panel", "start": "09:00""#).is_none());
}

/// Values for the keys, some of which the quick way refuses.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"plain\"".to_owned()),
        Just("\"\"".to_owned()),
        Just("\"Ünïcödé — ok\"".to_owned()),
        Just("\"esc\\\"aped\"".to_owned()),
        Just("\"tab\\there\"".to_owned()),
        Just("\"raw\ttab\"".to_owned()),
        Just("null".to_owned()),
        Just("12".to_owned()),
        Just("[]".to_owned()),
        Just("[\"a\", \"b\"]".to_owned()),
        Just("[{\"person\": \"p\", \"role\": \"chair\"}]".to_owned()),
        Just("[{\"person\": \"p\", \"role\": \"chair\", \"capacity\": \"c\"}, {\"role\": \"speaker\", \"person\": \"q\", \"appearance\": \"video\"}]".to_owned()),
        Just("[{\"person\": \"p\"}]".to_owned()),
        Just("{}".to_owned()),
    ]
}

fn key() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("id"),
        Just("title"),
        Just("kind"),
        Just("start"),
        Just("part"),
        Just("end"),
        Just("description"),
        Just("notes"),
        Just("participants"),
        Just("key_messages"),
        Just("x-starts-at"),
        Just("x-other"),
        Just("colour"),
    ]
}

proptest! {
    /// Whatever the quick way reads, `serde_json` reads the same from the
    /// same text.
    #[test]
    fn the_quick_way_reads_what_serde_reads(
        entries in proptest::collection::vec((key(), value(), 0..3usize), 0..6),
        must in proptest::collection::vec(
            prop_oneof![8 => Just("\"plain\"".to_owned()), 1 => value()],
            4,
        ),
    ) {
        let spaces = ["", " ", "\n\t "];
        let mut parts = vec![
            format!("\"id\": {}", must[0]),
            format!("\"title\":{}", must[1]),
            format!("\"kind\" : {}", must[2]),
            format!("\"start\": {}", must[3]),
        ];
        for (k, v, sp) in &entries {
            let sp = spaces[*sp];
            parts.push(format!("{sp}\"{k}\"{sp}:{sp}{v}{sp}"));
        }
        let text = format!("{{{}}}", parts.join(","));
        if let Some((quick, len)) = session(&text) {
            prop_assert_eq!(len, text.len());
            prop_assert_eq!(Some(quick), serde(&text));
        }
    }
}

proptest! {
    /// Eight bytes at a time finds where plain text stops as one at a time
    /// does: at a quote, a backslash or a control character.
    #[test]
    fn plain_text_stops_where_a_byte_scan_says(
        b in proptest::collection::vec(
            prop_oneof![Just(b'"'), Just(b'\\'), Just(1u8), Just(0x1f), Just(b' '), Just(b'a'), Just(0xc3u8)],
            0..40,
        )
    ) {
        let naive = b.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20);
        prop_assert_eq!(super::plain_len(&b), naive);
    }
}
