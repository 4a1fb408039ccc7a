//! Every rule of "What is an error" in the format, one fixture each: the file
//! is refused, and the message names the file, the JSON path and what is
//! wrong and expected.

use crate::support::harness;

use dais::load::FORMATS;
use harness::{fixture, load, problems, problems_in};

/// Asserts that the fixture fails with exactly one problem, at `path`, whose
/// message holds every fragment, and that the rendered line reads
/// `file: path: message`.
fn only_problem(name: &str, path: &str, fragments: &[&str]) {
    let err = load(name).expect_err(name);
    assert_eq!(
        err.problems.len(),
        1,
        "{name}: expected one problem, got:\n{err}"
    );
    let p = &err.problems[0];
    assert_eq!(p.path, path, "{name}: {}", p.message);
    for f in fragments {
        assert!(
            p.message.contains(f),
            "{name}: {:?} does not say {f:?}",
            p.message
        );
    }
    let file = fixture(name).display().to_string();
    assert_eq!(err.to_string(), format!("{file}: {path}: {}", p.message));
}

#[test]
fn malformed_json_gives_line_and_column() {
    let p = problems("errors/malformed.json");
    assert_eq!(p.len(), 1);
    // The missing comma is noticed at the next key, line 5 column 5.
    assert_eq!(p[0].position, Some((5, 5)));
    assert_eq!(p[0].path, "");
    assert!(p[0].message.starts_with("malformed JSON: expected `,`"));
    let file = fixture("errors/malformed.json").display().to_string();
    assert_eq!(
        p[0].display_in(&file).to_string(),
        format!("{file}:5:5: {}", p[0].message)
    );
}

#[test]
fn a_wrong_type_names_both_types() {
    only_problem(
        "errors/wrong_type.json",
        "sessions[1].title",
        &["expected a string, found a number"],
    );
}

#[test]
fn a_missing_required_key() {
    only_problem(
        "errors/missing_key.json",
        "sessions[1].kind",
        &["missing required key", "expected a string"],
    );
}

#[test]
fn an_unknown_key_in_a_session_lists_the_allowed_keys() {
    only_problem(
        "errors/unknown_key_in_session.json",
        "sessions[1].panelists",
        &["unknown key", "`participants`", "\"x-\""],
    );
}

#[test]
fn an_unknown_key_at_the_top_level() {
    only_problem(
        "errors/unknown_key_at_top.json",
        "title",
        &[
            "unknown key",
            "`format`, `event`, `people`, `key_messages` and `sessions`",
        ],
    );
}

#[test]
fn x_keys_are_accepted_at_every_level() {
    // At the top, in the event, a source, a person, a key message, a
    // session and a participant; with any value, even one that would be
    // wrong anywhere else.
    let loaded = harness::loaded("x_keys.json");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let a = &loaded.agenda;
    assert_eq!(a.person(&a.sessions[0].participants[0]).name, "Ana Lima");
    assert_eq!(a.event.sources[0].title, "Invitation");
    // The same keys without the prefix are each an error, at its path.
    let text = harness::fixture_text("x_keys.json").replace("\"x-", "\"y-");
    let p = problems_in(&text);
    let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "y-generator",
            "event.y-room-capacity",
            "event.sources[0].y-scan",
            "people.ana.y-pronouns",
            "key_messages[0].y-votes",
            "sessions[0].y-stream",
            "sessions[0].participants[0].y-seat",
        ],
        "{p:#?}"
    );
}

#[test]
fn an_unknown_format_names_the_versions_this_build_reads() {
    only_problem(
        "errors/unknown_format.json",
        "format",
        &["unknown format \"dais/2\"", &FORMATS.join(", ")],
    );
    assert_eq!(FORMATS, ["dais/1"]);
}

#[test]
fn an_unknown_kind_lists_the_kinds() {
    only_problem(
        "errors/unknown_kind.json",
        "sessions[1].kind",
        &["unknown kind \"workshop\"", "`opening`", "`other`"],
    );
}

#[test]
fn an_unknown_role_lists_the_roles() {
    // The American spelling is not the format's.
    only_problem(
        "errors/unknown_role.json",
        "sessions[1].participants[0].role",
        &["unknown role \"panelist\"", "`panellist`"],
    );
}

#[test]
fn an_unknown_appearance_lists_the_appearances() {
    only_problem(
        "errors/unknown_appearance.json",
        "sessions[1].participants[0].appearance",
        &["unknown appearance \"hologram\"", "`in_person` or `video`"],
    );
}

#[test]
fn an_invalid_date() {
    only_problem(
        "errors/invalid_date.json",
        "event.date",
        &["\"2024-02-30\" is not a valid date", "\"YYYY-MM-DD\""],
    );
    only_problem(
        "errors/invalid_session_date.json",
        "sessions[1].date",
        &["\"2024-5-2\" is not a valid date"],
    );
}

#[test]
fn an_invalid_time() {
    only_problem(
        "errors/invalid_time.json",
        "sessions[1].start",
        &["\"9.30\" is not a valid time", "\"HH:MM\""],
    );
}

#[test]
fn an_invalid_timezone() {
    only_problem(
        "errors/invalid_timezone.json",
        "event.timezone",
        &["unknown timezone \"Europe/Atlantis\"", "IANA"],
    );
}

#[test]
fn a_local_time_in_a_daylight_saving_gap() {
    // New York went from 02:00 to 03:00 on 12 March 2017.
    only_problem(
        "errors/dst_gap.json",
        "sessions[1].start",
        &["02:30 does not exist on 2017-03-12 in America/New_York"],
    );
}

#[test]
fn a_duplicate_session_id() {
    only_problem(
        "errors/duplicate_session_id.json",
        "sessions[1].id",
        &["duplicate session id", "sessions[0]"],
    );
}

#[test]
fn a_duplicate_person_id() {
    // The same key twice in `people`: a map would silently keep one.
    only_problem(
        "errors/duplicate_person_id.json",
        "people.ana",
        &["duplicate person id"],
    );
}

#[test]
fn a_duplicate_key_message_id() {
    only_problem(
        "errors/duplicate_key_message_id.json",
        "key_messages[1].id",
        &["duplicate key message id", "key_messages[0]"],
    );
}

#[test]
fn a_participant_naming_no_person() {
    only_problem(
        "errors/unknown_person.json",
        "sessions[1].participants[0].person",
        &["no person with id \"carla\""],
    );
}

#[test]
fn a_key_messages_entry_naming_nothing() {
    only_problem(
        "errors/unknown_key_message.json",
        "sessions[1].key_messages[1]",
        &["no key message with id \"km9\""],
    );
}

#[test]
fn a_session_ending_before_or_at_its_start() {
    only_problem(
        "errors/end_before_start.json",
        "sessions[1].end",
        &["ends at 2024-05-02 09:15, at or before its start at 2024-05-02 09:30"],
    );
    only_problem(
        "errors/end_at_start.json",
        "sessions[1].end",
        &["ends at 2024-05-02 09:30, at or before its start"],
    );
}

#[test]
fn a_last_session_without_an_end() {
    only_problem(
        "errors/last_session_without_end.json",
        "sessions[1].end",
        &["the last session needs an `end`"],
    );
}

#[test]
fn an_agenda_without_sessions() {
    only_problem(
        "errors/no_sessions.json",
        "sessions",
        &["at least one session"],
    );
}

#[test]
fn every_problem_in_a_file_is_reported() {
    // Two wrong types and an unknown key, in document order.
    let p = problems("errors/three_problems.json");
    let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["event.title", "sessions[0].start", "sessions[1].speakers"],
        "{p:#?}"
    );
    assert!(p[0].message.contains("found an array"));
    assert!(p[1].message.contains("found a number"));
    assert!(p[2].message.starts_with("unknown key"));
}

#[test]
fn an_array_is_not_an_object() {
    // serde would read the array as the event's fields in order.
    only_problem(
        "errors/array_for_object.json",
        "event",
        &["expected an object, found an array"],
    );
}

#[test]
fn a_key_given_twice_in_one_object() {
    // Reported at the key, and the session after it is still read.
    only_problem(
        "errors/duplicate_key_in_object.json",
        "sessions[0].title",
        &["appears more than once"],
    );
    let p = problems_in(r#"{"format": "dais/1", "format": "dais/1"}"#);
    assert_eq!(p[0].path, "format");
    assert!(p[0].message.contains("more than once"), "{p:?}");
    assert!(!p[0].message.contains("malformed"), "{p:?}");
}

#[test]
fn keys_inside_a_value_of_the_wrong_type_are_not_unknown_keys() {
    let p = problems_in(
        r#"{"format": "dais/1",
            "event": {"title": {"en": "T"}, "date": "2024-01-01", "timezone": "UTC"},
            "sessions": [{"id": "a", "title": "A", "kind": "other", "start": "10:00",
                          "end": "11:00", "participants": {"chair": "ana"}}]}"#,
    );
    let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["event.title", "sessions[0].participants"], "{p:#?}");
}

#[test]
fn a_broken_session_does_not_blame_the_one_before() {
    // The first session ends where the second starts; the second has an
    // unknown kind but a valid start, so the first is fine.
    let p = problems_in(
        r#"{"format": "dais/1",
            "event": {"title": "T", "date": "2024-01-01", "timezone": "UTC"},
            "sessions": [{"id": "a", "title": "A", "kind": "other", "start": "10:00"},
                         {"id": "b", "title": "B", "kind": "lunch", "start": "11:00",
                          "end": "12:00"}]}"#,
    );
    let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["sessions[1].kind"], "{p:#?}");
}

#[test]
fn a_duplicate_id_is_reported_even_when_the_first_is_broken() {
    let p = problems_in(
        r#"{"format": "dais/1",
            "event": {"title": "T", "date": "2024-01-01", "timezone": "UTC"},
            "people": {"ana": {}, "ana": {"name": "Ana"}},
            "sessions": [{"id": "a", "title": "A", "kind": "other", "start": "10:00",
                          "end": "11:00", "participants": [{"person": "ana", "role": "chair"}]}]}"#,
    );
    let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
    // No third problem claiming that "ana" does not exist.
    assert_eq!(paths, ["people.ana.name", "people.ana"], "{p:#?}");
}

#[test]
fn a_session_with_no_end_before_another_day() {
    let p = problems_in(
        r#"{"format": "dais/1",
            "event": {"title": "T", "date": "2024-01-01", "timezone": "UTC"},
            "sessions": [{"id": "a", "title": "A", "kind": "other", "start": "10:00"},
                         {"id": "b", "title": "B", "kind": "other", "date": "2024-01-02",
                          "start": "09:00", "end": "10:00"}]}"#,
    );
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].path, "sessions[0].end");
    assert!(p[0].message.contains("starts on another day"));
}

#[test]
fn references_into_an_unreadable_list_are_not_reported_again() {
    let p = problems_in(
        r#"{"format": "dais/1",
            "event": {"title": "T", "date": "2024-01-01", "timezone": "UTC"},
            "people": [{"name": "Ana"}],
            "key_messages": {"km1": {"title": "K", "text": []}},
            "sessions": [{"id": "a", "title": "A", "kind": "other", "start": "10:00",
                          "end": "11:00", "participants": [{"person": "ana", "role": "chair"}],
                          "key_messages": ["km1"]}]}"#,
    );
    let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["people", "key_messages"], "{p:#?}");
}
