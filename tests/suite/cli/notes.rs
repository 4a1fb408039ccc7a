//! `dais notes`: the notes one process saved, written out by another, in
//! each format; its JSON read back by `dais state import`.

use dais::notes::NewNote;
use dais::source::Source;
use dais::store::{AgendaKey, Change, FILE_NAME, Store};
use std::path::Path;
use std::process::{Command, Stdio};

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `dais ARGS` with its state (and config) under `home`.
fn dais(home: &Path, args: &[&str]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_dais"))
        .args(args)
        .current_dir(home)
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("HOME", home)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn bundled_key() -> AgendaKey {
    dais::commands::open::key(&Source::Bundled, &crate::support::screen::hearing())
}

fn note(
    session: &str,
    title: &str,
    utc: &str,
    text: &str,
    km: &[&str],
    people: &[&str],
) -> NewNote {
    NewNote {
        session: session.into(),
        session_title: title.into(),
        at: utc.parse().unwrap(),
        text: text.into(),
        messages: km.iter().map(|s| (*s).to_owned()).collect(),
        people: people.iter().map(|s| (*s).to_owned()).collect(),
    }
}

/// Saves the notes of the example in this process, as the
/// screen's Enter does: each committed before `apply` returns.
fn save_notes(home: &Path) {
    let mut store = Store::open(home.join("state").join("dais").join(FILE_NAME));
    let key = bundled_key();
    for n in [
        note(
            "panel-1",
            "Panel 1",
            "2017-06-23T15:05:00Z",
            "Buck: survivors must lead the response #1 @Buck",
            &["km1"],
            &["kay-buck"],
        ),
        note(
            "panel-3",
            "Panel 3",
            "2017-06-23T19:10:00Z",
            "prosecutions are few",
            &[],
            &[],
        ),
        note(
            "side-event",
            "A side event",
            "2017-06-23T14:00:00Z",
            "kept all the same",
            &["km1"],
            &[],
        ),
    ] {
        store.apply(&key, &Change::AddNote(n)).unwrap();
    }
}

#[test]
fn markdown_by_session_then_by_key_message_then_the_gone_last() {
    let home = tempfile::tempdir().unwrap();
    save_notes(home.path());
    let out = dais(home.path(), &["notes", "--format", "markdown"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let md = &out.stdout;
    let panel_1 = "### Panel 1: A Human-rights-based, survivor-centred approach to trafficking in Persons (10:30-11:45)\n\n\
                   - **11:05** Buck: survivors must lead the response \\#1 @Buck *(Ms. Kay Buck)*\n";
    assert!(md.contains(panel_1), "{md}");
    let km1 = md
        .find("### 1\\. Enshrine a victim-centred")
        .expect("key message 1's heading");
    let again = md
        .find("- **11:05** · Panel 1: ")
        .expect("the note again, with its session");
    let by_session = md.find("## By session").unwrap();
    let unlinked = md.find("### Linking no key message").unwrap();
    let gone = md.find("## Sessions no longer in the agenda").unwrap();
    assert!(
        by_session < km1 && km1 < again && again < unlinked && unlinked < gone,
        "{md}"
    );
    assert!(md[unlinked..gone].contains("prosecutions are few"), "{md}");
    assert!(
        md[gone..].contains("### A side event\n\n- **10:00** kept all the same"),
        "{md}"
    );
    // The default is markdown, here where standard output is a pipe.
    assert_eq!(dais(home.path(), &["notes"]).stdout, *md);
}

#[test]
fn text_in_the_same_order() {
    let home = tempfile::tempdir().unwrap();
    save_notes(home.path());
    let out = dais(home.path(), &["notes", "--format", "text"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let t = &out.stdout;
    assert!(
        t.contains("\n  11:05  Buck: survivors must lead the response #1 @Buck  (Ms. Kay Buck)\n"),
        "{t}"
    );
    let order = [
        "BY SESSION",
        "BY KEY MESSAGE",
        "Linking no key message",
        "SESSIONS NO LONGER IN THE AGENDA",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|h| t.find(h).unwrap_or(usize::MAX))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{t}");
}

#[test]
fn json_reads_back_with_state_import_and_twice_adds_nothing() {
    let one = tempfile::tempdir().unwrap();
    save_notes(one.path());
    let file = one.path().join("notes.json");
    let out = dais(
        one.path(),
        &["notes", "--format", "json", "-o", file.to_str().unwrap()],
    );
    assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{}", out.stderr);
    // Written whole: nothing else left beside it.
    let beside: Vec<_> = std::fs::read_dir(one.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "state")
        .collect();
    assert_eq!(beside, ["notes.json"]);
    let two = tempfile::tempdir().unwrap();
    let import = dais(two.path(), &["state", "import", file.to_str().unwrap()]);
    assert_eq!(import.code, 0, "{}", import.stderr);
    assert!(import.stderr.contains("and 3 notes"), "{}", import.stderr);
    let again = dais(two.path(), &["state", "import", file.to_str().unwrap()]);
    assert!(again.stderr.contains("and 0 notes"), "{}", again.stderr);
    let back = dais(two.path(), &["notes", "--format", "json"]);
    assert_eq!(back.stdout, std::fs::read_to_string(&file).unwrap());
    let md = dais(two.path(), &["notes"]).stdout;
    assert!(
        md.contains("*(Ms. Kay Buck)*") && md.contains("### A side event"),
        "{md}"
    );
}

#[test]
fn an_agenda_file_without_notes_says_so() {
    let home = tempfile::tempdir().unwrap();
    let fixture = crate::support::harness::fixture("conference.json");
    let out = dais(
        home.path(),
        &["notes", fixture.to_str().unwrap(), "--format", "text"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.ends_with("\nNo notes yet.\n"), "{}", out.stdout);
}
