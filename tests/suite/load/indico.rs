//! Indico exports: the event export with sessions and contributions, and
//! the timetable export; roles, breaks, zones, HTML descriptions, and what
//! is left out said once.

use dais::agenda::{Kind, Role};
use dais::load::{Format, Limits, Loaded, load_bytes, load_file};
use std::path::PathBuf;

fn load(name: &str) -> Loaded {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/indico")
        .join(name);
    load_file(&path, &Limits::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn roles(l: &Loaded, i: usize) -> Vec<(String, Role)> {
    let a = &l.agenda;
    a.sessions[i]
        .participants
        .iter()
        .map(|p| (a.person(p).name.to_string(), p.role))
        .collect()
}

#[test]
fn the_event_export_reads_sessions_contributions_and_people() {
    let l = load("event-sessions.json");
    assert_eq!(l.format, Format::Indico);
    let a = &l.agenda;
    assert_eq!(a.event.title, "Workshop on Small Fixtures");
    assert_eq!(a.event.timezone, chrono_tz::Europe::Zurich);
    assert_eq!(
        a.event.summary,
        ["Two days on fixtures & tests.", "Bring a laptop."]
    );
    assert_eq!(a.event.venue.as_deref(), Some("Salle B, Geneva"));
    assert_eq!(a.event.convener.as_deref(), Some("Dr Claire Moreau"));
    let ids: Vec<&str> = a.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["c1", "c3", "s1"]);
    let opening = &a.sessions[0];
    assert_eq!(opening.start().to_rfc3339(), "2026-09-14T07:00:00+00:00");
    assert_eq!(*opening.notes, ["Welcome"]);
    assert_eq!(roles(&l, 0), [("Claire Moreau".to_owned(), Role::Speaker)]);
    let grammars = &a.sessions[1];
    assert_eq!(grammars.part.as_deref(), Some("Parsing"));
    assert_eq!(grammars.track.as_deref(), Some("Security"));
    assert_eq!(grammars.span.minutes(), 30);
    assert_eq!(
        roles(&l, 1),
        [
            ("Jun Ito".to_owned(), Role::Moderator),
            ("Ada Okafor".to_owned(), Role::Speaker)
        ]
    );
    assert_eq!(grammars.participants[1].capacity.as_deref(), Some("author"));
    // An empty session block is a session of its own.
    assert_eq!(&*a.sessions[2].title, "Lunch");
    let w: Vec<String> = l
        .warnings
        .iter()
        .map(|w| w.display_in("f").to_string())
        .collect();
    assert_eq!(
        w,
        [
            "f: results[0].contributions[1]: has no startDate (not scheduled); left out",
            "f: results[0].sessions[0].contributions[0].subContributions: subcontributions \
             are not shown by dais; their contribution is",
        ]
    );
}

#[test]
fn the_timetable_export_reads_blocks_breaks_and_conveners_as_chairs() {
    let l = load("timetable.json");
    let a = &l.agenda;
    assert_eq!(a.event.timezone, chrono_tz::America::New_York);
    assert_eq!(a.event.title, "Morning Plenary");
    let got: Vec<(&str, &str, Kind)> = a
        .sessions
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_ref(), s.kind))
        .collect();
    assert_eq!(
        got,
        [
            ("c10", "State of the field", Kind::Other),
            ("c11", "Questions", Kind::Other),
            ("b2", "Coffee", Kind::Break)
        ]
    );
    assert_eq!(
        a.sessions[0].start().to_rfc3339(),
        "2026-10-05T13:00:00+00:00"
    );
    assert_eq!(
        roles(&l, 0),
        [
            ("Ravi Menon".to_owned(), Role::Chair),
            ("Lea Fischer".to_owned(), Role::Speaker)
        ]
    );
    assert_eq!(a.sessions[2].room.as_deref(), Some("Foyer"));
}

#[test]
fn bad_times_are_errors_at_their_json_path() {
    let doc = r#"{"results": [{"title": "T", "timezone": "Europe/Paris", "contributions": [
        {"id": 1, "title": "A", "startDate": {"date": "2026-13-01", "time": "10:00:00"}, "duration": 5},
        {"id": 2, "title": "B", "startDate": {"date": "2026-03-29", "time": "02:30:00"}, "duration": 5}
    ]}]}"#;
    let e = load_bytes("i.json", doc.as_bytes(), &Limits::default()).unwrap_err();
    let got: Vec<String> = e
        .problems
        .iter()
        .map(|p| p.display_in("i.json").to_string())
        .collect();
    assert_eq!(
        got,
        [
            "i.json: results[0].contributions[0].startDate: expected {\"date\": \"YYYY-MM-DD\", \
             \"time\": \"HH:MM:SS\"}",
            "i.json: results[0].contributions[1].startDate: a time that does not exist in \
             Europe/Paris: the clocks skip it",
        ]
    );
}

#[test]
fn json_that_is_no_format_names_every_format() {
    let e = load_bytes("x.json", br#"{"title": "x"}"#, &Limits::default()).unwrap_err();
    assert!(e.to_string().contains("Indico export"), "{e}");
    let e = load_bytes("x.json", br#"{"results": []}"#, &Limits::default()).unwrap_err();
    assert!(e.to_string().contains("results: is empty"), "{e}");
}

#[test]
fn hostile_text_in_an_export_is_cleaned() {
    let doc = "{\"results\": [{\"title\": \"T\\u001b[2J\", \"timezone\": \"UTC\", \"contributions\": [\
        {\"id\": \"1\\u202e\", \"title\": \"A\\u0007\", \"startDate\": {\"date\": \"2026-01-01\", \"time\": \"10:00\"}, \
         \"duration\": 5, \"speakers\": [{\"fullName\": \"Evil\\u009bName\"}]}]}]}";
    let l = load_bytes("i.json", doc.as_bytes(), &Limits::default()).unwrap();
    let a = &l.agenda;
    for t in [
        &*a.event.title,
        &a.sessions[0].title,
        &a.sessions[0].id,
        &a.people[0].name,
    ] {
        assert!(!t.chars().any(dais::sanitize::is_unsafe), "{t:?}");
    }
}

#[test]
fn an_oddity_in_many_entries_is_said_once_with_a_count() {
    let entry = |id: u8| {
        format!(
            r#"{{"id": {id}, "title": "C{id}", "startDate": {{"date": "2026-01-01", "time": "1{id}:00:00"}},
                "endDate": {{"date": "2026-01-01", "time": "1{id}:00:00"}}}}"#
        )
    };
    // Three that end when they start, then one that lasts.
    let kept = r#"{"id": 9, "title": "K", "startDate": {"date": "2026-01-01", "time": "19:00:00"}, "duration": 30}"#;
    let list: Vec<String> = (1..=3).map(entry).chain([kept.to_owned()]).collect();
    let doc = format!(
        r#"{{"results": [{{"title": "T", "timezone": "UTC", "contributions": [{}]}}]}}"#,
        list.join(",")
    );
    let l = load_bytes("i.json", doc.as_bytes(), &Limits::default()).unwrap();
    let said = |w: &&dais::load::Problem| w.message.starts_with("ends at");
    let w = l
        .warnings
        .iter()
        .find(said)
        .expect("a warning about lengths");
    assert_eq!(
        w.display_in("i.json").to_string(),
        "i.json: results[0].contributions[0]: ends at or before it starts; left out \
         (and 2 more times)"
    );
}

#[test]
fn a_convener_who_speaks_in_their_session_is_moderator_and_speaker() {
    // A session block's convener giving a talk in it (FEL 2022's tutorial
    // on indico.jacow.org has the shape) was listed as moderator only: the
    // speaker was dropped as "already there". Named twice in one list
    // (speakers and presenters) they are still one speaker.
    let l = load("convener-speaks.json");
    assert_eq!(l.agenda.people.len(), 1);
    assert_eq!(
        roles(&l, 0),
        [
            ("Ada Byron".to_owned(), Role::Moderator),
            ("Ada Byron".to_owned(), Role::Speaker),
        ]
    );
}

#[test]
fn posters_in_a_poster_session_are_not_said_to_overlap() {
    // CHEP 2009's timetable export puts every poster of its "Poster
    // session" block at the block's start (08:00-08:20): each was warned
    // as overlapping another. Talks that overlap are still warned.
    let l = load("poster-session.json");
    assert_eq!(l.agenda.sessions.len(), 5);
    let w: Vec<(&str, &str)> = l
        .warnings
        .iter()
        .map(|w| (w.path.as_str(), w.message.as_str()))
        .collect();
    let overlapping: Vec<&str> = w
        .iter()
        .filter(|(_, m)| m.starts_with("overlaps"))
        .map(|(p, _)| *p)
        .collect();
    assert_eq!(
        overlapping,
        [r#"results["77"]["20090323"]["s2l0"].entries["s2c5"]"#],
        "{w:?}"
    );
}

#[test]
fn an_entry_without_entry_type_is_typed_by_its_class_or_its_entries() {
    // A timetable cut short (CHEP 2009's writes a block's `entryType` after
    // its long `entries`): a block with no `entryType` was read as one
    // contribution, and what it held was lost without a word.
    let l = load("untyped-entries.json");
    let a = &l.agenda;
    let got: Vec<(&str, Kind, Option<&str>)> = a
        .sessions
        .iter()
        .map(|s| (s.title.as_ref(), s.kind, s.part.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Talk one", Kind::Other, Some("Named by its class")),
            ("Coffee", Kind::Break, Some("Named by its class")),
            ("Talk three", Kind::Other, Some("Holding entries")),
        ]
    );
}

#[test]
fn a_contribution_outside_any_block_is_in_the_session_it_names() {
    // The `detail=contributions` export lists contributions alone, each
    // naming its session (a title, or an object with one).
    let l = load("contributions-name-their-session.json");
    let parts: Vec<Option<&str>> = l
        .agenda
        .sessions
        .iter()
        .map(|s| s.part.as_deref())
        .collect();
    assert_eq!(
        parts,
        [Some("Morning Meeting"), Some("Afternoon Meeting"), None]
    );
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn an_older_exports_session_conveners_moderate_its_contributions() {
    // Indico before 3 (its HTTP API documentation's 2011 example) names a
    // session's conveners `sessionConveners` and gives the session a start
    // and a count of slots, no end: the session is the part of its
    // contributions, and its conveners moderate each of them.
    let l = load("session-conveners.json");
    let a = &l.agenda;
    assert_eq!(a.sessions.len(), 1);
    assert_eq!(&*a.sessions[0].title, "First results");
    assert_eq!(a.sessions[0].part.as_deref(), Some("Beam tests"));
    assert_eq!(
        roles(&l, 0),
        [
            ("Claire Moreau".to_owned(), Role::Moderator),
            ("Ben Okafor".to_owned(), Role::Speaker),
        ]
    );
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn a_timetable_export_is_titled_by_its_one_block_else_by_its_event_id_and_says_so() {
    // The timetable export has no event title. One session block holding
    // every session names the meeting; a conference's first block
    // ("Registration") does not name the programme: its id does.
    let one = load("timetable.json");
    assert_eq!(one.agenda.event.title, "Morning Plenary");
    let said = |l: &Loaded| -> Vec<String> {
        l.warnings
            .iter()
            .map(|w| format!("{}: {}", w.path, w.message))
            .collect()
    };
    assert_eq!(
        said(&one),
        [
            "results: no event title in the export (the timetable export has none); titled \"Morning Plenary\", its one session block"
        ]
    );
    let two = load("timetable-blocks.json");
    assert_eq!(two.agenda.event.title, "Indico event 4242");
    assert_eq!(
        said(&two),
        [
            "results: no event title in the export (the timetable export has none); titled \"Indico event 4242\", after its id"
        ]
    );
    // An event export that lacks its title is named by its id the same way.
    let untitled = r#"{"results": [{"id": "77", "timezone": "UTC", "contributions": [
        {"id": "1", "title": "Talk",
         "startDate": {"date": "2026-10-06", "time": "09:00:00", "tz": "UTC"},
         "endDate": {"date": "2026-10-06", "time": "10:00:00", "tz": "UTC"}}]}]}"#;
    let l = load_bytes("e.json", untitled.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(l.agenda.event.title, "Indico event 77");
    assert_eq!(
        said(&l),
        ["results: no event title in the export; titled \"Indico event 77\", after its id"]
    );
}
