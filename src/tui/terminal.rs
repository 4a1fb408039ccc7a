//! Entering and leaving full-screen mode, and making sure the terminal is
//! left as it was found: on quit, error, panic (any thread) and signals.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use std::io::{self, Stdout};
use std::sync::Once;

/// The terminal dais draws on.
pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Raw mode, the alternate screen, mouse capture, hidden cursor.
pub fn enter() -> io::Result<Term> {
    install_panic_hook();
    enable_raw_mode()?;
    let mut out = io::stdout();
    // Cleared here rather than with `Terminal::clear`, which asks the
    // terminal where its cursor is: a terminal that does not answer would
    // stall start-up, and on resuming from Ctrl-Z the answer would go to
    // the input thread, which holds crossterm's event reader.
    if let Err(e) = execute!(
        out,
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide,
        Clear(ClearType::All)
    ) {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(out)).inspect_err(|_| restore())
}

/// Undoes everything [`enter`] did. Safe to call more than once, and at
/// any point (errors are ignored: there is nothing better to do).
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
}

/// On a panic in any thread: restore the terminal first, so the message
/// is readable and the shell usable, then report as usual.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
            // A panic off the main thread would leave the loop drawing on a
            // restored terminal; end the process instead.
            std::process::exit(101);
        }));
    });
}
