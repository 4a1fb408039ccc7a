//! The user's state database through real processes: many writers at
//! once, `dais state`, and files that cannot be used as they are
//! (damaged, on a full disk, in a read-only place).

use crate::support::harness::Home;

use dais::store::{AgendaKey, Change, FILE_NAME, ShiftChange, Store};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Set in a child process of this test binary: the writes it makes.
const WRITER: &str = "DAIS_TEST_STORE_WRITER";
/// Processes writing at once.
const PROCESSES: usize = 8;
/// Changes each makes to each of its two sessions.
const WRITES: usize = 25;

/// Runs in a child process (see [`run_writers`]): `WRITES` times, one
/// more minute on session `shared`, then a new step `CHILD-J`; each its
/// own transaction.
#[test]
#[ignore = "a child process of the tests below runs it"]
fn writer() {
    let Ok(job) = std::env::var(WRITER) else {
        return;
    };
    let [db, source, child]: [&str; 3] = job
        .split('\t')
        .collect::<Vec<_>>()
        .try_into()
        .expect("DB, SOURCE, CHILD");
    let mut store = Store::open(db);
    assert_eq!(store.problems(), [] as [String; 0]);
    let key = AgendaKey::new(Some(source.into()), "meeting");
    for j in 0..WRITES {
        store.apply(&key, &add("shared", 1)).unwrap();
        store
            .apply(&key, &add(&format!("{child}-{j:03}"), 1))
            .unwrap();
    }
}

fn add(session: &str, minutes: i64) -> Change {
    Change::Shift(ShiftChange::Add {
        view: String::new(),
        session: session.into(),
        minutes,
    })
}

/// Starts [`PROCESSES`] copies of [`writer`] at once, child `i` on the
/// agenda `source(i)`, and waits for all.
fn run_writers(db: &Path, source: impl Fn(usize) -> String) {
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..PROCESSES)
        .map(|i| {
            Command::new(&exe)
                .args(["cli::state::writer", "--exact", "--ignored", "--quiet"])
                .env(WRITER, format!("{}\t{}\t{i}", db.display(), source(i)))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains("1 passed"), "the writer did not run: {said}");
    }
}

/// The steps of agenda `source` whose session starts with `prefix`.
fn steps(store: &mut Store, source: &str, prefix: &str) -> Vec<(String, i64)> {
    let key = AgendaKey::new(Some(source.into()), "meeting");
    let mut got = store.shift(&key, "");
    got.retain(|(s, _)| s.starts_with(prefix));
    got
}

fn in_order(child: usize) -> Vec<(String, i64)> {
    (0..WRITES)
        .map(|j| (format!("{child}-{j:03}"), 1))
        .collect()
}

#[test]
fn eight_processes_changing_different_agendas_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(FILE_NAME);
    run_writers(&db, |i| format!("/agenda/{i}"));
    let mut store = Store::open(&db);
    for i in 0..PROCESSES {
        let source = format!("/agenda/{i}");
        let minutes = i64::try_from(WRITES).unwrap();
        assert_eq!(
            steps(&mut store, &source, "shared"),
            [("shared".into(), minutes)]
        );
        assert_eq!(steps(&mut store, &source, &format!("{i}-")), in_order(i));
    }
}

#[test]
fn eight_processes_changing_the_same_agenda_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(FILE_NAME);
    run_writers(&db, |_| "/same".to_owned());
    let mut store = Store::open(&db);
    let all = i64::try_from(PROCESSES * WRITES).unwrap();
    assert_eq!(
        steps(&mut store, "/same", "shared"),
        [("shared".into(), all)]
    );
    for i in 0..PROCESSES {
        // Each process's steps are all there, in the order it made them.
        assert_eq!(steps(&mut store, "/same", &format!("{i}-")), in_order(i));
    }
}

/// Runs `dais ARGS` in `home`.
fn dais(home: &Home, args: &[&str]) -> Output {
    home.command()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

fn db_in(home: &Home) -> PathBuf {
    home.state_dir().join("dais").join(FILE_NAME)
}

const BACKUP: &str = r#"{"dais_state": 1, "agendas": [
  {"source": "bundled:hearing-2017-06-23.json (bundled)",
   "meeting": "2017-06-23 America/New_York Informal Interactive Multi-stakeholder Hearing",
   "shift": [{"view": "", "session": "panel-1", "minutes": 10}]}]}"#;

#[test]
fn state_path_export_and_import() {
    let home = &Home::new();
    let out = dais(home, &["state", "--path"]);
    assert_eq!(text(&out.stdout), format!("{}\n", db_in(home).display()));
    // Export makes nothing when there is nothing.
    let out = dais(home, &["state", "export"]);
    assert!(out.status.success());
    let empty: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(empty, serde_json::json!({"dais_state": 1, "agendas": []}));
    assert!(!db_in(home).exists());

    let backup = home.path().join("backup.json");
    std::fs::write(&backup, BACKUP).unwrap();
    let out = dais(home, &["state", "import", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains(
        "merged 1 agendas, 1 shift steps, 0 starred or hidden sessions, 0 settings and 0 notes"
    ));
    let out = dais(home, &["now", "--at", "2017-06-23 11:05"]);
    assert!(
        text(&out.stdout).contains("running 10 min late"),
        "{}",
        text(&out.stdout)
    );
    let out = dais(home, &["state", "export"]);
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let want: serde_json::Value = serde_json::from_str(BACKUP).unwrap();
    assert_eq!(got, want);
}

#[test]
fn a_bad_backup_is_refused_naming_the_file_and_place() {
    let home = &Home::new();
    let bad = home.path().join("bad.json");
    std::fs::write(&bad, "{\"dais_state\": 1,\n  \"agendas\": [1,]}").unwrap();
    let out = dais(home, &["state", "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with(&format!("{}:2:", bad.display())), "{err}");
    // A FIFO is refused, not opened (which would wait for a writer).
    let fifo = home.path().join("fifo");
    if Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        let out = dais(home, &["state", "import", fifo.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out.stderr).contains("a FIFO"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn a_damaged_database_is_reported_and_left_as_it_is() {
    let home = &Home::new();
    let db = db_in(home);
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let garbage = b"not a database at all\n".repeat(300);
    std::fs::write(&db, &garbage).unwrap();
    let out = dais(home, &["now", "--at", "2017-06-23 11:05"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).starts_with("Panel 1 · 40 min left"));
    let err = text(&out.stderr);
    assert!(
        err.contains(&db.display().to_string()) && err.contains("damaged"),
        "{err}"
    );
    let backup = home.path().join("backup.json");
    std::fs::write(&backup, BACKUP).unwrap();
    let out = dais(home, &["state", "import", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("nothing imported"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&db).unwrap(), garbage);
}

/// Runs `script` in `sh` with a small tmpfs mounted on `$M`, in a mount
/// namespace of its own (gone with the process); `None` where this
/// machine allows none.
fn in_tmpfs(size_kb: u32, script: &str) -> Option<Output> {
    let dir = tempfile::tempdir().unwrap();
    // A backup too large for the disk, outside it.
    let rows: Vec<serde_json::Value> = (0..3000)
        .map(|i| serde_json::json!({"view": "", "session": format!("s{i:05}-{}", "x".repeat(200)), "minutes": 5}))
        .collect();
    let big = serde_json::json!({"dais_state": 1, "agendas": [{"source": "/big", "meeting": "m", "shift": rows}]});
    let big_path = dir.path().join("big.json");
    std::fs::write(&big_path, big.to_string()).unwrap();
    let m = dir.path().join("m");
    std::fs::create_dir(&m).unwrap();
    let setup = format!("mount -t tmpfs -o size={size_kb}k tmpfs \"$M\" || exit 97\n{script}");
    let home = Home::new();
    for unshare in [&["-m"][..], &["-r", "-m"][..]] {
        let out = home
            .apply(&mut Command::new("unshare"))
            .args(unshare)
            .args(["sh", "-euc", &setup])
            .env("M", &m)
            .env("DAIS", env!("CARGO_BIN_EXE_dais"))
            .env("XDG_STATE_HOME", &m)
            .env("BACKUP", BACKUP)
            .env("BIG", &big_path)
            .stdin(Stdio::null())
            .output()
            .ok()?;
        if out.status.code() != Some(97) && !text(&out.stderr).contains("unshare:") {
            return Some(out);
        }
    }
    eprintln!("no mount namespace here: the full-disk and read-only tests did not run");
    None
}

#[test]
fn a_full_disk_loses_no_saved_state() {
    // One shift is saved; the disk fills; a large import fails with a
    // message, and the saved shift is still there.
    let script = r#"
printf '%s' "$BACKUP" > "$M/one.json"
"$DAIS" state import "$M/one.json" 2>/dev/null
cat /dev/zero > "$M/fill" 2>/dev/null || true
"$DAIS" now --at "2017-06-23 11:05" 2>/dev/null
# Room to open the database, not to write the backup.
truncate -s -128K "$M/fill"
if "$DAIS" state import "$BIG" 2>&1; then echo IMPORTED; fi
"$DAIS" now --at "2017-06-23 11:05"
rm -f "$M/fill"
"$DAIS" state export | grep -c '"session"'
"#;
    let Some(out) = in_tmpfs(512, script) else {
        return;
    };
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}{}", text(&out.stderr));
    assert!(!said.contains("IMPORTED"), "{said}");
    assert!(said.contains("the disk is full"), "{said}");
    assert_eq!(said.matches("running 10 min late").count(), 2, "{said}");
    assert!(
        said.ends_with("\n1\n"),
        "one row, none half-written: {said}"
    );
}

#[test]
fn a_read_only_place_is_read_and_never_written() {
    let script = r#"
printf '%s' "$BACKUP" > "$M/one.json"
"$DAIS" state import "$M/one.json" 2>/dev/null
mount -o remount,ro "$M"
"$DAIS" now --at "2017-06-23 11:05"
if "$DAIS" state import "$M/one.json" 2>&1; then echo IMPORTED; fi
"#;
    let Some(out) = in_tmpfs(512, script) else {
        return;
    };
    let said = text(&out.stdout);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{said}{err}");
    assert!(said.contains("running 10 min late"), "{said}");
    assert!(err.contains("read-only"), "the banner's words: {err}");
    assert!(
        said.contains("nothing imported") && !said.contains("IMPORTED"),
        "{said}"
    );
}
