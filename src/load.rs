//! Reading an agenda, in any format dais reads: the one dispatcher that
//! everything else calls ([`load_file`], [`load_bytes`], and
//! `crate::source::Source::load` above them).
//!
//! Parse, don't validate: the only way to get an [`Agenda`] is through here,
//! and every problem in a file is reported at once, each at its path in the
//! file (a JSON path, or line:column).
//!
//! # Layers
//!
//! - `base/` at the bottom: what every format shares (reading a file within
//!   its cap, text and line:column, detection marks, problems, the reader
//!   context, lax JSON values, times). It imports nothing above it.
//! - one module per format above it, each turning its input into the one
//!   [`Agenda`] model using only `base/`: [`dais1`] (the native format),
//!   [`schedule_json`] (frab / c3voc schedule.json, version 1 and
//!   schedule2), `schedule_xml` (which puts schedule.xml in schedule.json's
//!   shape and has `schedule_json` map it: the one exception, so the two
//!   map alike), `ics` (iCalendar) and `indico` (Indico's JSON exports,
//!   recognised when no other JSON format claims the document). A format module never imports this
//!   file (the `Limits` it is given come from `base::limits`).
//! - this file and `format.rs` on top: the [`Format`] enum, detection, and
//!   the front steps every file goes through.
//!
//! # Adding a format
//!
//! 1. Write `load/NAME.rs` (+ `load/NAME/`), importing only `crate::agenda`,
//!    `crate::sanitize`, `crate::slug` and `super::base::*`. Its entry point
//!    is `pub(super) fn read(text: &str, limits: &Limits) -> Outcome`
//!    (or a parse step and a read step, as `schedule_json` has, if the
//!    parsed form should outlive the text): fill a [`base::ctx::Ctx`] with
//!    problems at paths in the format's own terms, build the [`Agenda`],
//!    and finish with `cx.outcome(Some(agenda))`. Run the shared passes
//!    every importer runs (`base::times::overlaps`, and the others named in
//!    `base.rs`).
//! 2. Add its variant to [`Format`] (`format.rs`), with its name in
//!    `Display`, and how it is recognised: JSON formats by their top-level
//!    keys in [`format::of_json`] (add a mark to `base::detect::JsonMarks`
//!    if the keys already noted do not tell it); a format that is not JSON
//!    (XML, iCalendar) by its first bytes, tested in `base::detect` and
//!    branched on in `read` before the JSON front steps.
//! 3. Add its arm to [`Parsed`] and to the two `match`es below (`read`
//!    and `finish`).
//!
//! Nothing else changes: `Source`, the commands, reload and the screen see
//! only [`Loaded`].

use crate::agenda::Agenda;
use std::fmt;
use std::path::Path as FsPath;

pub mod base;
mod dais1;
pub mod format;
mod ics;
mod indico;
pub mod schedule_json;
mod schedule_xml;

pub use base::file::{file_name, io_reason};
pub(crate) use base::lax;
pub use base::limits::{Fallback, FormatIn, Limits};
pub use base::problem::{Capped, Path, Problem, echoed, quote};
pub use base::stamp::Stamp;
pub use dais1::FORMATS;
pub(crate) use dais1::raw;
pub use dais1::raw::RawAgenda;
pub use format::Format;

use base::json::{not_an_array, too_deep};
use base::text::text_of;

/// The bundled hearing of 23 June 2017, embedded so `dais` works anywhere.
pub const BUNDLED: &str = include_str!("../data/hearing-2017-06-23.json");
/// The name the bundled agenda goes by in messages.
pub const BUNDLED_NAME: &str = "hearing-2017-06-23.json (bundled)";

/// A loaded agenda and what was worth a warning.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The validated agenda.
    pub agenda: Agenda,
    /// Problems that did not stop it loading.
    pub warnings: Vec<Problem>,
    /// The format it was read from.
    pub format: Format,
    /// What the file was when read; `None` for text given in memory.
    pub stamp: Option<Stamp>,
    /// How the agenda's zone was chosen, when the file did not name one
    /// (also among `warnings`): `list`, `now`, `export` and the screen say
    /// it, so no file is shown in a zone it did not ask for silently.
    pub zone: Option<Problem>,
}

/// Why a file did not load: every problem found, and the file's name.
#[derive(Debug, Clone)]
pub struct LoadError {
    /// The file as named on the command line.
    pub file: String,
    /// What is wrong, in document order where that is known.
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}", p.display_in(&self.file))?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// One problem with the file as a whole (it cannot be read, say), at
    /// no JSON path.
    pub fn whole_file(file: String, message: String) -> Self {
        LoadError {
            file,
            problems: vec![Problem::at("", message)],
        }
    }
}

/// Reads and validates the agenda at `path`.
///
/// A `dais/1` file is first read a piece at a time ([`streamed`]); a file
/// that does not load that way (another format, one laid out otherwise,
/// any problem) is read again whole, and everything said of it is said
/// from that reading.
pub fn load_file(path: &FsPath, limits: &Limits) -> Result<Loaded, LoadError> {
    if matches!(limits.format_in, None | Some(FormatIn::Dais1))
        && let Some(loaded) = streamed(path, limits)
    {
        return Ok(loaded);
    }
    let name = file_name(path);
    let (bytes, stamp) = base::file::read_file(path, limits.max_bytes)
        .map_err(|message| LoadError::whole_file(name.clone(), message))?;
    let parsed = read(&name, &bytes, limits);
    // The text is not needed once parsed; freeing it before validation
    // lowers the peak by the file's size.
    drop(bytes);
    finish(&name, parsed?, limits).map(|loaded| Loaded {
        stamp: Some(stamp),
        ..loaded
    })
}

/// The `dais/1` file at `path` read a piece at a time and validated as
/// read, so its text is never whole in memory beside its agenda: the
/// agenda, if the file is `dais/1` laid out as dais writes it and loads
/// without an error; `None` if it must be read the ordinary way.
fn streamed(path: &FsPath, limits: &Limits) -> Option<Loaded> {
    let (file, len, stamp) = base::file::open_file(path, limits.max_bytes)?;
    let mut opened = dais1::stream::open(file, len, limits).ok()?;
    if limits.format_in.is_none()
        && format::of_json(&dais1::marks(&mut opened.doc.raw)).ok()? != Format::Dais1
    {
        return None;
    }
    let ready = opened.sessions(limits).ok()?;
    let loaded = loaded(dais1::validate(ready, limits), Format::Dais1).ok()?;
    Some(Loaded {
        stamp: Some(stamp),
        ..loaded
    })
}

/// Reads standard input to its end (no further than the size limit) and
/// loads what it held, named `name` in messages.
pub fn load_stdin(name: &str, limits: &Limits) -> Result<Loaded, LoadError> {
    let bytes = base::file::read_stdin(limits.max_bytes)
        .map_err(|message| LoadError::whole_file(name.to_owned(), message))?;
    load_bytes(name, &bytes, limits)
}

/// Validates an agenda held in memory, in any format dais reads (see
/// [`Format`]); `name` is used in messages.
///
/// Every format shares the front steps: the size limit, UTF-8, a
/// byte-order mark, an empty file, the nesting limit, a top-level array,
/// and JSON syntax, which is checked before the format is decided. Their
/// problems come first, in that order, though a file is read as `dais/1`
/// before the nesting is known (see `base/json/depth.rs`).
pub fn load_bytes(name: &str, bytes: &[u8], limits: &Limits) -> Result<Loaded, LoadError> {
    let parsed = read(name, bytes, limits)?;
    finish(name, parsed, limits)
}

/// A document parsed but not yet validated: all that is kept of the file
/// once its text is freed.
enum Parsed<'l> {
    /// A `dais/1` document read to its end (its sessions perhaps validated
    /// already), and the unknown keys found in it.
    Dais1(dais1::Ready<'l>),
    /// A schedule.json document, in the format given.
    Schedule(Box<schedule_json::RawDoc>, Format),
    /// A schedule.xml document.
    Xml(schedule_xml::Parsed),
    /// An iCalendar file, parsed.
    Ics(ics::Comp),
    /// An Indico export, parsed.
    Indico(Box<serde_json::Value>),
}

/// The front steps: size, text, nesting, format and syntax; the parsed
/// document, or the one problem that stopped reading it.
fn read<'l>(name: &str, bytes: &[u8], limits: &'l Limits) -> Result<Parsed<'l>, LoadError> {
    let fail = |problem: Problem| LoadError {
        file: name.to_owned(),
        problems: vec![problem],
    };
    if bytes.len() as u64 > limits.max_bytes {
        return Err(fail(Problem::at(
            "",
            base::file::too_big(bytes.len() as u64, limits.max_bytes),
        )));
    }
    let text = text_of(bytes).map_err(fail)?;
    if let Some(forced) = limits.format_in {
        return read_as(forced, text, limits).map_err(fail);
    }
    if ics::sniff(text) {
        return ics::parse(text).map(Parsed::Ics).map_err(fail);
    }
    if schedule_xml::sniff(text) {
        return schedule_xml::parse(text).map(Parsed::Xml).map_err(fail);
    }
    let read = dais1::read(text, limits, true);
    // The nesting limit is checked first, before any other problem; a
    // dais/1 read that went well has checked it already.
    if !matches!(&read, Ok(doc) if doc.notes.nesting_checked(limits.max_depth)) {
        too_deep(text, limits.max_depth).map_err(fail)?;
    }
    not_an_array(text).map_err(fail)?;
    // Decide the format from the keys read. If the read failed, or a value
    // in it could not be read, which error comes first is decided as if
    // the syntax had been checked on its own: a syntax error anywhere
    // wins, and another format's file is not dais/1.
    let (read, format) = match read {
        Ok(mut doc) if !doc.notes.unreadable => {
            let format = match format::of_json(&dais1::marks(&mut doc.raw)) {
                Ok(format) => format,
                Err(problem) => return other_json(text, problem).map_err(fail),
            };
            (Ok(doc), format)
        }
        read => match format::detect(text) {
            Ok(format) => (read, format),
            Err(problem) => return other_json(text, problem).map_err(fail),
        },
    };
    match (format, read) {
        (Format::Dais1, Ok(doc)) => dais1::settle(doc, text, limits).map(Parsed::Dais1),
        (Format::Dais1, Err(problem)) => Err(problem),
        (other, read) => {
            drop(read);
            schedule_json::parse(text).map(|doc| Parsed::Schedule(Box::new(doc), other))
        }
    }
    .map_err(fail)
}

/// The front steps for a file read as the format the user named.
fn read_as<'l>(forced: FormatIn, text: &str, limits: &'l Limits) -> Result<Parsed<'l>, Problem> {
    let json = |text: &str| {
        too_deep(text, limits.max_depth)?;
        not_an_array(text)
    };
    match forced {
        FormatIn::Ics => ics::parse(text).map(Parsed::Ics),
        FormatIn::ScheduleXml => schedule_xml::parse(text).map(Parsed::Xml),
        FormatIn::Dais1 => {
            json(text)?;
            dais1::settle(dais1::read(text, limits, true)?, text, limits).map(Parsed::Dais1)
        }
        FormatIn::ScheduleJson => {
            json(text)?;
            let format = match format::detect(text)? {
                Format::Schedule2 => Format::Schedule2,
                _ => Format::ScheduleV1,
            };
            schedule_json::parse(text).map(|doc| Parsed::Schedule(Box::new(doc), format))
        }
        FormatIn::Indico => {
            json(text)?;
            match indico::probe(text) {
                Some(doc) => Ok(Parsed::Indico(Box::new(doc))),
                None => Err(format::detect(text).err().unwrap_or_else(|| {
                    Problem::at(
                        "results",
                        "missing; an Indico export has a top-level \"results\" array or object",
                    )
                })),
            }
        }
    }
}

/// A JSON document neither dais/1 nor schedule.json: an Indico export, or
/// `problem` (why it is neither).
fn other_json<'l>(text: &str, problem: Problem) -> Result<Parsed<'l>, Problem> {
    if problem.position.is_some() {
        // A syntax error: no format reads it.
        return Err(problem);
    }
    match indico::probe(text) {
        Some(doc) => Ok(Parsed::Indico(Box::new(doc))),
        None => Err(problem),
    }
}

/// Validates a parsed document into the agenda, or every problem found
/// (at most `limits.max_problems` errors, and as many warnings, listed).
fn finish(name: &str, parsed: Parsed<'_>, limits: &Limits) -> Result<Loaded, LoadError> {
    let (outcome, format) = match parsed {
        Parsed::Dais1(ready) => (dais1::validate(ready, limits), Format::Dais1),
        Parsed::Schedule(doc, format) => {
            let version = match format {
                Format::Schedule2 => schedule_json::Version::Schedule2,
                _ => schedule_json::Version::V1,
            };
            (schedule_json::read(&doc, version, limits), format)
        }
        Parsed::Xml(parsed) => (schedule_xml::read(&parsed, limits), Format::ScheduleXml),
        Parsed::Ics(cal) => (ics::read(&cal, limits), Format::Ics),
        Parsed::Indico(doc) => (indico::read(&doc, limits), Format::Indico),
    };
    loaded(outcome, format).map_err(|errors| LoadError {
        file: name.to_owned(),
        problems: errors.into_vec("errors"),
    })
}

/// The agenda an outcome gives, or its errors.
fn loaded(outcome: base::ctx::Outcome, format: Format) -> Result<Loaded, Capped> {
    match outcome.agenda {
        Some(agenda) if outcome.errors.is_empty() => Ok(Loaded {
            agenda,
            warnings: outcome.warnings.into_vec("warnings"),
            format,
            stamp: None,
            zone: outcome.zone,
        }),
        _ => Err(outcome.errors),
    }
}

/// Parses JSON into the raw form, returning unknown keys as problems (at
/// most `limits.max_problems` of them listed, the rest counted).
pub fn parse(text: &str, limits: &Limits) -> Result<(RawAgenda, Capped), Problem> {
    not_an_array(text)?;
    dais1::read(text, limits, false).map(|doc| (doc.raw, doc.notes.unknown))
}

#[cfg(test)]
mod tests {
    use super::{Format, Limits, Problem, load_bytes};

    fn problems(text: &str) -> Vec<Problem> {
        let e = load_bytes("t.json", text.as_bytes(), &Limits::default()).unwrap_err();
        e.problems
    }

    #[test]
    fn a_syntax_error_inside_a_lax_value_is_still_the_error() {
        // The lenient reader skips past the bad escape; the error must not
        // become a type problem of `summary`.
        let p = problems("{\"event\": {\"summary\": [\"a\", \"\\q\"]}, \"zz\": 1}");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].path, "");
        assert_eq!(p[0].position, Some((1, 31)));
        assert!(
            p[0].message.starts_with("malformed JSON: invalid escape"),
            "{p:?}"
        );
    }

    #[test]
    fn schedule_json_is_told_from_the_dais1_read() {
        let text = r#"{"schedule": {"conference": {"title": "T", "days": []}, "events": []}}"#;
        let e = load_bytes("s.json", text.as_bytes(), &Limits::default()).unwrap_err();
        // An importer's problem, not "unknown key" from the dais/1 reader.
        assert!(
            e.problems
                .iter()
                .all(|p| !p.message.contains("unknown key"))
        );
        let loaded = load_bytes(
            "x.json",
            crate::load::BUNDLED.as_bytes(),
            &Limits::default(),
        );
        assert_eq!(loaded.unwrap().format, Format::Dais1);
    }

    #[test]
    fn schedule_keys_in_a_dais1_file_are_unknown() {
        let p = problems(r#"{"format": "dais/1", "$schema": "x", "schedule": {}}"#);
        let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
        assert!(paths.contains(&"[\"$schema\"]"), "{paths:?}");
        assert!(paths.contains(&"schedule"), "{paths:?}");
    }

    #[test]
    fn a_value_nested_too_deep_is_the_first_problem() {
        let nested = format!("{}{}", "[".repeat(64), "]".repeat(64));
        let text = format!(
            r#"{{"format": "dais/1", "x-a": {nested},
            "event": {{"title": "T", "date": "2030-01-02", "timezone": "UTC"}},
            "sessions": [{{"id": "s", "title": "S", "kind": "opening", "start": "09:00"}}]}}"#
        );
        let p = problems(&text);
        assert!(p[0].message.contains("deeper than 64"), "{p:?}");
    }
}
