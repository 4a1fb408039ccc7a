//! Whatever a schedule.xml holds, loading it never panics: it loads, or it
//! fails with a problem that says something, and nothing unsafe reaches a
//! message or the model. Documents are random trees of schedule.xml's own
//! elements, attributes, text, entities and markup oddities.

use dais::load::{Limits, load_bytes};
use dais::sanitize::is_unsafe;
use proptest::prelude::*;
use proptest::sample::select;

const ELEMENTS: &[&str] = &[
    "schedule",
    "conference",
    "title",
    "acronym",
    "time_zone_name",
    "day_change",
    "venue",
    "day",
    "room",
    "event",
    "date",
    "start",
    "end",
    "duration",
    "slug",
    "subtitle",
    "track",
    "type",
    "abstract",
    "description",
    "persons",
    "person",
    "links",
    "link",
    "x",
];
const TEXTS: &[&str] = &[
    "10:00",
    "00:30",
    "25:99",
    "2026-03-01",
    "2026-03-29T02:30:00",
    "2026-03-01T10:00:00+01:00",
    "Europe/Berlin",
    "Mars/Olympus",
    "break",
    "",
    " ",
    "&amp;",
    "&lt;",
    "&#x1b;[2J",
    "&#x202e;",
    "&#0;",
    "&#xD800;",
    "&bogus;",
    "&",
    "<![CDATA[a<b]]>",
    "<!-- c -->",
    "\u{7}",
    "PT1H",
    "-1",
];
const ATTRS: &[&str] = &["date", "start", "name", "id", "guid", "index"];

fn node(depth: u32) -> BoxedStrategy<String> {
    let leaf = prop_oneof![
        select(TEXTS).prop_map(str::to_owned),
        "[ -~]{0,12}".prop_map(|s| s.replace(['<', '&'], "")),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let element = (
        select(ELEMENTS),
        prop::collection::vec((select(ATTRS), select(TEXTS)), 0..3),
        prop::collection::vec(node(depth - 1), 0..5),
        any::<bool>(),
    )
        .prop_map(|(name, attrs, children, close_wrong)| {
            let attrs: String = attrs.iter().fold(String::new(), |mut out, (k, v)| {
                use std::fmt::Write as _;
                let _ = write!(out, " {k}=\"{}\"", v.replace(['"', '<'], ""));
                out
            });
            let end = if close_wrong { "y" } else { name };
            format!("<{name}{attrs}>{}</{end}>", children.concat())
        });
    prop_oneof![leaf, element].boxed()
}

fn document() -> impl Strategy<Value = String> {
    (prop::collection::vec(node(5), 0..6), any::<bool>()).prop_map(|(body, doctype)| {
        let dt = if doctype { "<!DOCTYPE schedule>" } else { "" };
        format!(
            "<?xml version=\"1.0\"?>{dt}<schedule>{}</schedule>",
            body.concat()
        )
    })
}

fn check(text: &str) {
    match load_bytes("p.xml", text.as_bytes(), &Limits::default()) {
        Err(e) => {
            assert!(!e.problems.is_empty());
            for p in &e.problems {
                assert!(!p.message.trim().is_empty(), "{p:?}");
                let shown = p.display_in(&e.file).to_string();
                assert!(!shown.chars().any(is_unsafe), "unsafe: {shown:?}");
            }
        }
        Ok(l) => {
            for s in &l.agenda.sessions {
                assert!(!s.title.chars().any(is_unsafe), "{:?}", s.title);
                assert!(s.start() < s.end());
            }
            for w in &l.warnings {
                assert!(!w.display_in("p").to_string().chars().any(is_unsafe));
            }
            // What dais writes from it, it reads back as the same agenda.
            let json = dais::write::to_json(&l.agenda);
            let again = load_bytes("a.json", json.as_bytes(), &Limits::default()).unwrap();
            assert_eq!(again.agenda, l.agenda);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_schedule_xml_never_panics(doc in document()) {
        check(&doc);
    }

    #[test]
    fn random_bytes_after_a_tag_never_panic(tail in prop::collection::vec(any::<u8>(), 0..200)) {
        let mut bytes = b"<schedule>".to_vec();
        bytes.extend(tail);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check(text);
        }
    }
}
