//! `App::update` for every kind of input: no terminal, no I/O.

mod extremes;
mod live;
mod mine;
mod mouse;
mod navigation;
mod note_input;
mod search;
