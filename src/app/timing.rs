//! The programme in time order with the shift applied, so that "what is on
//! now" is a binary search, not a scan. Rebuilt when the agenda or the
//! shift changes, which is rare; read on every tick and frame.

use super::live::{Shift, Status};
use crate::agenda::Agenda;
use chrono::{DateTime, Utc};

/// Sessions sorted by shifted start, with running maxima of their ends.
#[derive(Debug, Clone, Default)]
pub struct Timing {
    /// (shifted start, session), ascending; ties in programme order.
    by_start: Vec<(DateTime<Utc>, usize)>,
    /// For each position in `by_start`: the latest shifted end among it
    /// and everything before it, and whose end that is.
    max_end: Vec<(DateTime<Utc>, usize)>,
}

impl Timing {
    /// Sorts `agenda`'s sessions with `shift` applied.
    pub fn new(agenda: &Agenda, shift: &Shift) -> Self {
        let mut delays = shift.steps.iter().peekable();
        let mut delay = 0;
        let mut ends = Vec::with_capacity(agenda.sessions.len());
        let mut by_start: Vec<(DateTime<Utc>, usize)> = agenda
            .sessions
            .iter()
            .enumerate()
            .map(|(i, s)| {
                while let Some((_, m)) = delays.next_if(|(from, _)| *from <= i) {
                    delay = i64::saturating_add(delay, *m);
                }
                let d = super::live::delay(delay);
                ends.push(s.span.end + d);
                (s.span.start + d, i)
            })
            .collect();
        by_start.sort_unstable();
        let mut max_end: Vec<(DateTime<Utc>, usize)> = Vec::with_capacity(by_start.len());
        for &(_, i) in &by_start {
            let here = (ends[i], i);
            max_end.push(match max_end.last() {
                Some(&prev) if prev.0 >= here.0 => prev,
                _ => here,
            });
        }
        Timing { by_start, max_end }
    }

    /// Where `now` falls. With overlapping sessions the one that started
    /// last (still running) is live.
    pub fn status(&self, agenda: &Agenda, shift: &Shift, now: DateTime<Utc>) -> Status {
        let Some(&(_, first)) = self.by_start.first() else {
            return Status::After { last: 0 };
        };
        let started = self.by_start.partition_point(|&(t, _)| t <= now);
        let next = self.by_start.get(started).map(|&(_, i)| i);
        // Walk back from the latest start while something could still run.
        let mut live = None;
        for k in (0..started).rev() {
            if self.max_end[k].0 <= now {
                break;
            }
            let i = self.by_start[k].1;
            if super::live::shifted(agenda, shift, i).1 > now {
                live = Some(i);
                break;
            }
        }
        match (live, next) {
            (Some(session), next) => Status::Live { session, next },
            (None, Some(_)) if started == 0 => Status::Before { first },
            (None, Some(next)) => Status::Gap { next },
            (None, None) => Status::After {
                last: self.max_end.last().map_or(0, |&(_, i)| i),
            },
        }
    }
}

/// How far back [`Timing::also_live`] looks: an all-year session under a
/// year of short ones would otherwise make it walk the whole programme on
/// every frame.
const ALSO_LIVE_LOOK: usize = 4096;

impl Timing {
    /// How many sessions besides `live` run at `now` (parallel rooms),
    /// among the [`ALSO_LIVE_LOOK`] that started last.
    pub fn also_live(
        &self,
        agenda: &Agenda,
        shift: &Shift,
        now: DateTime<Utc>,
        live: usize,
    ) -> usize {
        let started = self.by_start.partition_point(|&(t, _)| t <= now);
        (0..started)
            .rev()
            .take(ALSO_LIVE_LOOK)
            .take_while(|&k| self.max_end[k].0 > now)
            .map(|k| self.by_start[k].1)
            .filter(|&i| i != live && super::live::shifted(agenda, shift, i).1 > now)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::Timing;
    use crate::app::live::{Shift, shifted, status};
    use crate::load::{BUNDLED, Limits, load_bytes};
    use chrono::{Duration, TimeZone, Utc};

    const OVERLAPPING: &str = r#"{"format": "dais/1",
      "event": {"title": "T", "date": "2024-05-01", "timezone": "Europe/Paris"},
      "sessions": [
        {"id": "a", "title": "A", "kind": "other", "start": "09:00", "end": "17:00"},
        {"id": "b", "title": "B", "kind": "other", "start": "10:00", "end": "10:30"},
        {"id": "c", "title": "C", "kind": "other", "start": "08:00", "end": "08:30"},
        {"id": "d", "title": "D", "kind": "other", "start": "18:00", "end": "19:00"}
      ]}"#;

    #[test]
    fn agrees_with_a_full_scan_minute_by_minute() {
        for text in [BUNDLED, OVERLAPPING] {
            let agenda = load_bytes("t", text.as_bytes(), &Limits::default())
                .unwrap()
                .agenda;
            let mut shifts = vec![Shift::default()];
            let mut s = Shift::default();
            s.add(2, 10);
            shifts.push(s.clone());
            s.add(4, -25);
            shifts.push(s);
            for shift in &shifts {
                let timing = Timing::new(&agenda, shift);
                let day = agenda.sessions[0].span.start - Duration::hours(3);
                for m in 0..(16 * 60) {
                    let now = day + Duration::minutes(m) + Duration::seconds(m % 3 * 20);
                    let got = timing.status(&agenda, shift, now);
                    assert_eq!(got, status(&agenda, shift, now), "at {now} with {shift:?}");
                    if let crate::app::live::Status::Live { session, .. } = got {
                        let running = (0..agenda.sessions.len())
                            .filter(|&i| {
                                let (start, end) = shifted(&agenda, shift, i);
                                start <= now && now < end
                            })
                            .count();
                        assert_eq!(
                            timing.also_live(&agenda, shift, now, session),
                            running - 1,
                            "at {now} with {shift:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_long_session_stays_live_under_short_ones() {
        let agenda = load_bytes("t", OVERLAPPING.as_bytes(), &Limits::default())
            .unwrap()
            .agenda;
        let timing = Timing::new(&agenda, &Shift::default());
        let at = Utc.with_ymd_and_hms(2024, 5, 1, 9, 0, 0).unwrap(); // 11:00 in Paris
        let got = timing.status(&agenda, &Shift::default(), at);
        assert_eq!(
            got,
            crate::app::live::Status::Live {
                session: 0,
                next: Some(3)
            }
        );
    }
}
