//! The loader and validator: what a file holds decides what loads and what
//! is reported, whatever the file.

mod as_printed;
mod bundled;
mod errors;
mod format_extensions;
mod fuzz_finds;
mod hostile_formats;
mod hostile_input;
mod hostile_text;
mod ics;
mod indico;
mod limits;
mod limits_reports;
mod multi_day;
mod never_panics;
mod no_zone;
mod offset_zones;
mod people_ids;
mod published_forms;
mod round_trip;
mod schedule_json_hostile;
mod schedule_xml;
mod schema;
mod special_files;
mod streamed;
mod synth;
mod two_threads;
mod warnings;
mod x_keys;
mod xml_props;
