//! The binary's subcommands run as processes: exit statuses, output, files.

mod exit_codes;
mod formats;
mod ics_export;
mod now;
mod rooms;
mod schedule_json;
mod state;
mod zone;
