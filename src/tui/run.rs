//! The event loop: draw when something changed, then block until input,
//! a signal, a file change, or the next moment the screen would change on
//! its own. No fixed frame rate: an idle dais wakes once a minute.

use super::feeds;
use super::input::{Input, translate};
use super::terminal::{self, Term};
use crate::app::{Action, App};
use crate::clock::Clock;
use crate::ui::Screen;
use ratatui::crossterm::event;
use signal_hook::consts::SIGTSTP;
use std::io;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};

/// Something the loop wakes for.
#[derive(Debug)]
pub enum Event {
    /// A terminal event.
    Term(event::Event),
    /// The terminal cannot be read any more.
    TermGone(String),
    /// A signal arrived.
    Signal(i32),
    /// The watched agenda file changed (or appeared, or went away).
    FileChanged,
}

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// The terminal went away.
    TermGone,
    /// A terminating signal arrived (SIGTERM, SIGHUP, SIGINT).
    Signal(i32),
}

/// Saves the shift of an app; returns a problem to show, if any.
pub type SaveShift<'a> = Box<dyn FnMut(&App) -> Option<String> + 'a>;

/// What the loop needs from outside the app: the clock and the effects
/// that `update` asks for but may not do itself.
pub struct Runtime<'a> {
    /// The clock.
    pub clock: &'a Clock,
    /// Saves the running-late shift; returns a problem to show, if any.
    pub save_shift: SaveShift<'a>,
    /// Reloads the agenda into the app (manual `r` or a file change).
    pub reload: Box<dyn FnMut(&mut App) + 'a>,
    /// Starts watching the agenda file, sending [`Event::FileChanged`].
    pub watch: Option<Box<dyn FnOnce(Sender<Event>) + 'a>>,
}

/// Runs the interactive screen until the user quits or a signal ends it.
/// The terminal is restored before this returns, whatever happened.
pub fn run(app: &mut App, rt: &mut Runtime<'_>) -> io::Result<Exit> {
    let (tx, rx) = mpsc::channel();
    feeds::signals(tx.clone())?;
    if let Some(watch) = rt.watch.take() {
        watch(tx.clone());
    }
    let mut term = terminal::enter()?;
    feeds::watchdog(tx.clone());
    feeds::input(tx);
    let result = event_loop(app, rt, &mut term, &rx);
    terminal::release(&term);
    terminal::restore();
    result
}

fn event_loop(
    app: &mut App,
    rt: &mut Runtime<'_>,
    term: &mut Term,
    rx: &mpsc::Receiver<Event>,
) -> io::Result<Exit> {
    let size = term.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    app.update(Action::Tick(rt.clock.now()));
    let mut dirty = true;
    loop {
        if dirty {
            term.draw(|f| f.render_widget(Screen(app), f.area()))?;
            dirty = false;
        }
        let wait = rt.clock.real_wait_until(app.next_change());
        match rx.recv_timeout(wait) {
            Ok(Event::Term(e)) => match translate(app, &e) {
                Input::Action(a) => {
                    app.update(a);
                    dirty = true;
                }
                Input::Suspend => {
                    suspend(term)?;
                    dirty = true;
                }
                Input::Ignore => {}
            },
            Ok(Event::Signal(SIGTSTP)) => {
                suspend(term)?;
                dirty = true;
            }
            Ok(Event::Signal(sig)) => return Ok(Exit::Signal(sig)),
            Ok(Event::TermGone(_)) | Err(RecvTimeoutError::Disconnected) => {
                return Ok(Exit::TermGone);
            }
            Ok(Event::FileChanged) => {
                // Editors save in bursts; let the burst finish, then read once.
                std::thread::sleep(std::time::Duration::from_millis(100));
                while let Ok(Event::FileChanged) = rx.try_recv() {}
                (rt.reload)(app);
                dirty = true;
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        let now = rt.clock.now();
        if now >= app.next_change() || dirty {
            app.update(Action::Tick(now));
            dirty = true;
        }
        if app.live.shift_changed {
            app.live.shift_changed = false;
            if let Some(problem) = (rt.save_shift)(app) {
                app.banner = Some(crate::app::Banner {
                    text: problem,
                    error: true,
                    until: Some(now + chrono::Duration::seconds(8)),
                });
            }
        }
        if app.live.reload_requested {
            app.live.reload_requested = false;
            (rt.reload)(app);
        }
        if app.quit {
            return Ok(Exit::Quit);
        }
    }
}

/// Back to the shell (Ctrl-Z or SIGTSTP); on `fg`, full-screen again and a
/// full redraw.
fn suspend(term: &mut Term) -> io::Result<()> {
    terminal::release(term);
    terminal::restore();
    // Stops the process here until SIGCONT.
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    *term = terminal::enter()?;
    Ok(())
}
