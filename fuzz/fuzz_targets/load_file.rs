//! Arbitrary bytes written to a file and loaded from disk: a `dais/1` file
//! is read a piece at a time (`load/dais1/stream.rs`; under the fuzzer a
//! piece is a few bytes, so small inputs cross many piece ends), and
//! whether that way took the file or gave up, the outcome must be the one
//! `load_bytes` gives on the same bytes: the same agenda, warnings, format
//! and zone, or the same error text (the property `load::streamed` tests).

#![no_main]

use dais::load::{Limits, LoadError, Loaded, file_name, load_bytes, load_file};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

/// What loading gave, the file's stamp left out (bytes have none).
fn outcome(r: Result<Loaded, LoadError>) -> String {
    match r {
        Ok(l) => format!("{:?}", (l.agenda, l.warnings, l.format, l.zone)),
        Err(e) => format!("{e}"),
    }
}

/// One file per fuzzing process, in a directory of its own.
fn path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("dais-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir.join("fuzz.json")
    })
}

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let path = path();
    std::fs::write(path, data).expect("write");
    let streamed = outcome(load_file(path, &limits));
    let whole = outcome(load_bytes(&file_name(path), data, &limits));
    assert_eq!(streamed, whole);
});
