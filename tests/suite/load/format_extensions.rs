//! The optional `room`, `track` and `end_date` session keys of dais/1.

use dais::load::{Limits, load_bytes};

fn agenda(sessions: &str) -> String {
    format!(
        r#"{{"format": "dais/1",
            "event": {{"title": "Con", "date": "2024-12-27", "timezone": "Europe/Berlin"}},
            "sessions": [{sessions}]}}"#
    )
}

#[test]
fn room_and_track_load_and_write_back() {
    let text = agenda(
        r#"{"id": "a", "title": "A", "kind": "other", "start": "10:00", "end": "11:00",
            "room": "Saal 1", "track": "Security"}"#,
    );
    let loaded = load_bytes("t.json", text.as_bytes(), &Limits::default()).unwrap();
    let s = &loaded.agenda.sessions[0];
    assert_eq!(s.room.as_deref(), Some("Saal 1"));
    assert_eq!(s.track.as_deref(), Some("Security"));
    let json = dais::write::to_json(&loaded.agenda);
    assert!(json.contains(r#""room": "Saal 1""#), "{json}");
    let again = load_bytes("w.json", json.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(again.agenda, loaded.agenda);
}

#[test]
fn end_date_carries_a_session_past_midnight() {
    let text = agenda(
        r#"{"id": "late", "title": "Late", "kind": "other", "start": "23:30",
            "end": "01:00", "end_date": "2024-12-28"}"#,
    );
    let loaded = load_bytes("t.json", text.as_bytes(), &Limits::default()).unwrap();
    let s = &loaded.agenda.sessions[0];
    assert_eq!(s.span.minutes(), 90);
    assert_eq!(s.end().to_rfc3339(), "2024-12-28T00:00:00+00:00");
    let json = dais::write::to_json(&loaded.agenda);
    assert!(json.contains(r#""end_date": "2024-12-28""#), "{json}");
    let again = load_bytes("w.json", json.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(again.agenda, loaded.agenda);
}

#[test]
fn end_date_without_end_is_an_error() {
    let text = agenda(
        r#"{"id": "a", "title": "A", "kind": "other", "start": "10:00", "end_date": "2024-12-28"}"#,
    );
    let err = load_bytes("t.json", text.as_bytes(), &Limits::default()).unwrap_err();
    let all = err.to_string();
    assert!(
        all.contains("t.json: sessions[0].end_date: an `end_date` needs an `end`"),
        "{all}"
    );
}

#[test]
fn parallel_rooms_do_not_warn_but_one_room_does() {
    let text = agenda(
        r#"{"id": "a", "title": "A", "kind": "other", "start": "10:00", "end": "11:00", "room": "1"},
           {"id": "b", "title": "B", "kind": "other", "start": "10:00", "end": "11:00", "room": "2"},
           {"id": "c", "title": "C", "kind": "other", "start": "10:30", "end": "11:30", "room": "1"}"#,
    );
    let loaded = load_bytes("t.json", text.as_bytes(), &Limits::default()).unwrap();
    let warnings: Vec<String> = loaded
        .warnings
        .iter()
        .map(|w| w.display_in("t.json").to_string())
        .collect();
    assert_eq!(loaded.warnings.len(), 1, "{warnings:?}");
    assert_eq!(loaded.warnings[0].path, "sessions[2]");
    assert!(loaded.warnings[0].message.contains("overlaps sessions[0]"));
}
