//! dais's integration tests, in one test binary: each test file used to be
//! its own crate, linked against dais and every dependency again, and forty
//! of those filled a CI machine's disk. Modules group the tests by what they
//! drive:
//!
//! - `load`: the loader and validator on files (good, broken, hostile, huge)
//! - `render`: widgets and whole screens drawn into a buffer, snapshots
//! - `update`: `App::update` for every kind of input
//! - `cli`: the binary's subcommands as processes
//! - `e2e`: the real binary in a pseudo-terminal
//! - `fetch`: programmes at a URL, from a server the test starts
//!
//! `support` holds the helpers they share.

mod cli;
mod e2e;
mod fetch;
mod load;
mod render;
mod support;
mod update;
