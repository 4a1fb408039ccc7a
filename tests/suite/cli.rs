//! The binary's subcommands run as processes: exit statuses, output, files.

mod config;
mod exit_codes;
mod extremes;
mod formats;
mod grid;
mod ics_export;
mod ics_round_trip;
mod new_formats;
mod notes;
mod now;
mod permissions;
mod published_agree;
mod rooms;
mod schedule_json;
mod shell;
mod stars;
mod state;
mod zone;
