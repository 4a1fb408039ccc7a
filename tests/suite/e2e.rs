//! The real binary in a pseudo-terminal: keys and signals in, screen out.

mod keys;
mod reload;
mod signals;
mod state;
mod tty;
