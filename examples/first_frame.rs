//! Measures the time from process start to the first frame on screen:
//! starts the release binary in a pseudo-terminal, times until the
//! programme appears, quits it; repeats and prints the median.
//!
//! `cargo build --release && cargo run --release --example first_frame -- [RUNS] [FILE [DAIS OPTIONS...]]`
//!
//! Options after the file go to dais before it: a file over the default
//! size limit needs `--max-size` (`first_frame 3 big.json --max-size 1000000000`).

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Read;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long a first frame may take: a million sessions on a busy machine
/// take minutes, not seconds.
const PATIENCE: Duration = Duration::from_secs(600);

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let runs: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(20)
        .max(1);
    let file = args.next();
    let options: Vec<String> = args.collect();
    let bin = std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.parent()?.parent()?.join("dais")))
        .expect("the release binary beside the examples");
    let state = std::env::temp_dir().join("dais-first-frame-state");
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(&bin);
        cmd.args(&options);
        cmd.args(file.iter());
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_STATE_HOME", &state);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut seen = Vec::new();
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                seen.extend_from_slice(&buf[..n]);
                // The timeline's title is in the first full frame.
                if seen.windows(9).any(|w| w == b"Programme") {
                    let _ = tx.send(Ok(Instant::now()));
                    return;
                }
            }
            // dais ended without drawing: what it said instead.
            let _ = tx.send(Err(String::from_utf8_lossy(&seen).into_owned()));
        });
        let start = Instant::now();
        let mut child = pty.slave.spawn_command(cmd).expect("spawn dais");
        // Only the child holds the terminal now: its end ends the reader.
        drop(pty.slave);
        let shown = rx.recv_timeout(PATIENCE);
        let _ = child.kill();
        let _ = child.wait();
        match shown {
            Ok(Ok(at)) => times.push(at - start),
            Ok(Err(said)) => {
                eprintln!("first_frame: dais drew no frame; it said: {}", said.trim());
                return ExitCode::FAILURE;
            }
            Err(_) => {
                eprintln!("first_frame: no frame within {} s", PATIENCE.as_secs());
                return ExitCode::FAILURE;
            }
        }
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "first frame over {runs} runs: median {:.1} ms, fastest {:.1} ms, slowest {:.1} ms",
        ms(times[runs / 2]),
        ms(times[0]),
        ms(times[runs - 1])
    );
    ExitCode::SUCCESS
}
