//! `dais notes`: the user's notes on an agenda written out as the draft
//! of a summary: by session in programme order, then by key message
//! (every note linked to it, with its session), then the notes that link
//! no key message; notes whose session has left the agenda come last,
//! under the title they were written under, never dropped.
//!
//! Markdown is the default wherever it goes (a terminal, a pipe, a
//! file): the summary is a document either way, and a script gets what a
//! person sees. `--format json` is a `dais state` backup of the notes
//! alone, which `dais state import` reads back.

use super::list::md;
use crate::agenda::Zone;
use crate::agenda::{Agenda, Session};
use crate::cli::NotesFormat;
use crate::notes::{Note, Notes};
use crate::store::AgendaKey;
use chrono::{DateTime, Utc};
use std::fmt::Write as _;

/// The notes of `agenda` (kept under `key`) in `format`.
pub fn render(agenda: &Agenda, key: &AgendaKey, notes: &Notes, format: NotesFormat) -> String {
    match format {
        NotesFormat::Json => {
            let new: Vec<_> = notes.all().iter().map(Note::to_new).collect();
            crate::store::backup::notes_only(key, &new)
        }
        NotesFormat::Markdown => Summary::new(agenda, notes).write(Style::Markdown),
        NotesFormat::Text => Summary::new(agenda, notes).write(Style::Text),
    }
}

/// The notes sorted as the summary shows them.
struct Summary<'a> {
    agenda: &'a Agenda,
    /// Each session in programme order with its notes (only those with
    /// any).
    sessions: Vec<(&'a Session, Vec<&'a Note>)>,
    /// Notes whose session is gone, by the title they were written under
    /// (in the order first written).
    gone: Vec<(&'a str, Vec<&'a Note>)>,
    notes: &'a Notes,
}

impl<'a> Summary<'a> {
    fn new(agenda: &'a Agenda, notes: &'a Notes) -> Self {
        let sessions = agenda
            .sessions
            .iter()
            .map(|s| (s, notes.of_session(&s.id).collect::<Vec<_>>()))
            .filter(|(_, n)| !n.is_empty())
            .collect();
        let mut gone: Vec<(&str, Vec<&Note>)> = Vec::new();
        for n in notes.all().iter().filter(|n| session(agenda, n).is_none()) {
            match gone.iter_mut().find(|(t, _)| *t == n.session_title) {
                Some((_, list)) => list.push(n),
                None => gone.push((&n.session_title, vec![n])),
            }
        }
        Summary {
            agenda,
            sessions,
            gone,
            notes,
        }
    }

    fn zone(&self) -> Zone {
        self.agenda.event.timezone
    }

    /// A note's stamp in the agenda's zone: HH:MM, with the date when it
    /// is not the meeting's first day.
    fn stamp(&self, at: DateTime<Utc>) -> String {
        let local = at.with_timezone(&self.zone());
        if local.date_naive() == self.agenda.event.date {
            local.format("%H:%M").to_string()
        } else {
            local.format("%a %-d %b %H:%M").to_string()
        }
    }

    /// The session's title and planned times, or the old title of a
    /// session that is gone.
    fn where_(&self, n: &Note) -> String {
        match session(self.agenda, n) {
            Some(s) => format!("{} ({})", s.title, times(s)),
            None => format!("{} (no longer in the agenda)", n.session_title),
        }
    }

    /// The people a note names, by name.
    fn people(&self, n: &Note) -> Vec<String> {
        n.people
            .iter()
            .map(|id| {
                self.agenda
                    .people
                    .iter()
                    .find(|p| p.id == id)
                    .map_or_else(|| id.clone(), crate::agenda::Person::display_name)
            })
            .collect()
    }

    fn unlinked(&self) -> Vec<&'a Note> {
        let known = |id: &String| self.agenda.key_messages.iter().any(|m| &m.id == id);
        self.notes
            .all()
            .iter()
            .filter(|n| !n.messages.iter().any(known))
            .collect()
    }

    /// The summary as a document in `style`: the same sections in the
    /// same order, headed and itemised as the style does.
    fn write(&self, style: Style) -> String {
        let mut out = style.title(&self.agenda.event.title);
        let when = format!(
            "{} · times in {}",
            self.agenda.event.date.format("%A %-d %B %Y"),
            crate::agenda::zone_label(self.zone())
        );
        let _ = writeln!(out, "{}", style.subtitle(&when));
        if self.notes.all().is_empty() {
            out.push_str("\nNo notes yet.\n");
            return out;
        }
        let item = |out: &mut String, n: &Note, with_session: bool| {
            let place = with_session.then(|| self.where_(n));
            let people = self.people(n).join(", ");
            let _ = writeln!(
                out,
                "{}",
                style.item(&self.stamp(n.at), place.as_deref(), &n.text, &people)
            );
        };
        style.section(&mut out, "By session");
        for (s, notes) in &self.sessions {
            style.group(&mut out, &format!("{} ({})", s.title, times(s)));
            for n in notes {
                item(&mut out, n, false);
            }
        }
        if !self.agenda.key_messages.is_empty() {
            style.section(&mut out, "By key message");
            for m in &self.agenda.key_messages {
                style.group(&mut out, &m.label());
                let mut linked = self.notes.of_message(&m.id).peekable();
                if linked.peek().is_none() {
                    out.push_str(style.no_notes());
                }
                for n in linked {
                    item(&mut out, n, true);
                }
            }
            let unlinked = self.unlinked();
            if !unlinked.is_empty() {
                style.group(&mut out, "Linking no key message");
                for n in unlinked {
                    item(&mut out, n, true);
                }
            }
        }
        if !self.gone.is_empty() {
            style.section(&mut out, "Sessions no longer in the agenda");
            for (title, notes) in &self.gone {
                style.group(&mut out, title);
                for n in notes {
                    item(&mut out, n, false);
                }
            }
        }
        out
    }
}

/// How the summary is written: markdown, or plain text.
#[derive(Debug, Clone, Copy)]
enum Style {
    Markdown,
    Text,
}

impl Style {
    fn title(self, title: &str) -> String {
        match self {
            Style::Markdown => format!("# Notes: {}\n\n", md(title)),
            Style::Text => format!("Notes: {title}\n"),
        }
    }

    fn subtitle(self, s: &str) -> String {
        match self {
            Style::Markdown => format!("*{s}*"),
            Style::Text => s.to_owned(),
        }
    }

    /// A part of the summary: by session, by key message, gone.
    fn section(self, out: &mut String, name: &str) {
        let _ = match self {
            Style::Markdown => writeln!(out, "\n## {name}"),
            Style::Text => writeln!(out, "\n{}", name.to_uppercase()),
        };
    }

    /// A session or a key message within a part.
    fn group(self, out: &mut String, name: &str) {
        let _ = match self {
            Style::Markdown => writeln!(out, "\n### {}\n", md(name)),
            Style::Text => writeln!(out, "\n{name}"),
        };
    }

    fn no_notes(self) -> &'static str {
        match self {
            Style::Markdown => "*No notes.*\n",
            Style::Text => "  (no notes)\n",
        }
    }

    /// One note: its stamp, its session when listed apart from it, its
    /// text and the people it names (`people` empty: none).
    fn item(self, stamp: &str, place: Option<&str>, text: &str, people: &str) -> String {
        let mut line = match self {
            Style::Markdown => format!("- **{stamp}**"),
            Style::Text => format!("  {stamp}"),
        };
        match (self, place) {
            (Style::Markdown, Some(p)) => {
                let _ = write!(line, " · {}: {}", md(p), md(text));
            }
            (Style::Markdown, None) => {
                let _ = write!(line, " {}", md(text));
            }
            (Style::Text, Some(p)) => {
                let _ = write!(line, " · {p}  {text}");
            }
            (Style::Text, None) => {
                let _ = write!(line, "  {text}");
            }
        }
        if !people.is_empty() {
            let _ = match self {
                Style::Markdown => write!(line, " *({})*", md(people)),
                Style::Text => write!(line, "  ({people})"),
            };
        }
        line
    }
}

/// The session a note is on, if the agenda still has it.
fn session<'a>(agenda: &'a Agenda, n: &Note) -> Option<&'a Session> {
    agenda.sessions.iter().find(|s| *s.id == *n.session)
}

/// A session's planned times in the agenda's zone: "10:30-11:45".
fn times(s: &Session) -> String {
    crate::agenda::range_label(s.span.local_start, s.span.local_end)
}
