//! The model written back as a normalized `dais/1` document.
//!
//! Every default is made explicit (each session's date and end, each
//! participant's appearance) and each session carries its resolved instants
//! as `x-starts-at` / `x-ends-at` (RFC 3339), which readers ignore. The
//! `x-` keys of every object read are written back after its other keys,
//! as the same JSON values. Reading the output back gives the same model.

use crate::agenda::{Agenda, Session, Span, Zone};
use crate::load::RawAgenda;
use crate::load::lax::{Entries, Lax};
use crate::load::raw::{
    RawEvent, RawKeyMessage, RawParticipant, RawPerson, RawSession, RawSource, Word,
};
use compact_str::format_compact;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// The agenda as a `dais/1` document, pretty-printed JSON.
pub fn to_json(agenda: &Agenda) -> String {
    let mut out = Vec::new();
    write_json(agenda, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the agenda to `out` as [`to_json`] gives it, each session made
/// into its wire form only as it is written: a converted programme of
/// 100,000 sessions was held three times over (the model, its wire form
/// and the text, 266 MB at the peak), now about once.
pub fn write_json(agenda: &Agenda, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let doc = Document {
        head: head(agenda),
        agenda,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

/// The document as it is written: its head, then the sessions made one
/// at a time, then the head's `x-` keys, in [`RawAgenda`]'s order.
struct Document<'a> {
    head: RawAgenda,
    agenda: &'a Agenda,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let h = &self.head;
        let mut map = s.serialize_map(None)?;
        if let Some(v) = &h.format {
            map.serialize_entry("format", v)?;
        }
        if let Some(v) = &h.event {
            map.serialize_entry("event", v)?;
        }
        if let Some(v) = &h.people {
            map.serialize_entry("people", v)?;
        }
        if let Some(v) = &h.key_messages {
            map.serialize_entry("key_messages", v)?;
        }
        map.serialize_entry("sessions", &Sessions(self.agenda))?;
        h.extensions.serialize_entries(&mut map)?;
        map.end()
    }
}

/// The sessions, each in its wire form while it is written.
struct Sessions<'a>(&'a Agenda);

impl Serialize for Sessions<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut seq = ser.serialize_seq(Some(a.sessions.len()))?;
        for s in &a.sessions {
            seq.serialize_element(&Lax::Ok(session(a, s)))?;
        }
        seq.end()
    }
}

fn opt(v: Option<&str>) -> Option<Lax<String>> {
    v.map(|s| Lax::Ok(s.to_owned()))
}

fn strings(v: &[impl AsRef<str>]) -> Vec<Lax<String>> {
    v.iter().map(|s| Lax::Ok(s.as_ref().to_owned())).collect()
}

/// The agenda in its wire form but for its sessions, which
/// [`Sessions`] makes as they are written.
fn head(a: &Agenda) -> RawAgenda {
    let e = &a.event;
    let event = RawEvent {
        title: Some(Lax::Ok(e.title.clone())),
        subtitle: opt(e.subtitle.as_deref()),
        convener: opt(e.convener.as_deref()),
        venue: opt(e.venue.as_deref()),
        date: Some(Lax::Ok(e.date.format("%Y-%m-%d").to_string())),
        timezone: Some(Lax::Ok(zone_name(e.timezone))),
        summary: (!e.summary.is_empty()).then(|| Lax::Ok(strings(&e.summary))),
        sources: (!e.sources.is_empty()).then(|| {
            Lax::Ok(
                e.sources
                    .iter()
                    .map(|s| {
                        Lax::Ok(RawSource {
                            title: Some(Lax::Ok(s.title.clone())),
                            date: s.date.map(|d| Lax::Ok(d.format("%Y-%m-%d").to_string())),
                            url: opt(s.url.as_deref()),
                            extensions: s.extensions.clone(),
                        })
                    })
                    .collect(),
            )
        }),
        extensions: e.extensions.clone(),
    };
    let people = a
        .people
        .iter()
        .map(|p| {
            let person = RawPerson {
                name: Some(Lax::Ok(p.name.to_string())),
                honorific: opt(p.honorific.as_deref()),
                affiliation: opt(p.affiliation.as_deref()),
                extensions: p.extensions.clone(),
            };
            (p.id.to_string(), Lax::Ok(person))
        })
        .collect();
    let key_messages = a
        .key_messages
        .iter()
        .map(|m| {
            Lax::Ok(RawKeyMessage {
                id: Some(Lax::Ok(m.id.clone())),
                number: m.number.map(Lax::Ok),
                title: Some(Lax::Ok(m.title.clone())),
                text: Some(Lax::Ok(strings(&m.text))),
                extensions: m.extensions.clone(),
            })
        })
        .collect();
    RawAgenda {
        format: Some(Lax::Ok("dais/1".to_owned())),
        event: Some(Lax::Ok(event)),
        people: (!a.people.is_empty()).then_some(Lax::Ok(Entries(people))),
        key_messages: (!a.key_messages.is_empty()).then_some(Lax::Ok(key_messages)),
        extensions: a.extensions.clone(),
        ..RawAgenda::default()
    }
}

/// A session's end as the format writes it: `24:00` for midnight at the end
/// of its day, else `HH:MM`.
pub fn end_clock(span: &Span) -> String {
    if span.ends_at_midnight() {
        "24:00".to_owned()
    } else {
        span.local_end.format("%H:%M").to_string()
    }
}

/// The day a session's end falls on, when `end` alone would not say it:
/// neither its start's day nor the midnight that closes it (`24:00`).
fn end_date(span: &Span) -> Option<Lax<Word>> {
    let end_day = span.local_end.date();
    (end_day != span.local_start.date() && !span.ends_at_midnight())
        .then(|| Lax::Ok(format_compact!("{}", end_day.format("%Y-%m-%d"))))
}

/// `event.timezone` as written: the IANA name; for offsets as printed
/// (which every session then gives) the first offset's `Etc/` zone, else
/// UTC, so a reader that knows no `utc_offset` still finds a zone.
fn zone_name(zone: Zone) -> String {
    match zone {
        Zone::Named(tz) => tz.name().to_owned(),
        Zone::Printed(p) => p.written_tz().name().to_owned(),
    }
}

fn session(a: &Agenda, s: &Session) -> RawSession {
    let tz = a.event.timezone;
    let span = &s.span;
    let end = end_clock(span);
    RawSession {
        id: Some(Lax::Ok(s.id.to_string())),
        title: Some(Lax::Ok(s.title.to_string())),
        kind: Some(Lax::Ok(s.kind.as_str().into())),
        part: opt(s.part.as_deref()),
        room: opt(s.room.as_deref()),
        track: opt(s.track.as_deref()),
        date: Some(Lax::Ok(format_compact!(
            "{}",
            span.local_start.format("%Y-%m-%d")
        ))),
        start: Some(Lax::Ok(format_compact!(
            "{}",
            span.local_start.format("%H:%M")
        ))),
        end: Some(Lax::Ok(end.into())),
        end_date: end_date(span),
        // Offsets as printed: each session says its own; in a named zone,
        // a session in the second instance of a repeated hour says its.
        utc_offset: match tz {
            Zone::Printed(_) => Some(tz.fixed_at(span.start)),
            Zone::Named(_) => span.offset_to_write(tz),
        }
        .map(|o| Lax::Ok(format_compact!("{o}"))),
        description: opt(s.description.as_deref()),
        notes: (!s.notes.is_empty()).then(|| Lax::Ok(strings(&s.notes))),
        participants: (!s.participants.is_empty()).then(|| {
            Lax::Ok(
                s.participants
                    .iter()
                    .map(|p| {
                        Lax::Ok(RawParticipant {
                            person: Some(Lax::Ok(a.people[p.person].id.as_str().into())),
                            role: Some(Lax::Ok(p.role.as_str().into())),
                            appearance: Some(Lax::Ok(p.appearance.as_str().into())),
                            capacity: opt(p.capacity.as_deref()),
                            extensions: p.extensions.clone(),
                        })
                    })
                    .collect(),
            )
        }),
        key_messages: (!s.key_messages.is_empty()).then(|| {
            Lax::Ok(
                s.key_messages
                    .iter()
                    .map(|&k| Lax::Ok(a.key_messages[k].id.as_str().into()))
                    .collect(),
            )
        }),
        x_starts_at: Some(span.start.with_timezone(&tz).to_rfc3339()),
        x_ends_at: Some(span.end.with_timezone(&tz).to_rfc3339()),
        extensions: s.extensions.clone(),
    }
}

#[cfg(test)]
mod tests {
    use crate::load::RawAgenda;

    #[test]
    fn the_document_is_written_in_the_keys_of_the_format() {
        // `Document` writes these by hand, in this order: a key the format
        // gains must be written there too.
        assert_eq!(
            RawAgenda::KEYS,
            ["format", "event", "people", "key_messages", "sessions"]
        );
    }
}
