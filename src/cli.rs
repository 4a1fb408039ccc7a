//! The command line, as clap reads it. Help text comes from these comments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Browse a meeting's programme in the terminal, and follow it live.
///
/// With no FILE, dais opens its bundled agenda: the UN General Assembly's
/// Informal Interactive Multi-stakeholder Hearing of 23 June 2017 on the
/// Global Plan of Action to Combat Trafficking in Persons.
#[derive(Debug, Parser)]
#[command(name = "dais", version, after_long_help = [SCREEN_KEYS, MY_PROGRAMME].join("\n\n"))]
pub struct Cli {
    /// The agenda file or URL to open (dais/1, frab / c3voc schedule.json
    /// or schedule.xml, iCalendar, an Indico export; `-` reads standard
    /// input); the bundled hearing if absent.
    pub file: Option<PathBuf>,

    /// How files are read.
    #[command(flatten)]
    pub load: LoadArgs,

    /// The clock the screen and `now` go by.
    #[command(flatten)]
    pub clock: ClockArgs,

    /// Which sessions the screen, `list`, `now` and `export` show.
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Starred and hidden sessions in the screen, `list`, `now` and
    /// `export`.
    #[command(flatten)]
    pub marks: MarkArgs,

    /// What to do instead of opening the screen.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Options given together that do not go together, in words: the
    /// checks clap cannot make itself. `None` when there is none.
    pub fn conflict(&self) -> Option<String> {
        if let (Some(file), Some(_)) = (&self.file, &self.command) {
            // `dais FILE list` would silently list the bundled agenda.
            return Some(format!(
                "give the file after the subcommand, e.g. `dais list {}`",
                crate::load::file_name(file)
            ));
        }
        let shows_sessions = matches!(
            self.command,
            None | Some(Command::List { .. } | Command::Now { .. } | Command::Export { .. })
        );
        if shows_sessions {
            None
        } else if !self.filter.room.is_empty() || !self.filter.track.is_empty() {
            Some("--room and --track choose what the screen, list, now and export show".into())
        } else if self.marks.starred || self.marks.all {
            Some("--starred and --all choose what the screen, list, now and export show".into())
        } else {
            None
        }
    }
}

/// Options that control how files and URLs are read.
#[derive(Debug, Args, Clone, Copy)]
pub struct LoadArgs {
    /// Refuse agenda files (and URL bodies) larger than this many bytes
    /// (default 64 MiB).
    #[arg(long, global = true, value_name = "BYTES")]
    pub max_size: Option<u64>,

    /// Read files as this format instead of deciding from their content.
    #[arg(long, global = true, value_name = "NAME")]
    pub format_in: Option<crate::load::FormatIn>,

    /// Never use the network: a URL's programme comes from the copy
    /// cached when it was last fetched.
    #[arg(long, global = true)]
    pub offline: bool,

    /// Fetch a URL's programme again every this many minutes while the
    /// screen is open (0: never; default 15 from a day before the agenda
    /// until its end, 60 otherwise).
    #[arg(long, global = true, value_name = "MINUTES")]
    pub refresh: Option<u32>,
}

/// Options that choose which sessions to show, to follow one room or track
/// of a conference.
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Show only the sessions in this room (repeat for more; case does not
    /// matter). For the screen, `list`, `now` and `export`.
    #[arg(long, global = true, value_name = "NAME")]
    pub room: Vec<String>,

    /// Show only the sessions in this track (repeat for more; case does
    /// not matter). For the screen, `list`, `now` and `export`.
    #[arg(long, global = true, value_name = "NAME")]
    pub track: Vec<String>,
}

/// Options that choose by the marks a viewer gave: starred sessions
/// (`dais star`, `*` on the screen) and hidden ones (`dais hide`, `x`).
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct MarkArgs {
    /// Show only starred sessions (my programme). For the screen, `list`,
    /// `now` (the next starred session) and `export` (with an alarm before
    /// each).
    #[arg(long, global = true)]
    pub starred: bool,

    /// Include hidden sessions, which are otherwise left out. For the
    /// screen, `list`, `now` and `export`.
    #[arg(long, global = true)]
    pub all: bool,
}

/// Options that set the clock, to rehearse the live view of any meeting.
#[derive(Debug, Args, Clone)]
pub struct ClockArgs {
    /// Start the clock at this moment: "2017-06-23 11:05" or "11:05" (in
    /// the agenda's zone; a bare time is on the agenda's first day), or
    /// RFC 3339 with an offset ("2017-06-23T15:05:00Z").
    #[arg(long, global = true, value_name = "TIME")]
    pub at: Option<String>,

    /// Your own zone, an IANA name ("Europe/Berlin"), instead of `TZ`'s:
    /// the header's clock shows it, and `z` on the screen switches every
    /// time to it. A file that names no zone is read in it (it overrides a
    /// zone inferred from the dates' offsets).
    #[arg(long, global = true, value_name = "ZONE")]
    pub tz: Option<String>,

    /// Run the clock this many times faster than real time.
    #[arg(long, global = true, value_name = "N", default_value_t = 1.0)]
    pub speed: f64,

    /// Read settings from this config file instead of the default one.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// The screen's views and their keys, for `--help` and the manual page
/// (the help screen, `?`, lists every binding, remapped ones included).
const SCREEN_KEYS: &str = "\
The screen: 1 or a the agenda, 2 or m key messages (an agenda without any has no such tab; \
the key says so), 3 or p people, 4 or w your notes \
(every note in time order with its session; Enter goes to the session, / searches them), \
5 or v the grid (rooms side by side, time running down, one day at a time). Your notes \
on a session show under its key messages (`Your notes · N`); `dais notes` writes them \
out as the draft of a summary. i writes a note on the live session (the selected one \
when not following), stamped by the clock: #3 or #km1 links a key message, @Buck a \
person, Tab completes them (an ambiguous start lists the choices, Tab again steps \
through them), Enter saves, Esc drops it (asking first). A note being typed when dais \
is ended by a signal or a closed terminal is kept as a draft; i reopens it. e edits the \
selected session's notes in $VISUAL or $EDITOR, one a line with its stamp. Everywhere: j k move, \
Enter opens, / searches, t follows now, + - shift the times, * stars, x hides, ? help, \
q quits. In the grid: j k along a lane, h l (or arrows, Tab) to the lane beside, [ ] \
change day, < > zoom (5 to 60 minutes a row, kept per agenda), g G first and last; a click selects a \
box, the wheel scrolls time, Shift+wheel the lanes. `dais list --format grid` prints \
the grid as text (--width N, --date YYYY-MM-DD, --ascii).";

/// My programme's keys, reminders and the config's settings, for `--help`
/// and the manual page after [`SCREEN_KEYS`].
const MY_PROGRAMME: &str = "\
My programme: * or f stars the selected session (marked ★; two starred sessions that \
overlap are marked ⚠), x hides it (leaves the timeline), X shows hidden sessions \
dimmed, o shows only the starred ones, z switches every time between the agenda's \
zone and yours (TZ or --tz; remembered per agenda). Before a starred session starts \
dais shows a banner, rings the bell and, where the terminal shows one, sends a desktop \
notification (OSC 777 or OSC 9). Stars and hidden sessions are kept per agenda in \
the state database (`dais state --path`), shared by every window.

Config (`dais config --path`, or --config PATH; `dais config --default` prints every \
setting): theme = \"dark\" | \"light\" | \"high-contrast\"; remind_minutes = 5 (how \
long before a starred session the reminder comes, and the alarm in `export ics \
--starred`; 0: none); notify = \"auto\" | \"bell\" | \"off\" (bell and desktop \
notification, the bell alone, or the banner alone); [keys] binds commands to keys \
(the help screen, ?, names them).";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the whole programme in order.
    List {
        /// The agenda file or URL (`-` for standard input); the bundled
        /// hearing if absent.
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// With `--format grid`: the width to fill (default: the
        /// terminal's, else 100).
        #[arg(long, value_name = "COLUMNS")]
        width: Option<u16>,
        /// With `--format grid`: only this day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<chrono::NaiveDate>,
        /// With `--format grid`: ASCII instead of box-drawing characters.
        #[arg(long)]
        ascii: bool,
    },
    /// Write your notes on an agenda as the draft of a summary: by
    /// session in programme order, then by key message, then the notes
    /// that link none; notes whose session has left the agenda last,
    /// under their old title. Markdown by default (on a terminal or not);
    /// `--format json` reads back with `dais state import`.
    Notes {
        /// The agenda file or URL (`-` for standard input); the bundled
        /// hearing if absent.
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = NotesFormat::Markdown)]
        format: NotesFormat,
        /// Write to this file instead of standard output (replaced whole,
        /// never left half-written).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print one line on what is on now and next, for status bars.
    Now {
        /// The agenda file or URL (`-` for standard input); the bundled
        /// hearing if absent.
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = NowFormat::Text)]
        format: NowFormat,
    },
    /// Star sessions: my programme. `dais star [FILE] ID...`, with ids as
    /// `dais list --format json` prints them; `--remove` unstars.
    Star {
        /// The agenda file (if the first value names one; else the bundled
        /// hearing), then the session ids.
        #[arg(required = true, value_name = "[FILE] ID")]
        args: Vec<String>,
        /// Take the star off instead.
        #[arg(long)]
        remove: bool,
    },
    /// Hide sessions from the screen, `list`, `now` and `export`.
    /// `dais hide [FILE] ID...`; `--remove` shows them again.
    Hide {
        /// The agenda file (if the first value names one; else the bundled
        /// hearing), then the session ids.
        #[arg(required = true, value_name = "[FILE] ID")]
        args: Vec<String>,
        /// Show them again instead.
        #[arg(long)]
        remove: bool,
    },
    /// Show, check or print a default config file (theme, keys).
    Config {
        /// Print a commented config file with every default.
        #[arg(long, conflicts_with = "path")]
        default: bool,
        /// Print where the config file is read from.
        #[arg(long)]
        path: bool,
    },
    /// Check agenda files and report every problem; exit status 1 if any is invalid.
    Validate {
        /// The agenda files or URLs to check (`-` for standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write an agenda as a dais/1 file: any format dais reads converted
    /// (schedule.json or .xml, iCalendar, an Indico export), or a dais/1
    /// file normalized. What does not carry over is warned about on
    /// standard error.
    Convert {
        /// The file or URL to convert (`-` for standard input).
        file: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print what changed between two versions of a programme (files or
    /// URLs): sessions added, removed, moved, renamed or re-peopled. Exit
    /// status 0 if nothing changed, 1 if something did, 2 on trouble.
    Diff {
        /// The older version.
        old: PathBuf,
        /// The newer version.
        new: PathBuf,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// Write the programme in another tool's format.
    Export {
        /// The format to write.
        #[command(subcommand)]
        format: ExportFormat,
    },
    /// Show where your saved state is (running-late shifts), back it up
    /// as JSON, or read a backup back.
    #[command(args_conflicts_with_subcommands = true, arg_required_else_help = true)]
    State {
        /// Print where the state database is.
        #[arg(long)]
        path: bool,
        /// What to do with it.
        #[command(subcommand)]
        action: Option<StateAction>,
    },
    /// Print a shell completion script (e.g. `dais completions bash`).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print dais's manual page (roff) to standard output, or write it and
    /// one page per subcommand into a directory.
    Man {
        /// Write dais.1, dais-list.1… into this directory instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// The formats `dais export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportFormat {
    /// An iCalendar (RFC 5545) calendar: one event per session, with the
    /// room or venue, participants by role and linked key messages.
    Ics {
        /// The agenda file or URL (`-` for standard input); the bundled
        /// hearing if absent.
        file: Option<PathBuf>,
        /// Export only the session with this id; repeat for more.
        #[arg(long = "session", value_name = "ID")]
        sessions: Vec<String>,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// What `dais state` does.
#[derive(Debug, Subcommand)]
pub enum StateAction {
    /// Write everything in the state database as JSON to standard output:
    /// a backup.
    Export,
    /// Read a backup made by `dais state export` back into the state
    /// database, merging: its rows are added, or replace the same ones;
    /// no row is dropped.
    Import {
        /// The backup file.
        file: PathBuf,
    },
}

/// How `dais list` writes the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned plain text (styled on a terminal).
    Text,
    /// Markdown, for pasting into documents.
    Markdown,
    /// The normalized agenda as dais/1 JSON, with resolved RFC 3339 times.
    Json,
    /// Rooms side by side, time running down, one day after another.
    Grid,
}

/// How `dais diff` writes the changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One line per change: `+` added, `-` removed, `~` changed.
    Text,
    /// One JSON object: the changes with their kind and session id, and
    /// counts.
    Json,
}

/// How `dais notes` writes the notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NotesFormat {
    /// Markdown headings and lists: the draft of a summary.
    Markdown,
    /// Plain text, the same order.
    Text,
    /// A `dais state` backup holding the notes alone.
    Json,
}

/// How `dais now` writes its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NowFormat {
    /// One line of text.
    Text,
    /// One JSON object.
    Json,
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::Parser;

    fn conflict(args: &[&str]) -> Option<String> {
        Cli::try_parse_from(args).unwrap().conflict()
    }

    #[test]
    fn options_that_do_not_go_together_are_named() {
        assert_eq!(
            conflict(&["dais", "a.json", "list"]).as_deref(),
            Some("give the file after the subcommand, e.g. `dais list a.json`")
        );
        let room = conflict(&["dais", "--track", "T", "validate", "a.json"]).unwrap();
        assert!(room.starts_with("--room and --track choose"), "{room}");
        let starred = conflict(&["dais", "--starred", "state", "--path"]).unwrap();
        assert!(
            starred.starts_with("--starred and --all choose"),
            "{starred}"
        );
        for fine in [
            &["dais", "a.json"][..],
            &["dais", "--room", "A", "--all", "list", "a.json"],
            &["dais", "--starred", "now"],
            &["dais", "--track", "T", "export", "ics"],
        ] {
            assert_eq!(conflict(fine), None, "{fine:?}");
        }
    }
}
