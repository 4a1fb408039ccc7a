//! Incremental search over titles, names, affiliations, notes, rooms,
//! tracks and key messages, over who speaks by video ("video
//! message"), and over the user's own notes (a session is found by its
//! notes' text).
//!
//! Text is lowercased once per agenda; a keystroke is one linear scan, and a
//! query that extends the last one only rescans the last one's matches.

use crate::agenda::{Agenda, Appearance};
use memchr::memmem::Finder;
use std::ops::Range;

/// What a session or person appearing by video is also found by: the
/// screen marks them "▶ video message".
const VIDEO: &str = "video message";

/// Lowercased searchable text, built once per agenda.
#[derive(Debug, Clone, Default)]
pub struct SearchText {
    sessions: Texts,
    people: Texts,
    messages: Texts,
    /// The user's notes, in `Notes::all` order.
    notes: Texts,
    /// Each note's session in the agenda, if it is there.
    note_sessions: Vec<Option<usize>>,
}

impl SearchText {
    /// Takes the user's notes as they are now (after they changed, or the
    /// agenda did).
    pub fn set_notes(&mut self, agenda: &Agenda, notes: &crate::notes::Notes) {
        let mut texts = Texts::default();
        self.note_sessions.clear();
        for n in notes.all() {
            texts.push(&n.text);
            texts.end_item();
            let at = agenda.sessions.iter().position(|s| *s.id == *n.session);
            self.note_sessions.push(at);
        }
        self.notes = texts;
    }

    /// Builds the searchable text of `agenda`.
    pub fn new(agenda: &Agenda) -> Self {
        let mut sessions = Texts::default();
        for s in &agenda.sessions {
            sessions.push(&s.title);
            let labels = s.notes.iter().chain(&s.part).chain(&s.room).chain(&s.track);
            for extra in labels.map(|l| &**l).chain(s.description.as_deref()) {
                sessions.push(extra);
            }
            for c in s.participants.iter().filter_map(|p| p.capacity.as_ref()) {
                sessions.push(c);
            }
            if s.participants
                .iter()
                .any(|p| p.appearance == Appearance::Video)
            {
                sessions.push(VIDEO);
            }
            sessions.end_item();
        }
        let mut by_video = vec![false; agenda.people.len()];
        for p in agenda.sessions.iter().flat_map(|s| &s.participants) {
            by_video[p.person] |= p.appearance == Appearance::Video;
        }
        let mut people = Texts::default();
        for (p, video) in agenda.people.iter().zip(by_video) {
            people.push(&p.display_name());
            if let Some(a) = &p.affiliation {
                people.push(a);
            }
            if video {
                people.push(VIDEO);
            }
            people.end_item();
        }
        let mut messages = Texts::default();
        for m in &agenda.key_messages {
            messages.push(&m.label());
            for p in &m.text {
                messages.push(p);
            }
            messages.end_item();
        }
        SearchText {
            sessions,
            people,
            messages,
            notes: Texts::default(),
            note_sessions: Vec::new(),
        }
    }
}

/// One text per item, lowercased, one after another in a single buffer:
/// one allocation for a whole agenda, not one per item.
#[derive(Debug, Clone, Default)]
struct Texts {
    all: String,
    /// Where each item's text ends in `all`.
    ends: Vec<usize>,
}

impl Texts {
    /// Adds `part`, lowercased, to the item being built, on a line of its
    /// own: a typed query holds no line break, so it cannot match across
    /// two parts.
    fn push(&mut self, part: &str) {
        if self.all.len() > self.ends.last().copied().unwrap_or(0) {
            self.all.push('\n');
        }
        if part.is_ascii() {
            let from = self.all.len();
            self.all.push_str(part);
            self.all[from..].make_ascii_lowercase();
        } else {
            self.all.push_str(&part.to_lowercase());
        }
    }

    /// Ends the item being built.
    fn end_item(&mut self) {
        self.ends.push(self.all.len());
    }

    /// How many items there are.
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether item `i`'s text holds `q`. Bytes, not chars: a UTF-8
    /// needle can only match a UTF-8 text at a char boundary.
    fn holds(&self, i: usize, q: &Finder<'_>) -> bool {
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p]);
        q.find(&self.all.as_bytes()[start..self.ends[i]]).is_some()
    }
}

/// The search the user is typing or has made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// What was typed.
    pub query: String,
    /// Whether keys go to the query (after `/`, before Enter or Esc).
    pub editing: bool,
    /// Matching sessions, ascending.
    pub matches: Vec<usize>,
    /// Matching people, ascending.
    pub people: Vec<usize>,
    /// Matching key messages, ascending.
    pub messages: Vec<usize>,
    /// Matching notes (by their text), ascending, as in `Notes::all`.
    pub notes: Vec<usize>,
}

impl Search {
    /// Whether a query is in force.
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }

    /// Recomputes the matches for the current query. `previous` is the query
    /// the current matches were computed for.
    pub fn refresh(&mut self, agenda: &Agenda, text: &SearchText, previous: &str) {
        let q = self.query.to_lowercase();
        if q.is_empty() {
            self.matches.clear();
            self.people.clear();
            self.messages.clear();
            self.notes.clear();
            return;
        }
        let narrowing = !previous.is_empty() && q.starts_with(&previous.to_lowercase());
        let q = Finder::new(&q);
        self.people = filter(
            &text.people,
            &q,
            narrowing.then_some(self.people.as_slice()),
        );
        self.messages = filter(&text.messages, &q, None);
        self.notes = filter(&text.notes, &q, narrowing.then_some(self.notes.as_slice()));
        let people = &self.people;
        let messages = &self.messages;
        let mut noted: Vec<usize> = self
            .notes
            .iter()
            .filter_map(|&n| text.note_sessions.get(n).copied().flatten())
            .collect();
        noted.sort_unstable();
        let hit = |i: usize| {
            let s = &agenda.sessions[i];
            text.sessions.holds(i, &q)
                || noted.binary_search(&i).is_ok()
                || s.participants
                    .iter()
                    .any(|p| people.binary_search(&p.person).is_ok())
                || s.key_messages
                    .iter()
                    .any(|k| messages.binary_search(k).is_ok())
        };
        // A session can only newly match through a person, message or
        // note, and those only shrink when narrowing, so the old matches
        // bound the new.
        self.matches = if narrowing {
            self.matches.iter().copied().filter(|&i| hit(i)).collect()
        } else {
            (0..agenda.sessions.len()).filter(|&i| hit(i)).collect()
        };
    }

    /// Whether session `i` matches.
    pub fn matches_session(&self, i: usize) -> bool {
        self.matches.binary_search(&i).is_ok()
    }

    /// The first match after `from` (wrapping), or before it when `back`.
    pub fn step(&self, from: usize, back: bool) -> Option<usize> {
        next_match(&self.matches, Some(from), back)
    }
}

/// The first item of the ascending `list` after `from` (all of them when
/// `from` is `None`), or the last before it when `back`; wrapping round.
pub fn next_match(list: &[usize], from: Option<usize>, back: bool) -> Option<usize> {
    let (first, last) = (list.first()?, list.last()?);
    Some(match (from, back) {
        (None, false) => *first,
        (None, true) => *last,
        (Some(f), false) => list
            .get(list.partition_point(|&m| m <= f))
            .unwrap_or(first)
            .to_owned(),
        (Some(f), true) => list
            .partition_point(|&m| m < f)
            .checked_sub(1)
            .map_or(*last, |i| list[i]),
    })
}

fn filter(texts: &Texts, q: &Finder<'_>, within: Option<&[usize]>) -> Vec<usize> {
    match within {
        Some(prev) => prev
            .iter()
            .copied()
            .filter(|&i| texts.holds(i, q))
            .collect(),
        None => (0..texts.len()).filter(|&i| texts.holds(i, q)).collect(),
    }
}

/// The byte ranges of `hay` where `needle` occurs, ignoring case; for
/// highlighting what is on screen (so it works on the original text).
pub fn find_all(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut starts = hay.char_indices().map(|(i, _)| i).peekable();
    while let Some(start) = starts.next() {
        if let Some(len) = match_at(&hay[start..], &needle) {
            out.push(start..start + len);
            while starts.next_if(|&i| i < start + len).is_some() {}
        }
    }
    out
}

fn match_at(hay: &str, needle: &[char]) -> Option<usize> {
    let mut want = needle.iter();
    for (i, c) in hay.char_indices() {
        for lc in c.to_lowercase() {
            match want.next() {
                Some(&w) if w == lc => {}
                // A different char, or the needle ended inside this char's
                // lowercase expansion.
                _ => return None,
            }
        }
        if want.as_slice().is_empty() {
            return Some(i + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{Search, SearchText, find_all};

    fn search(q: &str) -> (crate::agenda::Agenda, Search) {
        let agenda = crate::testing::hearing();
        let text = SearchText::new(&agenda);
        let mut s = Search {
            query: q.into(),
            ..Search::default()
        };
        s.refresh(&agenda, &text, "");
        (agenda, s)
    }

    #[test]
    fn finds_sessions_by_person_affiliation_and_title() {
        let (a, s) = search("UNHCR");
        let ids: Vec<&str> = s
            .matches
            .iter()
            .map(|&i| a.sessions[i].id.as_str())
            .collect();
        assert_eq!(ids, ["panel-2"]);
        let (_, s) = search("sorvino");
        assert_eq!(s.matches, [2]);
        let (_, s) = search("no such thing anywhere");
        assert!(s.matches.is_empty());
    }

    #[test]
    fn finds_sessions_by_room_and_track() {
        let json = r#"{"format": "dais/1",
            "event": {"title": "Con", "date": "2024-12-27", "timezone": "Europe/Berlin"},
            "sessions": [
              {"id": "a", "title": "A", "kind": "other", "start": "10:00", "end": "11:00",
               "room": "Saal 1", "track": "Security"},
              {"id": "b", "title": "B", "kind": "other", "start": "10:00", "end": "11:00",
               "room": "Saal Zuse", "track": "Art"},
              {"id": "c", "title": "C", "kind": "other", "start": "11:00", "end": "12:00",
               "room": "Saal 1"}]}"#;
        let limits = crate::load::Limits::default();
        let agenda = crate::load::load_bytes("t.json", json.as_bytes(), &limits)
            .unwrap()
            .agenda;
        let text = SearchText::new(&agenda);
        let found = |q: &str| {
            let mut s = Search {
                query: q.into(),
                ..Search::default()
            };
            s.refresh(&agenda, &text, "");
            s.matches
        };
        assert_eq!(found("saal 1"), [0, 2]);
        assert_eq!(found("zuse"), [1]);
        assert_eq!(found("security"), [0]);
    }

    #[test]
    fn narrowing_gives_the_same_as_a_fresh_search() {
        let agenda = crate::testing::hearing();
        let text = SearchText::new(&agenda);
        let mut s = Search::default();
        let mut prev = String::new();
        for c in "video".chars() {
            s.query.push(c);
            s.refresh(&agenda, &text, &prev);
            prev.clone_from(&s.query);
        }
        let (_, fresh) = search("video");
        assert_eq!(s.matches, fresh.matches);
    }

    #[test]
    fn a_session_is_found_by_its_notes_and_the_note_itself_too() {
        let agenda = crate::testing::hearing();
        let mut text = SearchText::new(&agenda);
        let at = chrono::DateTime::from_timestamp(1_498_230_300, 0).unwrap();
        let note = |id: i64, session: &str, t: &str| crate::notes::Note {
            id,
            session: session.into(),
            session_title: "gone".into(),
            at,
            text: t.into(),
            messages: vec![],
            people: vec![],
        };
        let notes = crate::notes::Notes::new(vec![
            note(1, "panel-3", "Survivors must LEAD the response"),
            note(2, "no-longer-here", "survivors again"),
        ]);
        text.set_notes(&agenda, &notes);
        let mut s = Search {
            query: "survivors must".into(),
            ..Search::default()
        };
        s.refresh(&agenda, &text, "");
        let p3 = agenda.sessions.iter().position(|x| &*x.id == "panel-3");
        assert_eq!(s.matches, p3.into_iter().collect::<Vec<_>>());
        assert_eq!(s.notes, [0]);
        s.query = "survivors".into();
        s.refresh(&agenda, &text, "");
        assert_eq!(s.notes, [0, 1], "a note whose session is gone is found");
        // Without the notes, nothing.
        text.set_notes(&agenda, &crate::notes::Notes::default());
        s.query = "survivors must".into();
        s.refresh(&agenda, &text, "");
        assert!(s.matches.is_empty() && s.notes.is_empty());
    }

    #[test]
    fn stepping_wraps() {
        let s = Search {
            query: "x".into(),
            matches: vec![2, 5, 7],
            ..Search::default()
        };
        assert_eq!(s.step(2, false), Some(5));
        assert_eq!(s.step(7, false), Some(2));
        assert_eq!(s.step(0, false), Some(2));
        assert_eq!(s.step(2, true), Some(7));
        assert_eq!(s.step(6, true), Some(5));
    }

    #[test]
    fn highlights_ignore_case_on_the_original_text() {
        assert_eq!(find_all("Panel 1: panel", "PANEL"), [0..5, 9..14]);
        assert_eq!(find_all("Ra'ad Al Hussein", "al"), vec![6..8]);
        assert_eq!(find_all("ÉCOLE école", "école"), [0..6, 7..13]);
        assert!(find_all("abc", "").is_empty());
    }
}
