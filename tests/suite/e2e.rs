//! The real binary in a pseudo-terminal: keys and signals in, screen out.

mod failures;
mod grid;
mod keys;
mod mine;
mod note_input;
mod notes_view;
mod odd_terminals;
mod options;
mod reload;
mod seen;
mod signals;
mod state;
mod tty;
mod url;
