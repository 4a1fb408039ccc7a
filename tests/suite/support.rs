//! Helpers shared by the test modules.

pub mod harness;
#[cfg(unix)]
pub mod pty;
pub mod screen;
pub mod server;
