//! Permission denied on each path dais reads or writes, with the mode bits
//! applying: run as root (as this suite is here), where they do not bind,
//! dais is started as `nobody` (uid and gid 65534); run as anyone else, it
//! runs as that user. Where root cannot hand the binary to `nobody` (a
//! build directory only root may enter), each test says so and checks
//! nothing rather than pass for root.

use crate::support::harness::{self, Home, Run};

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

const NOBODY: u32 = 65_534;

fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// A place for the files of one test that `nobody` may enter but not
/// write, and a home that is `nobody`'s own.
struct Place {
    dir: tempfile::TempDir,
    home: Home,
}

impl Place {
    /// `None` (with a note) where dais cannot be run unprivileged.
    fn new() -> Option<Place> {
        let dir = tempfile::tempdir().expect("a temp dir");
        chmod(dir.path(), 0o755);
        let home = Home::new();
        if is_root() {
            std::os::unix::fs::chown(home.path(), Some(NOBODY), Some(NOBODY)).expect("chown");
        }
        let place = Place { dir, home };
        // Not through `run`, which takes a binary that cannot be started
        // for a failed test: in a directory only root may enter (a clone
        // in a `mktemp -d` directory, as scripts/figures.sh makes), `nobody`
        // cannot even start it.
        let mut probe = place.home.command();
        probe.current_dir(place.dir.path()).arg("--version");
        if is_root() {
            probe.uid(NOBODY).gid(NOBODY);
        }
        match probe.output() {
            Ok(out) if out.status.success() => Some(place),
            other => {
                eprintln!(
                    "note: dais cannot run as an unprivileged user here; not checked: {other:?}"
                );
                None
            }
        }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    /// Runs dais unprivileged from the test's directory, with `env` on top
    /// of the home's.
    fn run(&self, args: &[&str], env: &[(&str, &Path)]) -> Run {
        let mut cmd: Command = self.home.command();
        cmd.current_dir(self.dir.path());
        cmd.envs(env.iter().map(|(k, v)| (k, v)));
        if is_root() {
            cmd.uid(NOBODY).gid(NOBODY);
        }
        harness::run(cmd, args, None)
    }
}

#[test]
fn an_unreadable_agenda_or_config_is_an_error_naming_it() {
    let Some(p) = Place::new() else { return };
    std::fs::write(p.path("h.json"), dais::load::BUNDLED).unwrap();
    chmod(&p.path("h.json"), 0o000);
    let run = p.run(&["list", "h.json"], &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr, "h.json: cannot open: Permission denied\n",
        "{run:?}"
    );
    assert_eq!(run.stdout, "");
    std::fs::write(p.path("c.toml"), "theme = \"light\"\n").unwrap();
    chmod(&p.path("c.toml"), 0o000);
    let run = p.run(&["config", "--config", "c.toml"], &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .starts_with("c.toml: cannot read the config: cannot open: Permission denied"),
        "{run:?}"
    );
    // A directory where the config should be.
    std::fs::create_dir(p.path("d.toml")).unwrap();
    let run = p.run(&["config", "--config", "d.toml"], &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .starts_with("d.toml: cannot read the config: is a directory, not a config file"),
        "{run:?}"
    );
}

#[test]
fn output_into_a_directory_it_cannot_write_fails_and_leaves_nothing() {
    let Some(p) = Place::new() else { return };
    std::fs::create_dir(p.path("ro")).unwrap();
    chmod(&p.path("ro"), 0o555);
    std::fs::write(p.path("h.json"), dais::load::BUNDLED).unwrap();
    let run = p.run(&["convert", "-o", "ro/x.json", "h.json"], &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("cannot write ro/x.json: Permission denied"),
        "{run:?}"
    );
    let left: Vec<_> = std::fs::read_dir(p.path("ro")).unwrap().collect();
    assert!(left.is_empty(), "nothing left behind: {left:?}");
}

#[test]
fn a_state_place_it_cannot_write_saves_nothing_and_says_so() {
    let Some(p) = Place::new() else { return };
    // A state directory it may not create anything in.
    let ro = p.path("ro-state");
    std::fs::create_dir(&ro).unwrap();
    chmod(&ro, 0o555);
    let run = p.run(&["star", "opening"], &[("XDG_STATE_HOME", &ro)]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("nothing saved: cannot make"), "{run:?}");
    assert!(run.stderr.contains("Permission denied"), "{run:?}");
    // A database another user made, which it may read but not write: read,
    // never written, and `now` still works.
    let state = p.path("state");
    std::fs::create_dir(&state).unwrap();
    chmod(&state, 0o755);
    let mut own = Command::new(env!("CARGO_BIN_EXE_dais"));
    p.home.apply(&mut own).env("XDG_STATE_HOME", &state);
    let made = harness::run(own, &["star", "opening"], None);
    assert_eq!(made.code, 0, "{made:?}");
    let db = state.join("dais").join("dais.sqlite3");
    chmod(&state.join("dais"), 0o755);
    chmod(&db, 0o644);
    let before = std::fs::read(&db).unwrap();
    let run = p.run(&["star", "panel-1"], &[("XDG_STATE_HOME", &state)]);
    if !is_root() {
        // Not root: the file is this user's own, so it is writable.
        return;
    }
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("it is read-only"), "{run:?}");
    assert!(run.stderr.contains("nothing saved"), "{run:?}");
    let run = p.run(&["now"], &[("XDG_STATE_HOME", &state)]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("it is read-only"), "{run:?}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "never written");
}
