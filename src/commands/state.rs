//! `dais state`: where the user's state is, a backup of it as JSON, and a
//! backup read back.

use crate::load::file_name;
use crate::store::backup::{self, Imported};
use crate::store::{Store, file};
use std::path::Path;

/// The largest backup `import` reads.
pub const MAX_BACKUP: u64 = 64 << 20;

/// What a state command printed: standard output, and warnings for
/// standard error.
#[derive(Debug, Default)]
pub struct Report {
    /// For standard output.
    pub out: String,
    /// For standard error, each naming the file.
    pub warnings: Vec<String>,
}

/// `dais state [--path | export | import FILE]` on the store at `path`
/// (export when no action is given).
pub fn run(
    path: &Path,
    show_path: bool,
    action: Option<crate::cli::StateAction>,
) -> Result<Report, String> {
    use crate::cli::StateAction;
    Ok(match action {
        _ if show_path => Report {
            out: format!("{}\n", file_name(path)),
            warnings: Vec::new(),
        },
        Some(StateAction::Export) | None => export(path),
        Some(StateAction::Import { file }) => import(path, &file)?,
    })
}

/// `dais state export`: everything in the store at `path` as JSON. A
/// store that cannot be read whole gives what could be read, and says so.
pub fn export(path: &Path) -> Report {
    let mut store = Store::open_existing(path);
    let out = backup::export(&mut store);
    Report {
        out,
        warnings: store.take_problems(),
    }
}

/// `dais state import FILE`: the backup `file` merged into the store at
/// `path`. An error (naming the file) if it is not a backup or cannot be
/// saved; a bad row is skipped with a warning.
pub fn import(path: &Path, file: &Path) -> Result<Report, String> {
    let name = file_name(file);
    let bytes =
        file::read_capped(file, MAX_BACKUP)?.ok_or_else(|| format!("{name}: no such file"))?;
    let mut skipped = Vec::new();
    let parsed = backup::parse(&bytes, &mut skipped).map_err(|e| {
        // "3:5: …" is a line and column: the file's name goes before it.
        let sep = if e.starts_with(|c: char| c.is_ascii_digit()) {
            ":"
        } else {
            ": "
        };
        format!("{name}{sep}{e}")
    })?;
    let mut warnings: Vec<String> = skipped.iter().map(|s| format!("{name}: {s}")).collect();
    let mut store = Store::open(path);
    warnings.extend(store.take_problems());
    if let Some(why) = store.read_only() {
        let why = why.to_owned();
        warnings.push(format!("nothing imported: {why}"));
        return Err(warnings.join("\n"));
    }
    let Imported {
        agendas,
        shift,
        marks,
        settings,
        notes,
    } = backup::import(&mut store, &parsed).map_err(|e| {
        warnings.push(e);
        warnings.join("\n")
    })?;
    warnings.extend(store.take_problems());
    warnings.push(format!(
        "{name}: merged {agendas} agendas, {shift} shift steps, {marks} starred or hidden sessions, {settings} settings and {notes} notes into {}",
        file_name(store.path())
    ));
    Ok(Report {
        out: String::new(),
        warnings,
    })
}
