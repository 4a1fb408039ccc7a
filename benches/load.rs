//! Load + validate, and building the timeline, at each agenda size.
//!
//! `cargo bench --bench load`. Agendas come from `dais::synth`, the same
//! generator as `examples/generate.rs`.
//!
//! Before divan's timings, the bench prints the lean-load table (#16): for
//! the 100,000-session file, each command's work beside the floor every
//! loader stands on (reading the file, and parsing it with `serde_json`
//! into nothing, `IgnoredAny`), its median time over a few runs and the
//! whole process's peak memory (Linux: `VmHWM`), each step in a process of
//! its own, with the ratios to the floor's time and to the file's size.
//! The steps run in turn, a few rounds, each ratio taken to the floor of
//! its own round.

use dais::app::{Prepared, Timing};
use dais::load::{Limits, load_bytes};
use dais::synth::agenda_json;
use divan::Bencher;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() {
    side_by_side();
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

/// The steps of the table: name, and what it stands for.
const STEPS: [(&str, &str); 5] = [
    ("floor", "floor: read + serde_json into IgnoredAny"),
    ("validate", "dais validate: load + validate"),
    ("now", "dais now: load + its app + the line"),
    ("list", "dais list: load + the text listing"),
    ("screen", "dais FILE: load + the screen's app"),
];

/// Runs of each step timed (the first also gives the peak).
const RUNS: usize = 5;

/// A screen's setup as `main` makes it, with no state file and no config.
fn setup() -> dais::commands::open::Setup {
    dais::commands::open::Setup {
        clock: dais::clock::Clock::new(Box::new(chrono::Utc::now), None, 1.0),
        viewer_tz: None,
        shown: None,
        alerts: dais::config::Alerts::default(),
        desktop: None,
        theme: dais::theme::Theme::default(),
        keymap: dais::keymap::Keymap::default(),
        state: None,
        notices: Vec::new(),
        filter: dais::agenda::SessionFilter::default(),
        refresh: None,
        offline: None,
        editor: None,
    }
}

/// Does step `name`'s work on `path` once and returns what it built,
/// which the caller drops after reading the peak (or the clock).
fn step(name: &str, path: &std::path::Path) -> Box<dyn std::any::Any> {
    let load = || dais::load::load_file(path, &limits()).expect("valid");
    match name {
        "floor" => {
            let bytes = std::fs::read(path).expect("read");
            let _: serde::de::IgnoredAny = serde_json::from_slice(&bytes).expect("JSON");
            Box::new(bytes)
        }
        "validate" => Box::new(load()),
        "now" => {
            // No state file: the marks leave every session, as `main` finds.
            let loaded = load();
            let source = dais::source::Source::File(path.to_owned());
            let app = dais::commands::open::now_app(&source, loaded, None, &setup());
            let line = dais::commands::now::render(&app, dais::cli::NowFormat::Text);
            Box::new((app, line))
        }
        "list" => {
            let loaded = load();
            let text = dais::commands::list::render_in(
                &loaded.agenda,
                dais::cli::ListFormat::Text,
                dais::commands::list::Styling::Plain,
                None,
            );
            Box::new((loaded, text))
        }
        _ => Box::new(dais::commands::open::app(load(), &setup(), None)),
    }
}

/// In a child process: the peak after one run of the step, then the
/// median time of [`RUNS`] runs, in microseconds.
fn child(name: &str, path: &std::path::Path) -> (u64, u128) {
    let kept = step(name, path);
    let peak = peak_kb();
    drop(kept);
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let kept = step(name, path);
            let took = t.elapsed();
            drop(kept);
            took
        })
        .collect();
    times.sort_unstable();
    (peak, times[RUNS / 2].as_micros())
}

/// Rounds of the table: each step runs once a round, the steps in turn,
/// so that a slow spell of the machine falls on the floor and the steps
/// alike, and each step's ratio is to the floor of its own round.
const ROUNDS: usize = 3;

/// Prints the table: for each step, its median time and the whole
/// process's peak memory, beside the floor's time and the file's size
/// (the targets: `dais validate` and `dais now` within twice the floor's
/// time, and their peak within twice the file's size). Each step runs in
/// a child process (this bench again), so none starts on a heap another
/// grew; the ratio is the median of the rounds' ratios, and the lowest and
/// highest of them follow it.
fn side_by_side() {
    const VAR: &str = "DAIS_BENCH_STEP";
    if let Ok(name) = std::env::var(VAR) {
        let path = std::env::var("DAIS_BENCH_FILE").expect("the file");
        let (peak, micros) = child(&name, std::path::Path::new(&path));
        println!("{peak} {micros}");
        std::process::exit(0);
    }
    let path = file_100k();
    let kb = std::fs::metadata(path).map_or(0, |m| m.len()) / 1000;
    let size = f64::from(u32::try_from(kb).unwrap_or(u32::MAX)) / 1000.0;
    let Ok(me) = std::env::current_exe() else {
        return;
    };
    println!(
        "lean load (#16), 100,000 sessions, {size:.1} MB file; each step in a process of its own, the median of {RUNS} runs; the steps in turn, {ROUNDS} rounds:"
    );
    println!(
        "  {:<42} {:>8} {:>8} {:>11} {:>9} {:>7}",
        "step", "time", "x floor", "(rounds)", "peak", "x file"
    );
    // Each step's (peak kB, median µs), a round at a time.
    let mut rounds: Vec<Vec<(f64, f64)>> = vec![Vec::new(); STEPS.len()];
    for _ in 0..ROUNDS {
        for ((name, _), figures) in STEPS.iter().zip(&mut rounds) {
            figures.push(run_child(&me, VAR, name, path));
        }
    }
    let floors: Vec<f64> = rounds[0].iter().map(|&(_, micros)| micros).collect();
    for ((_, label), figures) in STEPS.iter().zip(&rounds) {
        let ms = median(figures.iter().map(|&(_, micros)| micros)) / 1000.0;
        let ratios: Vec<f64> = figures
            .iter()
            .zip(&floors)
            .map(|(&(_, micros), floor)| micros / floor)
            .collect();
        let low = ratios.iter().copied().fold(f64::INFINITY, f64::min);
        let high = ratios.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let ratio = median(ratios.into_iter());
        let mb = figures.iter().map(|&(kb, _)| kb).fold(f64::NAN, f64::max) / 1000.0;
        println!(
            "  {label:<42} {ms:>5.0} ms {ratio:>7.2}x {:>11} {mb:>6.1} MB {:>6.2}x",
            format!("{low:.2}-{high:.2}"),
            mb / size
        );
    }
    println!("  target: validate and now within 2x the floor's time, peak within 2x the file");
}

/// Runs step `name` in a child process: its peak in kB and its median
/// time in µs (NaN for what it did not say).
fn run_child(me: &std::path::Path, var: &str, name: &str, path: &std::path::Path) -> (f64, f64) {
    let out = std::process::Command::new(me)
        .env(var, name)
        .env("DAIS_BENCH_FILE", path)
        .output();
    let figures: Vec<f64> = out
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| {
            s.split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    match figures[..] {
        [kb, micros] => (kb, micros),
        _ => (f64::NAN, f64::NAN),
    }
}

/// The median of `values` (the higher middle one of an even count).
fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
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
