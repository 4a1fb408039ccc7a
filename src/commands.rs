//! The subcommands that print and exit, each in its own file.

pub mod config;
pub mod convert;
pub mod diff;
pub mod export;
pub mod list;
pub mod mark;
pub mod notes;
pub mod now;
pub mod open;
pub mod shell;
pub mod state;
pub mod validate;
