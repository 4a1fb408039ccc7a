//! Load + validate, and building the timeline, at each agenda size.
//!
//! `cargo bench --bench load`. Agendas come from `dais::synth`, the same
//! generator as `examples/generate.rs`.
//!
//! Beside them, the floor every loader stands on: reading the file, and
//! parsing it with `serde_json` into nothing (`IgnoredAny`). Before the
//! timings, the bench prints the peak memory each step of a 100,000-session
//! load adds to the process (Linux: `VmHWM`, reset through `clear_refs`),
//! beside the file's size.

use dais::app::{Prepared, Timing};
use dais::load::{Limits, load_bytes};
use dais::synth::agenda_json;
use divan::Bencher;
use std::sync::Arc;

fn main() {
    peaks();
    divan::main();
}

/// The 100,000-session agenda, written to a temporary file once.
fn file_100k() -> &'static std::path::Path {
    static FILE: std::sync::OnceLock<tempfile::TempPath> = std::sync::OnceLock::new();
    FILE.get_or_init(|| {
        let mut f = tempfile::NamedTempFile::new().expect("a temporary file");
        std::io::Write::write_all(&mut f, agenda_json(100_000, 7).as_bytes()).expect("written");
        f.into_temp_path()
    })
}

/// `VmHWM` of this process, in kB (0 where there is no /proc).
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

const STEPS: [(&str, &str); 4] = [
    ("floor", "floor (read + serde_json into IgnoredAny)"),
    ("validate", "load + validate (dais validate)"),
    ("now", "load + time index (dais now)"),
    ("screen", "load + the screen's index (dais FILE)"),
];

/// Runs one step on `path` (in a process of its own, so no step starts on
/// a heap another grew) and keeps what it built until the peak is read.
fn step(name: &str, path: &std::path::Path) -> u64 {
    let kept: Box<dyn std::any::Any> = match name {
        "floor" => {
            let bytes = std::fs::read(path).expect("read");
            let _: serde::de::IgnoredAny = serde_json::from_slice(&bytes).expect("JSON");
            Box::new(bytes)
        }
        "validate" => Box::new(dais::load::load_file(path, &limits()).expect("valid")),
        "now" => {
            let loaded = dais::load::load_file(path, &limits()).expect("valid");
            let timing = Timing::new(&loaded.agenda, &dais::app::Shift::default());
            Box::new((loaded, timing))
        }
        _ => {
            let agenda = Arc::new(
                dais::load::load_file(path, &limits())
                    .expect("valid")
                    .agenda,
            );
            let prepared = Prepared::new(Arc::clone(&agenda));
            let timing = Timing::new(&agenda, &dais::app::Shift::default());
            Box::new((prepared, timing))
        }
    };
    let peak = peak_kb();
    drop(kept);
    peak
}

/// Prints the whole process's peak memory for the floor and each load of
/// the 100,000-session file, beside its size (the target: within twice
/// the file's size). Each step runs in a child process (this bench again).
fn peaks() {
    const VAR: &str = "DAIS_BENCH_PEAK";
    if let Ok(name) = std::env::var(VAR) {
        let path = std::env::var("DAIS_BENCH_FILE").expect("the file");
        println!("{}", step(&name, std::path::Path::new(&path)));
        std::process::exit(0);
    }
    let path = file_100k();
    let size = f64::from(
        u32::try_from(std::fs::metadata(path).map_or(0, |m| m.len()) / 1000).unwrap_or(u32::MAX),
    ) / 1000.0;
    let Ok(me) = std::env::current_exe() else {
        return;
    };
    println!("peak memory of the whole process, 100,000 sessions ({size:.1} MB file):");
    for (name, label) in STEPS {
        let out = std::process::Command::new(&me)
            .env(VAR, name)
            .env("DAIS_BENCH_FILE", path)
            .output();
        let kb: f64 = out
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(f64::NAN);
        let mb = kb / 1000.0;
        println!("  {label:<45} {mb:6.1} MB ({:.2}x the file)", mb / size);
    }
}

/// The floor: the 100,000-session file read into memory.
#[divan::bench(sample_count = 10)]
fn floor_read_100k(bencher: Bencher) {
    let path = file_100k();
    bencher.bench(|| std::fs::read(path).expect("read"));
}

/// The floor: read, and parsed by `serde_json` into nothing.
#[divan::bench(sample_count = 10)]
fn floor_parse_ignored_100k(bencher: Bencher) {
    let path = file_100k();
    bencher.bench(|| {
        let bytes = std::fs::read(path).expect("read");
        let _: serde::de::IgnoredAny = serde_json::from_slice(&bytes).expect("JSON");
    });
}

/// What `dais validate` does with the file: read, load, validate.
#[divan::bench(sample_count = 10)]
fn validate_file_100k(bencher: Bencher) {
    let path = file_100k();
    bencher.bench(|| dais::load::load_file(path, &limits()).expect("valid"));
}

/// What `dais now` does before it looks: load, and index the times.
#[divan::bench(sample_count = 10)]
fn now_file_100k(bencher: Bencher) {
    let path = file_100k();
    bencher.bench(|| {
        let loaded = dais::load::load_file(path, &limits()).expect("valid");
        let timing = Timing::new(&loaded.agenda, &dais::app::Shift::default());
        (loaded, timing)
    });
}

const SIZES: &[usize] = &[1_000, 10_000, 100_000];

fn limits() -> Limits {
    Limits {
        max_bytes: u64::MAX,
        ..Limits::default()
    }
}

/// Bytes to a validated agenda: UTF-8, JSON, unknown keys, every rule.
#[divan::bench(args = SIZES, sample_count = 10)]
fn load_and_validate(bencher: Bencher, n: usize) {
    let json = agenda_json(n, 7);
    bencher
        .counter(divan::counter::BytesCount::new(json.len()))
        .bench(|| load_bytes("bench.json", json.as_bytes(), &limits()).expect("valid"));
}

/// Everything the screen derives once per agenda: rows, reverse lookups,
/// search text, key message terms, the time index.
#[divan::bench(args = SIZES, sample_count = 10)]
fn build_timeline(bencher: Bencher, n: usize) {
    let agenda = Arc::new(
        load_bytes("b", agenda_json(n, 7).as_bytes(), &limits())
            .expect("valid")
            .agenda,
    );
    bencher.bench(|| {
        (
            Prepared::new(Arc::clone(&agenda)),
            Timing::new(&agenda, &dais::app::Shift::default()),
        )
    });
}
