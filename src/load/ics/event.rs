//! Each `VEVENT` as sessions: one, or one per occurrence of its
//! recurrence, within a bounded window.

use super::value::{When, parse_duration, parse_when, split_list};
use super::{Comp, Prop, Reader};
use crate::agenda::{Kind, Label, Resolved, Session, Span, resolve_naive};
use crate::load::base::problem::quote;
use crate::load::base::{html, kind};
use crate::sanitize::{Lines, clean};
use chrono::{DateTime, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use compact_str::CompactString;
use std::collections::HashSet;

/// The most occurrences of one recurring event read.
pub const MAX_OCCURRENCES: u16 = 1000;
/// How far after its first start a recurrence is followed, in days.
pub const WINDOW_DAYS: i64 = 3660;

/// A start or end resolved: the instant, and whether it was a DATE.
#[derive(Debug, Clone, Copy)]
struct Point {
    at: DateTime<Utc>,
    all_day: bool,
    /// The zone the value was written in (for recurrences).
    zone: Option<Tz>,
}

/// Reads every VEVENT of the calendar.
pub fn read_all(r: &mut Reader<'_>, cal: &Comp) {
    let events: Vec<&Comp> = cal.comps.iter().filter(|c| c.name == "VEVENT").collect();
    // Occurrences replaced by a RECURRENCE-ID event: UID and instant.
    let mut replaced: HashSet<(String, DateTime<Utc>)> = HashSet::new();
    for (k, ev) in events.iter().enumerate() {
        let at = format!("VEVENT[{}]", k + 1);
        if let (Some(uid), Some(rid)) = (ev.prop("UID"), ev.prop("RECURRENCE-ID"))
            && let Some(p) = point(r, &format!("{at}/RECURRENCE-ID"), rid)
        {
            replaced.insert((uid.value.trim().to_owned(), p.at));
        }
    }
    for (k, ev) in events.iter().enumerate() {
        read(r, k + 1, ev, &replaced);
    }
}

fn read(r: &mut Reader<'_>, k: usize, ev: &Comp, replaced: &HashSet<(String, DateTime<Utc>)>) {
    let at = format!("VEVENT[{k}]");
    let Some(dtstart) = ev.prop("DTSTART") else {
        r.note("no dtstart", &at, 1, || {
            "has no DTSTART; left out".to_owned()
        });
        return;
    };
    let Some(start) = point(r, &format!("{at}/DTSTART"), dtstart) else {
        return;
    };
    let Some(length) = length(r, &at, ev, start) else {
        return;
    };
    if length <= TimeDelta::zero() {
        r.note("no length", &at, dtstart.line, || {
            "ends when it starts (or before); left out".to_owned()
        });
        return;
    }
    let uid = ev
        .prop("UID")
        .map(|p| p.value.trim().to_owned())
        .unwrap_or_default();
    let base = if uid.is_empty() {
        r.note("no uid", &at, dtstart.line, || {
            "has no UID; its id is made from its place in the file".to_owned()
        });
        format!("event-{k}")
    } else {
        id_of(&uid)
    };
    let template = template(r, &at, ev);
    let rid = ev
        .prop("RECURRENCE-ID")
        .and_then(|p| point(r, &format!("{at}/RECURRENCE-ID"), p));
    let starts = match rid {
        Some(rid) => vec![(start.at, Some(rid.at))],
        None => occurrences(r, &at, ev, start)
            .into_iter()
            .filter(|t| !replaced.contains(&(uid.clone(), *t)))
            .map(|t| (t, Some(t)))
            .collect(),
    };
    let recurring = ev.prop("RRULE").is_some() || ev.prop("RDATE").is_some() || rid.is_some();
    let Some(template) = template else {
        return;
    };
    for (begin, original) in starts {
        let end = if start.all_day {
            // Whole days, as wall-clock midnights: right across DST.
            let days = length.num_days().max(1);
            let local = begin.with_timezone(&r.tz).naive_local().date();
            local
                .checked_add_days(chrono::Days::new(u64::try_from(days).unwrap_or(1)))
                .and_then(|d| match resolve_naive(r.tz, d.and_time(NaiveTime::MIN)) {
                    Resolved::At(t) => Some(t),
                    Resolved::Gap => None,
                })
        } else {
            begin.checked_add_signed(length)
        };
        let Some(end) = end else {
            r.err(&at, dtstart.line, "its end is out of range");
            continue;
        };
        let (begin, end) = (
            to_minute(r, &at, dtstart.line, begin),
            to_minute(r, &at, dtstart.line, end),
        );
        if end <= begin {
            continue;
        }
        let local = |t: DateTime<Utc>| t.with_timezone(&r.tz).naive_local();
        let id = match (recurring, original) {
            (true, Some(o)) => format!("{base}-{}", local(o).format("%Y%m%dT%H%M")),
            _ => base.clone(),
        };
        r.paths.push(at.clone());
        let mut s = template.clone();
        s.id = id.into();
        s.span = Span {
            local_start: local(begin),
            local_end: local(end),
            start: begin,
            end,
        };
        r.sessions.push(s);
        if r.sessions.len() > r.cx.limits.max_items {
            return;
        }
    }
}

/// The session's id from a UID: the part before `@` of a UID `dais export
/// ics` wrote, else the UID.
fn id_of(uid: &str) -> String {
    let id = match uid.rsplit_once('@') {
        Some((id, host)) if host.rsplit('.').next() == Some("dais") && !id.is_empty() => id,
        _ => uid,
    };
    clean(id, Lines::Single)
}

/// Everything but the id and times.
fn template(r: &mut Reader<'_>, at: &str, ev: &Comp) -> Option<Session> {
    let text = |r: &mut Reader<'_>, name: &str, lines: Lines| {
        let p = ev.prop(name)?;
        r.text(&format!("{at}/{name}"), p, lines)
    };
    let title = text(r, "SUMMARY", Lines::Single).unwrap_or_else(|| {
        r.note("no summary", at, 1, || {
            "has no SUMMARY; titled \"(untitled)\"".to_owned()
        });
        "(untitled)".to_owned()
    });
    let description = ev
        .prop("X-DAIS-DESCRIPTION")
        .or_else(|| ev.prop("DESCRIPTION"))
        .and_then(|p| r.text(&format!("{at}/DESCRIPTION"), p, Lines::Multi))
        // linux.conf.au's feed writes some in HTML: shown as text, cleaned
        // again since references may spell control characters.
        .map(|d| {
            if html::looks_like(&d) {
                clean(&html::to_text(&d), Lines::Multi)
            } else {
                d
            }
        });
    let room = ev
        .prop("X-DAIS-ROOM")
        .or_else(|| ev.prop("LOCATION"))
        .and_then(|p| r.text(&format!("{at}/LOCATION"), p, Lines::Single));
    let track = ev.prop("CATEGORIES").and_then(|p| {
        let items = split_list(&p.value);
        if items.len() > 1 {
            r.note("categories", &format!("{at}/CATEGORIES"), p.line, || {
                "lists several categories; the first is the session's track".to_owned()
            });
        }
        items.into_iter().next().map(|t| clean(&t, Lines::Single))
    });
    let mut notes: Vec<String> = Vec::new();
    if let Some(status) = ev.prop("STATUS") {
        match status.value.trim().to_ascii_uppercase().as_str() {
            "CANCELLED" => notes.push("Cancelled".to_owned()),
            "TENTATIVE" => notes.push("Tentative".to_owned()),
            _ => {}
        }
    }
    for p in ev.all("X-DAIS-NOTE") {
        notes.extend(r.text(&format!("{at}/X-DAIS-NOTE"), p, Lines::Single));
    }
    // No event type in iCalendar: a category or the title that names a
    // break ("Morning Tea", "Pause") says it, as a type does elsewhere.
    let breaks = kind::title_is_break(&title)
        || (ev.all("CATEGORIES").flat_map(|p| split_list(&p.value)))
            .any(|c| kind::of_type(&c) == Kind::Break);
    let kind = ev
        .prop("X-DAIS-KIND")
        .and_then(|p| Kind::parse(p.value.trim()))
        .unwrap_or(if breaks { Kind::Break } else { Kind::Other });
    let max = r.cx.limits.max_string;
    let mut participants = Vec::new();
    let people: Vec<&Prop> = ev
        .props
        .iter()
        .filter(|p| p.name == "ORGANIZER" || p.name == "ATTENDEE")
        .collect();
    if people.len() > r.cx.limits.max_participants {
        r.err(
            at,
            people[0].line,
            format!(
                "{} attendees, more than the limit of {}",
                people.len(),
                r.cx.limits.max_participants
            ),
        );
        return None;
    }
    for p in people {
        if let Some(part) = r.roster.participant(p, max)
            && !participants
                .iter()
                .any(|q: &crate::agenda::Participant| q.person == part.person)
        {
            participants.push(part);
        }
    }
    // No ORGANIZER or ATTENDEE: symposion's feeds (linux.conf.au, PyCon)
    // name the speakers on the description's first line instead.
    let description = match description {
        Some(d) if participants.is_empty() => {
            let (names, rest) = speaker_line(&d);
            for name in names {
                let part = r.roster.named(name, max);
                if let Some(part) = part
                    && !participants.iter().any(|q| q.person == part.person)
                {
                    participants.push(part);
                }
            }
            Some(rest.to_owned()).filter(|d| !d.trim().is_empty())
        }
        d => d,
    };
    let part = ev
        .prop("X-DAIS-PART")
        .and_then(|p| r.text(&format!("{at}/X-DAIS-PART"), p, Lines::Single));
    Some(Session {
        id: CompactString::default(),
        title: title.into(),
        kind,
        part: part.map(Label::from),
        room: room.map(Label::from),
        track: track.map(Label::from),
        span: Span {
            local_start: NaiveDateTime::MIN,
            local_end: NaiveDateTime::MIN,
            start: DateTime::<Utc>::MIN_UTC,
            end: DateTime::<Utc>::MIN_UTC,
        },
        description: description.map(String::into_boxed_str),
        notes: notes.into_iter().map(Label::from).collect(),
        participants: participants.into(),
        key_messages: Box::default(),
        extensions: crate::agenda::Extensions::default(),
    })
}

/// The names a description's first line `Speaker: A` or `Speakers: A, B
/// and C` gives, and the description without that line; none and the
/// whole description when it has no such line.
fn speaker_line(d: &str) -> (Vec<&str>, &str) {
    let (first, rest) = d.split_once('\n').unwrap_or((d, ""));
    let Some(list) = first
        .strip_prefix("Speakers:")
        .or_else(|| first.strip_prefix("Speaker:"))
        .map(str::trim)
        .filter(|l| !l.is_empty() && l.chars().count() <= 200)
    else {
        return (Vec::new(), d);
    };
    let names = list
        .split(", ")
        .flat_map(|n| n.split(" and "))
        .flat_map(|n| n.split(" & "))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    (names, rest.trim_start_matches('\n'))
}

/// How long each occurrence runs: DTEND − DTSTART, else DURATION, else a
/// day for a DATE and nothing for a DATE-TIME.
fn length(r: &mut Reader<'_>, at: &str, ev: &Comp, start: Point) -> Option<TimeDelta> {
    if let Some(p) = ev.prop("DTEND") {
        let end = point(r, &format!("{at}/DTEND"), p)?;
        if end.all_day != start.all_day {
            r.note("mixed date", at, p.line, || {
                "DTSTART and DTEND are not both dates or both date-times; read as given".to_owned()
            });
        }
        return Some(end.at - start.at);
    }
    if let Some(p) = ev.prop("DURATION") {
        let d = parse_duration(&p.value);
        if d.is_none() {
            r.err(
                &format!("{at}/DURATION"),
                p.line,
                format!(
                    "{} is not a DURATION such as PT1H30M",
                    quote(p.value.trim())
                ),
            );
        }
        return d;
    }
    Some(if start.all_day {
        TimeDelta::days(1)
    } else {
        TimeDelta::zero()
    })
}

/// A DATE or DATE-TIME property as an instant.
fn point(r: &mut Reader<'_>, at: &str, p: &Prop) -> Option<Point> {
    let Some(when) = parse_when(&p.value) else {
        r.err(
            at,
            p.line,
            format!(
                "{} is not a DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS, Z for UTC)",
                quote(p.value.trim())
            ),
        );
        return None;
    };
    let zone = match p.param("TZID") {
        Some(id) if !matches!(when, When::Utc(_)) => r.zone(id, at, p.line),
        _ => None,
    };
    let tz = zone.unwrap_or(r.tz);
    let (local, all_day) = match when {
        When::Utc(t) => {
            return Some(Point {
                at: Utc.from_utc_datetime(&t),
                all_day: false,
                zone: Some(chrono_tz::UTC),
            });
        }
        When::Local(t) => (t, false),
        When::Date(d) => (d.and_time(NaiveTime::MIN), true),
    };
    let at_time = match resolve_naive(tz, local) {
        Resolved::At(t) => t,
        Resolved::Gap => {
            // RFC 5545 §3.3.5: a time in a gap is read with the offset
            // before the gap, so it lands as far after it.
            let before = local - TimeDelta::hours(3);
            let offset = tz.offset_from_local_datetime(&before).earliest()?.fix();
            let t = offset
                .from_local_datetime(&local)
                .earliest()?
                .with_timezone(&Utc);
            r.note("gap", at, p.line, || {
                format!(
                    "{} does not exist in {tz} (the clocks skip it); read as RFC 5545 says, \
                     at {} UTC",
                    local.format("%Y-%m-%d %H:%M"),
                    t.format("%H:%M")
                )
            });
            t
        }
    };
    Some(Point {
        at: at_time,
        all_day,
        zone: Some(tz),
    })
}

/// An instant cut to its minute, with a note when seconds were dropped.
fn to_minute(r: &mut Reader<'_>, at: &str, line: usize, t: DateTime<Utc>) -> DateTime<Utc> {
    let local = t.with_timezone(&r.tz);
    if local.second() == 0 && local.nanosecond() == 0 {
        return t;
    }
    r.note("seconds", at, line, || {
        "has seconds; dais keeps whole minutes".to_owned()
    });
    t - TimeDelta::seconds(i64::from(local.second()))
        - TimeDelta::nanoseconds(i64::from(local.nanosecond()))
}

/// The starts of every occurrence: DTSTART alone, or the recurrence set
/// (RRULE, RDATE, EXDATE) within [`WINDOW_DAYS`] and [`MAX_OCCURRENCES`].
fn occurrences(r: &mut Reader<'_>, at: &str, ev: &Comp, start: Point) -> Vec<DateTime<Utc>> {
    let rules: Vec<&Prop> = ev.all("RRULE").collect();
    let rdates: Vec<&Prop> = ev.all("RDATE").collect();
    if rules.is_empty() && rdates.is_empty() {
        return vec![start.at];
    }
    let zone = rrule::Tz::Tz(start.zone.unwrap_or(r.tz));
    let dtstart = start.at.with_timezone(&zone);
    let mut set = rrule::RRuleSet::new(dtstart);
    for p in rules {
        let rule = p
            .value
            .trim()
            .parse::<rrule::RRule<rrule::Unvalidated>>()
            .and_then(|rule| rule.validate(dtstart));
        match rule {
            Ok(rule) => set = set.rrule(rule),
            Err(e) => r.err(
                &format!("{at}/RRULE"),
                p.line,
                clean(&format!("cannot be read: {e}"), Lines::Single),
            ),
        }
    }
    for (name, p) in rdates
        .iter()
        .map(|p| ("RDATE", *p))
        .chain(ev.all("EXDATE").map(|p| ("EXDATE", p)))
    {
        for v in p.value.split(',') {
            let one = Prop {
                name: p.name.clone(),
                value: v.to_owned(),
                params: p.params.clone(),
                line: p.line,
            };
            let Some(t) = point(r, &format!("{at}/{name}"), &one) else {
                continue;
            };
            let t = t.at.with_timezone(&zone);
            set = if name == "RDATE" {
                set.rdate(t)
            } else {
                set.exdate(t)
            };
        }
    }
    let Some(until) = start.at.checked_add_signed(TimeDelta::days(WINDOW_DAYS)) else {
        return vec![start.at];
    };
    let result = set.before(until.with_timezone(&zone)).all(MAX_OCCURRENCES);
    let mut starts: Vec<DateTime<Utc>> =
        result.dates.iter().map(|t| t.with_timezone(&Utc)).collect();
    if !starts.contains(&start.at)
        && ev.all("EXDATE").next().is_none()
        && ev.all("RRULE").next().is_none()
    {
        // RDATE alone adds to DTSTART, which is always an occurrence.
        starts.insert(0, start.at);
    }
    if result.limited || starts.len() >= usize::from(MAX_OCCURRENCES) {
        r.note(
            "window",
            &format!("{at}/RRULE"),
            ev.prop("RRULE").map_or(1, |p| p.line),
            || {
                format!(
                    "repeats beyond what dais reads: the first {} occurrences, or {} years from \
                 DTSTART, whichever ends first",
                    MAX_OCCURRENCES,
                    WINDOW_DAYS / 366
                )
            },
        );
    }
    starts
}

#[cfg(test)]
mod tests;
