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
use crate::agenda::{Agenda, Session};
use crate::cli::NotesFormat;
use crate::notes::{Note, Notes};
use crate::store::AgendaKey;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::fmt::Write as _;

/// The notes of `agenda` (kept under `key`) in `format`.
pub fn render(agenda: &Agenda, key: &AgendaKey, notes: &Notes, format: NotesFormat) -> String {
    match format {
        NotesFormat::Json => {
            let new: Vec<_> = notes.all().iter().map(Note::to_new).collect();
            crate::store::backup::notes_only(key, &new)
        }
        NotesFormat::Markdown => Summary::new(agenda, notes).markdown(),
        NotesFormat::Text => Summary::new(agenda, notes).text(),
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
    all: &'a [Note],
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
            all: notes.all(),
        }
    }

    fn zone(&self) -> Tz {
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
                    .find(|p| &p.id == id)
                    .map_or_else(|| id.clone(), crate::agenda::Person::display_name)
            })
            .collect()
    }

    fn unlinked(&self) -> Vec<&'a Note> {
        let known = |id: &String| self.agenda.key_messages.iter().any(|m| &m.id == id);
        self.all
            .iter()
            .filter(|n| !n.messages.iter().any(known))
            .collect()
    }

    fn markdown(&self) -> String {
        let mut out = format!("# Notes: {}\n\n", md(&self.agenda.event.title));
        let _ = writeln!(
            out,
            "*{} · times in {}*",
            self.agenda.event.date.format("%A %-d %B %Y"),
            crate::agenda::zone_label(self.zone())
        );
        if self.all.is_empty() {
            out.push_str("\nNo notes yet.\n");
            return out;
        }
        let item = |n: &Note, with_session: bool| {
            let mut line = format!("- **{}**", self.stamp(n.at));
            if with_session {
                let _ = write!(line, " · {}", md(&self.where_(n)));
            }
            let _ = write!(
                line,
                "{}{}",
                if with_session { ": " } else { " " },
                md(&n.text)
            );
            let people = self.people(n);
            if !people.is_empty() {
                let _ = write!(line, " *({})*", md(&people.join(", ")));
            }
            line
        };
        out.push_str("\n## By session\n");
        for (s, notes) in &self.sessions {
            let _ = writeln!(out, "\n### {} ({})\n", md(&s.title), times(s));
            for n in notes {
                let _ = writeln!(out, "{}", item(n, false));
            }
        }
        if !self.agenda.key_messages.is_empty() {
            out.push_str("\n## By key message\n");
            for m in &self.agenda.key_messages {
                let _ = writeln!(out, "\n### {}\n", md(&m.label()));
                let linked: Vec<_> = self
                    .all
                    .iter()
                    .filter(|n| n.messages.contains(&m.id))
                    .collect();
                if linked.is_empty() {
                    out.push_str("*No notes.*\n");
                }
                for n in linked {
                    let _ = writeln!(out, "{}", item(n, true));
                }
            }
            let unlinked = self.unlinked();
            if !unlinked.is_empty() {
                out.push_str("\n### Linking no key message\n\n");
                for n in unlinked {
                    let _ = writeln!(out, "{}", item(n, true));
                }
            }
        }
        if !self.gone.is_empty() {
            out.push_str("\n## Sessions no longer in the agenda\n");
            for (title, notes) in &self.gone {
                let _ = writeln!(out, "\n### {}\n", md(title));
                for n in notes {
                    let _ = writeln!(out, "{}", item(n, false));
                }
            }
        }
        out
    }

    fn text(&self) -> String {
        let mut out = format!("Notes: {}\n", self.agenda.event.title);
        let _ = writeln!(
            out,
            "{} · times in {}",
            self.agenda.event.date.format("%A %-d %B %Y"),
            crate::agenda::zone_label(self.zone())
        );
        if self.all.is_empty() {
            out.push_str("\nNo notes yet.\n");
            return out;
        }
        let item = |n: &Note, with_session: bool| {
            let mut line = format!("  {}", self.stamp(n.at));
            if with_session {
                let _ = write!(line, " · {}", self.where_(n));
            }
            let _ = write!(line, "  {}", n.text);
            let people = self.people(n);
            if !people.is_empty() {
                let _ = write!(line, "  ({})", people.join(", "));
            }
            line
        };
        out.push_str("\nBY SESSION\n");
        for (s, notes) in &self.sessions {
            let _ = writeln!(out, "\n{} ({})", s.title, times(s));
            for n in notes {
                let _ = writeln!(out, "{}", item(n, false));
            }
        }
        if !self.agenda.key_messages.is_empty() {
            out.push_str("\nBY KEY MESSAGE\n");
            for m in &self.agenda.key_messages {
                let _ = writeln!(out, "\n{}", m.label());
                let linked: Vec<_> = self
                    .all
                    .iter()
                    .filter(|n| n.messages.contains(&m.id))
                    .collect();
                if linked.is_empty() {
                    out.push_str("  (no notes)\n");
                }
                for n in linked {
                    let _ = writeln!(out, "{}", item(n, true));
                }
            }
            let unlinked = self.unlinked();
            if !unlinked.is_empty() {
                out.push_str("\nLinking no key message\n");
                for n in unlinked {
                    let _ = writeln!(out, "{}", item(n, true));
                }
            }
        }
        if !self.gone.is_empty() {
            out.push_str("\nSESSIONS NO LONGER IN THE AGENDA\n");
            for (title, notes) in &self.gone {
                let _ = writeln!(out, "\n{title}");
                for n in notes {
                    let _ = writeln!(out, "{}", item(n, false));
                }
            }
        }
        out
    }
}

/// The session a note is on, if the agenda still has it.
fn session<'a>(agenda: &'a Agenda, n: &Note) -> Option<&'a Session> {
    agenda.sessions.iter().find(|s| s.id == n.session)
}

/// A session's planned times in the agenda's zone: "10:30-11:45".
fn times(s: &Session) -> String {
    crate::agenda::range_label(s.span.local_start, s.span.local_end)
}
