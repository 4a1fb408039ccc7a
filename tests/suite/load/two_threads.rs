//! A large agenda is validated on a second thread while the first reads
//! on. What comes out must not depend on it: the same agenda, the same
//! problems in the same order, as a file read and validated on one thread
//! (one whose sessions come first, so they cannot be validated as read).

use dais::load::{Limits, LoadError, Loaded, load_bytes};
use dais::synth::agenda_json;
use serde_json::Value;

/// Sessions enough that most are validated on the second thread.
const MANY: usize = 5000;

/// The document written with `sessions` first, then the other keys.
fn sessions_first(doc: &Value) -> String {
    let obj = doc.as_object().expect("an object");
    let mut parts = vec![format!("\"sessions\":{}", obj["sessions"])];
    for (k, v) in obj.iter().filter(|(k, _)| *k != "sessions") {
        parts.push(format!("{}:{v}", Value::from(k.as_str())));
    }
    format!("{{{}}}", parts.join(","))
}

/// The document written with `sessions` last, as dais writes it.
fn sessions_last(doc: &Value) -> String {
    let obj = doc.as_object().expect("an object");
    let mut parts: Vec<String> = obj
        .iter()
        .filter(|(k, _)| *k != "sessions")
        .map(|(k, v)| format!("{}:{v}", Value::from(k.as_str())))
        .collect();
    parts.push(format!("\"sessions\":{}", obj["sessions"]));
    format!("{{{}}}", parts.join(","))
}

fn load(text: &str) -> Result<Loaded, LoadError> {
    load_bytes("big.json", text.as_bytes(), &Limits::default())
}

fn problems(e: &LoadError) -> Vec<(String, String)> {
    e.problems
        .iter()
        .map(|p| (p.path.clone(), p.message.clone()))
        .collect()
}

#[test]
fn a_valid_agenda_comes_out_the_same() {
    let doc: Value = serde_json::from_str(&agenda_json(MANY, 11)).unwrap();
    let streamed = load(&sessions_last(&doc)).expect("valid");
    let whole = load(&sessions_first(&doc)).expect("valid");
    assert_eq!(streamed.agenda.sessions.len(), MANY);
    assert_eq!(streamed.agenda, whole.agenda);
    assert_eq!(streamed.warnings, whole.warnings);
}

#[test]
fn problems_anywhere_in_the_list_are_all_found_in_order() {
    let mut doc: Value = serde_json::from_str(&agenda_json(MANY, 12)).unwrap();
    let sessions = doc["sessions"].as_array_mut().unwrap();
    // One on the first thread, the rest on the second, the last in the
    // final, partial batch.
    sessions[10]["kind"] = "dance".into();
    sessions[1500]["participants"][0]["person"] = "nobody".into();
    sessions[3000]["start"] = "25:00".into();
    sessions[3001]["x-note"] = "kept".into();
    sessions[3002]["colour"] = "red".into();
    sessions[MANY - 1]["title"] = 7.into();
    let streamed = load(&sessions_last(&doc)).expect_err("invalid");
    let whole = load(&sessions_first(&doc)).expect_err("invalid");
    assert_eq!(problems(&streamed), problems(&whole));
    let paths: Vec<String> = streamed.problems.iter().map(|p| p.path.clone()).collect();
    assert_eq!(
        paths,
        [
            "sessions[10].kind".to_owned(),
            "sessions[1500].participants[0].person".to_owned(),
            "sessions[3000].start".to_owned(),
            "sessions[3002].colour".to_owned(),
            format!("sessions[{}].title", MANY - 1),
        ]
    );
}

#[test]
fn a_file_cut_short_far_into_the_list_is_a_syntax_error() {
    let text = agenda_json(MANY, 13);
    let cut = &text[..text.len() * 3 / 4];
    let e = load(cut).expect_err("cut short");
    assert_eq!(e.problems.len(), 1, "{e}");
    let shown = e.to_string();
    assert!(shown.starts_with("big.json:"), "{shown}");
    assert!(shown.contains("EOF") || shown.contains("end of"), "{shown}");
}

#[test]
fn too_many_sessions_is_one_problem_wherever_they_were_validated() {
    let text = agenda_json(MANY, 14);
    let few = Limits {
        max_items: MANY - 10,
        ..Limits::default()
    };
    let e = load_bytes("big.json", text.as_bytes(), &few).expect_err("too many");
    assert_eq!(e.problems.len(), 1, "{e}");
    assert_eq!(e.problems[0].path, "sessions");
    assert!(e.problems[0].message.contains("more than the limit"), "{e}");
}
