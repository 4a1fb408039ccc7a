//! Process start-up: read the command line, load, run, exit.

use clap::Parser;
use dais::cli::{Cli, Command, ExportFormat, ListFormat};
use dais::commands;
use dais::load::Limits;
use dais::source::Source;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut limits = Limits::default();
    if let Some(max) = cli.load.max_size {
        limits.max_bytes = max;
    }
    match run(cli, &limits) {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli, limits: &Limits) -> Result<ExitCode, String> {
    match cli.command {
        Some(Command::Validate { files }) => {
            let (report, ok) = commands::validate::run(&files, limits);
            print(&report)?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some(Command::List { file, format }) => {
            list(&Source::from_arg(file.as_deref()), format, limits)
        }
        Some(Command::Convert { file, output }) => {
            let converted =
                commands::convert::run(&Source::File(file), limits).map_err(|e| e.to_string())?;
            for w in &converted.warnings {
                let _ = writeln!(std::io::stderr(), "{w}");
            }
            emit(output.as_deref(), &converted.json)?;
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
            emit(
                output.as_deref(),
                &commands::export::ics(&source, &sessions, limits)?,
            )?;
            Ok(ExitCode::SUCCESS)
        }
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
                print(&format!("{}\n", page.display()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        None => list(
            &Source::from_arg(cli.file.as_deref()),
            ListFormat::Text,
            limits,
        ),
    }
}

fn list(source: &Source, format: ListFormat, limits: &Limits) -> Result<ExitCode, String> {
    let loaded = source.load(limits).map_err(|e| e.to_string())?;
    let styled = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let styling = if styled {
        commands::list::Styling::Terminal
    } else {
        commands::list::Styling::Plain
    };
    print(&commands::list::render(&loaded.agenda, format, styling))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes to the file if one is given, else to stdout.
fn emit(output: Option<&Path>, s: &str) -> Result<(), String> {
    match output {
        Some(path) => {
            std::fs::write(path, s).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => print(s),
    }
}

/// Writes to stdout; a closed pipe (`dais list | head`) is not an error.
fn print(s: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {e}"))
        }
        _ => Ok(()),
    }
}
