//! Writing a note: `i` opens a one-line input at the bottom of the
//! screen, every key goes to it until Enter saves the note or Esc drops
//! it (asking first when text would be lost). Tab completes the `#` or
//! `@` tag at the cursor (`notes::tags`); when the start typed could be
//! more than one, the choices are listed and Tab steps through them.
//!
//! Enter asks the event loop to save (`Change::AddNote`) and keeps the
//! text until the store answers ([`Action::NoteSaved`]): the banner
//! says "saved" only once it is, and a note that could not be saved is
//! still there to try again. `e` asks the loop to open the editor on the
//! selected session's notes ([`Shared::edit_notes`]).
//!
//! [`Action::NoteSaved`]: super::Action::NoteSaved

use super::compose::{Choices, Compose, Edited, NoteKey};
use super::line::LineEdit;
use super::{App, Banner, Shared};
use crate::notes::NewNote;
use crate::notes::tags;
use crate::store::Change;
use chrono::Duration;

/// How long the banner saying a note was saved stays up.
const BANNER_SECONDS: i64 = 5;

impl Shared {
    /// The session a note written now goes to: the live one (or the next)
    /// while the selection follows it, else the selected one.
    pub fn note_session(&self) -> Option<usize> {
        if self.agenda.sessions.is_empty() {
            return None;
        }
        Some(if self.live.follow {
            self.follow_target()
        } else {
            self.selection
        })
    }

    fn note_banner(&mut self, text: String, error: bool) {
        self.banner = Some(Banner {
            text,
            error,
            until: Some(self.live.now + Duration::seconds(BANNER_SECONDS)),
        });
    }
}

impl App {
    /// `i`: opens the input, with the draft kept from last time if any.
    pub(super) fn note_open(&mut self) {
        if self.compose.is_some() {
            return;
        }
        if self.note_session().is_none() {
            self.note_banner("no session to write a note on".into(), true);
            return;
        }
        let line = LineEdit::new(self.draft.as_deref().unwrap_or(""));
        self.compose = Some(Compose {
            line,
            ..Compose::default()
        });
    }

    /// The banner at start when a note's draft was kept from last time.
    pub fn draft_banner(&mut self) {
        if self.draft.is_some() {
            let key = self.keymap.keys(crate::command::Command::Note).next();
            let key = key.map_or_else(|| "the note key".to_owned(), |k| k.to_string());
            self.banner = Some(Banner {
                text: format!("a note draft is waiting: {key} reopens it"),
                error: false,
                until: Some(self.live.now + Duration::seconds(10)),
            });
        }
    }

    /// `e`: asks the event loop to open the editor on the selected
    /// session's notes.
    pub(super) fn note_edit(&mut self) {
        if !self.agenda.sessions.is_empty() {
            self.edit_notes = Some(self.selection);
        }
    }

    /// A key for the open input.
    pub(super) fn note_key(&mut self, key: NoteKey) {
        let Some(c) = self.compose.as_mut() else {
            return;
        };
        if c.saving {
            return;
        }
        if c.asking {
            match key {
                NoteKey::Char('y' | 'Y') => self.note_close(),
                NoteKey::Char('n' | 'N') | NoteKey::Cancel => c.asking = false,
                _ => {}
            }
            return;
        }
        if !matches!(key, NoteKey::Complete | NoteKey::CompleteBack) {
            c.choices = None;
        }
        let line = &mut c.line;
        match key {
            NoteKey::Char(ch) => line.insert(ch.encode_utf8(&mut [0; 4])),
            NoteKey::Paste(s) => line.insert(&s),
            NoteKey::Left => line.left(),
            NoteKey::Right => line.right(),
            NoteKey::Home => line.home(),
            NoteKey::End => line.end(),
            NoteKey::Backspace => line.backspace(),
            NoteKey::Delete => line.delete(),
            NoteKey::DeleteWord => line.delete_word(),
            NoteKey::DeleteToStart => line.delete_to_start(),
            NoteKey::DeleteToEnd => line.delete_to_end(),
            NoteKey::Complete => self.note_complete(true),
            NoteKey::CompleteBack => self.note_complete(false),
            NoteKey::Save => self.note_save(),
            NoteKey::Cancel if line.is_blank() => self.note_close(),
            NoteKey::Cancel => c.asking = true,
        }
    }

    /// Tab (or Shift-Tab, `forward` false).
    fn note_complete(&mut self, forward: bool) {
        let agenda = std::sync::Arc::clone(&self.agenda);
        let Some(c) = self.compose.as_mut() else {
            return;
        };
        if let Some(ch) = c.choices.as_mut() {
            let n = ch.list.len();
            let at = match (ch.at, forward) {
                (None, true) => 0,
                (None, false) => n - 1,
                (Some(i), true) => (i + 1) % n,
                (Some(i), false) => (i + n - 1) % n,
            };
            ch.at = Some(at);
            let text = &ch.list[at].text;
            c.line.replace(ch.range.clone(), text);
            ch.range = ch.range.start..ch.range.start + text.len();
            return;
        }
        let Some(done) = tags::complete(c.line.text(), c.line.cursor(), &agenda) else {
            return;
        };
        if let [only] = done.choices.as_slice() {
            c.line.replace(done.range, &only.text);
            return;
        }
        // Only what every choice starts with goes in: none is guessed.
        let start = tags::common_start(&done.choices);
        let typed = &c.line.text()[done.range.clone()];
        let range = if start.chars().count() > typed.chars().count() {
            c.line.replace(done.range.clone(), &start);
            done.range.start..done.range.start + start.len()
        } else {
            done.range
        };
        c.choices = Some(Choices {
            range,
            list: done.choices,
            at: None,
        });
    }

    /// Enter: asks for the note to be saved.
    fn note_save(&mut self) {
        let Some(c) = self.compose.as_ref() else {
            return;
        };
        if c.line.is_blank() {
            self.note_close();
            return;
        }
        let Some(s) = self.note_session() else {
            return;
        };
        let text = c.line.text().trim().to_owned();
        let (messages, people) = tags::links(&text, &self.agenda);
        let session = &self.agenda.sessions[s];
        let note = NewNote {
            session: session.id.to_string(),
            session_title: session.title.to_string(),
            at: self.live.now,
            text,
            messages,
            people,
        };
        self.note_saving = Some(format!(
            "Note saved on {} at {}",
            session.short_title(),
            note.at.with_timezone(&self.zone()).format("%H:%M")
        ));
        self.changes.push(Change::AddNote(note));
        if let Some(c) = self.compose.as_mut() {
            c.saving = true;
        }
    }

    /// Closes the input without saving; a draft kept from last time goes.
    fn note_close(&mut self) {
        self.compose = None;
        self.drop_draft();
    }

    fn drop_draft(&mut self) {
        if self.draft.take().is_some() {
            self.changes.push(Change::Draft(None));
        }
    }

    /// The store's answer to a note change: `None` when it is saved.
    pub(super) fn note_saved(&mut self, problem: Option<&str>) {
        let said = self.note_saving.take();
        if problem.is_some() {
            // The text stays, to try again; the loop shows the problem.
            if let Some(c) = self.compose.as_mut() {
                c.saving = false;
            }
            return;
        }
        if self.compose.as_ref().is_some_and(|c| c.saving) {
            self.compose = None;
            self.drop_draft();
        }
        if let Some(text) = said {
            self.note_banner(text, false);
        }
    }

    /// What the editor did with a session's notes, for the banner; a
    /// replacement is said once the store answers.
    pub(super) fn notes_edited(&mut self, outcome: Edited) {
        match outcome {
            Edited::Replaced(text) => self.note_saving = Some(text),
            Edited::Unchanged => self.note_banner("notes unchanged".into(), false),
            Edited::Failed(problem) => self.note_banner(problem, true),
        }
    }

    /// The text being typed, to keep as the draft when dais is ended
    /// (SIGTERM, SIGHUP, the terminal gone): the change to save, if any.
    pub fn draft_change(&self) -> Option<Change> {
        let c = self.compose.as_ref()?;
        (!c.line.is_blank()).then(|| Change::Draft(Some(c.line.text().to_owned())))
    }
}
