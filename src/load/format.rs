//! The formats dais reads, and which one a document is in, decided from
//! its content (see `base/detect.rs` for the marks).

use super::base::detect::{JsonMarks, ScheduleProbe, json_marks};
use super::base::lax::Lax;
use super::base::problem::Problem;
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
    /// An Indico JSON export (event or timetable).
    Indico,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Dais1 => "dais/1",
            Format::ScheduleV1 => "schedule.json (version 1)",
            Format::Schedule2 => "schedule.json (schedule2)",
            Format::ScheduleXml => "schedule.xml",
            Format::Ics => "iCalendar",
            Format::Indico => "Indico export",
        })
    }
}

/// Checks the JSON syntax and names the format; a syntax error comes back
/// with its line and column (see [`json_marks`]).
pub fn detect(text: &str) -> Result<Format, Problem> {
    json_marks(text).and_then(|marks| of_json(&marks))
}

/// The format of a JSON document with these marks.
pub fn of_json(marks: &JsonMarks) -> Result<Format, Problem> {
    if marks.dais1 {
        return Ok(Format::Dais1);
    }
    let Some(schedule) = &marks.schedule else {
        return Err(Problem::at(
            "",
            "not an agenda dais reads: expected a dais/1 agenda (a top-level \
             \"format\": \"dais/1\"), a frab / c3voc schedule.json (a top-level \
             \"schedule\" object) or an Indico export (a top-level \"results\"); \
             schedule.xml and iCalendar files are told by their first line",
        ));
    };
    let says_schedule2 = marks
        .schema
        .as_ref()
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
