//! The schedule.json importer, reached on every run: the input is cut at
//! 0xFF bytes into the text of a schedule's fields (titles, a person's
//! name, a room, a track, the zone, the conference's and the day's dates,
//! an event's start, duration and end), placed in a well-formed version 1
//! or schedule2 document (the first byte chooses), with the checks every
//! loader target makes.

#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

/// `bytes` as a JSON string literal (lossy UTF-8, every control escaped).
fn string(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    for c in String::from_utf8_lossy(bytes).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&shape, rest)) = data.split_first() else {
        return;
    };
    let mut parts = rest.split(|&b| b == 0xFF);
    let mut next = |default: &str| {
        parts
            .next()
            .map_or_else(|| string(default.as_bytes()), string)
    };
    let title = next("Talk");
    let person = next("Ada");
    let room = next("Room A");
    let track = next("Track");
    let zone = next("Europe/Berlin");
    let con_start = next("2024-05-01");
    let day = next("2024-05-01");
    let start = next("2024-05-01T10:00:00+02:00");
    let duration = next("00:30");
    let end = next("");
    let doc = if shape % 2 == 0 {
        format!(
            r#"{{"schedule": {{"version": "1", "conference": {{"acronym": "f", "title": {title},
              "start": {con_start}, "end": {con_start}, "daysCount": 1, "time_zone_name": {zone},
              "days": [{{"index": 1, "date": {day}, "day_start": {start}, "day_end": {start},
                "rooms": {{{room}: [{{"guid": "g", "id": 1, "date": {start}, "start": "10:00",
                  "duration": {duration}, "room": {room}, "slug": "s", "title": {title},
                  "track": {track}, "type": "talk", "abstract": {title},
                  "persons": [{{"id": 1, "public_name": {person}}}]}}]}}}}]}}}}}}"#
        )
    } else {
        format!(
            r#"{{"schedule": {{"version": "2", "conference": {{"acronym": "f", "title": {title},
              "start": {con_start}, "end": {day}, "time_zone_name": {zone},
              "rooms": [{{"name": {room}, "guid": "r"}}], "tracks": [{{"name": {track}}}]}},
              "events": [{{"guid": "g", "code": "C", "start": {start}, "duration": {duration},
                "end": {end}, "room": {{"name": {room}, "guid": "r"}}, "title": {title},
                "track": {{"name": {track}}}, "type": "TALK",
                "participants": [{{"guid": "p", "name": {person}, "role": "SPEAKER"}}]}}]}}}}"#
        )
    };
    check::load(doc.as_bytes());
});
