use super::{GaveUp, Limits, open};
use crate::load::dais1::{Ready, validate};

/// `text` read the fast way, from a reader handing out what it asks.
fn fast(text: &str, limits: &Limits) -> Result<usize, GaveUp> {
    let ready: Ready<'_> = open(text.as_bytes(), text.len() as u64, limits)?.sessions(limits)?;
    let outcome = validate(ready, limits);
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
    Ok(outcome.agenda.expect("an agenda").sessions.len())
}

#[test]
fn a_file_as_dais_writes_it_is_read_the_fast_way() {
    let limits = Limits::default();
    // Several pieces, sessions crossing their ends.
    let text = crate::synth::agenda_json(3000, 3);
    assert!(text.len() > super::PIECE);
    assert_eq!(fast(&text, &limits).ok(), Some(3000));
    assert_eq!(fast(crate::load::BUNDLED, &limits).ok(), Some(7));
    // A piece that ends inside a two-byte character, one way or the
    // other for one of the two paddings.
    for pad in ["", "a"] {
        let desc = format!("{pad}{}", "é".repeat(30_000));
        let sessions: Vec<String> = (0..20)
            .map(|i| {
                format!(
                    r#"{{"id": "s{i}", "title": "T", "kind": "statements", "start": "{i:02}:00", "end": "{i:02}:30", "description": "{desc}"}}"#
                )
            })
            .collect();
        let text = format!(
            r#"{{"format": "dais/1", "event": {{"title": "E", "date": "2030-01-02", "timezone": "UTC"}}, "sessions": [{}]}}"#,
            sessions.join(",")
        );
        assert_eq!(fast(&text, &limits).ok(), Some(20));
    }
}

#[test]
fn many_people_are_checked_a_block_at_a_time_as_they_are_read() {
    let limits = Limits::default();
    let n = 2 * super::people::ADMIT_BLOCK + 7;
    let mut people: Vec<String> = (0..n)
        .map(|i| format!(r#""p{i}": {{"name": "P {i}"}}"#))
        .collect();
    let text = |people: &[String]| {
        let session = |i: usize, who: usize| {
            format!(
                r#"{{"id": "s{i}", "title": "T", "kind": "statements", "start": "{i:02}:00", "end": "{i:02}:30", "participants": [{{"person": "p{who}", "role": "speaker"}}]}}"#
            )
        };
        format!(
            r#"{{"format": "dais/1", "event": {{"title": "E", "date": "2030-01-02", "timezone": "UTC"}}, "people": {{{}}}, "sessions": [{}, {}]}}"#,
            people.join(","),
            session(1, 0),
            session(2, n - 1)
        )
    };
    let ready = |text: &str| {
        let ready: Ready<'_> = open(text.as_bytes(), text.len() as u64, &limits)
            .and_then(|o| o.sessions(&limits))
            .expect("read the fast way");
        validate(ready, &limits)
    };
    let outcome = ready(&text(&people));
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
    let agenda = outcome.agenda.expect("an agenda");
    assert_eq!(agenda.people.len(), n);
    let last = &agenda.sessions[1].participants[0];
    assert_eq!(&*agenda.people[last.person].id, format!("p{}", n - 1));
    // An id given again in the last block: the people are read the lax
    // way, which says so.
    people[n - 1] = r#""p5": {"name": "Again"}"#.into();
    let errors = ready(&text(&people)).errors.into_vec("errors");
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("duplicate") && e.path.contains("p5")),
        "{errors:?}"
    );
}

#[test]
fn any_other_layout_gives_up() {
    let limits = Limits::default();
    let front =
        r#""format": "dais/1", "event": {"title": "T", "date": "2030-01-02", "timezone": "UTC"}"#;
    let sessions = r#""sessions": [{"id": "s", "title": "S", "kind": "opening", "start": "09:00", "end": "10:00"}]"#;
    assert_eq!(
        fast(&format!("{{{front}, {sessions}}}"), &limits).ok(),
        Some(1)
    );
    let after = format!("{{{front}, {sessions}, \"x-a\": [1], \"x-b\": {{}}}}");
    assert_eq!(fast(&after, &limits).ok(), Some(1));
    for text in [
        format!("{{{sessions}, {front}}}"),
        format!("{{{front}, {sessions}, \"people\": {{}}}}"),
        format!("{{{front}, {sessions}, \"x-a\": 1, \"x-a\": 2}}"),
        format!("{{\"x-a\": 1, {front}, {sessions}, \"x-a\": 2}}"),
        format!("{{{front}, \"schedule\": {{}}, {sessions}}}"),
        format!("\u{feff}{{{front}, {sessions}}}"),
        format!("[{{{front}, {sessions}}}]"),
        format!("{{{front}, {sessions}}} x"),
        format!("{{{front}, {sessions}"),
    ] {
        assert!(fast(&text, &limits).is_err(), "{text}");
    }
}
