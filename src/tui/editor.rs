//! `e`: the selected session's notes in the user's editor. dais writes
//! them to a private temporary file (`notes::edit`), gives the terminal
//! back (leaves the alternate screen and raw mode, stops reading keys),
//! runs `$VISUAL` or `$EDITOR` on the file and waits, then takes the
//! terminal again. What was saved replaces the session's notes; an editor
//! that fails or a file left as it was changes nothing.

use super::feeds::Pause;
use super::terminal::{self, Term};
use crate::app::{App, Edited};
use crate::notes::edit;
use crate::store::Change;
use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The most of the saved file read back: far beyond any session's notes.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The editor command: `$VISUAL`, else `$EDITOR`, if set and not empty.
pub fn from_env(var: impl Fn(&str) -> Option<OsString>) -> Option<OsString> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(var)
        .find(|v| !v.is_empty())
}

/// Opens the editor on session `session`'s notes and says what came of
/// it; a replacement is pushed on `app.changes`.
pub fn edit(
    app: &mut App,
    session: usize,
    editor: Option<&OsString>,
    term: &mut Term,
    pause: &Pause,
) -> io::Result<Edited> {
    let Some(editor) = editor else {
        return Ok(Edited::Failed(
            "no editor: set VISUAL or EDITOR (e.g. export EDITOR=nano)".into(),
        ));
    };
    let Some(words) = editor.to_str().and_then(split_words) else {
        return Ok(Edited::Failed(format!(
            "the editor command {} does not read (unbalanced quotes?)",
            crate::sanitize::echoed(&editor.to_string_lossy())
        )));
    };
    let Some((program, args)) = words.split_first() else {
        return Ok(Edited::Failed("the editor command is empty".into()));
    };
    let agenda = std::sync::Arc::clone(&app.agenda);
    let s = &agenda.sessions[session];
    let old: Vec<crate::notes::Note> = app.notes.of_session(&s.id).cloned().collect();
    let old: Vec<&crate::notes::Note> = old.iter().collect();
    let before = edit::to_text(old.iter().copied(), app.zone());
    let file = match TempFile::create(&before) {
        Ok(f) => f,
        Err(e) => {
            return Ok(Edited::Failed(format!(
                "could not write a file to edit: {e}"
            )));
        }
    };
    pause.pause();
    terminal::release(term);
    terminal::restore();
    let status = std::process::Command::new(program)
        .args(args)
        .arg(&file.0)
        .status();
    let entered = terminal::enter();
    pause.resume();
    *term = entered?;
    let named = crate::sanitize::echoed(program);
    match status {
        Err(e) => {
            return Ok(Edited::Failed(format!(
                "could not run the editor {named}: {e}"
            )));
        }
        Ok(st) if !st.success() => {
            return Ok(Edited::Failed(format!(
                "the editor {named} ended with {st}; notes unchanged"
            )));
        }
        Ok(_) => {}
    }
    let after = match read_capped(&file.0) {
        Ok(text) => text,
        Err(e) => return Ok(Edited::Failed(format!("{e}; notes unchanged"))),
    };
    if after == before {
        return Ok(Edited::Unchanged);
    }
    let notes = edit::from_text(&after, &old, &agenda, session, app.live.now, app.zone());
    let said = format!(
        "{} note{} on {} saved",
        notes.len(),
        if notes.len() == 1 { "" } else { "s" },
        s.short_title()
    );
    app.changes.push(Change::ReplaceNotes {
        session: s.id.to_string(),
        notes,
    });
    Ok(Edited::Replaced(said))
}

/// The file, read back as text: a regular file, at most
/// [`MAX_FILE_BYTES`], UTF-8.
fn read_capped(path: &Path) -> Result<String, String> {
    let f = File::open(path).map_err(|e| format!("the edited file cannot be read: {e}"))?;
    let regular = f.metadata().is_ok_and(|m| m.is_file());
    if !regular {
        return Err("the edited file is no longer a plain file".into());
    }
    let mut bytes = Vec::new();
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("the edited file cannot be read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err("the edited file is over 4 MB".into());
    }
    String::from_utf8(bytes).map_err(|_| "the edited file is not UTF-8".into())
}

/// A file only the user can read, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn create(text: &str) -> io::Result<TempFile> {
        use std::os::unix::fs::OpenOptionsExt;
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir();
        for _ in 0..100 {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!("dais-notes-{}-{n}.txt", std::process::id()));
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)
            {
                Ok(mut f) => {
                    let file = TempFile(path);
                    f.write_all(text.as_bytes())?;
                    return Ok(file);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::other("no free name in the temporary directory"))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// An editor command split into words as a shell would split a plain
/// word list: spaces separate, `'…'` and `"…"` quote, `\` escapes the
/// next character (inside `"…"` only `\"`, `\\`, `\$` and `` \` ``).
/// No variables, globs or other shell syntax. None for an unclosed quote
/// or a trailing `\`.
pub fn split_words(s: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => words.extend(word.take()),
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next()? {
                        '\'' => break,
                        c => w.push(c),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => match chars.next()? {
                            c @ ('"' | '\\' | '$' | '`') => w.push(c),
                            c => {
                                w.push('\\');
                                w.push(c);
                            }
                        },
                        c => w.push(c),
                    }
                }
            }
            '\\' => word.get_or_insert_with(String::new).push(chars.next()?),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::{from_env, split_words};
    use std::ffi::OsString;

    fn split(s: &str) -> Option<Vec<String>> {
        split_words(s)
    }

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|&s| s.to_owned()).collect()
    }

    #[test]
    fn an_editor_command_splits_like_a_shell_word_list() {
        assert_eq!(split("vi"), Some(words(&["vi"])));
        assert_eq!(split("  code  -w "), Some(words(&["code", "-w"])));
        assert_eq!(
            split(r#"'/My Apps/ed' -c "set x=\"1\"" a\ b ''"#),
            Some(words(&["/My Apps/ed", "-c", "set x=\"1\"", "a b", ""]))
        );
        assert_eq!(split(r#""a\nb""#), Some(words(&[r"a\nb"])));
        assert_eq!(split(""), Some(words(&[])));
        assert_eq!(split("'open"), None);
        assert_eq!(split("\"open"), None);
        assert_eq!(split("end\\"), None);
    }

    #[test]
    fn visual_wins_over_editor_and_empty_counts_as_unset() {
        let env = |visual: &'static str, editor: &'static str| {
            move |name: &str| {
                let v = if name == "VISUAL" { visual } else { editor };
                (!v.is_empty() || name == "VISUAL").then(|| OsString::from(v))
            }
        };
        assert_eq!(from_env(env("code -w", "vi")), Some("code -w".into()));
        assert_eq!(from_env(env("", "vi")), Some("vi".into()));
        assert_eq!(from_env(env("", "")), None);
    }
}
