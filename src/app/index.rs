//! What every frame needs, computed once per agenda: timeline rows, who is
//! in which session, which sessions speak to each key message.

use crate::agenda::parts::{self, Heading, Headings};
use crate::agenda::{Agenda, Session};
use chrono::{NaiveDate, NaiveDateTime};

mod labels;
mod shown;

/// One row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A day heading (multi-day agendas).
    Day(NaiveDate),
    /// A part heading: the part of the session with this index.
    Part(usize),
    /// A heading of parts that run side by side: the text at this index
    /// of [`Index::parts`]' `side_by_side`.
    SideBySide(usize),
    /// A session, by index.
    Session(usize),
    /// Time with no session, between two planned times.
    Gap {
        /// Where the free time starts.
        from: NaiveDateTime,
        /// Where it ends.
        to: NaiveDateTime,
    },
}

impl Row {
    /// Whether the row starts a section of the timeline: a day or a part
    /// (or parts side by side).
    pub fn is_heading(&self) -> bool {
        matches!(self, Row::Day(_) | Row::Part(_) | Row::SideBySide(_))
    }
}

/// Lookups derived from an agenda.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// The timeline, in programme order with headings and gaps.
    pub rows: Vec<Row>,
    /// For each session, its row in `rows`.
    pub row_of: Vec<usize>,
    /// The part headings of the timeline, and which sessions are under a
    /// heading of parts side by side.
    pub parts: Headings,
    /// For each person, the sessions they take part in (ascending).
    pub sessions_of_person: Vec<Vec<usize>>,
    /// For each person, how the people view names them: the name, told
    /// apart from another of the same name by room or track.
    pub person_labels: Vec<String>,
    /// For each key message, the sessions linked to it (ascending).
    pub sessions_of_message: Vec<Vec<usize>>,
    /// The longest session in minutes, to scale duration bars.
    pub longest_minutes: i64,
    /// Whether the agenda spans more than one day.
    pub multi_day: bool,
    /// The width of the widest planned time range ("10:00-11:30", or
    /// "Mon 22:00-Tue 02:00" for a session that ends on a later day).
    pub time_width: usize,
    /// The last day with a session.
    pub last_day: Option<NaiveDate>,
    /// The sessions in the timeline, ascending, when some are left out
    /// (hidden, or `o` shows starred ones only); `None`: every one.
    pub shown: Option<Vec<usize>>,
}

impl Index {
    /// The timeline of `agenda` alone: rows and the figures drawn from
    /// them, with no people's or key messages' sessions and no people's
    /// labels (those are for the people and key messages views, which an
    /// app made with [`crate::app::Prepared::for_status`] never draws).
    pub fn timeline_only(agenda: &Agenda) -> Self {
        Index::new_with(agenda, false)
    }

    /// Derives the index of `agenda`.
    pub fn new(agenda: &Agenda) -> Self {
        Index::new_with(agenda, true)
    }

    /// The index, with the people's and key messages' lists if `all`.
    fn new_with(agenda: &Agenda, all: bool) -> Self {
        let multi_day = agenda.is_multi_day();
        let every: Vec<usize> = (0..agenda.sessions.len()).collect();
        let (rows, row_of, parts) = timeline(agenda, multi_day, &every);
        let mut sessions_of_person = vec![Vec::new(); if all { agenda.people.len() } else { 0 }];
        let mut sessions_of_message =
            vec![Vec::new(); if all { agenda.key_messages.len() } else { 0 }];
        for (i, s) in agenda.sessions.iter().enumerate().filter(|_| all) {
            for p in &s.participants {
                let list: &mut Vec<usize> = &mut sessions_of_person[p.person];
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            for &k in &s.key_messages {
                let list: &mut Vec<usize> = &mut sessions_of_message[k];
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        // One pass over the sessions, not one per figure: at 100,000
        // sessions each pass is megabytes.
        let (mut longest_minutes, mut last_day, mut time_width) = (0, None, 11);
        for s in &agenda.sessions {
            longest_minutes = longest_minutes.max(s.span.minutes());
            last_day = last_day.max(Some(s.date()));
            if s.span.ends_on_later_day() {
                let label = crate::agenda::range_label(s.span.local_start, s.span.local_end);
                time_width = time_width.max(label.len());
            }
        }
        let person_labels = if all {
            labels::person_labels(agenda, &sessions_of_person)
        } else {
            Vec::new()
        };
        Index {
            rows,
            row_of,
            parts,
            person_labels,
            sessions_of_person,
            sessions_of_message,
            longest_minutes,
            multi_day,
            time_width,
            last_day,
            shown: None,
        }
    }
}

/// The timeline's rows for the sessions in `order` (ascending), each
/// session's row (one left out: the row of the next one shown, or the
/// end), and the part headings among them.
fn timeline(agenda: &Agenda, multi_day: bool, order: &[usize]) -> (Vec<Row>, Vec<usize>, Headings) {
    let headings = parts::headings(agenda, order);
    let mut heads = headings.before.iter().peekable();
    let mut rows = Vec::with_capacity(order.len() * 5 / 4 + 2);
    let mut row_of = vec![usize::MAX; agenda.sessions.len()];
    let mut prev: Option<&Session> = None;
    let mut latest_end: Option<NaiveDateTime> = None;
    for (k, &i) in order.iter().enumerate() {
        let s = &agenda.sessions[i];
        let new_day = prev.is_none_or(|p| p.date() != s.date());
        if multi_day && new_day {
            rows.push(Row::Day(s.date()));
        }
        if let Some(end) = latest_end.filter(|e| !new_day && *e < s.span.local_start) {
            rows.push(Row::Gap {
                from: end,
                to: s.span.local_start,
            });
        }
        if let Some(&(_, heading)) = heads.next_if(|&&(at, _)| at == k) {
            rows.push(match heading {
                Heading::Part => Row::Part(i),
                Heading::SideBySide(t) => Row::SideBySide(t),
            });
        }
        row_of[i] = rows.len();
        rows.push(Row::Session(i));
        latest_end = Some(match latest_end {
            Some(e) if !new_day => e.max(s.span.local_end),
            _ => s.span.local_end,
        });
        prev = Some(s);
    }
    // Left out: the row of the next session shown, else the last row.
    let mut next = rows.len().saturating_sub(1);
    for r in row_of.iter_mut().rev() {
        if *r == usize::MAX {
            *r = next;
        } else {
            next = *r;
        }
    }
    (rows, row_of, headings)
}

impl Index {
    /// The first session at or after row `from`.
    fn first_session_from(&self, from: usize) -> Option<usize> {
        self.rows.get(from..)?.iter().find_map(|r| match r {
            Row::Session(i) => Some(*i),
            _ => None,
        })
    }

    /// The first session of the section (day or part) after the one
    /// `session` is in; `None` in the last section.
    pub fn next_section(&self, session: usize) -> Option<usize> {
        let row = *self.row_of.get(session)?;
        let after = row + 1;
        let heading = after + self.rows.get(after..)?.iter().position(Row::is_heading)?;
        self.first_session_from(heading)
    }

    /// The first session of the section `session` is in or, if it is that
    /// session, of the section before; `None` above the first heading.
    pub fn prev_section(&self, session: usize) -> Option<usize> {
        let mut end = *self.row_of.get(session)?;
        loop {
            let heading = self.rows.get(..end)?.iter().rposition(Row::is_heading)?;
            let first = self.first_session_from(heading)?;
            if first != session {
                return Some(first);
            }
            // Past the headings that open this section (a day, then a part).
            end = heading;
            while end > 0 && self.rows[end - 1].is_heading() {
                end -= 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Index, Row};
    use crate::agenda::Agenda;

    /// The rows as text: headings, session ids and gaps.
    fn kinds(agenda: &Agenda, index: &Index) -> Vec<String> {
        index
            .rows
            .iter()
            .map(|r| match r {
                Row::Day(_) => "day".into(),
                Row::Part(i) => format!("part:{}", agenda.sessions[*i].part.as_deref().unwrap()),
                Row::SideBySide(k) => format!("parts:{}", index.parts.side_by_side[*k]),
                Row::Session(i) => agenda.sessions[*i].id.to_string(),
                Row::Gap { from, to } => {
                    format!("gap:{}-{}", from.format("%H:%M"), to.format("%H:%M"))
                }
            })
            .collect()
    }

    #[test]
    fn hearing_rows_have_parts_and_the_lunch_gap() {
        let agenda = crate::testing::hearing();
        let index = Index::new(&agenda);
        assert_eq!(
            kinds(&agenda, &index),
            [
                "part:Morning Meeting",
                "opening",
                "introductory-statements",
                "panel-1",
                "panel-2",
                "gap:13:00-15:00",
                "part:Afternoon Meeting",
                "panel-3",
                "panel-4",
                "closing"
            ]
        );
        assert_eq!(index.row_of[4], 7);
        assert_eq!(index.longest_minutes, 85);
        // Peter Thomson chairs the opening and the closing.
        let peter = agenda
            .people
            .iter()
            .position(|p| p.id == "peter-thomson")
            .unwrap();
        assert_eq!(index.sessions_of_person[peter], [0, 6]);
        assert!(index.sessions_of_message[3].contains(&5));
    }

    #[test]
    fn sections_step_by_part_and_by_day() {
        let agenda = crate::testing::hearing();
        let index = Index::new(&agenda);
        let id = |i: Option<usize>| i.map(|i| agenda.sessions[i].id.as_str());
        let at = |id: &str| agenda.sessions.iter().position(|s| &*s.id == id).unwrap();
        // Forward: the afternoon from anywhere in the morning, then nothing.
        assert_eq!(id(index.next_section(at("opening"))), Some("panel-3"));
        assert_eq!(id(index.next_section(at("panel-2"))), Some("panel-3"));
        assert_eq!(id(index.next_section(at("panel-3"))), None);
        // Back: the start of this part, then of the one before.
        assert_eq!(id(index.prev_section(at("closing"))), Some("panel-3"));
        assert_eq!(id(index.prev_section(at("panel-3"))), Some("opening"));
        assert_eq!(id(index.prev_section(at("panel-1"))), Some("opening"));
        assert_eq!(id(index.prev_section(at("opening"))), None);
        // Two days, each with a part: a day heading and a part heading
        // open the second section together.
        let rows = vec![
            Row::Day(chrono::NaiveDate::MIN),
            Row::Part(0),
            Row::Session(0),
            Row::Session(1),
            Row::Day(chrono::NaiveDate::MAX),
            Row::Part(2),
            Row::Session(2),
            Row::Session(3),
        ];
        let index = Index {
            row_of: vec![2, 3, 6, 7],
            rows,
            ..Index::default()
        };
        assert_eq!(index.next_section(0), Some(2));
        assert_eq!(index.next_section(2), None);
        assert_eq!(index.prev_section(3), Some(2));
        assert_eq!(index.prev_section(2), Some(0));
        assert_eq!(index.prev_section(1), Some(0));
        assert_eq!(index.prev_section(0), None);
    }

    #[test]
    fn parts_side_by_side_are_one_section_under_one_heading() {
        let session = crate::testing::part_session;
        let agenda = crate::testing::day_agenda(
            "Europe/Berlin",
            "2024-05-01",
            &[
                session("open", "Plenary", "09:00", "09:30"),
                session("a1", "Room A talks", "09:30", "10:00"),
                session("b1", "Room B talks", "09:30", "10:00"),
                session("a2", "Room A talks", "10:00", "10:30"),
                session("b2", "Room B talks", "10:00", "10:30"),
                session("close", "Plenary", "11:00", "11:30"),
            ]
            .join(","),
        );
        let mut index = Index::new(&agenda);
        assert_eq!(
            kinds(&agenda, &index),
            [
                "part:Plenary",
                "open",
                "parts:Room A talks · Room B talks",
                "a1",
                "b1",
                "a2",
                "b2",
                "gap:10:30-11:00",
                "part:Plenary",
                "close"
            ]
        );
        assert!(index.parts.is_side_by_side(3) && !index.parts.is_side_by_side(5));
        // `]` passes over the sessions side by side as one section.
        assert_eq!(index.next_section(0), Some(1));
        assert_eq!(index.next_section(2), Some(5));
        assert_eq!(index.prev_section(4), Some(1));
        // Room A's alone (a filter): its own part again.
        index.show_only(&agenda, &|i| ![2, 4].contains(&i));
        assert_eq!(
            kinds(&agenda, &index)[2..5],
            ["part:Room A talks", "a1", "a2"]
        );
    }
}
