//! Reading a source within its size cap: a file (with its [`Stamp`]) or
//! standard input; and how a file's name and an OS error read in messages.

use super::problem::quote;
use super::stamp::Stamp;
use std::io::Read;
use std::path::Path;

/// The bytes of the file at `path`, at most `max` of them, and what the
/// file was when read; else why not, in a sentence that follows the file's
/// name.
pub fn read_file(path: &Path, max: u64) -> Result<(Vec<u8>, Stamp), String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open: {}", io_reason(&e)))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    if meta.is_dir() {
        return Err("is a directory, not an agenda file".into());
    }
    if meta.len() > max {
        return Err(too_big(meta.len(), max));
    }
    // Taken before reading: a write during the read changes the file's
    // stamp from this one, so it is not missed.
    let stamp = Stamp::of(&meta);
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The cap also holds for files that grow while read, or lie about size:
    // the caller checks the length again.
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    Ok((bytes, stamp))
}

/// Standard input to its end, no further than `max` bytes; else why not.
pub fn read_stdin(max: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    // Reading stopped one byte past the limit: how much more there was
    // is not known.
    if bytes.len() as u64 > max {
        return Err(format!(
            "more than the limit of {max} bytes came in (raise it with --max-size)"
        ));
    }
    Ok(bytes)
}

/// What is said of a file of `size` bytes, over the limit of `max`.
pub fn too_big(size: u64, max: u64) -> String {
    format!(
        "the file is {size} bytes, more than the limit of {max} bytes (raise it with --max-size)"
    )
}

/// A file's name as messages show it: as given, unless it holds something
/// a terminal would act on (`dais validate *.json` in a hostile directory),
/// then quoted with those characters escaped.
pub fn file_name(path: &Path) -> String {
    let name = path.display().to_string();
    if name.chars().any(crate::sanitize::is_unsafe) {
        quote(&name)
    } else {
        name
    }
}

/// What went wrong reading a file, as the OS says it, without its number
/// ("(os error 2)").
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}
