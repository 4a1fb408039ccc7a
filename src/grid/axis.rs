//! The grid's time axis: rows of a fixed number of minutes from an origin,
//! counted in real time, so a day with a DST change has one hour more or
//! less of rows and its labels say what the clock on the wall said.

use crate::agenda::Zone;
use chrono::{DateTime, Duration, TimeZone, Timelike, Utc};

/// Minutes a row stands for: `<` and `>` step through these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Zoom {
    /// 5 minutes a row.
    M5,
    /// 10 minutes a row.
    M10,
    /// 15 minutes a row.
    #[default]
    M15,
    /// 30 minutes a row.
    M30,
    /// An hour a row.
    M60,
}

impl Zoom {
    /// Every zoom, finest first.
    pub const ALL: [Zoom; 5] = [Zoom::M5, Zoom::M10, Zoom::M15, Zoom::M30, Zoom::M60];

    /// Minutes a row.
    pub fn minutes(self) -> i64 {
        match self {
            Zoom::M5 => 5,
            Zoom::M10 => 10,
            Zoom::M15 => 15,
            Zoom::M30 => 30,
            Zoom::M60 => 60,
        }
    }

    /// The zoom of `minutes` a row, if it is one.
    pub fn from_minutes(minutes: i64) -> Option<Zoom> {
        Zoom::ALL.into_iter().find(|z| z.minutes() == minutes)
    }

    /// Fewer minutes a row (`>`: the boxes grow), if there is a finer one.
    pub fn finer(self) -> Zoom {
        let i = Zoom::ALL.iter().position(|&z| z == self).unwrap_or(0);
        Zoom::ALL[i.saturating_sub(1)]
    }

    /// More minutes a row (`<`: more of the day fits).
    pub fn coarser(self) -> Zoom {
        let i = Zoom::ALL.iter().position(|&z| z == self).unwrap_or(0);
        Zoom::ALL[(i + 1).min(Zoom::ALL.len() - 1)]
    }
}

/// Rows of [`Zoom`] minutes from `origin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Axis {
    /// The instant row 0 starts.
    pub origin: DateTime<Utc>,
    /// Minutes a row.
    pub zoom: Zoom,
    /// How many rows the day takes (at least 1).
    pub rows: usize,
    /// The zone the labels are in.
    pub zone: Zone,
}

impl Axis {
    /// An axis from a whole row at or before `first` to `last`: rows start on
    /// the wall clock's multiples of the zoom (09:00, 09:15, …) in `zone`.
    pub fn new(first: DateTime<Utc>, last: DateTime<Utc>, zone: Zone, zoom: Zoom) -> Axis {
        let step = zoom.minutes();
        let local = first.with_timezone(&zone).naive_local();
        let minute = i64::from(local.hour()) * 60 + i64::from(local.minute());
        let floored = local
            .with_second(0)
            .and_then(|t| t.with_nanosecond(0))
            .map(|t| t - Duration::minutes(minute % step));
        let origin = floored
            .and_then(|t| zone.from_local_datetime(&t).earliest())
            .map(|t| t.with_timezone(&Utc))
            .filter(|&t| t <= first)
            // The floored time fell in a DST gap: count from `first` itself.
            .unwrap_or(first);
        let mut axis = Axis {
            origin,
            zoom,
            rows: 1,
            zone,
        };
        axis.rows = axis.row_after(last).max(1);
        axis
    }

    /// The row `t` falls in (0 before the origin).
    pub fn row_of(&self, t: DateTime<Utc>) -> usize {
        let m = (t - self.origin).num_minutes().max(0) / self.zoom.minutes();
        usize::try_from(m).unwrap_or(usize::MAX)
    }

    /// The first row wholly after `t`: a box ending at `t` ends above it.
    pub fn row_after(&self, t: DateTime<Utc>) -> usize {
        let secs = (t - self.origin).num_seconds().max(0);
        let step = self.zoom.minutes() * 60;
        usize::try_from(secs.div_euclid(step) + i64::from(secs % step != 0)).unwrap_or(usize::MAX)
    }

    /// The row boundary nearest to `t`: where a box starting or ending at
    /// `t` is cut, so back-to-back sessions never share a row.
    pub fn row_near(&self, t: DateTime<Utc>) -> usize {
        let secs = (t - self.origin).num_seconds().max(0);
        let step = self.zoom.minutes() * 60;
        usize::try_from((secs + step / 2) / step).unwrap_or(usize::MAX)
    }

    /// When row `r` starts.
    pub fn time_of(&self, r: usize) -> DateTime<Utc> {
        i64::try_from(r)
            .ok()
            .and_then(|r| r.checked_mul(self.zoom.minutes()))
            .and_then(Duration::try_minutes)
            .and_then(|d| self.origin.checked_add_signed(d))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// The label of row `r`: its wall-clock time on the hour and half hour.
    pub fn label(&self, r: usize) -> Option<String> {
        let t = self.time_of(r).with_timezone(&self.zone);
        (t.minute().is_multiple_of(30) && t.second() == 0).then(|| t.format("%H:%M").to_string())
    }
}
