//! `dais config`: the default file, where the file is, or what is wrong
//! with it.

use crate::commands::state::Report;
use crate::config::{self, Config};
use crate::load::file_name;
use std::path::Path;

/// The config from `--config` (which must exist), else from the default
/// place (if there).
pub fn read(path: Option<&Path>) -> Config {
    match path {
        Some(p) => config::load(p, true),
        None => config::default_path().map_or_else(Config::default, |p| config::load(&p, false)),
    }
}

/// `dais config [--default | --path]`: the default file, the path, or
/// the file checked: the report (`FILE: ok` and the warnings), or its
/// problems as the error, each naming the file and line (with the
/// warnings, which are said either way).
pub fn run(
    path: Option<&Path>,
    default: bool,
    show_path: bool,
) -> Result<Report, (String, Vec<String>)> {
    if default {
        return Ok(Report {
            out: config::default_text(),
            warnings: Vec::new(),
        });
    }
    let file = path.map(Path::to_path_buf).or_else(config::default_path);
    if show_path {
        let shown = file.map_or_else(
            || "no config directory on this system".to_owned(),
            |p| file_name(&p),
        );
        return Ok(Report {
            out: format!("{shown}\n"),
            warnings: Vec::new(),
        });
    }
    let config = read(path);
    if !config.problems.is_empty() {
        return Err((config.problems.join("\n"), config.warnings));
    }
    // Only the default place may be absent: a file named is required.
    let line = match file {
        None => "no config directory on this system; the defaults apply".to_owned(),
        Some(p) if std::fs::symlink_metadata(&p).is_err() => {
            format!("{}: no config file; the defaults apply", file_name(&p))
        }
        Some(p) => format!("{}: ok", file_name(&p)),
    };
    Ok(Report {
        out: format!("{line}\n"),
        warnings: config.warnings,
    })
}
