//! The lenient corners of the schedule.json mapping, on small documents.

use super::{round_trip, warnings};
use dais::agenda::Role;
use dais::load::{Limits, Loaded, load_bytes};

fn v2(events: &str) -> String {
    format!(
        r#"{{"schedule": {{"version": "1", "conference": {{
            "acronym": "tc", "title": "Test Con", "time_zone_name": "Europe/Berlin",
            "start": "2024-12-27", "end": "2024-12-27", "days": [],
            "rooms": [{{"name": "B", "guid": "g-b"}}, {{"name": "A", "guid": "g-a"}}],
            "tracks": [{{"name": "Security", "slug": "security"}}]}},
            "events": [{events}]}}}}"#
    )
}

fn event(extra: &str) -> String {
    format!(
        r#"{{"title": "Talk", "start": "2024-12-27T10:00:00+01:00",
            "end": "2024-12-27T11:00:00+01:00"{extra}}}"#
    )
}

fn read(text: &str) -> Result<Loaded, String> {
    load_bytes("t.json", text.as_bytes(), &Limits::default()).map_err(|e| e.to_string())
}

#[test]
fn unknown_keys_and_roles_are_warnings_said_once() {
    let e = |i: usize| {
        event(&format!(
            r#", "slug": "s{i}", "x_color": 1, "room": {{"guid": "g-a"}},
               "participants": [{{"name": "Ann", "guid": "p1", "role": "TRANSLATOR"}}]"#
        ))
    };
    let loaded = read(&v2(&format!("{}, {}, {}", e(1), e(2), e(3)))).unwrap();
    assert_eq!(
        warnings(&loaded),
        [
            "f: schedule.events[0].x_color: \"x_color\" is not a key of an event in the \
             schedule.json schemas; ignored (and 2 more times)",
            "f: schedule.events[0].participants[0].role: unknown role \"TRANSLATOR\"; read as \
             a speaker with the capacity \"translator\" (and 2 more times)",
            "f: schedule.events[1]: overlaps schedule.events[0] \"Talk\" (10:00-11:00)",
            "f: schedule.events[2]: overlaps schedule.events[0] \"Talk\" (10:00-11:00)",
        ]
    );
    let a = &loaded.agenda;
    assert_eq!(
        a.sessions[0].room.as_deref(),
        Some("A"),
        "room found by guid"
    );
    assert_eq!(a.people.len(), 1, "one person across events, by guid");
    let p = &a.sessions[0].participants[0];
    assert_eq!(
        (p.role, p.capacity.as_deref()),
        (Role::Speaker, Some("translator"))
    );
}

#[test]
fn rooms_order_parallel_sessions() {
    let events = [
        event(r#", "slug": "in-a", "room": {"name": "A"}"#),
        event(r#", "slug": "in-b", "room": {"name": "B"}, "track": {"slug": "security"}"#),
    ];
    let a = read(&v2(&events.join(","))).unwrap().agenda;
    let ids: Vec<&str> = a.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["in-b", "in-a"], "B comes first in conference.rooms");
    assert_eq!(a.sessions[0].track.as_deref(), Some("Security"));
}

#[test]
fn durations_in_any_spelling_and_empty_events_left_out() {
    let e = |slug: &str, d: &str| {
        format!(
            r#"{{"slug": "{slug}", "title": "{slug}", "start": "2024-12-27T10:00:00+01:00",
                "duration": "{d}"}}"#
        )
    };
    let events = [
        e("a", "1:30"),
        e("b", "01:30:00"),
        e("c", "PT1H30M"),
        e("zero", "00:00"),
    ];
    let loaded = read(&v2(&events.join(","))).unwrap();
    let a = &loaded.agenda;
    assert_eq!(a.sessions.len(), 3);
    for s in &a.sessions {
        assert_eq!(s.span.minutes(), 90, "{}", s.id);
    }
    assert!(
        warnings(&loaded).contains(
            &"f: schedule.events[3]: \"zero\" has no length (it ends when it starts); \
              dais/1 sessions need a length, so it is left out"
                .to_owned()
        ),
        "{:?}",
        warnings(&loaded)
    );
}

#[test]
fn every_zero_length_event_left_out_is_named() {
    let e = |slug: &str| {
        format!(
            r#"{{"slug": "{slug}", "title": "T {slug}", "start": "2024-12-27T10:00:00+01:00",
                "duration": "0:00"}}"#
        )
    };
    let kept = r#"{"slug": "kept", "title": "Kept", "start": "2024-12-27T11:00:00+01:00",
        "duration": "0:30"}"#;
    let events = [e("a"), e("b"), e("c"), kept.to_owned()];
    let loaded = read(&v2(&events.join(","))).unwrap();
    let named: Vec<String> = warnings(&loaded)
        .into_iter()
        .filter(|w| w.contains("has no length"))
        .collect();
    assert_eq!(named.len(), 3, "{named:?}");
    for (w, slug) in named.iter().zip(["a", "b", "c"]) {
        assert!(w.contains(&format!("\"T {slug}\"")), "{w}");
    }
}

#[test]
fn version_1_times_come_from_the_day_when_there_is_no_date() {
    let text = r#"{"schedule": {"version": "x", "conference": {"title": "V1",
        "time_zone_name": "Europe/Amsterdam", "days": [{"index": 1, "date": "2024-06-01",
        "day_start": "2024-06-01T04:00:00+02:00", "day_end": "2024-06-02T03:59:00+02:00",
        "rooms": {"Hall": [
            {"id": 7, "title": "Late", "start": "01:00", "duration": "0:45", "room": "Hall",
             "persons": [{"id": 1, "public_name": "Alex"}]},
            {"id": 8, "title": "Early", "start": "10:00", "duration": "1:00",
             "persons": [{"id": 2, "public_name": "Alex"}, {"id": 1, "public_name": "Alex"}]}
        ]}}]}}}"#;
    let loaded = read(text).unwrap();
    let a = &loaded.agenda;
    assert_eq!(&*a.sessions[0].id, "8", "numeric ids are kept as text");
    assert_eq!(
        a.sessions[0].start().to_rfc3339(),
        "2024-06-01T08:00:00+00:00"
    );
    assert_eq!(
        a.sessions[0].room.as_deref(),
        Some("Hall"),
        "from the rooms key"
    );
    // 01:00 is before the day's 04:00 start: the small hours of the next day.
    assert_eq!(
        a.sessions[1].start().to_rfc3339(),
        "2024-06-01T23:00:00+00:00"
    );
    let ids: Vec<&str> = a.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["alex", "alex-2"], "two people named Alex, told apart");
    assert_eq!(a.sessions[0].participants.len(), 2);
}

#[test]
fn a_zone_that_is_missing_means_the_dates_offset_with_a_warning() {
    let text = v2(&event("")).replace(r#""time_zone_name": "Europe/Berlin","#, "");
    let loaded = read(&text).unwrap();
    // The date's +01:00: times shown as printed, not in UTC.
    assert_eq!(loaded.agenda.event.timezone.name(), "Etc/GMT-1");
    let w = warnings(&loaded);
    assert!(
        w[0].starts_with("f: schedule.conference.time_zone_name: the schedule names no zone;"),
        "{w:?}"
    );
    assert_eq!(
        loaded.agenda.sessions[0].start().to_rfc3339(),
        "2024-12-27T09:00:00+00:00"
    );
}

#[test]
fn the_id_is_one_a_rename_keeps() {
    // pretalx: a numeric id, a code, a guid, and a slug made from the
    // title. Each of the first three wins over those after it.
    let all = r#", "id": 7, "code": "ABCDEF", "guid": "g-7", "slug": "tc-7-talk""#;
    let without = |cut: &[&str]| {
        let mut e = all.to_owned();
        for c in cut {
            e = e.replace(c, "");
        }
        let a = read(&v2(&event(&e))).unwrap().agenda;
        a.sessions[0].id.clone()
    };
    assert_eq!(&*without(&[]), "7");
    assert_eq!(&*without(&[r#", "id": 7"#]), "ABCDEF");
    assert_eq!(&*without(&[r#", "id": 7"#, r#", "code": "ABCDEF""#]), "g-7");
    let slug_only = [
        r#", "id": 7"#,
        r#", "code": "ABCDEF""#,
        r#", "guid": "g-7""#,
    ];
    assert_eq!(&*without(&slug_only), "tc-7-talk");
}

#[test]
fn repeated_ids_are_renamed_with_a_warning() {
    let events = [event(r#", "slug": "x""#), event(r#", "slug": "x""#)];
    let loaded = read(&v2(&events.join(","))).unwrap();
    let ids: Vec<&str> = loaded
        .agenda
        .sessions
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["x", "x-2"]);
    assert!(
        warnings(&loaded).contains(
            &"f: schedule.events[1]: its id \"x\" is taken; it is \"x-2\" here".to_owned()
        )
    );
}

#[test]
fn wrong_types_and_unreadable_times_are_errors_at_their_paths() {
    let events = [
        r#"{"title": 5, "start": "2024-12-27T10:00:00+01:00", "duration": "0:30"}"#,
        r#"{"title": "T", "start": "soon", "duration": "0:30", "participants": "Ann"}"#,
        r#"{"title": "T", "start": "2024-12-27T10:00:00+01:00", "duration": "half an hour"}"#,
    ];
    let err = read(&v2(&events.join(","))).unwrap_err();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            "t.json: schedule.events[0].title: expected a string, found a number",
            "t.json: schedule.events[1].participants: expected an array, found a string",
            "t.json: schedule.events[1].start: \"soon\" is not an ISO 8601 date-time (nor a \
             time \"HH:MM\" on a day with a `date`)",
            "t.json: schedule.events[2].duration: \"half an hour\" is not a duration \"HH:MM\" \
             or ISO 8601 \"PT1H30M\" (or is too long)",
        ]
    );
}

#[test]
fn a_schedule_without_events_is_an_error() {
    let err = read(&v2("")).unwrap_err();
    assert_eq!(
        err,
        "t.json: schedule.events: no events; an agenda needs at least one session"
    );
}

#[test]
fn other_json_names_the_formats_dais_reads() {
    let err = read(r#"{"conference": {}}"#).unwrap_err();
    assert!(
        err.starts_with("t.json: not an agenda dais reads: expected a dais/1 agenda"),
        "{err}"
    );
    assert!(err.contains("schedule.json"));
    let err = read(r#"{"schedule": "x"}"#).unwrap_err();
    assert_eq!(err, "t.json: schedule: expected an object, found a string");
}

#[test]
fn a_flat_event_list_wins_over_rooms_in_days() {
    let day = r#""days": [{"index": 1, "date": "2024-12-27", "start": "2024-12-27T09:00:00+01:00",
        "end": "2024-12-28T03:00:00+01:00", "rooms": {"A": [{"title": "Twice",
        "date": "2024-12-27T10:00:00+01:00", "duration": "1:00"}]}}]"#;
    let text = v2(&event(r#", "slug": "once""#)).replace(r#""days": []"#, day);
    let loaded = read(&text).unwrap();
    assert_eq!(loaded.agenda.sessions.len(), 1);
    assert_eq!(&*loaded.agenda.sessions[0].id, "once");
    assert_eq!(
        warnings(&loaded),
        [
            "f: schedule.conference.days[0].rooms: events are read from schedule.events; the \
          days' rooms are ignored"
        ]
    );
}

#[test]
fn the_shared_front_steps_guard_schedule_files_too() {
    // Nested past the limit inside a key the importer ignores: refused
    // before any reader recurses into it.
    let deep = format!("[{}{}]", "[".repeat(70), "]".repeat(70));
    let err = read(&v2(&event(&format!(r#", "extra": {deep}"#)))).unwrap_err();
    assert!(err.contains("JSON nested deeper than 64 levels"), "{err}");
    // A key given twice in one event is named at its path.
    let err = read(&v2(&event(r#", "title": "Again""#))).unwrap_err();
    assert_eq!(
        err,
        "t.json: schedule.events[0].title: this key appears more than once in the object; \
         give it once"
    );
}

#[test]
fn times_are_kept_to_the_minute_so_a_converted_copy_loads_the_same() {
    // Seconds in the file, and a zone's old local mean time (+00:53:28 in
    // Berlin before 1893), both fall between the minutes dais/1 writes.
    for start in ["2024-12-27T10:30:15+01:00", "1012-12-27T10:30:00+01:00"] {
        let text = v2(&format!(
            r#"{{"slug": "a", "title": "A", "start": "{start}", "duration": "0:30"}}"#
        ));
        let loaded = read(&text).unwrap();
        let span = &loaded.agenda.sessions[0].span;
        assert_eq!(span.local_start.format("%S").to_string(), "00", "{start}");
        assert_eq!(round_trip(&loaded.agenda).agenda, loaded.agenda, "{start}");
    }
}

#[test]
fn times_in_the_second_of_a_repeated_hour_are_warned_about_unless_the_copy_keeps_them() {
    // Berlin, 27 October 2024: 02:00-03:00 happens twice, first at +02:00
    // and again at +01:00.
    let text = v2(r#"
        {"guid": "a", "title": "Night one", "start": "2024-10-27T01:30:00+02:00",
         "end": "2024-10-27T02:30:00+01:00"},
        {"guid": "b", "title": "Night two", "start": "2024-10-27T02:40:00+01:00",
         "end": "2024-10-27T03:30:00+01:00"},
        {"guid": "c", "title": "First time round", "start": "2024-10-27T02:10:00+02:00",
         "end": "2024-10-27T02:20:00+02:00"}"#);
    let loaded = read(&text).unwrap();
    let said = warnings(&loaded);
    let starts: Vec<&String> = said
        .iter()
        .filter(|w| w.contains("starts in the hour"))
        .collect();
    let ends: Vec<&String> = said
        .iter()
        .filter(|w| w.contains("ends in the hour"))
        .collect();
    // "Night two" is all in the second instance: its dais/1 copy gives its
    // own utc_offset and reads back exactly, so nothing is said of it.
    assert!(starts.is_empty(), "{said:#?}");
    let copy = dais::write::to_json(&loaded.agenda);
    assert!(copy.contains("\"utc_offset\": \"+01:00\""), "{copy}");
    // "Night one" starts at +02:00 and ends at +01:00: no one offset
    // gives both, and its end would be read as the first 02:30.
    assert_eq!(ends.len(), 1, "{said:#?}");
    assert!(ends[0].starts_with("f: schedule.events[0]:"), "{said:#?}");
    assert!(ends[0].contains("read its end as the first 02:30"));
    // The instants themselves are kept: two hours for "Night one".
    let a = &loaded.agenda;
    let one = a
        .sessions
        .iter()
        .find(|s| &*s.title == "Night one")
        .unwrap();
    assert_eq!(one.span.minutes(), 120);
}
