//! A user's note as drawn in the session pane and the notes view: its
//! stamp in the zone on show, its text with its links highlighted, and
//! what the links name.

use crate::agenda::Agenda;
use crate::app::shared::Shared;
use crate::notes::Note;
use crate::ui::text::wrap;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;

/// The note's stamp as HH:MM in the zone on show.
pub fn stamp(app: &Shared, note: &Note) -> String {
    crate::ui::times::hm(app, note.at)
}

/// Where in `text` the note's links are written: a `#3` or `#km-id`
/// naming one of its key messages, an `@Buck` naming one of its people
/// (by a prefix of the id or of a word of the name). The note's links
/// were resolved when it was written; this only finds them in the text.
pub fn link_ranges(text: &str, note: &Note, agenda: &Agenda) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let starts = (c == '#' || c == '@') && prev.is_none_or(|p| !p.is_alphanumeric());
        prev = Some(c);
        if !starts {
            continue;
        }
        let from = i + c.len_utf8();
        let mut end = from;
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() || d == '-' || d == '_' || d == '.' {
                end = j + d.len_utf8();
                prev = Some(d);
                chars.next();
            } else {
                break;
            }
        }
        let word = text[from..end].trim_end_matches('.');
        if !word.is_empty() && links(c, word, note, agenda) {
            out.push(i..from + word.len());
        }
    }
    out
}

/// Whether `#word` or `@word` (`sign`) names one of the note's links.
fn links(sign: char, word: &str, note: &Note, agenda: &Agenda) -> bool {
    let word = word.to_lowercase();
    if sign == '#' {
        let number: Option<i64> = word.parse().ok();
        return note.messages.iter().any(|id| {
            id.to_lowercase() == word
                || agenda
                    .key_messages
                    .iter()
                    .any(|m| &m.id == id && number.is_some() && m.number == number)
        });
    }
    note.people.iter().any(|id| {
        id.to_lowercase().starts_with(&word)
            || agenda.people.iter().any(|p| {
                p.id == id
                    && (p.name.to_lowercase().starts_with(&word)
                        || p.name
                            .split_whitespace()
                            .any(|w| w.to_lowercase().starts_with(&word)))
            })
    })
}

/// `text` as spans in `base`, its links (see [`link_ranges`]) in `link`.
pub fn spans(
    text: &str,
    note: &Note,
    agenda: &Agenda,
    base: Style,
    link: Style,
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in link_ranges(text, note, agenda) {
        if r.start > at {
            out.push(Span::styled(text[at..r.start].to_owned(), base));
        }
        out.push(Span::styled(text[r.clone()].to_owned(), link));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Span::styled(text[at..].to_owned(), base));
    }
    out
}

/// What the note's links name, in words: "→ 1 · Ms. Kay Buck"; `None`
/// when it links nothing. A link the agenda no longer has shows its id.
pub fn named(note: &Note, agenda: &Agenda) -> Option<String> {
    let messages = note.messages.iter().map(|id| {
        agenda
            .key_messages
            .iter()
            .find(|m| &m.id == id)
            .and_then(|m| m.number.map(|n| n.to_string()))
            .unwrap_or_else(|| format!("#{id}"))
    });
    let people = note.people.iter().map(|id| {
        agenda
            .people
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| format!("@{id}"), crate::agenda::Person::display_name)
    });
    let all: Vec<String> = messages.chain(people).collect();
    (!all.is_empty()).then(|| format!("→ {}", all.join(" · ")))
}

/// The note's lines at `width`: "HH:MM  text", wrapped under the text,
/// then what its links name.
pub fn lines(app: &Shared, note: &Note, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let stamp = stamp(app, note);
    let indent = crate::ui::text::width(&stamp) + 2;
    let inner = width.saturating_sub(indent).max(1);
    let mut out = Vec::new();
    for (n, l) in wrap(&note.text, inner).into_iter().enumerate() {
        let lead = if n == 0 {
            Span::styled(format!("{stamp}  "), t.dim)
        } else {
            Span::raw(" ".repeat(indent))
        };
        let mut spans = vec![lead];
        spans.extend(self::spans(&l, note, &app.agenda, t.text, t.key));
        out.push(Line::from(spans));
    }
    if let Some(named) = named(note, &app.agenda) {
        for l in wrap(&named, inner) {
            out.push(Line::from(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(l, t.dim),
            ]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(text: &str, messages: &[&str], people: &[&str]) -> Note {
        Note {
            id: 1,
            session: "panel-1".into(),
            session_title: "Panel 1".into(),
            at: chrono::DateTime::from_timestamp(1_498_230_300, 0).unwrap(),
            text: text.into(),
            messages: messages.iter().map(|s| (*s).to_owned()).collect(),
            people: people.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    fn found<'a>(text: &'a str, n: &Note) -> Vec<&'a str> {
        let agenda = crate::testing::hearing();
        link_ranges(text, n, &agenda)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn only_the_notes_own_links_are_found_in_its_text() {
        let agenda = crate::testing::hearing();
        let km = &agenda.key_messages[0];
        let person = &agenda.people[0];
        let first_word = person.name.split_whitespace().last().unwrap();
        let text = format!(
            "#{} and #{}. @{first_word}: but not #hashtag, a#1 or @nobody",
            km.number.unwrap(),
            km.id
        );
        let n = note(&text, &[&km.id], &[&person.id]);
        assert_eq!(
            found(&text, &n),
            [
                format!("#{}", km.number.unwrap()),
                format!("#{}", km.id),
                format!("@{first_word}")
            ]
        );
        // Without links, nothing is highlighted.
        assert!(found(&text, &note(&text, &[], &[])).is_empty());
        assert!(named(&note("x", &[], &[]), &agenda).is_none());
        let said = named(&n, &agenda).unwrap();
        assert!(said.contains(&person.display_name()), "{said}");
    }
}
