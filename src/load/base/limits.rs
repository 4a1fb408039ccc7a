//! The bounds on what a file can make dais do, whatever its format.

/// Bounds on what a file can make dais do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read, in bytes.
    pub max_bytes: u64,
    /// The longest string, in bytes.
    pub max_string: usize,
    /// The most sessions, people or key messages.
    pub max_items: usize,
    /// The most participants in one session.
    pub max_participants: usize,
    /// The most notes or key message ids in one session, or sources in the
    /// event.
    pub max_entries: usize,
    /// The most paragraphs in the event's summary or in one key message.
    pub max_paragraphs: usize,
    /// The most errors, and separately warnings, listed for one file; the
    /// rest are counted in one last problem.
    pub max_problems: usize,
    /// The deepest nesting of JSON arrays and objects.
    pub max_depth: usize,
    /// The format every file is read as when the user names one
    /// (`--format-in`); `None` decides it from the content. Not a bound,
    /// but it goes wherever the bounds go: to every read, reloads included.
    pub format_in: Option<FormatIn>,
    /// The zone a file is read in when it names none (`--tz`, else the
    /// viewer's): set by `main`, since nothing below it reads the
    /// environment. `None` reads such a file in UTC (and says so).
    pub zone: Option<Fallback>,
}

/// The zone to read a file in when the file does not say, and where it
/// came from (for the warning that says which was used).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fallback {
    /// The zone.
    pub tz: chrono_tz::Tz,
    /// Given with `--tz` (which also overrides a zone inferred from the
    /// dates' offsets), or the viewer's own (`TZ`, else the system's).
    pub given: bool,
}

/// A format named on the command line (`--format-in NAME`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatIn {
    /// The native `dais/1` format.
    #[value(name = "dais1")]
    Dais1,
    /// frab / c3voc schedule.json (version 1 or schedule2).
    ScheduleJson,
    /// frab / pentabarf schedule.xml.
    ScheduleXml,
    /// iCalendar (.ics).
    Ics,
    /// Indico's event or timetable JSON export.
    Indico,
}
impl Default for Limits {
    fn default() -> Self {
        Limits {
            // Admits a 100,000-session agenda (about 45 MB) with room.
            max_bytes: 64 * 1024 * 1024,
            max_string: 64 * 1024,
            max_items: 1_000_000,
            max_participants: 10_000,
            max_entries: 1_000,
            max_paragraphs: 10_000,
            max_problems: 1_000,
            max_depth: 64,
            format_in: None,
            zone: None,
        }
    }
}
