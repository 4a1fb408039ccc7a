//! Where a command's text goes: standard output, or a file written whole
//! or not at all.

use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes to the file if one is given, else to stdout.
/// A file is written whole or not at all: into a temporary file beside
/// it, synced, then renamed over it, so a full disk or a file size limit
/// (`ulimit -f`) leaves the old file as it was, never a truncated one.
pub fn emit(output: Option<&Path>, s: &str) -> Result<(), String> {
    emit_with(output, |w| w.write_all(s.as_bytes()))
}

/// As [`emit`], what `write` writes, a piece at a time: a large document
/// need not be whole in memory first.
pub fn emit_with(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let Some(path) = output else {
        let mut out = BufWriter::new(std::io::stdout().lock());
        return match write(&mut out).and_then(|()| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(format!("cannot write output: {e}"))
            }
            _ => Ok(()),
        };
    };
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", crate::load::file_name(path));
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|f| {
            let mut out = BufWriter::new(f);
            write(&mut out)?;
            out.into_inner()
                .map_err(std::io::IntoInnerError::into_error)?
                .sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

/// Writes to stdout; a closed pipe (`dais list | head`) is not an error.
pub fn print(s: &str) -> Result<(), String> {
    emit(None, s)
}
