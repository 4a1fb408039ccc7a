//! Suggested key messages for a session that links none, by shared
//! significant terms.
//!
//! A term is significant when it is not a stop word and does not occur in
//! every key message (it would tell them apart from nothing). Matches are
//! scored by the rarity of their shared terms among the messages.

use crate::agenda::{Agenda, Session};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, PoisonError};

/// A key message suggested for a session.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Index of the key message.
    pub message: usize,
    /// The shared terms, most significant first.
    pub terms: Vec<String>,
}

/// Term weights of the key messages, built once per agenda.
#[derive(Debug, Default)]
pub struct Suggester {
    /// Per key message: each term and how often it occurs (a heading
    /// counts three times: it says what the message is about).
    terms: Vec<HashMap<String, usize>>,
    weight: HashMap<String, f64>,
    /// The last answer, by the session's address and the limit: a frame
    /// asks for the selected session's suggestions several times (to lay
    /// out, then to draw), and reading a 64 KB description is not free.
    last: Mutex<Option<(usize, usize, Vec<Suggestion>)>>,
}

impl Clone for Suggester {
    fn clone(&self) -> Self {
        Suggester {
            terms: self.terms.clone(),
            weight: self.weight.clone(),
            last: Mutex::new(self.lock().clone()),
        }
    }
}

/// How much more a term in a heading counts than one in the text.
const HEADING_WEIGHT: usize = 3;

const STOP: &[&str] = &[
    "about",
    "also",
    "among",
    "and",
    "been",
    "being",
    "both",
    "from",
    "have",
    "into",
    "more",
    "must",
    "other",
    "should",
    "such",
    "than",
    "that",
    "their",
    "them",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "very",
    "well",
    "were",
    "which",
    "while",
    "with",
    "would",
    "within",
    "session",
    "sessions",
    "statement",
    "statements",
    "panel",
    "opening",
    "closing",
    "hearing",
    "meeting",
    "interactive",
    "informal",
];

/// Lowercase words of four or more letters, lightly stemmed, stop words out.
pub fn terms(text: &str) -> BTreeSet<String> {
    words(text).collect()
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(|w| {
            let w = w.to_lowercase();
            match w.strip_suffix('s') {
                Some(stem) if stem.chars().count() >= 4 && !stem.ends_with('s') => stem.to_owned(),
                _ => w,
            }
        })
        .filter(|w| !STOP.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
}

/// A count as a float; counts of key messages are far below 2^52.
#[allow(clippy::cast_precision_loss)]
fn count(n: usize) -> f64 {
    n as f64
}

impl Suggester {
    /// Learns the term weights of `agenda`'s key messages.
    pub fn new(agenda: &Agenda) -> Self {
        let terms: Vec<HashMap<String, usize>> = agenda
            .key_messages
            .iter()
            .map(|m| {
                let mut tf: HashMap<String, usize> = HashMap::new();
                for w in words(&m.title) {
                    *tf.entry(w).or_default() += HEADING_WEIGHT;
                }
                for w in m.text.iter().flat_map(|p| words(p)) {
                    *tf.entry(w).or_default() += 1;
                }
                tf
            })
            .collect();
        let mut df: HashMap<&str, usize> = HashMap::new();
        for tf in &terms {
            for t in tf.keys() {
                *df.entry(t).or_default() += 1;
            }
        }
        let n = count(terms.len());
        let weight = df
            .into_iter()
            .filter(|&(_, d)| count(d) < n)
            .map(|(t, d)| (t.to_owned(), (n / count(d)).ln()))
            .collect();
        Suggester {
            terms,
            weight,
            last: Mutex::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(usize, usize, Vec<Suggestion>)>> {
        // A panic while holding it left a whole answer or none: still usable.
        self.last.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Up to `limit` key messages sharing significant terms with `session`
    /// (a session of the agenda this was built from).
    pub fn suggest(&self, session: &Session, limit: usize) -> Vec<Suggestion> {
        let key = (std::ptr::from_ref(session) as usize, limit);
        if let Some((at, n, got)) = &*self.lock()
            && (*at, *n) == key
        {
            return got.clone();
        }
        let got = self.suggest_afresh(session, limit);
        *self.lock() = Some((key.0, key.1, got.clone()));
        got
    }

    fn suggest_afresh(&self, session: &Session, limit: usize) -> Vec<Suggestion> {
        // Only terms some key message has can be shared.
        let known = |t: &String| self.weight.contains_key(t);
        let mut text: BTreeSet<String> = words(&session.title).filter(known).collect();
        for extra in session
            .description
            .iter()
            .map(|d| &**d)
            .chain(session.notes.iter().map(|n| &**n))
        {
            text.extend(words(extra).filter(known));
        }
        let mut scored: Vec<(f64, Suggestion)> = self
            .terms
            .iter()
            .enumerate()
            .filter_map(|(k, tf)| {
                let mut shared: Vec<(&String, f64)> = text
                    .iter()
                    .filter_map(|t| Some((t, self.weight.get(t)? * count(*tf.get(t)?).ln_1p())))
                    .collect();
                if shared.is_empty() {
                    return None;
                }
                shared.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
                let score = shared.iter().map(|(_, w)| w).sum();
                let terms = shared.into_iter().map(|(t, _)| t.clone()).collect();
                Some((score, Suggestion { message: k, terms }))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.message.cmp(&b.1.message)));
        scored.into_iter().take(limit).map(|(_, s)| s).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{Suggester, terms};

    #[test]
    fn terms_are_stemmed_and_filtered() {
        let t = terms("The Panels on crises, and Prosecution of 2030");
        assert!(t.contains("prosecution"));
        assert!(t.contains("crise"));
        assert!(!t.contains("the") && !t.contains("and") && !t.contains("2030"));
    }

    #[test]
    fn the_prosecution_panel_would_be_suggested_key_message_4() {
        let a = crate::testing::hearing();
        let s = Suggester::new(&a);
        let panel4 = a.sessions.iter().find(|s| &*s.id == "panel-4").unwrap();
        let got = s.suggest(panel4, 3);
        assert_eq!(a.key_messages[got[0].message].number, Some(4));
        assert!(got[0].terms.iter().any(|t| t == "prosecution"));
    }

    #[test]
    fn a_second_ask_for_the_same_session_gets_the_same_answer() {
        let a = crate::testing::hearing();
        let s = Suggester::new(&a);
        let panel4 = a.sessions.iter().find(|s| &*s.id == "panel-4").unwrap();
        let other = a.sessions.iter().find(|s| &*s.id == "panel-2").unwrap();
        let first = s.suggest(panel4, 3);
        assert_eq!(s.suggest(panel4, 3), first);
        assert_eq!(s.suggest(panel4, 1), first[..1]);
        assert_eq!(s.suggest(other, 3), s.suggest_afresh(other, 3));
        assert_eq!(s.clone().suggest(panel4, 3), first);
    }
}
