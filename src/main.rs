//! Process start-up: read the command line, supply the outside world
//! (real time, the viewer's zone, the environment), load, run, exit.

use chrono::Utc;
use chrono_tz::Tz;
use clap::Parser;
use dais::agenda::{Mark, MarkFilter, SessionFilter};
use dais::cli::{Cli, Command, ExportFormat, ListFormat, StateAction};
use dais::clock::{Clock, parse_at};
use dais::commands;
use dais::fetch::{Cache, Client, Net, Settings};
use dais::load::{Limits, Loaded};
use dais::output::{emit, emit_with, print};
use dais::source::{Opened, Source};
use dais::store::Store;
use dais::theme::Theme;
use dais::tui::Exit;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Past a file size limit (`ulimit -f`) a write fails with EFBIG, which
    // is reported, instead of the default SIGXFSZ killing dais mid-file.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    let cli = parse_args();
    // Debug builds only: the tests' way to make the screen fail.
    #[cfg(debug_assertions)]
    if let Some(fault) = std::env::var(dais::tui::fault::VAR)
        .ok()
        .and_then(|v| dais::tui::fault::Fault::parse(&v))
    {
        dais::tui::fault::arm(fault);
    }
    if let Some(conflict) = cli.conflict() {
        <Cli as clap::CommandFactory>::command()
            .error(clap::error::ErrorKind::ArgumentConflict, conflict)
            .exit();
    }
    let filter = SessionFilter::new(&cli.filter.room, &cli.filter.track);
    let mut limits = Limits::default();
    if let Some(max) = cli.load.max_size {
        limits.max_bytes = max;
    }
    limits.format_in = cli.load.format_in;
    // The zone a file that names none is read in: --tz, else the viewer's.
    limits.zone = match tz_arg(&cli.clock) {
        Ok(Some(tz)) => Some(dais::load::Fallback { tz, given: true }),
        Ok(None) => viewer_zone().map(|tz| dais::load::Fallback { tz, given: false }),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "dais: {e}");
            return ExitCode::FAILURE;
        }
    };
    let net = Net {
        client: Client::new(Settings {
            max_bytes: limits.max_bytes,
            ..Settings::default()
        }),
        cache: Cache::default_location(),
        offline: cli.load.offline,
        now: Utc::now,
    };
    match run(cli, &limits, &net, &filter) {
        Ok(code) => code,
        Err(Failure::File(message)) => {
            let _ = writeln!(std::io::stderr(), "{message}");
            ExitCode::FAILURE
        }
        Err(Failure::Other(message)) => {
            let _ = writeln!(std::io::stderr(), "dais: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The command line, as clap reads it. Clap's own messages quote what
/// was typed (`invalid value '…' for '--speed'`): those are printed
/// without styling and with any control character, escape or bidi
/// control in them made harmless, as every other message is.
fn parse_args() -> Cli {
    use clap::error::ErrorKind;
    match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            e.exit()
        }
        Err(e) => {
            let text = e.render().to_string();
            let safe = dais::sanitize::clean(&text, dais::sanitize::Lines::Multi);
            let _ = write!(std::io::stderr(), "{safe}");
            std::process::exit(e.exit_code());
        }
    }
}

fn run(cli: Cli, limits: &Limits, net: &Net, filter: &SessionFilter) -> Result<ExitCode, Failure> {
    let load = |source: &Source| load(source, limits, net, filter);
    match cli.command {
        Some(Command::Validate { files }) => {
            let (report, ok) = commands::validate::run(&files, limits, net);
            print(&report)?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some(Command::List {
            file,
            format,
            width,
            date,
            ascii,
        }) => {
            let grid = (width, date, ascii);
            if format != ListFormat::Grid && grid != (None, None, false) {
                use clap::CommandFactory;
                let kind = clap::error::ErrorKind::ArgumentConflict;
                Cli::command()
                    .error(kind, "--width, --date and --ascii go with --format grid")
                    .exit();
            }
            let source = Source::from_arg(file.as_deref());
            let loaded = marked(&source, load(&source)?.loaded, cli.marks);
            let zone = tz_arg(&cli.clock)?;
            if format == ListFormat::Grid {
                let text = commands::list::grid::for_stdout(&loaded.agenda, grid, zone)
                    .map_err(Failure::Other)?;
                print(&text)?;
                return Ok(ExitCode::SUCCESS);
            }
            list(&loaded, format, zone)
        }
        Some(Command::Star { args, remove }) => mark(&args, (Mark::Star, remove), limits, net),
        Some(Command::Hide { args, remove }) => mark(&args, (Mark::Hide, remove), limits, net),
        Some(Command::Config { default, path }) => {
            config_command(cli.clock.config.as_deref(), default, path)
        }
        Some(Command::Now { file, format }) => {
            let source = Source::from_arg(file.as_deref());
            let loaded = load(&source)?.loaded;
            // The shift is saved against every session; `now_app` moves it
            // onto those the marks leave, from the ids of the whole agenda
            // when the marks leave some out (a copy of the agenda was as
            // large as the agenda; the ids are kept only when needed).
            let (loaded, full) = marked_keeping_ids(&source, loaded, cli.marks);
            if cli.marks.starred && loaded.agenda.sessions.is_empty() {
                print("★ no starred sessions\n")?;
                return Ok(ExitCode::SUCCESS);
            }
            let setup = setup(&cli.clock, &loaded, filter.clone())?;
            let app = commands::open::now_app(&source, loaded, full.as_deref(), &setup);
            // The screen shows these in a banner; a status bar has none.
            if let Some(b) = app.banner.as_ref().filter(|b| b.error) {
                let _ = writeln!(std::io::stderr(), "dais: {}", b.text);
            }
            print(&if cli.marks.starred {
                commands::now::render_starred(&app, format)
            } else {
                commands::now::render(&app, format)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Notes {
            file,
            format,
            output,
        }) => {
            let source = Source::from_arg(file.as_deref());
            let loaded = load(&source)?.loaded;
            let key = commands::open::key(&source, &loaded.agenda);
            let mut store = Store::default_path().map(Store::open_existing);
            let notes = store.as_mut().map(|s| s.notes(&key)).unwrap_or_default();
            for p in store.as_mut().map(Store::take_problems).unwrap_or_default() {
                let _ = writeln!(std::io::stderr(), "dais: {p}");
            }
            let out = commands::notes::render(&loaded.agenda, &key, &notes, format);
            emit(output.as_deref(), &out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Diff { old, new, format }) => {
            // As diff(1): 0 the same, 1 different, 2 trouble.
            let trouble = |e: Failure| {
                let (Failure::File(m) | Failure::Other(m)) = e;
                let _ = writeln!(std::io::stderr(), "{m}");
                ExitCode::from(2)
            };
            let old = match load(&Source::named(&old)) {
                Ok(o) => o.loaded.agenda,
                Err(e) => return Ok(trouble(e)),
            };
            let new = match load(&Source::named(&new)) {
                Ok(o) => o.loaded.agenda,
                Err(e) => return Ok(trouble(e)),
            };
            let changes = commands::diff::changes(&old, &new);
            print(&commands::diff::render(&changes, format))?;
            Ok(if changes.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some(Command::Convert { file, output }) => {
            let converted = commands::convert::run(&Source::named(&file), limits, net)
                .map_err(|e| Failure::File(e.to_string()))?;
            for w in &converted.warnings {
                let _ = writeln!(std::io::stderr(), "{w}");
            }
            emit_with(output.as_deref(), |w| {
                dais::write::write_json(&converted.agenda, w)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            format:
                ExportFormat::Ics {
                    file,
                    sessions,
                    output,
                },
        }) => {
            let source = Source::from_arg(file.as_deref());
            let loaded = marked(&source, load(&source)?.loaded, cli.marks);
            // My programme comes with an alarm before each session.
            let alarm = cli.marks.starred.then(|| {
                commands::config::read(cli.clock.config.as_deref())
                    .alerts
                    .remind_minutes
            });
            emit(
                output.as_deref(),
                &commands::export::ics(&loaded.agenda, &sessions, &source.name(), alarm)
                    .map_err(Failure::File)?,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::State { path, action }) => state_command(path, action),
        Some(Command::Completions { shell }) => {
            print(&commands::shell::completions(shell))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man { dir: None }) => {
            print(&commands::shell::man_page())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man { dir: Some(dir) }) => {
            for page in commands::shell::write_man_pages(&dir)? {
                print(&format!("{}\n", dais::load::file_name(&page)))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let source = Source::from_arg(cli.file.as_deref());
            let opened = load(&source)?;
            let loaded = opened.loaded;
            // Keys come from standard input, or from the terminal itself
            // (/dev/tty, as crossterm does) when the agenda was piped in.
            let keys = std::io::stdin().is_terminal() || source == Source::Stdin;
            if !std::io::stdout().is_terminal() || !keys {
                return list(&loaded, ListFormat::Text, tz_arg(&cli.clock)?);
            }
            let mut setup = setup(&cli.clock, &loaded, filter.clone())?;
            setup.offline = opened.offline;
            // The zone the file did not name: said on the screen too.
            if let Some(p) = &loaded.zone {
                setup
                    .notices
                    .insert(0, format!("{}: {}", source.name(), p.message));
            }
            setup.refresh = cli.load.refresh;
            match commands::open::run(&source, loaded, &setup, limits, net) {
                Ok(Exit::Quit) => Ok(ExitCode::SUCCESS),
                Ok(Exit::Signal(sig)) => Ok(ExitCode::from(u8::try_from(128 + sig).unwrap_or(1))),
                Ok(Exit::TermGone) => Ok(ExitCode::FAILURE),
                Err(e) => Err(format!("terminal error: {e}").into()),
            }
        }
    }
}

/// The agenda as `list`, `now` and `export` show it: without hidden
/// sessions (unless `--all`), only starred ones with `--starred`. A
/// problem reading the saved marks is said on standard error.
fn marked(source: &Source, loaded: Loaded, marks: dais::cli::MarkArgs) -> Loaded {
    marked_keeping_ids(source, loaded, marks).0
}

/// [`marked`], and the session ids of the whole agenda when the marks leave
/// some of its sessions out.
fn marked_keeping_ids(
    source: &Source,
    loaded: Loaded,
    marks: dais::cli::MarkArgs,
) -> (Loaded, Option<Vec<String>>) {
    let state = Store::default_path();
    let (saved, problems) = commands::mark::saved(source, &loaded.agenda, state.as_deref());
    for p in problems {
        let _ = writeln!(std::io::stderr(), "dais: {p}");
    }
    let filter = MarkFilter {
        only_starred: marks.starred,
        show_hidden: marks.all,
    };
    let full = (!filter.shows_all(&saved)).then(|| {
        let ids = loaded.agenda.sessions.iter();
        ids.map(|s| s.id.to_string()).collect()
    });
    let agenda = commands::mark::apply(&saved, loaded.agenda, marks.starred, marks.all);
    (Loaded { agenda, ..loaded }, full)
}

/// `dais star` and `dais hide`.
fn mark(
    args: &[String],
    (mark, remove): (Mark, bool),
    limits: &Limits,
    net: &Net,
) -> Result<ExitCode, Failure> {
    let (file, ids) = commands::mark::split_args(args);
    let source = Source::from_arg(file.as_deref());
    let loaded = load(&source, limits, net, &SessionFilter::default())?.loaded;
    let state = Store::default_path()
        .ok_or_else(|| "no state directory on this system to save to".to_owned())?;
    let said = commands::mark::run(&source, &loaded.agenda, ids, mark, remove, &state)?;
    print(&said)?;
    Ok(ExitCode::SUCCESS)
}

/// Loads the agenda (a URL through `net`) and keeps the sessions `filter`
/// lets through. A cached copy shown for want of the network, and a copy
/// that could not be kept, are warned of on standard error.
fn load(
    source: &Source,
    limits: &Limits,
    net: &Net,
    filter: &SessionFilter,
) -> Result<Opened, Failure> {
    let opened = source
        .open(limits, net)
        .map_err(|e| Failure::File(e.to_string()))?;
    let name = source.name();
    for told in opened.offline.iter().chain(&opened.notices) {
        let _ = writeln!(std::io::stderr(), "warning: {name}: {told}");
    }
    if let Some(p) = &opened.loaded.zone {
        let _ = writeln!(std::io::stderr(), "warning: {}", p.display_in(&name));
    }
    let agenda = filter.apply(opened.loaded.agenda).map_err(Failure::Other)?;
    Ok(Opened {
        loaded: Loaded {
            agenda,
            ..opened.loaded
        },
        ..opened
    })
}

/// The clock, zone, theme and state the screen and `dais now` use.
fn setup(
    clock: &dais::cli::ClockArgs,
    loaded: &Loaded,
    filter: SessionFilter,
) -> Result<commands::open::Setup, String> {
    let event = &loaded.agenda.event;
    let at = clock
        .at
        .as_deref()
        .map(|s| parse_at(s, event.timezone, event.date))
        .transpose()
        .map_err(|e| format!("--at: {e}"))?;
    if !(clock.speed.is_finite() && clock.speed > 0.0) {
        return Err("--speed must be a positive number".into());
    }
    if clock.speed > dais::clock::MAX_SPEED {
        return Err(format!(
            "--speed {} is too fast: at most {} (a day in under a tenth of a second)",
            clock.speed,
            dais::clock::MAX_SPEED
        ));
    }
    let tz = tz_arg(clock)?;
    let no_color = Theme::no_color_requested(std::env::var_os("NO_COLOR").as_deref());
    let config = commands::config::read(clock.config.as_deref());
    Ok(commands::open::Setup {
        clock: Clock::new(Box::new(Utc::now), at, clock.speed),
        viewer_tz: tz.or_else(viewer_zone),
        // Asking for a zone is asking to see times in it.
        shown: tz.map(|_| dais::zone::Shown::Viewer),
        alerts: config.alerts,
        desktop: dais::alert::detect(|name| std::env::var(name).ok()),
        theme: if no_color {
            Theme::monochrome()
        } else {
            config.theme
        },
        keymap: config.keymap,
        state: Store::default_path(),
        notices: config.problems.into_iter().chain(config.warnings).collect(),
        filter,
        refresh: None,
        offline: None,
        editor: dais::tui::editor::from_env(|name| std::env::var_os(name)),
    })
}

/// `--tz ZONE`, read.
fn tz_arg(clock: &dais::cli::ClockArgs) -> Result<Option<Tz>, String> {
    clock
        .tz
        .as_deref()
        .map(dais::zone::parse_tz)
        .transpose()
        .map_err(|e| format!("--tz: {e}"))
}

/// `dais config`: print the default file, the path, or check the file.
fn config_command(
    path: Option<&Path>,
    default: bool,
    show_path: bool,
) -> Result<ExitCode, Failure> {
    let said = |warnings: &[String]| {
        for w in warnings {
            let _ = writeln!(std::io::stderr(), "{w}");
        }
    };
    match commands::config::run(path, default, show_path) {
        Ok(report) => {
            said(&report.warnings);
            print(&report.out)?;
            Ok(ExitCode::SUCCESS)
        }
        Err((problems, warnings)) => {
            said(&warnings);
            Err(Failure::File(problems))
        }
    }
}

/// `dais state`: where the user's state is, export or import a backup.
fn state_command(show_path: bool, action: Option<StateAction>) -> Result<ExitCode, Failure> {
    let Some(path) = Store::default_path() else {
        return Err("no state directory on this system (set XDG_STATE_HOME)"
            .to_owned()
            .into());
    };
    let report = commands::state::run(&path, show_path, action).map_err(Failure::File)?;
    for w in &report.warnings {
        let _ = writeln!(std::io::stderr(), "{w}");
    }
    print(&report.out)?;
    Ok(ExitCode::SUCCESS)
}

/// The viewer's zone: `TZ` if it names an IANA zone, else the system's.
fn viewer_zone() -> Option<chrono_tz::Tz> {
    let from_env = std::env::var("TZ").ok().and_then(|tz| {
        let tz = tz.trim_start_matches(':');
        let name = tz.rsplit_once("zoneinfo/").map_or(tz, |(_, n)| n);
        name.parse().ok()
    });
    from_env.or_else(|| iana_time_zone::get_timezone().ok()?.parse().ok())
}

fn list(loaded: &Loaded, format: ListFormat, zone: Option<Tz>) -> Result<ExitCode, Failure> {
    let styled = std::io::stdout().is_terminal()
        && !Theme::no_color_requested(std::env::var_os("NO_COLOR").as_deref());
    let styling = if styled {
        commands::list::Styling::Terminal
    } else {
        commands::list::Styling::Plain
    };
    commands::list::print(&loaded.agenda, format, styling, zone)?;
    Ok(ExitCode::SUCCESS)
}

/// Why dais failed: problems in a file (each line already names the file)
/// or anything else, said as "dais: …".
enum Failure {
    File(String),
    Other(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Other(message)
    }
}
