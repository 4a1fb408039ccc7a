//! Helpers shared by the integration tests: fixtures, the loader, the binary.

use dais::load::{self, Limits, LoadError, Loaded, Problem};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

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

/// A private home for runs of the binary: `HOME` and every XDG base
/// directory (config, state, cache, data, runtime) under one fresh
/// temporary directory, so no test reads or writes the user's own files.
/// Every run of dais in the tests, plain or in a pty, gets one: a fresh one
/// unless a test shares one between runs (a shift saved by one run and
/// read by the next). Clones share the directory; it goes with the last.
#[derive(Clone)]
pub struct Home(Arc<tempfile::TempDir>);

/// What a test environment never passes on to dais: settings of the
/// person running the tests that would change what dais does (the
/// terminal they run in decides which desktop notification is sent).
const NOT_PASSED_ON: &[&str] = &[
    "NO_COLOR",
    "RUST_BACKTRACE",
    "DAIS_TEST_FAULT",
    "TMUX",
    "STY",
    "TERM_PROGRAM",
    "KITTY_WINDOW_ID",
    "VTE_VERSION",
    "VISUAL",
    "EDITOR",
];

impl Home {
    /// A fresh, empty home.
    pub fn new() -> Home {
        Home(Arc::new(tempfile::tempdir().expect("a temp dir for HOME")))
    }

    /// `HOME` itself.
    pub fn path(&self) -> &Path {
        self.0.path()
    }

    /// `XDG_CONFIG_HOME`: dais's config is `dais/config.toml` under it.
    pub fn config_dir(&self) -> PathBuf {
        self.path().join("config")
    }

    /// `XDG_STATE_HOME`: dais's saved state is under `dais/` in it.
    pub fn state_dir(&self) -> PathBuf {
        self.path().join("state")
    }

    /// `XDG_CACHE_HOME`.
    pub fn cache_dir(&self) -> PathBuf {
        self.path().join("cache")
    }

    /// The variables that point dais at this home (set on every run), and
    /// those it must not inherit (removed).
    pub fn env(&self) -> (Vec<(&'static str, PathBuf)>, &'static [&'static str]) {
        let set = vec![
            ("HOME", self.path().to_owned()),
            ("XDG_CONFIG_HOME", self.config_dir()),
            ("XDG_STATE_HOME", self.state_dir()),
            ("XDG_CACHE_HOME", self.cache_dir()),
            ("XDG_DATA_HOME", self.path().join("data")),
            ("XDG_RUNTIME_DIR", self.path().join("runtime")),
            // The viewer's zone, which a file with no zone is read in.
            ("TZ", PathBuf::from("UTC")),
        ];
        (set, NOT_PASSED_ON)
    }

    /// The dais binary, to run in this home, from the fixtures directory.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dais"));
        self.apply(&mut cmd).current_dir(fixtures_dir());
        cmd
    }

    /// Gives `cmd` (dais, or a program that runs it) this home's
    /// environment.
    pub fn apply<'c>(&self, cmd: &'c mut Command) -> &'c mut Command {
        let (set, removed) = self.env();
        cmd.envs(set);
        for name in removed {
            cmd.env_remove(name);
        }
        cmd
    }

    /// Runs `dais` in this home from the fixtures directory, stdin closed.
    pub fn dais(&self, args: &[&str]) -> Run {
        self.run(&fixtures_dir(), args, None)
    }

    /// Runs `dais` in this home from `dir`, with `input` on its stdin if
    /// given (else stdin is closed) and output piped (not a terminal).
    pub fn run(&self, dir: &Path, args: &[&str], input: Option<&[u8]>) -> Run {
        let mut cmd = self.command();
        cmd.current_dir(dir);
        run(cmd, args, input)
    }
}

impl Default for Home {
    fn default() -> Self {
        Home::new()
    }
}

/// Runs `dais` from the fixtures directory with stdin closed and output
/// piped (not a terminal), in a fresh [`Home`].
pub fn dais(args: &[&str]) -> Run {
    dais_in(&fixtures_dir(), args)
}

/// Runs `dais` from `dir`, in a fresh [`Home`].
pub fn dais_in(dir: &Path, args: &[&str]) -> Run {
    Home::new().run(dir, args, None)
}

/// Runs `dais` from the fixtures directory with `input` on its stdin, in a
/// fresh [`Home`].
pub fn dais_fed(args: &[&str], input: &[u8]) -> Run {
    Home::new().run(&fixtures_dir(), args, Some(input))
}

/// Runs `cmd` with `args` to its end; fails the test if it panicked.
pub fn run(mut cmd: Command, args: &[&str], input: Option<&[u8]>) -> Run {
    let mut child = cmd
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
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
