//! Widgets and whole screens drawn into a buffer, text and styles read back.

mod big_text;
mod conference;
mod invisible;
mod lines;
mod live_status;
mod note_input;
mod notes;
mod panes;
mod parallel_parts;
mod props;
mod published;
mod screens;
mod sizes;
mod views;
