//! Writes a synthetic dais/1 agenda to stdout, or with `--schedule-xml` a
//! programme of that many talks in the shape of a FOSDEM schedule.xml.
//!
//! `cargo run --release --example generate -- 100000 [--seed N] > big.json`
//! `cargo run --release --example generate -- 600 --schedule-xml > fosdem.xml`

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut sessions = None;
    let mut seed = 1;
    let mut xml = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let parsed = match arg.as_str() {
            "--seed" => args.next().and_then(|s| s.parse().ok()).map(|s| seed = s),
            "--schedule-xml" => {
                xml = true;
                Some(())
            }
            n => n.parse().ok().map(|n| sessions = Some(n)),
        };
        if parsed.is_none() {
            eprintln!("usage: generate SESSIONS [--seed N] [--schedule-xml]");
            return ExitCode::FAILURE;
        }
    }
    let Some(sessions) = sessions else {
        eprintln!("usage: generate SESSIONS [--seed N] [--schedule-xml]");
        return ExitCode::FAILURE;
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let written = if xml {
        dais::synth::write_schedule_xml(&mut out, sessions, seed)
    } else {
        dais::synth::write_agenda(&mut out, sessions, seed)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::FAILURE
        }
    }
}
