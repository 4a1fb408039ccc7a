//! Links inside a note's text: `#3` or `#km-id` names a key message,
//! `@Buck` a person. Pure functions of the text and the agenda, used to
//! highlight a note as it is typed, to complete a tag with Tab, and to
//! find what a saved note links.
//!
//! # The rules
//!
//! - A tag starts with `#` or `@` at the start of the text or after a
//!   character that is not a letter or digit (so `a@b.org` and `C#4` are
//!   text), and runs over letters, digits (any script), combining marks,
//!   `-`, `_` and `.`; a `-`, `_` or `.` at its end is not part of it
//!   (`@Buck:`, `#1.` and `@Buck's` all name what `@Buck` does).
//! - `#` and a number names the key message with that number; unknown
//!   numbers are [`Link::Unknown`]. `#` and a word names the key message
//!   whose id that is (any case); the start of one or more ids is
//!   [`Link::Ambiguous`] (Tab completes it, nothing is linked until it is
//!   whole); any other word is a `#hashtag`, plain text, not a tag.
//! - `@` and a word names the person whose id, or any word of whose name,
//!   starts with it (any case, any script: `@ké` finds "Kéré"; `O'Hara`
//!   is found by `@O` and by `@OHara`). More than one such person is
//!   [`Link::Ambiguous`] (never guessed), unless exactly one of them has
//!   a word that is the whole of it (`@Marc` with a Marc and a Marcus);
//!   none is [`Link::Unknown`].

use crate::agenda::{Agenda, Person};
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// What a tag's sigil says it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `#`: a key message.
    Message,
    /// `@`: a person.
    Person,
}

/// What a tag resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// Index into [`Agenda::key_messages`].
    Message(usize),
    /// Index into [`Agenda::people`].
    Person(usize),
    /// More than one could be meant (indices into the key messages or the
    /// people, by the tag's [`Kind`]); nothing is linked.
    Ambiguous(Vec<usize>),
    /// Names nothing in the agenda: `@x` or `#9`; nothing is linked.
    Unknown,
}

/// One tag found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// Its bytes in the text, sigil included.
    pub range: Range<usize>,
    /// `#` or `@`.
    pub kind: Kind,
    /// What it resolves to.
    pub link: Link,
}

/// The tags in `text`, in order. A `#hashtag` that is no key message is
/// not one.
pub fn parse(text: &str, agenda: &Agenda) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts = matches!(c, '#' | '@') && !prev.is_some_and(is_word_char);
        prev = Some(c);
        if !starts {
            continue;
        }
        let body_start = i + c.len_utf8();
        let end = body_start + trimmed_len(&text[body_start..]);
        if end == body_start {
            continue;
        }
        let word = &text[body_start..end];
        let (kind, link) = if c == '#' {
            match message(word, agenda) {
                Some(link) => (Kind::Message, link),
                None => continue,
            }
        } else {
            (Kind::Person, person(word, agenda))
        };
        tags.push(Tag {
            range: i..end,
            kind,
            link,
        });
    }
    tags
}

/// The ids of the key messages and of the people `text` links, each once,
/// in the order first named. Ambiguous and unknown tags link nothing.
pub fn links(text: &str, agenda: &Agenda) -> (Vec<String>, Vec<String>) {
    let (mut messages, mut people) = (Vec::new(), Vec::new());
    for tag in parse(text, agenda) {
        let (id, list) = match tag.link {
            Link::Message(m) => (agenda.key_messages[m].id.as_str(), &mut messages),
            Link::Person(p) => (agenda.people[p].id.as_str(), &mut people),
            Link::Ambiguous(_) | Link::Unknown => continue,
        };
        if !list.iter().any(|l| l == id) {
            list.push(id.to_owned());
        }
    }
    (messages, people)
}

/// What Tab can put in place of the tag at the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The bytes to replace: the whole tag the cursor is in or just after.
    pub range: Range<usize>,
    /// The choices, best first; one when the tag names one thing.
    pub choices: Vec<Choice>,
}

/// One way to complete a tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The tag to put in, sigil included (`@Buck`, `#1`).
    pub text: String,
    /// What it names, for the list of choices ("Ms. Kay Buck").
    pub label: String,
}

/// The completions of the tag that ends at, or holds, byte `cursor` of
/// `text`: every key message or person the typed start could name. None
/// when the cursor is not in a tag or nothing matches.
pub fn complete(text: &str, cursor: usize, agenda: &Agenda) -> Option<Completion> {
    let cursor = floor_boundary(text, cursor.min(text.len()));
    let before = &text[..cursor];
    // Back over the tag's word to its sigil.
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_tag_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let sigil_at = word_start.checked_sub(1)?;
    let sigil = char::from(*text.as_bytes().get(sigil_at)?);
    if !matches!(sigil, '#' | '@')
        || text[..sigil_at]
            .chars()
            .next_back()
            .is_some_and(is_word_char)
    {
        return None;
    }
    let typed = &text[word_start..cursor];
    let end = cursor
        + text[cursor..]
            .chars()
            .take_while(|&c| is_tag_char(c))
            .map(char::len_utf8)
            .sum::<usize>();
    let choices = if sigil == '#' {
        complete_message(typed, agenda)
    } else {
        complete_person(typed, agenda)
    };
    (!choices.is_empty()).then_some(Completion {
        range: sigil_at..end,
        choices,
    })
}

/// The longest start every choice shares (by characters), to put in on
/// the first Tab when there are several.
pub fn common_start(choices: &[Choice]) -> String {
    let mut it = choices.iter();
    let Some(first) = it.next() else {
        return String::new();
    };
    let mut len = first.text.len();
    for c in it {
        len = first
            .text
            .char_indices()
            .zip(c.text.chars())
            .take_while(|((_, a), b)| a.to_lowercase().eq(b.to_lowercase()))
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(len);
    }
    first.text[..len].to_owned()
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A letter or digit of any script, or a combining mark (zero width).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_control() && c.width() == Some(0))
}

fn is_tag_char(c: char) -> bool {
    is_word_char(c) || matches!(c, '-' | '_' | '.')
}

/// How many bytes of `s` make a tag's word: its tag characters without
/// the `-`, `_` and `.` at their end.
fn trimmed_len(s: &str) -> usize {
    let run = s
        .char_indices()
        .find(|&(_, c)| !is_tag_char(c))
        .map_or(s.len(), |(i, _)| i);
    s[..run].trim_end_matches(['-', '_', '.']).len()
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// `#word`: a number, an id, the start of ids, or not a tag (None).
fn message(word: &str, agenda: &Agenda) -> Option<Link> {
    let kms = &agenda.key_messages;
    if word.bytes().all(|b| b.is_ascii_digit()) {
        let n: Option<i64> = word.parse().ok();
        return Some(
            kms.iter()
                .position(|k| k.number.is_some() && k.number == n)
                .map_or(Link::Unknown, Link::Message),
        );
    }
    let w = lower(word);
    if let Some(i) = kms.iter().position(|k| lower(&k.id) == w) {
        return Some(Link::Message(i));
    }
    let starts: Vec<usize> = (0..kms.len())
        .filter(|&i| lower(&kms[i].id).starts_with(&w))
        .collect();
    (!starts.is_empty()).then_some(Link::Ambiguous(starts))
}

/// The words a person is found by, in lower case: their id, each word of
/// their name, its parts between `-` and `'`, and the word without its
/// apostrophes.
fn keys(p: &Person) -> Vec<String> {
    let mut keys = vec![lower(&p.id)];
    for word in p.name.split_whitespace() {
        let word = lower(word);
        let bare: String = word.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
        keys.extend(
            word.split(['-', '\'', '’'])
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
        keys.push(bare);
        keys.push(word);
    }
    keys
}

/// The people `word` could name, and among them those it names whole.
fn people_for(word: &str, agenda: &Agenda) -> (Vec<usize>, Vec<usize>) {
    let w = lower(word);
    let (mut starts, mut whole) = (Vec::new(), Vec::new());
    for (i, p) in agenda.people.iter().enumerate() {
        let keys = keys(p);
        if keys.iter().any(|k| k.starts_with(&w)) {
            starts.push(i);
            if keys.contains(&w) {
                whole.push(i);
            }
        }
    }
    (starts, whole)
}

fn person(word: &str, agenda: &Agenda) -> Link {
    match people_for(word, agenda) {
        (starts, _) if starts.is_empty() => Link::Unknown,
        (starts, _) if starts.len() == 1 => Link::Person(starts[0]),
        (_, whole) if whole.len() == 1 => Link::Person(whole[0]),
        (starts, _) => Link::Ambiguous(starts),
    }
}

fn complete_message(typed: &str, agenda: &Agenda) -> Vec<Choice> {
    let t = lower(typed);
    agenda
        .key_messages
        .iter()
        .filter_map(|k| {
            let number = k.number.map(|n| n.to_string());
            let text = match &number {
                Some(n) if n.starts_with(&t) => format!("#{n}"),
                _ if lower(&k.id).starts_with(&t) => format!("#{}", k.id),
                _ => return None,
            };
            Some(Choice {
                text,
                label: k.label(),
            })
        })
        .collect()
}

fn complete_person(typed: &str, agenda: &Agenda) -> Vec<Choice> {
    let (starts, whole) = people_for(typed, agenda);
    let starts = if starts.len() > 1 && whole.len() == 1 {
        whole
    } else {
        starts
    };
    let t = lower(typed);
    starts
        .into_iter()
        .map(|i| {
            let p = &agenda.people[i];
            let names_only = |w: &str| person(w, agenda) == Link::Person(i);
            // Without apostrophes, which end a tag: O'Hara is @OHara.
            let words: Vec<String> = p
                .name
                .split_whitespace()
                .map(|w| w.replace(['\'', '’'], ""))
                .map(|w| w.trim_end_matches(['-', '_', '.']).to_owned())
                .filter(|w| !w.is_empty() && trimmed_len(w) == w.len())
                .collect();
            // The word typed the start of, else the name's last word that
            // is theirs alone, else the id.
            let word = words
                .iter()
                .find(|w| lower(w).starts_with(&t) && names_only(w))
                .or_else(|| words.iter().rev().find(|w| names_only(w)))
                .map_or_else(|| p.id.to_string(), Clone::clone);
            Choice {
                text: format!("@{word}"),
                label: p.display_name(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
