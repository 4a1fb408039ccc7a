//! dais: a terminal agenda viewer.
//!
//! The library holds everything but process start-up, so tests and
//! benchmarks reach the same code the binary runs.

pub mod agenda;
pub mod cli;
pub mod commands;
pub mod export;
pub mod import;
pub mod load;
pub mod sanitize;
pub mod slug;
pub mod source;
pub mod write;
