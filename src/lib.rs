//! dais: a terminal agenda viewer.
//!
//! The library holds everything but process start-up, so tests and
//! benchmarks reach the same code the binary runs.

pub mod agenda;
pub mod alert;
pub mod app;
pub mod cli;
pub mod clock;
pub mod command;
pub mod commands;
pub mod config;
pub mod export;
pub mod feed;
pub mod fetch;
pub mod grid;
pub mod keymap;
pub mod load;
pub mod notes;
pub mod output;
pub mod programme;
pub mod reload;
pub mod remind;
pub mod sanitize;
pub mod seen;
pub mod slug;
pub mod source;
pub mod store;
pub mod synth;
#[cfg(test)]
mod testing;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod views;
pub mod write;
pub mod zone;
