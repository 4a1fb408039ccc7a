//! Measures the time from process start to the first frame on screen:
//! starts the release binary in a pseudo-terminal, times until the
//! programme appears, quits it; repeats and prints the median.
//!
//! `cargo build --release && cargo run --release --example first_frame -- [RUNS] [FILE]`

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Read;
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let file = args.next();
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
                    let _ = tx.send(Instant::now());
                    break;
                }
            }
        });
        let start = Instant::now();
        let mut child = pty.slave.spawn_command(cmd).expect("spawn dais");
        let shown = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("a first frame");
        times.push(shown - start);
        let _ = child.kill();
        let _ = child.wait();
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "first frame over {runs} runs: median {:.1} ms, fastest {:.1} ms, slowest {:.1} ms",
        ms(times[runs / 2]),
        ms(times[0]),
        ms(times[runs - 1])
    );
}
