//! Helpers shared by the integration tests: fixtures, the loader, the binary.

use dais::load::{self, Limits, LoadError, Loaded, Problem};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The directory holding the fixtures; the binary runs from here, so file
/// names in its messages are short and stable (`errors/wrong_type.json`).
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fixture's path.
pub fn fixture(name: &str) -> PathBuf {
    fixtures_dir().join(name)
}

/// A fixture's text.
pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture is readable")
}

/// Loads a fixture with the default limits.
pub fn load(name: &str) -> Result<Loaded, LoadError> {
    load::load_file(&fixture(name), &Limits::default())
}

/// Loads a fixture that must be valid.
pub fn loaded(name: &str) -> Loaded {
    load(name).unwrap_or_else(|e| panic!("{name} should load, but:\n{e}"))
}

/// The problems in a fixture that must be invalid.
pub fn problems(name: &str) -> Vec<Problem> {
    match load(name) {
        Ok(_) => panic!("{name} should not load"),
        Err(e) => e.problems,
    }
}

/// Loads JSON text that must be invalid, and returns its problems.
pub fn problems_in(json: &str) -> Vec<Problem> {
    match load::load_bytes("inline.json", json.as_bytes(), &Limits::default()) {
        Ok(_) => panic!("should not load:\n{json}"),
        Err(e) => e.problems,
    }
}

/// What a run of the binary did.
#[derive(Debug)]
pub struct Run {
    /// The exit status (-1 if killed by a signal).
    pub code: i32,
    /// Standard output as text (it must be UTF-8).
    pub stdout: String,
    /// Standard error as text (it must be UTF-8).
    pub stderr: String,
}

/// Runs `dais` from the fixtures directory with stdin closed and output
/// piped (not a terminal).
pub fn dais(args: &[&str]) -> Run {
    dais_in(&fixtures_dir(), args)
}

/// Runs `dais` from `dir`.
pub fn dais_in(dir: &Path, args: &[&str]) -> Run {
    run(dir, args, None)
}

/// Runs `dais` from the fixtures directory with `input` on its stdin.
pub fn dais_fed(args: &[&str], input: &[u8]) -> Run {
    run(&fixtures_dir(), args, Some(input))
}

fn run(dir: &Path, args: &[&str], input: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dais"))
        .args(args)
        .current_dir(dir)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("NO_COLOR")
        .env_remove("RUST_BACKTRACE")
        .spawn()
        .expect("the dais binary runs");
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        // Written from a thread: dais may answer before reading it all.
        let input = input.to_vec();
        std::thread::spawn(move || {
            use std::io::Write;
            let _ = stdin.write_all(&input);
        });
    }
    let out = child.wait_with_output().expect("dais ends");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    for text in [&run.stdout, &run.stderr] {
        assert!(
            !text.contains("panicked") && !text.contains("RUST_BACKTRACE"),
            "dais {args:?} panicked:\n{}",
            run.stderr
        );
    }
    run
}

/// The first character a terminal would act on: C0 controls but the line
/// break, DEL, C1 controls, and the bidi controls. Written out here rather
/// than taken from `dais::sanitize`, so the tests do not trust the code
/// they test.
pub fn first_unsafe(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|&(_, c)| {
        (c < ' ' && c != '\n')
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || matches!(
                c,
                '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
            )
    })
}

/// Asserts that `s` holds nothing a terminal would act on.
pub fn assert_terminal_safe(what: &str, s: &str) {
    if let Some((at, c)) = first_unsafe(s) {
        let mut before: Vec<char> = s[..at].chars().rev().take(40).collect();
        before.reverse();
        let before: String = before.into_iter().collect();
        panic!("{what}: unsafe character {c:?} at byte {at}, after {before:?}");
    }
}
