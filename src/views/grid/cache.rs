//! The grid's layout, kept between frames: the sessions with their shifted
//! times (rebuilt when the agenda, the shift or the zone changes) and the
//! shown day's boxes (rebuilt when the day or the zoom changes), so a
//! keystroke or a frame never lays out more than one day.

use crate::agenda::Zone;
use crate::agenda::{Agenda, MarkFilter, Marks};
use crate::app::live::{Shift, shifted};
use crate::app::shared::Shared;
use crate::grid::{Day, Item, Rooms, Zoom, days, of_day};
use chrono::{DateTime, NaiveDate, Utc};
use std::cell::RefCell;
use std::sync::Arc;

/// What the sessions' layout depends on.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    agenda: usize,
    sessions: usize,
    shift: Shift,
    zone: Zone,
    /// Which sessions are on show (hidden ones and, with `o`, unstarred
    /// ones are left out): the marks and the filter decide.
    filter: MarkFilter,
    marks: Marks,
}

impl Key {
    fn of(shared: &Shared) -> Key {
        Key {
            agenda: Arc::as_ptr(&shared.agenda) as usize,
            sessions: shared.agenda.sessions.len(),
            shift: shared.live.shift.clone(),
            zone: zone(shared),
            filter: shared.programme.filter,
            marks: shared.programme.marks.clone(),
        }
    }

    /// Whether the layout made for this key is `shared`'s: compared in
    /// place, as every frame asks (nothing per session, nothing copied).
    fn is_for(&self, shared: &Shared) -> bool {
        self.agenda == Arc::as_ptr(&shared.agenda) as usize
            && self.sessions == shared.agenda.sessions.len()
            && self.shift == shared.live.shift
            && self.zone == zone(shared)
            && self.filter == shared.programme.filter
            && self.marks == shared.programme.marks
    }
}

/// The sessions in time order and the days they fall on.
#[derive(Debug)]
pub struct Programme {
    key: Key,
    /// Sessions by shifted start.
    pub items: Vec<Item>,
    /// Lanes and tracks.
    pub rooms: Rooms,
    /// The days with sessions, in order.
    pub days: Vec<NaiveDate>,
    /// Each session's shifted start.
    starts: Vec<DateTime<Utc>>,
}

impl Programme {
    fn new(key: Key, agenda: &Agenda, shift: &Shift, shows: impl Fn(usize) -> bool) -> Programme {
        let mut items: Vec<Item> = (0..agenda.sessions.len())
            .filter(|&i| shows(i))
            .map(|i| {
                let (start, end) = shifted(agenda, shift, i);
                Item {
                    session: i,
                    start,
                    end: end.max(start),
                }
            })
            .collect();
        let starts = (0..agenda.sessions.len())
            .map(|i| shifted(agenda, shift, i).0)
            .collect();
        items.sort_by_key(|it| (it.start, it.session));
        let days = days(&items, key.zone);
        Programme {
            rooms: Rooms::new(agenda),
            key,
            items,
            days,
            starts,
        }
    }

    /// The day session `s` starts on, in the zone shown.
    pub fn day_of(&self, s: usize) -> Option<NaiveDate> {
        let t = self.starts.get(s)?;
        Some(t.with_timezone(&self.key.zone).date_naive())
    }

    /// Lays out `date` at `zoom`.
    pub fn day(&self, date: NaiveDate, zoom: Zoom) -> Day {
        let zone = self.key.zone;
        Day::new(
            date,
            of_day(&self.items, date, zone),
            &self.rooms,
            zone,
            zoom,
        )
    }
}

/// The layout the grid view keeps.
#[derive(Debug, Clone, Default)]
pub struct Cache {
    programme: RefCell<Option<Arc<Programme>>>,
    day: RefCell<Option<(NaiveDate, Zoom, Arc<Day>)>>,
}

impl Cache {
    /// The sessions' layout for `shared`, made anew if it changed.
    pub fn programme(&self, shared: &Shared) -> Arc<Programme> {
        let mut slot = self.programme.borrow_mut();
        if let Some(p) = slot.as_ref().filter(|p| p.key.is_for(shared)) {
            return Arc::clone(p);
        }
        let p = Arc::new(Programme::new(
            Key::of(shared),
            &shared.agenda,
            &shared.live.shift,
            |i| shared.programme.shows(i),
        ));
        *slot = Some(Arc::clone(&p));
        *self.day.borrow_mut() = None;
        p
    }

    /// Whether the sessions have been laid out (for tests).
    #[cfg(test)]
    pub fn laid_out(&self) -> bool {
        self.programme.borrow().is_some()
    }

    /// Day `date` laid out at `zoom`.
    pub fn day(&self, programme: &Programme, date: NaiveDate, zoom: Zoom) -> Arc<Day> {
        let mut slot = self.day.borrow_mut();
        if let Some((_, _, day)) = slot.as_ref().filter(|(d, z, _)| *d == date && *z == zoom) {
            return Arc::clone(day);
        }
        let day = Arc::new(programme.day(date, zoom));
        *slot = Some((date, zoom, Arc::clone(&day)));
        day
    }
}

/// The zone the grid shows times in.
pub fn zone(shared: &Shared) -> Zone {
    shared.zone()
}
