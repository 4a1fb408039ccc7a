//! The binary's subcommands run as processes: exit statuses, output, files.

mod config;
mod exit_codes;
mod formats;
mod ics_export;
mod now;
mod rooms;
mod schedule_json;
mod shell;
mod stars;
mod state;
mod zone;
