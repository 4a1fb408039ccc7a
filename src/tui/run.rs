//! The event loop: draw when something changed, then block until input,
//! a signal, a file change, or the next moment the screen would change on
//! its own. No fixed frame rate: an idle dais wakes once a minute.

use super::editor;
pub use super::event::Event;
use super::feeds;
use super::input::{Input, translate};
use super::terminal::{self, Term};
use crate::app::{Action, App};
use crate::clock::Clock;
use crate::feed::Feed;
use crate::reload::{self, Outcome, Reloader};
use crate::store::Change;
use crate::ui::Screen;
use signal_hook::consts::{SIGINT, SIGQUIT, SIGTSTP};
use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::{self, RecvTimeoutError};

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// The terminal went away.
    TermGone,
    /// A terminating signal arrived (SIGTERM, SIGHUP, SIGINT, SIGQUIT,
    /// SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE).
    Signal(i32),
}

/// The user's state as the loop reaches it (the store, through
/// `commands/open.rs`): `update` only asks for changes; the loop makes
/// them here.
pub trait UserState {
    /// Saves one change the app asked for, and shows the app what is
    /// stored now; returns a problem to show, if it was not saved.
    fn save(&mut self, app: &mut App, change: &Change) -> Option<String>;
    /// Shows the app what other dais processes saved since the last look;
    /// whether that changed anything on screen.
    fn refresh(&mut self, app: &mut App) -> bool;
}

/// What the loop needs from outside the app: the clock and the effects
/// that `update` asks for but may not do itself.
pub struct Runtime<'a> {
    /// The clock.
    pub clock: &'a Clock,
    /// The user's state.
    pub state: Box<dyn UserState + 'a>,
    /// Starts reading the agenda again in the background, given the app
    /// and the feed for the outcomes.
    pub reloader: Option<StartReloader<'a>>,
    /// How a reminder gets attention (`notify`), and the desktop
    /// notification the terminal shows, if any.
    pub alert: (crate::alert::Mode, Option<crate::alert::Desktop>),
    /// The editor `e` runs (`$VISUAL` or `$EDITOR`), if set.
    pub editor: Option<std::ffi::OsString>,
}

/// Starts a [`Reloader`] sending its outcomes to the loop.
pub type StartReloader<'a> = Box<dyn FnOnce(&App, Feed<Outcome>) -> Reloader + 'a>;

/// Runs the interactive screen until the user quits or a signal ends it.
/// The terminal is restored before this returns, whatever happened.
pub fn run(app: &mut App, rt: &mut Runtime<'_>) -> io::Result<Exit> {
    let (tx, rx) = mpsc::channel();
    feeds::signals(tx.clone())?;
    let outcomes = Feed::new(tx.clone(), |o| Event::Reloaded(Box::new(o)));
    let reloader = rt.reloader.take().map(|start| start(app, outcomes));
    let seer = crate::seen::start(Feed::new(tx.clone(), |t| Event::Seen(Box::new(t))));
    let mut term = terminal::enter()?;
    feeds::watchdog(tx.clone());
    let pause = feeds::Pause::default();
    feeds::input(tx, pause.clone());
    let workers = Workers {
        reloader: reloader.as_ref(),
        seer: &seer,
    };
    let result = event_loop(app, rt, &workers, &mut term, &rx, &pause);
    terminal::release(&term);
    terminal::restore();
    // A version marked seen just before the end (`c` then `q`) is saved:
    // the seen worker's answers are waited for, a while.
    for ask in std::mem::take(&mut app.looks) {
        seer.ask(ask);
    }
    seer.finish(SEEN_WAIT);
    for event in rx.try_iter() {
        if let Event::Seen(told) = event {
            app.seen_told(*told);
        }
    }
    for change in std::mem::take(&mut app.changes) {
        rt.state.save(app, &change);
    }
    // A note being typed when dais is ended (a signal, the terminal gone,
    // an error) is kept for the next start.
    if let Some(draft) = app.draft_change() {
        rt.state.save(app, &draft);
    }
    result
}

/// How long dais waits at the end for the seen worker to answer (its
/// digest of a version marked seen, to save): well past the 100 ms or so
/// it takes at 100,000 sessions.
const SEEN_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// The workers the loop asks things of.
struct Workers<'w> {
    reloader: Option<&'w Reloader>,
    seer: &'w crate::seen::Worker,
}

fn event_loop(
    app: &mut App,
    rt: &mut Runtime<'_>,
    workers: &Workers<'_>,
    term: &mut Term,
    rx: &mpsc::Receiver<Event>,
    pause: &feeds::Pause,
) -> io::Result<Exit> {
    let size = term.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    app.update(Action::Tick(rt.clock.now()));
    let mut dirty = true;
    // Events that came while the editor ran, to handle first.
    let mut waiting: VecDeque<Event> = VecDeque::new();
    loop {
        if dirty {
            term.draw(|f| f.render_widget(Screen(app), f.area()))?;
            dirty = false;
            #[cfg(debug_assertions)]
            super::fault::strike()?;
        }
        // Off to the seen worker before waiting: its answers wake the loop.
        for ask in std::mem::take(&mut app.looks) {
            workers.seer.ask(ask);
        }
        let wait = rt.clock.real_wait_until(app.next_change());
        let event = waiting
            .pop_front()
            .map_or_else(|| rx.recv_timeout(wait), Ok);
        match event {
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
            Ok(Event::Reloaded(outcome)) => {
                reload::apply(app, *outcome);
                dirty = true;
            }
            Ok(Event::Seen(told)) => {
                app.seen_told(*told);
                dirty = true;
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        // Another window's changes show on this one's next wake.
        dirty |= rt.state.refresh(app);
        let now = rt.clock.now();
        if now >= app.next_change() || dirty {
            app.update(Action::Tick(now));
            dirty = true;
        }
        if let Some(session) = app.edit_notes.take() {
            let outcome = editor::edit(app, session, rt.editor.as_ref(), term, pause)?;
            app.update(Action::NotesEdited(outcome));
            // Keys typed into the editor were its own; a Ctrl-C or Ctrl-Z
            // there reached dais too, as a signal, and is not for dais.
            waiting.extend(
                rx.try_iter()
                    .filter(|e| !matches!(e, Event::Signal(SIGINT | SIGQUIT | SIGTSTP))),
            );
            dirty = true;
        }
        // Saved before the next frame shows the change as done (a saved
        // note's answer may ask for one more: its draft dropped).
        while !app.changes.is_empty() {
            for change in std::mem::take(&mut app.changes) {
                let note = matches!(change, Change::AddNote(_) | Change::ReplaceNotes { .. });
                let problem = rt.state.save(app, &change);
                if note {
                    app.update(Action::NoteSaved(problem.clone()));
                }
                if let Some(problem) = problem {
                    app.not_saved(&change, problem, now);
                }
            }
        }
        // Reminders ring once the banner saying them is up.
        for text in std::mem::take(&mut app.rings) {
            use std::io::Write as _;
            let (mode, desktop) = rt.alert;
            let out = term.backend_mut();
            out.write_all(&crate::alert::bytes(mode, desktop, "dais", &text))?;
            out.flush()?;
        }
        if app.live.reload_requested {
            app.live.reload_requested = false;
            if let Some(r) = workers.reloader {
                r.request(app);
            }
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
