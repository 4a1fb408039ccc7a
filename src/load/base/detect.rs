//! What a document's content says about its format, read from its top
//! level: the marks each format is known by. The dispatcher (`load.rs`,
//! `load/format.rs`) turns them into a format; a new format adds its marks
//! here only if they cannot be seen from what is already noted.
//!
//! For JSON the marks are usually noted as the file is read as `dais/1`
//! (see `dais1::marks`); when that read fails, [`json_marks`] reads them
//! with a pass that only checks the syntax.

use super::json::syntax;
use super::lax::Lax;
use super::problem::Problem;
use serde::Deserialize;
use serde::de::IgnoredAny;

/// What the top level of a JSON document says about its format.
#[derive(Debug, Default)]
pub struct JsonMarks {
    /// It has `format`, `event` or `sessions`: it means to be `dais/1`.
    pub dais1: bool,
    /// Its `schedule`, as a schedule.json's would be read to tell its
    /// version; `None` when absent.
    pub schedule: Option<Lax<ScheduleProbe>>,
    /// Its `$schema`, which may name a schedule.json version.
    pub schema: Option<Lax<String>>,
}

/// The top-level keys that tell the formats apart. Reading it checks the
/// whole document's syntax, since every other value is skipped as
/// `IgnoredAny`, which still parses it.
#[derive(Deserialize)]
struct Probe {
    format: Option<IgnoredAny>,
    event: Option<IgnoredAny>,
    sessions: Option<IgnoredAny>,
    schedule: Option<Lax<ScheduleProbe>>,
    #[serde(rename = "$schema")]
    schema: Option<Lax<String>>,
}

/// What a schedule.json's `schedule` says about its version.
#[derive(Debug, Deserialize)]
pub struct ScheduleProbe {
    /// schedule2's flat list of events.
    pub events: Option<IgnoredAny>,
}

/// Checks the JSON syntax and reads the marks; a syntax error comes back
/// with its line and column. This reads the whole document, so the loader
/// calls it only when reading the file as `dais/1` failed: it tells which
/// error the file reports first (a syntax error wherever it is, else the
/// `dais/1` reader's), and whether the file is another format.
pub fn json_marks(text: &str) -> Result<JsonMarks, Problem> {
    let mut de = serde_json::Deserializer::from_str(text);
    let probe = Probe::deserialize(&mut de)
        .and_then(|p| de.end().map(|()| p))
        .map_err(|e| syntax(&e))?;
    Ok(JsonMarks {
        dais1: probe.format.is_some() || probe.event.is_some() || probe.sessions.is_some(),
        schedule: probe.schedule,
        schema: probe.schema,
    })
}
