//! Synthetic programmes in the shape of a FOSDEM `schedule.xml` (frab /
//! pentabarf): two days, rooms of back-to-back talks, each with its
//! persons, an HTML abstract escaped into the XML, and a link. For the
//! figures of the other formats (`examples/generate.rs --schedule-xml`).

use super::{Hm, Rng, names, words};
use crate::agenda::Kind;
use std::io::{self, Write};

/// Talks a room holds in a day: every half hour from 09:00 to 19:00.
const SLOTS: usize = 20;

/// Writes a `schedule.xml` of `events` events (at least one) to `out`,
/// deterministic from `seed`: Saturday and Sunday 1–2 February 2031 in
/// `Europe/Brussels`, as many rooms as the talks need, about 1,200 bytes
/// an event.
pub fn write_schedule_xml(out: &mut impl Write, events: usize, seed: u64) -> io::Result<()> {
    let events = events.max(1);
    let mut rng = Rng::new(seed ^ 0x0f05_de11);
    let per_day = events.div_ceil(2);
    let rooms = per_day.div_ceil(SLOTS);
    let people = (events / 2).max(8);
    let days = ["2031-02-01", "2031-02-02"];
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, "<schedule>")?;
    writeln!(out, "  <generator name=\"dais::synth\"/>")?;
    writeln!(out, "  <conference>")?;
    writeln!(out, "    <acronym>synth{seed}</acronym>")?;
    writeln!(
        out,
        "    <title>Synthetic Developers' Meeting of {events} Talks</title>"
    )?;
    writeln!(out, "    <venue>A university campus</venue>")?;
    writeln!(out, "    <city>Brussels</city>")?;
    writeln!(
        out,
        "    <start>{}</start>\n    <end>{}</end>",
        days[0], days[1]
    )?;
    writeln!(
        out,
        "    <days>2</days>\n    <day_change>09:00:00</day_change>"
    )?;
    writeln!(out, "    <timeslot_duration>00:05:00</timeslot_duration>")?;
    writeln!(out, "    <time_zone_name>Europe/Brussels</time_zone_name>")?;
    writeln!(out, "  </conference>")?;
    let mut written = 0;
    for (d, date) in days.iter().enumerate() {
        let today = per_day.min(events - written);
        writeln!(
            out,
            r#"  <day index="{}" date="{date}" start="{date}T09:00:00+01:00" end="{date}T19:00:00+01:00">"#,
            d + 1
        )?;
        for room in 0..rooms {
            let name = format!("Room {}.{}", ["A", "H", "J", "K", "U"][room % 5], room + 1);
            writeln!(out, r#"    <room name="{name}" slug="room-{}">"#, room + 1)?;
            // Talks go round the rooms, so every room has its share.
            for slot in (0..SLOTS).filter(|s| s * rooms + room < today) {
                let id = written + slot * rooms + room + 1;
                let start = 9 * 60 + 30 * u32::try_from(slot).expect("a slot");
                event(out, &mut rng, (seed, people), (id, date, start), &name)?;
            }
            writeln!(out, "    </room>")?;
        }
        writeln!(out, "  </day>")?;
        written += today;
    }
    writeln!(out, "</schedule>")
}

/// One talk: `id` on `date` at `start` (minutes after midnight) in `room`.
fn event(
    out: &mut impl Write,
    rng: &mut Rng,
    (seed, people): (u64, usize),
    (id, date, start): (usize, &str, u32),
    room: &str,
) -> io::Result<()> {
    let kind = if rng.chance(60) {
        Kind::Panel
    } else {
        Kind::Other
    };
    let n = 1 + rng.below(9);
    let title = words::title(rng, kind, n, start >= 13 * 60);
    let topic = words::topic(rng);
    let track = words::topic(rng);
    let minutes = *rng.pick(&[15, 20, 25, 25, 25]);
    writeln!(
        out,
        r#"      <event id="{id}" guid="00000000-0000-4000-8000-{id:012}">"#
    )?;
    writeln!(out, "        <date>{date}T{}:00+01:00</date>", Hm(start))?;
    writeln!(out, "        <start>{}</start>", Hm(start))?;
    writeln!(out, "        <duration>{}</duration>", Hm(minutes))?;
    writeln!(out, "        <room>{}</room>", X(room))?;
    writeln!(out, "        <slug>talk-{id}</slug>")?;
    writeln!(out, "        <title>{}</title>", X(&title))?;
    writeln!(out, "        <subtitle></subtitle>")?;
    writeln!(out, "        <track>{}</track>", X(track))?;
    writeln!(
        out,
        "        <type>devroom</type>\n        <language>en</language>"
    )?;
    // FOSDEM's abstracts are HTML, escaped into the XML.
    let text = format!(
        "<p>{}</p><p>{}</p>",
        words::description(rng, "talk"),
        words::paragraph(rng, topic)
    );
    writeln!(out, "        <abstract>{}</abstract>", X(&text))?;
    writeln!(out, "        <description></description>")?;
    writeln!(out, "        <persons>")?;
    for _ in 0..=rng.below(2) {
        let index = rng.below(people);
        let p = names::person(seed, index);
        writeln!(
            out,
            r#"          <person id="{}">{}</person>"#,
            index + 1,
            X(&p.name)
        )?;
    }
    writeln!(
        out,
        "        </persons>\n        <attachments></attachments>"
    )?;
    writeln!(
        out,
        r#"        <links><link href="https://video.example.org/talk-{id}.webm">Video recording</link></links>"#
    )?;
    writeln!(out, "      </event>")
}

/// Text escaped for XML character data and attribute values.
struct X<'a>(&'a str);

impl std::fmt::Display for X<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                c => std::fmt::Write::write_char(f, c)?,
            }
        }
        Ok(())
    }
}
