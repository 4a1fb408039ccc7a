//! Which format a file is in, decided from its top-level keys: usually as
//! the file is read as `dais/1` (see [`of`]), or, when that read fails,
//! by a read that only checks the syntax (see [`detect`]).

use super::lax::Lax;
use super::problem::Problem;
use super::raw::RawAgenda;
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::fmt;

/// The formats dais reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `dais/1`, or a file that means to be (it has `format`, `event` or
    /// `sessions`, so its problems are told in dais/1 terms).
    Dais1,
    /// frab / c3voc `schedule.json` version 1: conference days, each with
    /// rooms holding events.
    ScheduleV1,
    /// c3voc `schedule2`: one flat list of events.
    Schedule2,
    /// frab / pentabarf `schedule.xml`.
    ScheduleXml,
    /// iCalendar (RFC 5545).
    Ics,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Dais1 => "dais/1",
            Format::ScheduleV1 => "schedule.json (version 1)",
            Format::Schedule2 => "schedule.json (schedule2)",
            Format::ScheduleXml => "schedule.xml",
            Format::Ics => "iCalendar",
        })
    }
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
    events: Option<IgnoredAny>,
}

/// Checks the JSON syntax and names the format; a syntax error comes back
/// with its line and column. This reads the whole document, so the loader
/// calls it only when reading the file as `dais/1` failed: it tells which
/// error the file reports first (a syntax error wherever it is, else the
/// `dais/1` reader's), and whether the file is another format.
pub fn detect(text: &str) -> Result<Format, Problem> {
    let mut de = serde_json::Deserializer::from_str(text);
    let probe = Probe::deserialize(&mut de)
        .and_then(|p| de.end().map(|()| p))
        .map_err(|e| super::syntax(&e))?;
    let dais1 = probe.format.is_some() || probe.event.is_some() || probe.sessions.is_some();
    decide(dais1, probe.schedule.as_ref(), probe.schema.as_ref())
}

/// The format of a document read as `dais/1`, from the same keys.
pub fn of(raw: &RawAgenda) -> Result<Format, Problem> {
    let dais1 = raw.format.is_some() || raw.event.is_some() || raw.sessions.is_some();
    decide(dais1, raw.schedule.as_ref(), raw.schema.as_ref())
}

fn decide(
    dais1: bool,
    schedule: Option<&Lax<ScheduleProbe>>,
    schema: Option<&Lax<String>>,
) -> Result<Format, Problem> {
    if dais1 {
        return Ok(Format::Dais1);
    }
    let Some(schedule) = schedule else {
        return Err(Problem::at(
            "",
            "not an agenda dais reads: expected a dais/1 agenda (a top-level \
             \"format\": \"dais/1\") or a frab / c3voc schedule.json (a top-level \
             \"schedule\" object)",
        ));
    };
    let says_schedule2 = schema
        .and_then(Lax::ok)
        .is_some_and(|s| s.contains("schedule2") || s.contains("schema2"));
    let flat = matches!(schedule, Lax::Ok(ScheduleProbe { events: Some(_) }));
    Ok(if flat || says_schedule2 {
        Format::Schedule2
    } else {
        Format::ScheduleV1
    })
}

#[cfg(test)]
mod tests {
    use super::{Format, detect};

    #[test]
    fn formats_are_told_apart_by_their_keys() {
        assert_eq!(detect(r#"{"format": "dais/2"}"#), Ok(Format::Dais1));
        assert_eq!(detect(r#"{"sessions": []}"#), Ok(Format::Dais1));
        let v1 = r#"{"schedule": {"conference": {"days": []}}}"#;
        assert_eq!(detect(v1), Ok(Format::ScheduleV1));
        let v2 = r#"{"schedule": {"conference": {}, "events": []}}"#;
        assert_eq!(detect(v2), Ok(Format::Schedule2));
        let hinted = r#"{"$schema": "https://c3voc.de/schema/schedule2", "schedule": 1}"#;
        assert_eq!(detect(hinted), Ok(Format::Schedule2));
    }

    #[test]
    fn anything_else_names_the_formats_read() {
        let p = detect(r#"{"title": "x"}"#).unwrap_err();
        assert!(p.message.contains("dais/1") && p.message.contains("schedule.json"));
        assert_eq!(p.position, None);
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let p = detect("{\"schedule\": {\n  \"events\": [1,}").unwrap_err();
        assert_eq!(p.position, Some((2, 16)));
        assert!(p.message.starts_with("malformed JSON"), "{}", p.message);
    }
}
