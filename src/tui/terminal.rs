//! Entering and leaving full-screen mode (with the mouse and bracketed
//! paste), and making sure the terminal is left as it was found: on quit,
//! error, panic (any thread) and signals.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use std::cell::Cell;
use std::io::{self, Stdout, Write};
use std::ops::{Deref, DerefMut};
use std::rc::Rc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// The terminal dais draws on.
pub struct Term {
    tui: Terminal<CrosstermBackend<Out>>,
    released: Rc<Cell<bool>>,
}

impl Deref for Term {
    type Target = Terminal<CrosstermBackend<Out>>;

    fn deref(&self) -> &Self::Target {
        &self.tui
    }
}

impl DerefMut for Term {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tui
    }
}

/// Where a [`Term`] writes: stdout, until [`release`] cuts it off.
#[derive(Debug)]
pub struct Out {
    stdout: Stdout,
    released: Rc<Cell<bool>>,
}

impl Out {
    fn cut_off(&self) -> bool {
        self.released.get() || PANICKED.load(Ordering::SeqCst)
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.cut_off() {
            return Ok(buf.len());
        }
        self.stdout.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.cut_off() {
            return Ok(());
        }
        self.stdout.flush()
    }
}

/// Set by the panic hook: from then on no frame is drawn, so a loop still
/// running on another thread cannot draw over the restored terminal in
/// the moment before the process ends.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Cuts `term` off from the terminal, before [`restore`] hands it back.
/// ratatui's `Terminal` shows the cursor when dropped, which would undo a
/// suspend's restore on resume; and when the terminal is gone it reports
/// the failure on stderr, which panics when stderr is that lost terminal.
pub fn release(term: &Term) {
    term.released.set(true);
}

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
        // A paste arrives whole, its line breaks not taken for Enter.
        EnableBracketedPaste,
        cursor::Hide,
        Clear(ClearType::All)
    ) {
        restore();
        return Err(e);
    }
    let released = Rc::new(Cell::new(false));
    let out = Out {
        stdout: out,
        released: Rc::clone(&released),
    };
    match Terminal::new(CrosstermBackend::new(out)) {
        Ok(tui) => Ok(Term { tui, released }),
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// Undoes everything [`enter`] did. Safe to call more than once, and at
/// any point (errors are ignored: there is nothing better to do).
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

/// On a panic in any thread: restore the terminal first, so the message
/// is readable and the shell usable, then report as usual.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICKED.store(true, Ordering::SeqCst);
            restore();
            previous(info);
            // A panic off the main thread would leave the loop running on a
            // restored terminal; end the process instead.
            std::process::exit(101);
        }));
    });
}
