//! The subcommands that print and exit, each in its own file.

pub mod list;
pub mod now;
pub mod open;
pub mod validate;
