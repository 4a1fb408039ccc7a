//! A session's notes as the file `e` hands to `$VISUAL` or `$EDITOR`, and
//! what the saved file means: one note a line, its stamp first
//! (`11:05  Buck: survivors must lead #1 @Buck`).
//!
//! Reading it back:
//! - a line whose stamp is one an old note had keeps that note's time
//!   (to the second), once per old note;
//! - a line with another stamp (`H:MM` or `HH:MM`) is on the session's day
//!   at that time; a line without one gets the clock's time;
//! - the text is made safe (one line, no control characters) and its tags
//!   are read again; an empty line, or a stamp with no text, is no note.
//!
//! Stamps are in the zone the screen shows times in.

use super::tags::links;
use super::{NewNote, Note};
use crate::agenda::Zone;
use crate::agenda::{Agenda, Resolved, resolve_naive};
use crate::sanitize::{Lines, clean};
use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};

/// The most one note's text holds, in bytes (as the input line).
pub const MAX_NOTE_BYTES: usize = 16 * 1024;

/// The file's text for `notes`: one line each, stamp and text.
pub fn to_text<'a>(notes: impl IntoIterator<Item = &'a Note>, zone: Zone) -> String {
    let mut out = String::new();
    for n in notes {
        out.push_str(&stamp(n.at, zone));
        out.push_str("  ");
        out.push_str(&clean(&n.text, Lines::Single));
        out.push('\n');
    }
    out
}

/// A time as its stamp in the file.
pub fn stamp(at: DateTime<Utc>, zone: Zone) -> String {
    at.with_timezone(&zone).format("%H:%M").to_string()
}

/// What the notes of session `session` (an index into the agenda's
/// sessions) are once `text` is saved, given the notes the file was
/// written from (`old`), the clock's time and the zone of the stamps.
pub fn from_text(
    text: &str,
    old: &[&Note],
    agenda: &Agenda,
    session: usize,
    now: DateTime<Utc>,
    zone: Zone,
) -> Vec<NewNote> {
    let s = &agenda.sessions[session];
    let day = s.start().with_timezone(&zone).date_naive();
    let mut unused: Vec<&Note> = old.to_vec();
    let mut notes = Vec::new();
    for line in text.lines() {
        let (time, rest) = split_stamp(line.trim());
        let mut body = clean(rest.trim(), Lines::Single);
        if body.len() > MAX_NOTE_BYTES {
            let mut cut = MAX_NOTE_BYTES;
            while !body.is_char_boundary(cut) {
                cut -= 1;
            }
            body.truncate(cut);
        }
        let body = body.trim().to_owned();
        if body.is_empty() {
            continue;
        }
        let at = match time {
            None => now,
            Some(t) => {
                let minute = |t: NaiveTime| (t.hour(), t.minute());
                let kept = unused
                    .iter()
                    .position(|n| minute(n.at.with_timezone(&zone).time()) == minute(t));
                match kept {
                    Some(i) => unused.remove(i).at,
                    None => on_day(day, t, zone).unwrap_or(now),
                }
            }
        };
        let (messages, people) = links(&body, agenda);
        notes.push(NewNote {
            session: s.id.to_string(),
            session_title: s.title.to_string(),
            at,
            text: body,
            messages,
            people,
        });
    }
    notes
}

/// `HH:MM` (or `H:MM`) at the start of a line and followed by a space or
/// nothing: the time, and the rest of the line.
fn split_stamp(line: &str) -> (Option<NaiveTime>, &str) {
    let end = line.find(char::is_whitespace).unwrap_or(line.len());
    let head = &line[..end];
    let shaped = head
        .split_once(':')
        .is_some_and(|(h, m)| matches!(h.len(), 1 | 2) && m.len() == 2);
    let parsed = (shaped && head.is_ascii())
        .then(|| NaiveTime::parse_from_str(head, "%H:%M").ok())
        .flatten();
    match parsed {
        Some(t) => (Some(t), &line[end..]),
        None => (None, line),
    }
}

/// `t` on `day` in `zone`; None in a gap (a spring-forward hour).
fn on_day(day: NaiveDate, t: NaiveTime, zone: Zone) -> Option<DateTime<Utc>> {
    match resolve_naive(zone, day.and_time(t)) {
        Resolved::At(at) => Some(at),
        Resolved::Gap => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{from_text, split_stamp, to_text};
    use crate::notes::Note;
    use chrono::{DateTime, NaiveTime, TimeZone, Utc};
    use chrono_tz::America::New_York;

    /// 2017-06-23 at `h:m:s` New York time (UTC-4).
    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2017, 6, 23, h + 4, m, s).unwrap()
    }

    fn note(id: i64, when: DateTime<Utc>, text: &str) -> Note {
        Note {
            id,
            session: "panel-1".into(),
            session_title: "Panel 1".into(),
            at: when,
            text: text.into(),
            messages: vec![],
            people: vec![],
        }
    }

    #[test]
    fn the_file_is_one_note_a_line_with_its_stamp() {
        let notes = [
            note(1, at(11, 5, 30), "one #1"),
            note(2, at(11, 7, 0), "two"),
        ];
        assert_eq!(
            to_text(&notes, New_York.into()),
            "11:05  one #1\n11:07  two\n"
        );
    }

    #[test]
    fn kept_stamps_keep_their_time_new_lines_get_the_clock_or_their_stamp() {
        let agenda = crate::testing::hearing();
        let panel1 = agenda
            .sessions
            .iter()
            .position(|s| &*s.id == "panel-1")
            .unwrap();
        let old = [note(1, at(11, 5, 30), "one"), note(2, at(11, 5, 50), "two")];
        let old: Vec<&Note> = old.iter().collect();
        let now = at(11, 20, 0);
        let text = "11:05  one, edited @Buck #1\n\n  new line\n10:40 stamped #km2\n11:05 third at 11:05\n11:05\n";
        let notes = from_text(text, &old, &agenda, panel1, now, New_York.into());
        let got: Vec<(DateTime<Utc>, &str)> =
            notes.iter().map(|n| (n.at, n.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (at(11, 5, 30), "one, edited @Buck #1"),
                (now, "new line"),
                (at(10, 40, 0), "stamped #km2"),
                (at(11, 5, 50), "third at 11:05"),
            ]
        );
        assert_eq!(notes[0].people, ["kay-buck"]);
        assert_eq!(notes[0].messages, ["km1"]);
        assert_eq!(notes[2].messages, ["km2"]);
        assert!(notes.iter().all(|n| n.session == "panel-1"));
    }

    #[test]
    fn what_is_not_a_stamp_is_text_and_text_is_made_safe() {
        assert_eq!(split_stamp("11:05 x").0, NaiveTime::from_hms_opt(11, 5, 0));
        assert_eq!(split_stamp("9:05").0, NaiveTime::from_hms_opt(9, 5, 0));
        for line in ["25:00 x", "11:5 x", "11:05x", "١١:٠٥ x", "11:05:00 x"] {
            assert_eq!(split_stamp(line), (None, line), "{line}");
        }
        let agenda = crate::testing::hearing();
        let now = at(11, 0, 0);
        let notes = from_text(
            "a\x1b[31mb\tc\u{202e}d",
            &[],
            &agenda,
            0,
            now,
            New_York.into(),
        );
        assert_eq!(notes[0].text, "ab cd");
        assert!(from_text("\n \n11:05   \n", &[], &agenda, 0, now, New_York.into()).is_empty());
    }
}
