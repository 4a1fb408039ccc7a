//! One schedule event as a dais session: its times, room, track, type,
//! text and people.

use super::Reader;
use super::keys::{self, Object};
use super::mapping::{kind_of, pick, type_note};
use super::raw::{Named, RawEvent};
use crate::agenda::{Resolved, Session, Span, resolve_naive};
use crate::load::base::html;
use crate::load::base::iso::{
    Stamp, in_years, parse_clock, parse_duration, parse_stamp, to_minute,
};
use crate::load::base::problem::{Path, quote};
use crate::sanitize::{Lines, clean};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};

/// Where a version 1 event sits: its day and the room it is listed under.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place<'a> {
    /// The day's `date`.
    pub day: Option<NaiveDate>,
    /// The time of day the day starts (`day_start`); a clock time earlier
    /// than this is on the next calendar day.
    pub day_start: Option<NaiveTime>,
    /// The key of `rooms` the event is listed under.
    pub room: Option<&'a str>,
}

/// Reads the event at `at` and adds its session to the reader, or records
/// why it cannot be placed.
pub fn read(r: &mut Reader<'_>, at: Path<'_>, ev: &RawEvent, place: &Place<'_>) {
    keys::check(&mut r.tally, Object::Event, at, &ev.other);
    // Trimmed: FOSDEM 2014 has `<title> Entangle: …</title>`.
    let title =
        r.cx.text(at, "title", ev.title.as_ref(), true, Lines::Single)
            .map(|t| match t.trim() {
                trimmed if trimmed.len() == t.len() => t,
                trimmed => trimmed.to_owned(),
            });
    let id = id(r, at, ev);
    let kind_word =
        r.cx.text(at, "type", ev.kind.as_ref(), false, Lines::Single);
    let subtitle =
        r.cx.text(at, "subtitle", ev.subtitle.as_ref(), false, Lines::Single);
    let room = room(r, at, ev, place);
    let track = track(r, at, ev);
    let description = description(r, at, ev);
    let participants = r.roster.participants(&mut r.cx, &mut r.tally, at, ev);
    let start = start(r, at, ev, place);
    let end = start.and_then(|s| end(r, at, ev, s));
    let (Some(title), Some(start), Some(end)) = (title, start, end) else {
        return;
    };
    let tz = r.conf.tz;
    let (start, end) = (to_minute(start, tz), to_minute(end, tz));
    if end <= start {
        // Each one by name: a dropped event is something the reader must
        // be able to find.
        let how = if end == start {
            "has no length (it ends when it starts)"
        } else {
            "ends before it starts"
        };
        r.cx.warn(
            at,
            format!(
                "{} {how}; dais/1 sessions need a length, so it is left out",
                crate::load::quote(&title)
            ),
        );
        return;
    }
    let span = Span::in_zone(tz, start, end);
    // dais/1 gives local times, and reads one in the repeated hour as its
    // first instance: say so for a time that was the second, unless the
    // session's own `utc_offset` gives it back. (Offsets as printed are
    // written with each session, so read back exactly.)
    let written = span.offset_to_write(tz).is_some();
    for (which, key, local, instant) in [
        ("start", "repeated hour start", span.local_start, start),
        ("end", "repeated hour end", span.local_end, end),
    ] {
        if tz.named().is_some() && !written && resolve_naive(tz, local) != Resolved::At(instant) {
            r.tally.note(key, at, || {
                format!(
                    "{which}s in the hour that repeats when clocks go back in {tz}; a dais/1 \
                     copy would read its {which} as the first {}",
                    local.format("%H:%M")
                )
            });
        }
    }
    let mut notes: Vec<String> = subtitle
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty() && *s != title)
        .into_iter()
        .collect();
    notes.extend(kind_word.as_deref().and_then(type_note));
    let n = r.sessions.len();
    r.paths.push(at.to_string());
    r.sessions.push(Session {
        id: id.unwrap_or_else(|| format!("event-{}", n + 1)).into(),
        title: title.into(),
        kind: kind_word
            .as_deref()
            .map_or(crate::agenda::Kind::Other, kind_of),
        part: None,
        room: room.map(|t| r.labels.take(t)),
        track: track.map(|t| r.labels.take(t)),
        span,
        description: description.map(String::into_boxed_str),
        notes: notes.into_iter().map(|t| r.labels.take(t)).collect(),
        participants: participants.into(),
        key_messages: Box::default(),
        extensions: crate::agenda::Extensions::default(),
    });
}

/// The event's id: `id`, else `code`, `guid` or `slug`. The first ones
/// stay the same when a talk is renamed (pretalx and frab make the slug
/// from the title), so a rename reads as a rename, not a talk removed and
/// another added, and what the user saved of it (a star, a shift) stays.
fn id(r: &mut Reader<'_>, at: Path<'_>, ev: &RawEvent) -> Option<String> {
    let cx = &mut r.cx;
    let slug = cx.text(at, "slug", ev.slug.as_ref(), false, Lines::Single);
    let id = cx
        .get(at, "id", ev.id.as_ref(), false, "a number or a string")
        .map(|id| clean(&id.text(), Lines::Single));
    let code = cx.text(at, "code", ev.code.as_ref(), false, Lines::Single);
    let guid = cx.text(at, "guid", ev.guid.as_ref(), false, Lines::Single);
    [id, code, guid, slug]
        .into_iter()
        .flatten()
        .map(|s| s.trim().to_owned())
        .find(|s| !s.is_empty())
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// The room's name: given, looked up by guid or slug, or the `rooms` key
/// the event is listed under.
fn room(r: &mut Reader<'_>, at: Path<'_>, ev: &RawEvent, place: &Place<'_>) -> Option<String> {
    let here = at.key("room");
    let found = match r
        .cx
        .get(at, "room", ev.room.as_ref(), false, "a room name or object")
    {
        Some(Named::Name(name)) => r.cx.bounded(here, name, Lines::Single),
        Some(Named::Ref(re)) => {
            let name =
                r.cx.text(here, "name", re.name.as_ref(), false, Lines::Single);
            let guid =
                r.cx.text(here, "guid", re.guid.as_ref(), false, Lines::Single);
            let slug =
                r.cx.text(here, "slug", re.slug.as_ref(), false, Lines::Single);
            let known = |k: &Option<String>| k.as_ref().and_then(|k| r.conf.room_refs.get(k));
            let by_ref = known(&guid).or_else(|| known(&slug)).cloned();
            let found = nonempty(name).or(by_ref);
            if found.is_none() {
                r.tally.note("unknown room", here, || {
                    "names no room, and its guid or slug matches none in conference.rooms"
                        .to_owned()
                });
            }
            found
        }
        None => None,
    };
    nonempty(found).or_else(|| place.room.map(|k| clean(k, Lines::Single)))
}

/// The track's name: given, or looked up by slug in `conference.tracks`.
fn track(r: &mut Reader<'_>, at: Path<'_>, ev: &RawEvent) -> Option<String> {
    let here = at.key("track");
    match r.cx.get(
        at,
        "track",
        ev.track.as_ref(),
        false,
        "a track name or object",
    )? {
        Named::Name(name) => nonempty(r.cx.bounded(here, name, Lines::Single)),
        Named::Ref(re) => {
            let name =
                r.cx.text(here, "name", re.name.as_ref(), false, Lines::Single);
            let slug = nonempty(r.cx.text(here, "slug", re.slug.as_ref(), false, Lines::Single));
            let by_slug = slug.as_ref().and_then(|s| r.conf.tracks.get(s)).cloned();
            if by_slug.is_none() && slug.is_some() && name.is_none() {
                r.tally.note("unknown track", here.key("slug"), || {
                    "matches no track in conference.tracks; the slug is shown".to_owned()
                });
            }
            nonempty(name).or(by_slug).or(slug)
        }
    }
}

/// `abstract` and `description`, in the conference's language.
fn description(r: &mut Reader<'_>, at: Path<'_>, ev: &RawEvent) -> Option<String> {
    let language = r.conf.language.clone();
    let mut parts: Vec<String> = Vec::new();
    for (key, field) in [("abstract", &ev.summary), ("description", &ev.description)] {
        let text =
            r.cx.get(at, key, field.as_ref(), false, "a string")
                .and_then(|t| pick(t, language.as_deref()))
                .and_then(|t| r.cx.bounded(at.key(key), t, Lines::Multi))
                // FOSDEM's abstracts are HTML (`<p>…</p>`): shown as text,
                // cleaned again since references may spell control characters.
                .map(|t| {
                    if html::looks_like(&t) {
                        clean(&html::to_text(&t), Lines::Multi)
                    } else {
                        t
                    }
                });
        if let Some(t) = nonempty(text)
            && !parts.contains(&t)
        {
            parts.push(t);
        }
    }
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// The start: version 1's `date` (with `start` as its clock time when the
/// date has none), else `start` as a date-time or a clock time on the day.
fn start(
    r: &mut Reader<'_>,
    at: Path<'_>,
    ev: &RawEvent,
    place: &Place<'_>,
) -> Option<DateTime<Utc>> {
    let date =
        r.cx.text(at, "date", ev.date.as_ref(), false, Lines::Single);
    let start =
        r.cx.text(at, "start", ev.start.as_ref(), false, Lines::Single);
    let clock = start.as_deref().and_then(parse_clock);
    if let Some(date) = date {
        return match parse_stamp(&date) {
            Some(Stamp::Day(day)) => {
                if let Some(c) = clock {
                    return local(r, at.key("start"), day.and_time(c));
                }
                r.cx.err(at.key("start"), "expected a time \"HH:MM\" for the `date`");
                None
            }
            Some(stamp) => {
                let t = instant(r, at.key("date"), stamp, true)?;
                check_clock(r, at, t, stamp, clock);
                Some(t)
            }
            None => {
                r.cx.err(
                    at.key("date"),
                    format!("{} is not an ISO 8601 date-time", quote(&date)),
                );
                None
            }
        };
    }
    let Some(start) = start else {
        r.cx.err(
            at.key("start"),
            "missing required key (an event needs a `date` or a `start`)",
        );
        return None;
    };
    match (parse_stamp(&start), clock, place.day) {
        (Some(stamp @ (Stamp::Instant(_) | Stamp::Local(_))), _, _) => {
            instant(r, at.key("start"), stamp, true)
        }
        (_, Some(c), Some(day)) => {
            let rolls = place.day_start.is_some_and(|d| c < d);
            let day = if rolls { day.succ_opt()? } else { day };
            local(r, at.key("start"), day.and_time(c))
        }
        _ => {
            r.cx.err(
                at.key("start"),
                format!(
                    "{} is not an ISO 8601 date-time (nor a time \"HH:MM\" on a day with a `date`)",
                    quote(&start)
                ),
            );
            None
        }
    }
}

/// Warns when version 1's `start` disagrees with the clock time of `date`.
fn check_clock(
    r: &mut Reader<'_>,
    at: Path<'_>,
    t: DateTime<Utc>,
    stamp: Stamp,
    clock: Option<NaiveTime>,
) {
    let written = match stamp {
        Stamp::Instant(d) => d.naive_local().time(),
        Stamp::Local(d) => d.time(),
        Stamp::Day(_) => return,
    };
    // wafer (DebConf) writes `date` in UTC and `start` on the conference's
    // clocks: both say the same instant.
    let on_the_clocks = t.with_timezone(&r.conf.tz).time();
    if let Some(c) = clock
        && c != written
        && c != on_the_clocks
    {
        r.tally.note("start clock", at.key("start"), || {
            format!(
                "{} disagrees with `date` ({}); the date is followed ({} UTC)",
                c.format("%H:%M"),
                written.format("%H:%M"),
                t.format("%Y-%m-%d %H:%M")
            )
        });
    }
}

/// The end: `end` as a date-time, else the start plus `duration`.
fn end(
    r: &mut Reader<'_>,
    at: Path<'_>,
    ev: &RawEvent,
    start: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let end = r.cx.text(at, "end", ev.end.as_ref(), false, Lines::Single);
    let duration =
        r.cx.text(at, "duration", ev.duration.as_ref(), false, Lines::Single);
    let by_duration = duration.as_deref().map(|d| {
        parse_duration(d)
            .and_then(|d| start.checked_add_signed(d))
            .filter(|&end| in_years(end))
    });
    if let (Some(d), Some(None)) = (&duration, by_duration) {
        r.cx.err(
            at.key("duration"),
            format!(
                "{} is not a duration \"HH:MM\" or ISO 8601 \"PT1H30M\" (or is too long)",
                quote(d)
            ),
        );
        return None;
    }
    let by_duration = by_duration.flatten();
    let Some(end) = end else {
        if duration.is_none() {
            r.cx.err(
                at.key("end"),
                "missing required key (an event needs an `end` or a `duration`)",
            );
        }
        return by_duration;
    };
    let Some(stamp @ (Stamp::Instant(_) | Stamp::Local(_))) = parse_stamp(&end) else {
        r.cx.err(
            at.key("end"),
            format!("{} is not an ISO 8601 date-time", quote(&end)),
        );
        return None;
    };
    let t = instant(r, at.key("end"), stamp, false)?;
    if by_duration.is_some_and(|d| d != t) {
        r.tally.note("end and duration", at.key("duration"), || {
            "disagrees with `end`; the end is followed".to_owned()
        });
    }
    Some(t)
}

/// A date-time as an instant: its own offset if it has one, else in the
/// conference's zone. For a start, notes when the zone disagrees with the
/// offset (once per event, so the count is of events).
fn instant(
    r: &mut Reader<'_>,
    at: Path<'_>,
    stamp: Stamp,
    is_start: bool,
) -> Option<DateTime<Utc>> {
    match stamp {
        Stamp::Instant(t) => {
            let tz = r.conf.tz;
            let utc = t.with_timezone(&Utc);
            let zone_offset = tz.offset_from_utc_datetime(&utc.naive_utc()).fix();
            if is_start && zone_offset != *t.offset() {
                r.tally.note("zone", at, || {
                    format!(
                        "carries the offset {}, but the conference's time_zone_name {} is {} \
                         then; dais follows the dates' offsets and shows times in {tz}",
                        t.offset(),
                        quote(tz.name()),
                        zone_offset
                    )
                });
            }
            Some(utc)
        }
        Stamp::Local(t) => local(r, at, t),
        Stamp::Day(_) => None,
    }
}

/// A wall-clock time in the conference's zone.
fn local(r: &mut Reader<'_>, at: Path<'_>, t: NaiveDateTime) -> Option<DateTime<Utc>> {
    let tz = r.conf.tz;
    match resolve_naive(tz, t) {
        Resolved::At(t) => Some(t),
        Resolved::Gap => {
            r.cx.err(
                at,
                format!(
                    "{} does not exist on {} in {tz}: the clocks skip it (daylight saving)",
                    t.format("%H:%M"),
                    t.format("%Y-%m-%d")
                ),
            );
            None
        }
    }
}
