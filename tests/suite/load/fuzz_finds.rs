//! Inputs the fuzzers found (tests/fixtures/fuzz/), held to what the `load`
//! fuzz target checks: loading does not panic, an error names a problem,
//! and a loaded agenda survives being written out and read back.

use dais::load::{Limits, load_bytes};
use std::path::Path;

/// Every input found, by file name.
fn finds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("tests/fixtures/fuzz exists")
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_find_loads_or_fails_cleanly_and_round_trips() {
    let limits = Limits::default();
    let finds = finds();
    assert!(!finds.is_empty());
    for (name, bytes) in finds {
        match load_bytes(&name, &bytes, &limits) {
            Err(e) => assert!(!e.problems.is_empty(), "{name}: an error without a problem"),
            Ok(loaded) => {
                let json = dais::write::to_json(&loaded.agenda);
                let again = load_bytes("again.json", json.as_bytes(), &limits)
                    .unwrap_or_else(|e| panic!("{name}: written agenda does not load: {e}"));
                assert_eq!(again.agenda, loaded.agenda, "{name}: round trip changed it");
            }
        }
    }
}

#[test]
fn a_start_in_local_mean_time_loads() {
    // 10:30 at +01:00 in the year 1012 is 10:23:28 on Berlin's clocks then.
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/fuzz/schedule2-local-mean-time.json"),
    )
    .unwrap();
    let loaded = load_bytes("f.json", &bytes, &Limits::default()).unwrap();
    let start = loaded.agenda.sessions[0].span.local_start;
    assert_eq!(start.to_string(), "1012-12-27 10:23:00");
}
