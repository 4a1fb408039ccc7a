//! Whatever a file holds, loading it never panics: it loads, or it fails
//! with at least one problem that says something. Documents are generated
//! JSON trees biased towards the format's own keys and values, plus plain
//! arbitrary bytes and strings, plus the bundled agenda with bytes changed.

use dais::load::{BUNDLED, Limits, load_bytes};
use dais::sanitize::is_unsafe;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Value};

/// Loads `bytes`, checks what any outcome must satisfy, and says whether
/// it loaded.
fn check(bytes: &[u8]) -> bool {
    let limits = Limits::default();
    let result = load_bytes("prop.json", bytes, &limits);
    match &result {
        Err(e) => {
            assert!(!e.problems.is_empty(), "an error without a problem");
            for p in &e.problems {
                assert!(!p.message.trim().is_empty(), "an empty message: {p:?}");
                let shown = p.display_in(&e.file).to_string();
                assert!(!shown.chars().any(is_unsafe), "unsafe text: {shown:?}");
            }
        }
        Ok(loaded) => {
            // What dais writes, it reads back as the same agenda.
            let json = dais::write::to_json(&loaded.agenda);
            let again = load_bytes("again.json", json.as_bytes(), &limits)
                .unwrap_or_else(|e| panic!("written agenda does not load: {e}\n{json}"));
            assert_eq!(again.agenda, loaded.agenda);
        }
    }
    result.is_ok()
}

const KEYS: &[&str] = &[
    "format",
    "event",
    "people",
    "key_messages",
    "sessions",
    "title",
    "subtitle",
    "date",
    "timezone",
    "summary",
    "sources",
    "name",
    "honorific",
    "affiliation",
    "id",
    "number",
    "text",
    "kind",
    "part",
    "start",
    "end",
    "description",
    "notes",
    "participants",
    "person",
    "role",
    "appearance",
    "capacity",
    "x-extra",
];

const WORDS: &[&str] = &[
    "dais/1",
    "dais/2",
    "",
    " ",
    "2017-06-23",
    "2024-03-10",
    "2024-03-31",
    "2024-02-30",
    "9999-12-31",
    "0000-01-01",
    "2024-3-1",
    "09:00",
    "10:15",
    "02:30",
    "00:00",
    "23:59",
    "24:00",
    "24:01",
    "9:00",
    "America/New_York",
    "Europe/Zurich",
    "Pacific/Apia",
    "Mars/Base",
    "opening",
    "statements",
    "panel",
    "break",
    "closing",
    "other",
    "lunch",
    "chair",
    "speaker",
    "panellist",
    "panelist",
    "moderator",
    "in_person",
    "video",
    "a",
    "b",
    "peter-thomson",
    "Peter Thomson",
    "k1",
    "\u{1b}[31mred\u{1b}[0m",
    "\u{202e}evil",
    "a\nb\r\nc\td",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => select(WORDS).prop_map(Value::from),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(Value::from),
        1 => "[0-2][0-9]:[0-6][0-9]".prop_map(Value::from),
        1 => "[12][0-9]{3}-[01][0-9]-[0-3][0-9]".prop_map(Value::from),
        2 => any::<String>().prop_map(Value::from),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => select(KEYS).prop_map(str::to_owned),
        1 => "x-[a-z]{0,4}",
        1 => "[a-z0-9-]{1,8}",
        1 => any::<String>(),
    ]
}

/// Any JSON, with objects that mostly use the format's keys.
fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// Mostly something plausible built by `good`, sometimes any JSON.
fn either<S: Strategy<Value = Value> + 'static>(good: S) -> BoxedStrategy<Value> {
    prop_oneof![30 => good, 1 => value()].boxed()
}

/// An object with its `fields`: required ones almost always present,
/// optional ones half the time.
fn object(fields: Vec<(&'static str, bool, BoxedStrategy<Value>)>) -> BoxedStrategy<Value> {
    let parts: Vec<_> = fields
        .into_iter()
        .map(|(k, required, v)| {
            let p = if required { 0.985 } else { 0.5 };
            proptest::option::weighted(p, v).prop_map(move |v| (k, v))
        })
        .collect();
    parts
        .prop_map(|kvs| {
            let map: Map<String, Value> = kvs
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
                .collect();
            Value::Object(map)
        })
        .boxed()
}

/// One of `words`; the first is valid and drawn more often than the rest
/// together, which are drawn evenly.
fn word(words: &'static [&'static str]) -> BoxedStrategy<Value> {
    prop_oneof![
        4 => Just(Value::from(words[0])),
        1 => select(words).prop_map(Value::from),
    ]
    .boxed()
}

fn list(item: BoxedStrategy<Value>, min: usize, max: usize) -> BoxedStrategy<Value> {
    prop::collection::vec(item, min..max)
        .prop_map(Value::Array)
        .boxed()
}

const TEXT: &[&str] = &[
    "Opening",
    "Peter Thomson",
    "Panel 1: Prevention",
    "\u{1b}[31mred\u{1b}[0m",
    "\u{202e}evil",
    "a\nb\r\nc\td",
    "",
];
const IDS: &[&str] = &["a", "b", "Bad Id", ""];
const STARTS: &[&str] = &["09:00", "10:15", "11:00", "02:30", "24:00", "9:00"];
const ENDS: &[&str] = &["12:00", "24:00", "10:00", "00:00", "25:00"];
const DATES: &[&str] = &["2024-03-10", "2024-11-03", "2024-03-31", "2024-02-30"];
const ZONES: &[&str] = &["America/New_York", "Europe/Zurich", "UTC", "Nowhere"];

/// Usually gives the items of a list distinct ids ("a", "b"…), where they
/// have string ids.
fn unique_ids(items: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    (items, proptest::bool::weighted(0.8))
        .prop_map(|(mut list, rewrite)| {
            if let (Value::Array(items), true) = (&mut list, rewrite) {
                for (item, name) in items.iter_mut().zip(["a", "b", "c", "d", "e"]) {
                    if let Some(id) = item.get_mut("id").filter(|id| id.is_string()) {
                        *id = Value::from(name);
                    }
                }
            }
            list
        })
        .boxed()
}

/// A document shaped like an agenda, most values plausible, some not.
fn agenda() -> impl Strategy<Value = Value> {
    let text = || either(word(TEXT));
    let event = object(vec![
        ("title", true, text()),
        ("date", true, either(word(DATES))),
        ("timezone", true, either(word(ZONES))),
        ("summary", false, either(list(text(), 0, 3))),
        (
            "sources",
            false,
            either(list(object(vec![("title", true, text())]), 0, 2)),
        ),
    ]);
    let person = object(vec![
        ("name", true, text()),
        ("honorific", false, text()),
        ("affiliation", false, text()),
    ]);
    // Usually "a" and "b", whom participants name, and maybe others.
    let people = (
        proptest::option::weighted(0.9, person.clone()),
        proptest::option::weighted(0.9, person.clone()),
        prop::collection::vec((select(IDS), person), 0..2),
    )
        .prop_map(|(a, b, more)| {
            let mut map = Map::new();
            map.extend(a.map(|a| ("a".to_owned(), a)));
            map.extend(b.map(|b| ("b".to_owned(), b)));
            map.extend(more.into_iter().map(|(k, v)| (k.to_owned(), v)));
            Value::Object(map)
        })
        .boxed();
    let message = object(vec![
        ("id", true, either(word(IDS))),
        ("number", false, either(any::<i64>().prop_map(Value::from))),
        ("title", true, text()),
        ("text", true, either(list(text(), 0, 3))),
    ]);
    let participant = object(vec![
        ("person", true, either(word(IDS))),
        (
            "role",
            true,
            either(word(&[
                "chair",
                "speaker",
                "panellist",
                "moderator",
                "host",
            ])),
        ),
        (
            "appearance",
            false,
            either(word(&["video", "in_person", "hologram"])),
        ),
        ("capacity", false, text()),
    ]);
    let session = object(vec![
        ("id", true, either(word(IDS))),
        ("title", true, text()),
        (
            "kind",
            true,
            either(word(&["panel", "opening", "break", "other", "x"])),
        ),
        ("date", false, either(word(DATES))),
        ("start", true, either(word(STARTS))),
        ("end", true, either(word(ENDS))),
        ("notes", false, either(list(text(), 0, 2))),
        ("participants", false, either(list(participant, 0, 3))),
        ("key_messages", false, either(list(either(word(IDS)), 0, 2))),
        ("x-extension", false, value().boxed()),
    ]);
    object(vec![
        ("format", true, either(word(&["dais/1", "dais/2"]))),
        ("event", true, either(event)),
        ("people", true, either(people)),
        (
            "key_messages",
            true,
            either(unique_ids(list(message, 1, 3))),
        ),
        ("sessions", true, either(unique_ids(list(session, 1, 4)))),
        ("x-extension", false, value().boxed()),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn agenda_shaped_documents(doc in agenda()) {
        check(&serde_json::to_vec(&doc).unwrap());
    }

    #[test]
    fn any_json_tree(doc in value()) {
        check(&serde_json::to_vec_pretty(&doc).unwrap());
    }

    #[test]
    fn any_bytes(bytes in any::<Vec<u8>>()) {
        check(&bytes);
    }

    #[test]
    fn any_string(s in any::<String>()) {
        check(s.as_bytes());
    }

    #[test]
    fn the_bundled_agenda_with_bytes_changed(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4)
    ) {
        let mut bytes = BUNDLED.as_bytes().to_vec();
        for (at, b) in edits {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        check(&bytes);
    }

    #[test]
    fn the_bundled_agenda_cut_short(at in any::<prop::sample::Index>()) {
        // Cut inside the JSON, not in the trailing newline.
        let bytes = BUNDLED.as_bytes().trim_ascii_end();
        prop_assert!(!check(&bytes[..at.index(bytes.len())]));
    }
}

#[test]
fn the_agenda_strategy_reaches_valid_agendas() {
    // Without this the tests above could pass by never getting past the
    // first problem.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = agenda();
    let loaded = (0..1000)
        .filter(|_| {
            let doc = strategy.new_tree(&mut runner).unwrap().current();
            check(&serde_json::to_vec(&doc).unwrap())
        })
        .count();
    assert!(
        loaded >= 20,
        "only {loaded} of 1000 generated agendas loaded"
    );
}
