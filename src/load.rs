//! Reading an agenda file: size cap, UTF-8, JSON, unknown keys, validation.
//!
//! Parse, don't validate: the only way to get an [`Agenda`] is through here,
//! and every problem in a file is reported at once, each at its JSON path.

use crate::agenda::Agenda;
use std::fmt;
use std::io::Read;
use std::path::Path as FsPath;

pub(crate) mod ctx;
mod dais1;
mod depth;
mod detect;
mod ics;
pub(crate) mod lax;
mod problem;
pub(crate) mod raw;
pub(crate) mod read;
mod schedule_xml;
mod stamp;
pub(crate) mod times;
mod unknown;
mod validate;

pub use detect::Format;
pub use problem::{Capped, Path, Problem, quote};
pub use raw::RawAgenda;
pub use stamp::Stamp;
pub use validate::FORMATS;

/// The bundled hearing of 23 June 2017, embedded so `dais` works anywhere.
pub const BUNDLED: &str = include_str!("../data/hearing-2017-06-23.json");
/// The name the bundled agenda goes by in messages.
pub const BUNDLED_NAME: &str = "hearing-2017-06-23.json (bundled)";

/// Bounds on what a file can make dais do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read, in bytes.
    pub max_bytes: u64,
    /// The longest string, in bytes.
    pub max_string: usize,
    /// The most sessions, people or key messages.
    pub max_items: usize,
    /// The most participants in one session.
    pub max_participants: usize,
    /// The most notes or key message ids in one session, or sources in the
    /// event.
    pub max_entries: usize,
    /// The most paragraphs in the event's summary or in one key message.
    pub max_paragraphs: usize,
    /// The most errors, and separately warnings, listed for one file; the
    /// rest are counted in one last problem.
    pub max_problems: usize,
    /// The deepest nesting of JSON arrays and objects.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // Admits a 100,000-session agenda (about 45 MB) with room.
            max_bytes: 64 * 1024 * 1024,
            max_string: 64 * 1024,
            max_items: 1_000_000,
            max_participants: 10_000,
            max_entries: 1_000,
            max_paragraphs: 10_000,
            max_problems: 1_000,
            max_depth: 64,
        }
    }
}

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
pub fn load_file(path: &FsPath, limits: &Limits) -> Result<Loaded, LoadError> {
    let name = file_name(path);
    let fail = |message: String| LoadError::whole_file(name.clone(), message);
    let file =
        std::fs::File::open(path).map_err(|e| fail(format!("cannot open: {}", io_reason(&e))))?;
    let meta = file
        .metadata()
        .map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(fail("is a directory, not an agenda file".into()));
    }
    if meta.len() > limits.max_bytes {
        return Err(fail(too_big(meta.len(), limits).message));
    }
    // Taken before reading: a write during the read changes the file's
    // stamp from this one, so it is not missed.
    let stamp = Stamp::of(&meta);
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The cap also holds for files that grow while read, or lie about size:
    // `read` checks the length again.
    file.take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    let parsed = read(&name, &bytes, limits);
    // The text is not needed once parsed; freeing it before validation
    // lowers the peak by the file's size.
    drop(bytes);
    finish(&name, parsed?, limits).map(|loaded| Loaded {
        stamp: Some(stamp),
        ..loaded
    })
}

/// The problem for a file of `size` bytes, over the limit.
fn too_big(size: u64, limits: &Limits) -> Problem {
    Problem::at(
        "",
        format!(
            "the file is {size} bytes, more than the limit of {} bytes (raise it with --max-size)",
            limits.max_bytes
        ),
    )
}

/// A file's name as messages show it: as given, unless it holds something
/// a terminal would act on (`dais validate *.json` in a hostile directory),
/// then quoted with those characters escaped.
pub fn file_name(path: &FsPath) -> String {
    let name = path.display().to_string();
    if name.chars().any(crate::sanitize::is_unsafe) {
        quote(&name)
    } else {
        name
    }
}

/// What went wrong reading a file, as the OS says it, without its number
/// ("(os error 2)").
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// Validates an agenda held in memory, in any format dais reads (see
/// [`Format`]); `name` is used in messages.
///
/// Every format shares the front steps: the size limit, UTF-8, a
/// byte-order mark, an empty file, the nesting limit, a top-level array,
/// and JSON syntax, which is checked before the format is decided. Their
/// problems come first, in that order, though a file is read as `dais/1`
/// before the nesting is known (see `load/depth.rs`).
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
    Schedule(Box<crate::import::RawDoc>, Format),
    /// A schedule.xml document.
    Xml(schedule_xml::Parsed),
    /// An iCalendar file, parsed.
    Ics(ics::Comp),
}

/// The front steps: size, text, nesting, format and syntax; the parsed
/// document, or the one problem that stopped reading it.
fn read<'l>(name: &str, bytes: &[u8], limits: &'l Limits) -> Result<Parsed<'l>, LoadError> {
    let fail = |problem: Problem| LoadError {
        file: name.to_owned(),
        problems: vec![problem],
    };
    if bytes.len() as u64 > limits.max_bytes {
        return Err(fail(too_big(bytes.len() as u64, limits)));
    }
    let text = text_of(bytes).map_err(fail)?;
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
        Ok(doc) if !doc.notes.unreadable => {
            let format = detect::of(&doc.raw).map_err(fail)?;
            (Ok(doc), format)
        }
        read => (read, detect::detect(text).map_err(fail)?),
    };
    match (format, read) {
        (Format::Dais1, Ok(doc)) => dais1::settle(doc, text, limits).map(Parsed::Dais1),
        (Format::Dais1, Err(problem)) => Err(problem),
        (other, read) => {
            drop(read);
            crate::import::parse(text).map(|doc| Parsed::Schedule(Box::new(doc), other))
        }
    }
    .map_err(fail)
}

/// Validates a parsed document into the agenda, or every problem found
/// (at most `limits.max_problems` errors, and as many warnings, listed).
fn finish(name: &str, parsed: Parsed<'_>, limits: &Limits) -> Result<Loaded, LoadError> {
    let (outcome, format) = match parsed {
        Parsed::Dais1(ready) => (dais1::validate(ready, limits), Format::Dais1),
        Parsed::Schedule(doc, format) => (crate::import::read(&doc, format, limits), format),
        Parsed::Xml(parsed) => (schedule_xml::read(&parsed, limits), Format::ScheduleXml),
        Parsed::Ics(cal) => (ics::read(&cal, limits), Format::Ics),
    };
    match outcome.agenda {
        Some(agenda) if outcome.errors.is_empty() => Ok(Loaded {
            agenda,
            warnings: outcome.warnings.into_vec("warnings"),
            format,
            stamp: None,
        }),
        _ => Err(LoadError {
            file: name.to_owned(),
            problems: outcome.errors.into_vec("errors"),
        }),
    }
}

/// The bytes as text: UTF-8, without a byte-order mark, not empty.
fn text_of(bytes: &[u8]) -> Result<&str, Problem> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let mut p = Problem::at("", format!("not UTF-8 text (invalid byte at offset {at})"));
        p.position = Some(line_col(&bytes[..at]));
        p
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Problem::at(
            "",
            "the file is empty; an agenda is a JSON object",
        ));
    }
    Ok(text)
}

/// An error if `text` nests arrays and objects deeper than `max`, at the
/// bracket that goes too deep.
fn too_deep(text: &str, max: usize) -> Result<(), Problem> {
    let Some(at) = depth::too_deep(text, max) else {
        return Ok(());
    };
    let mut p = Problem::at(
        "",
        format!("JSON nested deeper than {max} levels; an agenda needs far fewer"),
    );
    p.position = Some(line_col(&text.as_bytes()[..at]));
    Err(p)
}

/// An error if the document is an array: serde would read a top-level
/// array as an object's fields in order.
fn not_an_array(text: &str) -> Result<(), Problem> {
    let body = text.trim_start_matches([' ', '\t', '\n', '\r']);
    if !body.starts_with('[') {
        return Ok(());
    }
    let mut p = Problem::at(
        "",
        "expected an agenda object at the top level, found an array",
    );
    p.position = Some(line_col(&text.as_bytes()[..text.len() - body.len()]));
    Err(p)
}

/// Parses JSON into the raw form, returning unknown keys as problems (at
/// most `limits.max_problems` of them listed, the rest counted).
pub fn parse(text: &str, limits: &Limits) -> Result<(RawAgenda, Capped), Problem> {
    not_an_array(text)?;
    dais1::read(text, limits, false).map(|doc| (doc.raw, doc.notes.unknown))
}

/// A `serde_json` error as a problem at its line and column.
pub(crate) fn syntax(e: &serde_json::Error) -> Problem {
    let msg = e.to_string();
    // serde_json appends " at line L column C"; we give those separately.
    let msg = msg.find(" at line ").map_or(msg.as_str(), |i| &msg[..i]);
    let duplicate = msg
        .strip_prefix("duplicate field `")
        .and_then(|k| k.strip_suffix('`'));
    let (path, message) = if let Some(key) = duplicate {
        (
            Path::Root.key(key).to_string(),
            "this key appears more than once in the object; give it once".to_owned(),
        )
    } else if e.is_eof() {
        (
            String::new(),
            format!("malformed JSON: the file ends early ({msg})"),
        )
    } else if msg.starts_with("invalid type") {
        (
            String::new(),
            "expected an agenda object at the top level".to_owned(),
        )
    } else {
        (String::new(), format!("malformed JSON: {msg}"))
    };
    let mut p = Problem::at(
        path,
        crate::sanitize::clean(&message, crate::sanitize::Lines::Single),
    );
    // serde_json counts the end of input after a newline as column 0.
    p.position = Some((e.line(), e.column().max(1)));
    p
}

/// 1-based line and column of the end of `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.split(|&b| b == b'\n').count();
    let col = prefix.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, col)
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
}
