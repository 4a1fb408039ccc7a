//! What the event loop wakes for: one type, which each of its feeds maps
//! its own messages into.

use crate::reload::Outcome;
use crate::seen::Told;
use ratatui::crossterm::event;

/// Something the loop wakes for.
#[derive(Debug)]
pub enum Event {
    /// A terminal event.
    Term(event::Event),
    /// The terminal cannot be read any more.
    TermGone(String),
    /// A signal arrived.
    Signal(i32),
    /// The agenda was read (or fetched) again, off the loop's thread.
    Reloaded(Box<Outcome>),
    /// The seen worker told the changes since the version last seen, or a
    /// digest to save.
    Seen(Box<Told>),
}
