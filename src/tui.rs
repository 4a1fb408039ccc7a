//! The interactive screen's runtime: the terminal, its events, and the
//! loop that turns them into actions. All of dais's terminal I/O is here.

pub mod editor;
pub mod event;
#[cfg(debug_assertions)]
pub mod fault;
mod feeds;
pub mod input;
pub mod run;
pub mod terminal;

pub use run::{Exit, Runtime, UserState, run};
