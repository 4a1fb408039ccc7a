//! A `dais/1` file on disk is read a piece at a time (1 MiB) and each
//! session validated as read (`load/dais1/stream.rs`); a file that does
//! not load that way is read again whole. Either way the outcome is the
//! one the whole text gives: each file here loads from disk as from its
//! bytes in memory, to the same agenda and warnings, or the same
//! problems at the same paths and line:column.

use dais::load::{Limits, LoadError, Loaded, load_bytes, load_file};
use dais::synth::agenda_json;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What loading gave, the file's stamp left out (bytes have none).
fn outcome(r: Result<Loaded, LoadError>) -> String {
    match r {
        Ok(l) => format!("{:?}", (l.agenda, l.warnings, l.format, l.zone)),
        Err(e) => format!("{e}"),
    }
}

/// Loads `path` from disk and from its bytes, and says both came out
/// the same; returns the outcome.
fn same(path: &Path, limits: &Limits) -> String {
    let bytes = std::fs::read(path).expect("read");
    let name = dais::load::file_name(path);
    let whole = outcome(load_bytes(&name, &bytes, limits));
    let streamed = outcome(load_file(path, limits));
    assert_eq!(streamed, whole, "{}", path.display());
    streamed
}

fn fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let p = entry.expect("entry").path();
        if p.is_dir() {
            fixtures(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}

#[test]
fn every_fixture_loads_from_disk_as_from_its_bytes() {
    let mut files = Vec::new();
    fixtures(Path::new("tests/fixtures"), &mut files);
    assert!(files.len() > 40, "{files:?}");
    let mut loaded = 0;
    for f in &files {
        if same(f, &Limits::default()).starts_with('(') {
            loaded += 1;
        }
    }
    // Some load, some do not: both ways are compared.
    assert!(loaded > 10 && loaded < files.len(), "{loaded}");
    let dir = tempfile::tempdir().unwrap();
    let hearing = dir.path().join("hearing.json");
    std::fs::write(&hearing, dais::load::BUNDLED).unwrap();
    assert!(same(&hearing, &Limits::default()).starts_with('('));
}

/// The synthetic agenda of `n` sessions in a file, as written.
fn synth(dir: &Path, n: usize) -> (PathBuf, String) {
    let text = agenda_json(n, 3);
    let path = dir.join(format!("synth-{n}.json"));
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

#[test]
fn an_agenda_of_several_pieces_loads_as_from_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    // About 1.4 MB: sessions cross the pieces' ends.
    let (path, text) = synth(dir.path(), 3000);
    assert!(text.len() > 1 << 20);
    let out = same(&path, &Limits::default());
    assert!(out.starts_with('('), "{out}");
}

#[test]
fn people_longer_than_a_piece_load_as_from_their_bytes_when_one_is_called_sessions() {
    // The people are read on to where `"sessions"` first appears: here a
    // person's id, in the first piece, so what was read ends inside the
    // people (more than a piece of them) and they are read on the
    // ordinary way; and the same people with an escape, read by serde.
    let dir = tempfile::tempdir().unwrap();
    let (_, text) = synth(dir.path(), 3000);
    let many = (0..60_000).fold(String::new(), |mut s, i| {
        let _ = write!(s, "\"extra-{i}\":{{\"name\":\"X {i}\"}},");
        s
    });
    let people = "\"people\":{";
    for (i, more) in [
        format!("\"sessions\":{{\"name\":\"S\"}},{many}"),
        format!("{many}\"sessions\":{{\"name\":\"S\"}},"),
        format!("\"sessions\":{{\"name\":\"S\\\"\"}},{many}"),
    ]
    .iter()
    .enumerate()
    {
        let case = text.replacen(people, &format!("{people}{more}"), 1);
        assert!(case.len() > 2 << 20);
        let path = dir.path().join(format!("people{i}.json"));
        std::fs::write(&path, &case).unwrap();
        let out = same(&path, &Limits::default());
        assert!(out.starts_with('('), "{i}: {out}");
        assert!(out.contains("X 59999"), "{i}");
    }
}

#[test]
fn a_piece_ending_inside_a_character_waits_for_the_rest_of_it() {
    let dir = tempfile::tempdir().unwrap();
    // Twenty descriptions of 30,000 two-byte characters: the first
    // piece ends inside one of them, on one side or the other of a
    // character's two bytes, for one of the two paddings.
    for pad in ["", "a"] {
        let desc = format!("{pad}{}", "é".repeat(30_000));
        let sessions: Vec<String> = (0..20)
            .map(|i| {
                format!(
                    r#"{{"id": "s{i}", "title": "T{i}", "kind": "statements", "start": "{i:02}:00", "end": "{i:02}:30", "description": "{desc}"}}"#
                )
            })
            .collect();
        let text = format!(
            r#"{{"format": "dais/1", "event": {{"title": "E", "date": "2030-01-02", "timezone": "UTC"}}, "sessions": [{}]}}"#,
            sessions.join(",\n")
        );
        assert!(text.len() > 1 << 20);
        let path = dir.path().join(format!("pad{}.json", pad.len()));
        std::fs::write(&path, &text).unwrap();
        let out = same(&path, &Limits::default());
        assert!(out.starts_with('('), "{out}");
    }
}

/// `text` with `from` (found once, past the first piece) replaced by `to`.
fn broken(text: &str, from: &str, to: &str) -> String {
    let at = text[1 << 20..].find(from).expect("found") + (1 << 20);
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

#[test]
fn a_fault_past_the_first_piece_is_said_as_the_whole_text_says_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_, text) = synth(dir.path(), 3000);
    let cases = [
        // A syntax error: its line and column.
        broken(&text, "\"title\":", "\"title\" "),
        // An unknown key and a wrong type, at their paths.
        broken(&text, "\"title\":", "\"titel\":"),
        broken(&text, "\"start\":", "\"start\":1,\"x\":"),
        // A key after the sessions, which must be read whole.
        format!(
            "{}, \"x-after\": 1}}",
            text.trim_end().trim_end_matches('}')
        ),
        // A trailing comma, and text after the object.
        broken(&text, "}]", "},]"),
        format!("{text} x"),
    ];
    for (i, case) in cases.iter().enumerate() {
        let path = dir.path().join(format!("case{i}.json"));
        std::fs::write(&path, case).unwrap();
        same(&path, &Limits::default());
    }
    // Not UTF-8 past the first piece, and a byte-order mark.
    let mut bytes = broken(&text, "\"title\":", "\"title\":\"\u{1}").into_bytes();
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes[at] = 0xff;
    let path = dir.path().join("latin.json");
    std::fs::write(&path, &bytes).unwrap();
    assert!(same(&path, &Limits::default()).contains("UTF-8"));
    let path = dir.path().join("bom.json");
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    same(&path, &Limits::default());
}

/// `text` with the `n`th occurrence of `from` replaced by `to`.
fn nth(text: &str, from: &str, n: usize, to: &str) -> String {
    let (at, _) = text.match_indices(from).nth(n).expect("found");
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

/// `text` with the `n`th session's id made `to`.
fn id_of(text: &str, n: usize, to: &str) -> String {
    let id = "\"id\":\"";
    let (at, _) = text.match_indices(id).nth(n).expect("found");
    let from = at + id.len();
    let end = from + text[from..].find('"').expect("its end");
    format!("{}{to}{}", &text[..from], &text[end..])
}

#[test]
fn sessions_built_on_other_threads_load_as_from_the_bytes() {
    // Past the first thousand sessions, which are built on the reading
    // thread: sessions the quick reader, the strict one or the validator
    // leave to the lax way, in among those built side by side.
    let dir = tempfile::tempdir().unwrap();
    let (_, text) = synth(dir.path(), 3000);
    let id = "\"id\":";
    let loads = [
        // `x-` keys of a session's own, kept; the two `dais list` writes.
        nth(&text, id, 1500, "\"x-mine\": {\"a\": [1]}, \"id\":"),
        nth(&text, id, 1501, "\"x-starts-at\": \"soon\", \"id\":"),
        // A blank title, warned of; escapes; a control character.
        nth(&text, "\"title\":", 2000, "\"title\": \" \", \"x-t\":"),
        nth(
            &text,
            "\"title\":",
            1800,
            "\"title\": \"a \\\"quoted\\\" \\u00e9\", \"x-u\":",
        ),
        nth(
            &text,
            "\"title\":",
            1900,
            "\"title\": \"bell\\u0007\", \"x-v\":",
        ),
        // An `x-` value that looks like a session's start where the array
        // is cut into chunks (`}, {"id":`).
        nth(
            &text,
            id,
            2200,
            "\"x-nest\": [{\"k\": 1}, {\"id\": 2}], \"id\":",
        ),
        // The same in every session from the 1,100th: every likely start
        // found is inside a session, so every chunk is torn.
        {
            let (at, _) = text.match_indices(id).nth(1100).expect("found");
            let rest = text[at..].replace(id, "\"x-nest\": [{\"k\": 1}, {\"id\": 2}], \"id\":");
            format!("{}{rest}", &text[..at])
        },
        // A person with an `x-` key: people are read the lax way.
        nth(&text, "\"name\":", 10, "\"x-p\": true, \"name\":"),
    ];
    for (i, case) in loads.iter().enumerate() {
        let path = dir.path().join(format!("loads{i}.json"));
        std::fs::write(&path, case).unwrap();
        let out = same(&path, &Limits::default());
        assert!(out.starts_with('('), "{i}: {out}");
    }
    let refused = [
        // The same id twice, a person not in `people`, a time the clocks
        // skip (the synthetic agenda is in New York: 2 a.m. on 9 March
        // 2031 does not exist there).
        nth(&text, id, 2600, "\"id\": \"2031-03-03-01\", \"x-d\":"),
        nth(
            &text,
            "\"person\":",
            4000,
            "\"person\": \"nobody\", \"x-q\":",
        ),
        nth(
            &text,
            "\"start\":",
            2900,
            "\"date\": \"2031-03-09\", \"x-w\": 1, \"start\":",
        ),
    ];
    // A repeated id where both sessions are built, on the reading thread
    // or side by side; where the first is read the lax way and the second
    // built; and an id repeated three times.
    let first = "2031-03-03-01";
    let twice = [
        id_of(&text, 2500, first),
        id_of(&id_of(&text, 2200, "again"), 2800, "again"),
        id_of(&nth(&text, id, 1, "\"x-e\": 1, \"id\":"), 2400, first),
        id_of(&id_of(&text, 1500, first), 2900, first),
    ];
    for (i, case) in refused.iter().chain(&twice).enumerate() {
        let path = dir.path().join(format!("refused{i}.json"));
        std::fs::write(&path, case).unwrap();
        let out = same(&path, &Limits::default());
        assert!(!out.starts_with('('), "{i}: {out}");
    }
}

#[test]
fn a_file_over_its_limits_is_refused_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = synth(dir.path(), 3000);
    let small = Limits {
        max_bytes: 1 << 20,
        ..Limits::default()
    };
    let e = load_file(&path, &small).unwrap_err();
    assert!(
        e.to_string().contains(&format!("{} bytes", text.len())),
        "{e}"
    );
    let few = Limits {
        max_items: 2000,
        ..Limits::default()
    };
    let out = same(&path, &few);
    assert!(out.contains("more than the limit of 2000"), "{out}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// A file as dais writes it, a few bytes overwritten anywhere (a
    /// quote, a bracket, a comma, a key's letter, a byte that is not
    /// UTF-8): read from disk it gives what its bytes give in memory,
    /// whether the fast way took it or gave up.
    #[test]
    fn a_damaged_file_loads_from_disk_as_from_its_bytes(
        cuts in proptest::collection::vec((0usize..1_000_000, proptest::sample::select(
            vec![b'"', b'{', b'}', b'[', b']', b',', b':', b' ', b'x', b'1', 0xff, b'\\'],
        )), 1..4),
    ) {
        let mut bytes = agenda_json(40, 5).into_bytes();
        for (at, b) in cuts {
            let i = at % bytes.len();
            bytes[i] = b;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("damaged.json");
        std::fs::write(&path, &bytes).unwrap();
        same(&path, &Limits::default());
    }
}
