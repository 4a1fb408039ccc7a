//! The agenda as an iCalendar (RFC 5545) calendar: one VEVENT per session,
//! written through the `icalendar` crate, which escapes TEXT values and
//! folds lines at 75 octets.
//!
//! Times are written as wall-clock times in the agenda's zone, with a
//! VTIMEZONE derived from chrono-tz for the years the sessions fall in
//! (calendar programs place such times right across daylight-saving
//! changes, and show the zone the meeting is in). A zone that is UTC all
//! through those years is written as UTC times instead. The output depends
//! only on the agenda: UIDs come from the session ids, and DTSTAMP is the
//! agenda's first day, never the time of export.
//!
//! Beside what calendar programs show (SUMMARY, LOCATION as "room, venue",
//! CATEGORIES, a DESCRIPTION listing notes, people and key messages), each
//! event carries what dais's own reader needs to give back the same
//! session: the id in the UID (`id@….dais`), `X-DAIS-ROOM`,
//! `X-DAIS-DESCRIPTION`, `X-DAIS-KIND`, `X-DAIS-PART`, one `X-DAIS-NOTE` per
//! note, and the people as `urn:x-dais:person:ID` with `X-DAIS-ROLE` (see
//! [`people`]).

mod people;
mod zone;

use crate::agenda::{Agenda, Resolved, Session, resolve_naive};
use crate::commands::list::{by_role, participant_line};
use crate::slug::slugify;
use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};
use icalendar::{
    Alarm, Calendar, CalendarDateTime, Component, Event, EventLike, Property, Trigger,
};
use std::fmt::Write;

/// The calendar for `sessions` (of `agenda`), as CRLF-terminated text.
pub fn calendar(agenda: &Agenda, sessions: &[&Session]) -> String {
    calendar_with_alarms(agenda, sessions, None)
}

/// [`calendar`] with, when `alarm` gives minutes, an alarm that many
/// minutes before each session (`export ics --starred`: my programme).
pub fn calendar_with_alarms(agenda: &Agenda, sessions: &[&Session], alarm: Option<u32>) -> String {
    // Offsets kept as printed have no zone a calendar knows: UTC times
    // (and UTC as the calendar's zone) carry the same instants.
    let named = agenda.event.timezone.named();
    let tz = named.unwrap_or(chrono_tz::Tz::UTC);
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
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            format!("-//dais//dais {}//EN", env!("CARGO_PKG_VERSION")),
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .append_property(text("X-WR-CALNAME", &agenda.event.title))
        .append_property(Property::new("X-WR-TIMEZONE", tz.name()));
    if !agenda.event.summary.is_empty() {
        cal.append_property(text("X-WR-CALDESC", &agenda.event.summary.join("\n")));
    }
    for s in sessions {
        cal.push(event(agenda, s, utc, alarm));
    }
    let out = cal.to_string();
    let out = if utc {
        out
    } else {
        zone::insert(out, &zone::vtimezone(tz, &observances))
    };
    refold(&out)
}

/// The most octets a content line holds (RFC 5545 §3.1).
const LINE: usize = 75;

/// The crate's text with its lines folded again. The crate escapes and
/// builds the lines, but its folding lets a line's last piece reach 76
/// octets, and, counting characters where it means bytes, may start a
/// continuation with a space, which lenient readers drop. Its folds are
/// undone (a value's own line breaks are escaped, so every CRLF and space
/// is a fold) and each line is cut at most 75 octets in, on a character
/// boundary, not next to a space.
fn refold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 32);
    for line in unfolded.split_inclusive("\r\n") {
        let body = line.strip_suffix("\r\n").unwrap_or(line);
        let (mut rest, mut room) = (body, LINE);
        while rest.len() > room {
            let mut cut = room;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            // Not next to a space, where there is a place that is not:
            // lenient readers trim the lines.
            let mut at = cut;
            while at > 0
                && (rest[at..].starts_with([' ', '\t']) || rest[..at].ends_with([' ', '\t']))
            {
                at = rest[..at].char_indices().next_back().map_or(0, |(i, _)| i);
            }
            if at > 0 {
                cut = at;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            // The space that continues the line is one of its octets.
            room = LINE - 1;
        }
        out.push_str(rest);
        out.push_str(&line[body.len()..]);
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

/// A property whose value is TEXT, so the crate escapes it (and its reader
/// unescapes it): an `X-` property is otherwise written as it is.
fn text(name: &str, value: &str) -> Property {
    Property::new(name, value)
        .add_parameter("VALUE", "TEXT")
        .done()
}

/// The agenda's first day at midnight UTC: the DTSTAMP of every component.
fn stamp(agenda: &Agenda) -> DateTime<Utc> {
    agenda.event.date.and_time(NaiveTime::MIN).and_utc()
}

fn event(agenda: &Agenda, s: &Session, utc: bool, alarm: Option<u32>) -> Event {
    let tz = agenda.event.timezone.named().unwrap_or(chrono_tz::Tz::UTC);
    let when = |local: NaiveDateTime, instant: DateTime<Utc>| {
        // A local time names its instant only if it is the earlier of two
        // (RFC 5545 reads a repeated hour so); otherwise say it in UTC.
        if !utc && resolve_naive(tz, local) == Resolved::At(instant) {
            CalendarDateTime::WithTimezone {
                date_time: local,
                tzid: tz.name().to_owned(),
            }
        } else {
            CalendarDateTime::Utc(instant)
        }
    };
    let uid = uid(agenda, s);
    let mut e = Event::new();
    e.uid(&uid)
        .timestamp(stamp(agenda))
        .starts(when(s.span.local_start, s.span.start))
        .ends(when(s.span.local_end, s.span.end))
        .summary(&s.title);
    let location: Vec<&str> = [s.room.as_deref(), agenda.event.venue.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !location.is_empty() {
        e.location(&location.join(", "));
    }
    if let Some(track) = &s.track {
        e.categories([track]);
    }
    let description = description(agenda, s);
    if !description.is_empty() {
        e.description(&description);
    }
    // Empty when the session has none: then LOCATION (the venue) and
    // DESCRIPTION (the people) are not read back as its room and text.
    e.append_property(text("X-DAIS-ROOM", s.room.as_deref().unwrap_or("")))
        .append_property(text(
            "X-DAIS-DESCRIPTION",
            s.description.as_deref().unwrap_or(""),
        ))
        .append_property(Property::new("X-DAIS-KIND", s.kind.as_str()));
    if let Some(part) = &s.part {
        e.append_property(text("X-DAIS-PART", part));
    }
    for note in &s.notes {
        e.append_multi_property(text("X-DAIS-NOTE", note));
    }
    people::add(agenda, s, &mut e);
    if let Some(minutes) = alarm.filter(|m| *m > 0) {
        // The crate gives every component it writes a DTSTAMP and a UID,
        // the time of export and a random one, unless it has its own:
        // these keep the output a function of the agenda (RFC 9074 gives
        // an alarm a UID).
        let mut a = Alarm::display(
            &s.title,
            Trigger::Duration(chrono::Duration::minutes(-i64::from(minutes)), None),
        );
        a.append_property(Property::new("TRIGGER", format!("-PT{minutes}M")))
            .append_property(Property::new("UID", format!("alarm-{uid}")))
            .append_property(Property::new(
                "DTSTAMP",
                stamp(agenda).format("%Y%m%dT%H%M%SZ").to_string(),
            ));
        e.alarm(a);
    }
    e.done()
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

#[cfg(test)]
mod tests {
    use super::refold;

    #[test]
    fn lines_are_folded_within_75_octets_not_next_to_a_space() {
        let value = format!(
            "{}{}",
            "a".repeat(73),
            "Zeile zwei, mit Komma; Ä ö ü ß 日本語 ✓ "
                .repeat(8)
                .trim_end()
        );
        let text = format!("BEGIN:X\r\nX:{value}\r\nEND:X\r\n");
        let out = refold(&text);
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
            assert!(!line.starts_with("  "), "a space after the fold: {line:?}");
            assert!(!line.ends_with(' '), "a space before the fold: {line:?}");
        }
        assert_eq!(out.replace("\r\n ", ""), text);
        // The crate's own folds are undone first.
        assert_eq!(refold(&out), out);
        let short = "A:b\r\n";
        assert_eq!(refold(short), short);
    }
}
