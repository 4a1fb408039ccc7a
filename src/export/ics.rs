//! The agenda as an iCalendar (RFC 5545) calendar: one VEVENT per session.
//!
//! Times are written as wall-clock times in the agenda's zone, with a
//! VTIMEZONE derived from chrono-tz for the years the sessions fall in
//! (calendar programs place such times right across daylight-saving
//! changes, and show the zone the meeting is in). A zone that is UTC all
//! through those years is written as UTC times instead. The output depends
//! only on the agenda: UIDs come from the session ids, and DTSTAMP is the
//! agenda's first day, never the time of export.

mod text;
mod zone;

use crate::agenda::{Agenda, Resolved, Session, resolve_naive};
use crate::commands::list::{by_role, participant_line};
use crate::slug::slugify;
use chrono::{DateTime, NaiveDateTime, Utc};
use std::fmt::Write;
pub use text::{escape, fold_into};

/// The calendar for `sessions` (of `agenda`), as CRLF-terminated text.
pub fn calendar(agenda: &Agenda, sessions: &[&Session]) -> String {
    calendar_with_alarms(agenda, sessions, None)
}

/// [`calendar`] with, when `alarm` gives minutes, an alarm that many
/// minutes before each session (`export ics --starred`: my programme).
pub fn calendar_with_alarms(agenda: &Agenda, sessions: &[&Session], alarm: Option<u32>) -> String {
    let tz = agenda.event.timezone;
    let years = sessions
        .iter()
        .flat_map(|s| [s.span.local_start, s.span.local_end])
        .map(|t| chrono::Datelike::year(&t));
    let (first, last) = years.fold((i32::MAX, i32::MIN), |(a, b), y| (a.min(y), b.max(y)));
    let observances = if sessions.is_empty() {
        Vec::new()
    } else {
        zone::observances(tz, first, last)
    };
    let utc = observances.len() <= 1 && observances.iter().all(|o| o.to.local_minus_utc() == 0);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:-//dais//dais {}//EN", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", escape(&agenda.event.title)),
        format!("X-WR-TIMEZONE:{}", tz.name()),
    ];
    if !utc {
        lines.extend(zone::vtimezone(tz, &observances));
    }
    for s in sessions {
        event(agenda, s, utc, &mut lines);
        if let Some(minutes) = alarm.filter(|m| *m > 0) {
            // Before END:VEVENT: an alarm is part of its event.
            let end = lines.pop();
            lines.extend([
                "BEGIN:VALARM".to_owned(),
                "ACTION:DISPLAY".to_owned(),
                format!("DESCRIPTION:{}", escape(&s.title)),
                format!("TRIGGER:-PT{minutes}M"),
                "END:VALARM".to_owned(),
            ]);
            lines.extend(end);
        }
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in &lines {
        fold_into(&mut out, line);
    }
    out
}

/// A session's stable UID: `<session id>@<event title slug>-<date>.dais`.
pub fn uid(agenda: &Agenda, s: &Session) -> String {
    format!(
        "{}@{}-{}.dais",
        s.id,
        slugify(&agenda.event.title),
        agenda.event.date.format("%Y-%m-%d")
    )
}

fn event(agenda: &Agenda, s: &Session, utc: bool, lines: &mut Vec<String>) {
    let tz = agenda.event.timezone;
    let when = |name: &str, local: NaiveDateTime, instant: DateTime<Utc>| {
        // A local time names its instant only if it is the earlier of two
        // (RFC 5545 reads a repeated hour so); otherwise say it in UTC.
        if !utc && resolve_naive(tz, local) == Resolved::At(instant) {
            format!(
                "{name};TZID={}:{}",
                tz.name(),
                local.format("%Y%m%dT%H%M%S")
            )
        } else {
            format!("{name}:{}", instant.format("%Y%m%dT%H%M%SZ"))
        }
    };
    lines.push("BEGIN:VEVENT".to_owned());
    lines.push(format!("UID:{}", escape(&uid(agenda, s))));
    lines.push(format!(
        "DTSTAMP:{}",
        agenda.event.date.format("%Y%m%dT000000Z")
    ));
    lines.push(when("DTSTART", s.span.local_start, s.span.start));
    lines.push(when("DTEND", s.span.local_end, s.span.end));
    lines.push(format!("SUMMARY:{}", escape(&s.title)));
    let location: Vec<&str> = [s.room.as_deref(), agenda.event.venue.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !location.is_empty() {
        lines.push(format!("LOCATION:{}", escape(&location.join(", "))));
    }
    if let Some(track) = &s.track {
        lines.push(format!("CATEGORIES:{}", escape(track)));
    }
    let description = description(agenda, s);
    if !description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape(&description)));
    }
    lines.push("END:VEVENT".to_owned());
}

/// Notes, participants by role, key messages, then the description.
pub fn description(agenda: &Agenda, s: &Session) -> String {
    let mut out = String::new();
    for note in &s.notes {
        let _ = writeln!(out, "{note}");
    }
    for (role, group) in by_role(s) {
        let _ = writeln!(out, "{}:", role.plural_label());
        for p in group {
            let _ = writeln!(out, "- {}", participant_line(agenda, p));
        }
    }
    if !s.key_messages.is_empty() {
        let _ = writeln!(out, "Key messages:");
        for &k in &s.key_messages {
            let _ = writeln!(out, "- {}", agenda.key_messages[k].label());
        }
    }
    if let Some(d) = &s.description {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(d);
    }
    out.trim_end().to_owned()
}
