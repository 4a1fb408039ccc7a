//! Load + validate, and building the timeline, at each agenda size.
//!
//! `cargo bench --bench load`. Agendas come from `dais::synth`, the same
//! generator as `examples/generate.rs`.

use dais::app::{Prepared, Timing};
use dais::load::{Limits, load_bytes};
use dais::synth::agenda_json;
use divan::Bencher;
use std::sync::Arc;

fn main() {
    divan::main();
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
