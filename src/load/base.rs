//! The bottom of reading: the machinery every format shares, and nothing
//! about any one format.
//!
//! - [`file`]: reading a file or standard input within its size cap, and
//!   how a file's name and an OS error read in messages; [`stamp`]: what a
//!   file was when read;
//! - [`limits`]: the bounds on what a file can make dais do;
//! - [`text`]: bytes to text (UTF-8, byte-order mark, empty file) and
//!   line:column of an offset; [`html`]: HTML descriptions as text;
//! - [`kind`]: which sessions are breaks, panels, openings, from a type
//!   or a title;
//! - [`detect`]: what a document's content says about its format (the
//!   dispatcher in `load.rs` decides);
//! - [`problem`]: errors and warnings with their path and line:column,
//!   capped; [`unknown`]: the unknown-key problem; [`tally`]: warnings
//!   said once each, however often they occur;
//! - [`json`]: JSON syntax errors, the nesting cap, and path-aware reading
//!   with [`lax`] values (a wrong type is a problem at its path, not the
//!   end of the read);
//! - [`ctx`]: the problem list a format's reader fills while it maps its
//!   input to the agenda model, with typed, sanitized, bounded access to
//!   fields;
//! - [`people`]: the people a format names, as dais people: colliding
//!   ids split, id `0` read as no id (every importer runs it);
//! - [`zone`]: the agenda's zone from the offsets the dates carry, when a
//!   file names none;
//! - [`times`] and [`iso`]: dates, clock times, ISO 8601 stamps and
//!   durations, and the order and overlap warnings every format gets.
//!
//! Nothing here imports a format module or the dispatcher.

pub mod ctx;
pub mod detect;
pub mod file;
pub mod html;
pub mod iso;
pub mod json;
pub mod kind;
pub mod lax;
pub mod limits;
pub mod order;
pub mod people;
pub mod problem;
pub mod stamp;
pub mod tally;
pub mod text;
pub mod times;
pub mod unknown;
pub mod zone;
