//! Paths that are not regular files: a FIFO, a device, a socket, a link
//! to one. Each is refused at once with a message naming the path and
//! what is there, never opened in blocking mode; every read is capped,
//! and `--max-size` goes up to the largest number without wrapping.
//!
//! The binary runs under a deadline here, so a read that blocks fails the
//! test instead of hanging the suite.

use crate::support::harness::{Run, fixture, fixtures_dir};
use dais::load::base::file::{FileError, SMALL_FILE_MAX, read_capped};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long dais may take to refuse a path: far more than it needs.
const DEADLINE: Duration = Duration::from_secs(20);

/// Runs `dais args` in `dir` with stdin closed; panics if it is still
/// running after [`DEADLINE`] (it is killed first).
fn dais_within(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dais"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("NO_COLOR")
        .spawn()
        .expect("the dais binary runs");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dais {args:?} blocked for {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("dais ends");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8"),
    }
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// `dais list NAME` and `dais validate NAME` in `dir` both refuse `name`
/// as `what`, naming it.
fn refused_as(dir: &Path, name: &str, what: &str) {
    let expected = format!("{name}: is {what}, not an agenda file");
    let list = dais_within(dir, &["list", name]);
    assert_eq!(list.code, 1, "{list:?}");
    assert_eq!(list.stderr, format!("{expected}\n"), "{list:?}");
    let validate = dais_within(dir, &["validate", name]);
    assert_eq!(validate.code, 1, "{validate:?}");
    assert!(validate.stdout.contains(&expected), "{validate:?}");
}

#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().expect("temp dir");
    mkfifo(&dir.path().join("pipe.json"));
    refused_as(dir.path(), "pipe.json", "a FIFO");
    // A link to it is the same.
    std::os::unix::fs::symlink("pipe.json", dir.path().join("link.json")).expect("link");
    refused_as(dir.path(), "link.json", "a FIFO");
}

#[test]
fn a_device_or_a_link_to_one_is_refused_unread() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.json")).expect("link");
    refused_as(dir.path(), "zero.json", "a device");
    refused_as(dir.path(), "/dev/zero", "a device");
}

#[test]
fn a_socket_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let _socket =
        std::os::unix::net::UnixListener::bind(dir.path().join("sock.json")).expect("bind");
    refused_as(dir.path(), "sock.json", "a socket");
}

#[test]
fn a_config_that_is_a_fifo_or_too_big_is_a_problem_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    mkfifo(&dir.path().join("pipe.toml"));
    let run = dais_within(dir.path(), &["--config", "pipe.toml", "config"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr,
        "pipe.toml: cannot read the config: is a FIFO, not a config file\n"
    );
    // One byte over the cap: refused before it is parsed.
    let big = usize::try_from(SMALL_FILE_MAX).unwrap() + 1;
    std::fs::write(dir.path().join("big.toml"), "#".repeat(big)).expect("write");
    let run = dais_within(dir.path(), &["--config", "big.toml", "config"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr,
        format!(
            "big.toml: cannot read the config: the file is {big} bytes, \
             more than the limit of {SMALL_FILE_MAX} bytes\n"
        )
    );
}

#[test]
fn the_largest_max_size_means_no_practical_limit() {
    let max = u64::MAX.to_string();
    for args in [
        vec!["validate", "--max-size", &max, "minimal.json"],
        vec!["list", "--max-size", &max, "minimal.json"],
    ] {
        let run = dais_within(&fixtures_dir(), &args);
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
        assert!(!run.stdout.is_empty(), "{args:?}: {run:?}");
    }
    // Standard input too.
    let input = std::fs::File::open(fixture("minimal.json")).expect("fixture");
    let out = Command::new(env!("CARGO_BIN_EXE_dais"))
        .args(["validate", "--max-size", &max, "-"])
        .stdin(input)
        .output()
        .expect("dais runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.starts_with("<stdin>: ok:"), "{stdout}");
}

#[test]
fn a_capped_read_stops_at_the_cap() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("f");
    std::fs::write(&path, "0123456789").expect("write");
    assert_eq!(read_capped(&path, 10).expect("read").len(), 10);
    assert_eq!(read_capped(&path, u64::MAX).expect("read").len(), 10);
    assert_eq!(
        read_capped(&path, 9),
        Err(FileError::TooBig {
            size: Some(10),
            max: 9
        })
    );
    assert!(matches!(
        read_capped(&dir.path().join("none"), 9),
        Err(FileError::Missing(_))
    ));
    assert_eq!(
        read_capped(dir.path(), 9),
        Err(FileError::NotRegular("a directory"))
    );
}
