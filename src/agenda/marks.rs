//! My programme: the sessions a viewer starred (will attend) and hid (will
//! not), kept by session id so they survive edits and reloads, and which
//! of an agenda's sessions that leaves on show.

use super::Agenda;
use std::collections::BTreeSet;

/// Starred and hidden session ids of one agenda.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    starred: BTreeSet<String>,
    hidden: BTreeSet<String>,
}

/// What a mark is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    /// Will attend: `★`.
    Star,
    /// Left out of the timeline, `list`, `now` and `export`.
    Hide,
}

impl Mark {
    /// The name the store and messages use: "star" or "hide".
    pub fn name(self) -> &'static str {
        match self {
            Mark::Star => "star",
            Mark::Hide => "hide",
        }
    }

    /// The mark a store name means.
    pub fn from_name(name: &str) -> Option<Mark> {
        match name {
            "star" => Some(Mark::Star),
            "hide" => Some(Mark::Hide),
            _ => None,
        }
    }
}

impl Marks {
    /// Marks from stored (session id, mark) pairs.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, Mark)>) -> Self {
        let mut marks = Marks::default();
        for (id, mark) in pairs {
            marks.set(mark, id, true);
        }
        marks
    }

    /// Every mark as (session id, mark), starred first, each in id order.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, Mark)> {
        let star = self.starred.iter().map(|id| (id.as_str(), Mark::Star));
        let hide = self.hidden.iter().map(|id| (id.as_str(), Mark::Hide));
        star.chain(hide)
    }

    fn set_of(&self, mark: Mark) -> &BTreeSet<String> {
        match mark {
            Mark::Star => &self.starred,
            Mark::Hide => &self.hidden,
        }
    }

    /// Whether session `id` carries `mark`.
    pub fn has(&self, mark: Mark, id: &str) -> bool {
        self.set_of(mark).contains(id)
    }

    /// Whether session `id` is starred.
    pub fn is_starred(&self, id: &str) -> bool {
        self.has(Mark::Star, id)
    }

    /// Whether session `id` is hidden.
    pub fn is_hidden(&self, id: &str) -> bool {
        self.has(Mark::Hide, id)
    }

    /// Puts `mark` on session `id` (`on`) or takes it off; true if that
    /// changed anything.
    pub fn set(&mut self, mark: Mark, id: &str, on: bool) -> bool {
        let set = match mark {
            Mark::Star => &mut self.starred,
            Mark::Hide => &mut self.hidden,
        };
        if on {
            set.insert(id.to_owned())
        } else {
            set.remove(id)
        }
    }

    /// Starred session ids, in id order.
    pub fn starred(&self) -> impl Iterator<Item = &str> {
        self.starred.iter().map(String::as_str)
    }

    /// How many sessions are starred (including any no longer in the
    /// agenda).
    pub fn starred_count(&self) -> usize {
        self.starred.len()
    }

    /// Whether nothing is marked.
    pub fn is_empty(&self) -> bool {
        self.starred.is_empty() && self.hidden.is_empty()
    }

    /// Starred ids that `agenda` no longer has: kept, and reported.
    pub fn missing_starred(&self, agenda: &Agenda) -> usize {
        if self.starred.is_empty() {
            return 0;
        }
        let ids: BTreeSet<&str> = agenda.sessions.iter().map(|s| s.id.as_str()).collect();
        self.starred
            .iter()
            .filter(|id| !ids.contains(id.as_str()))
            .count()
    }
}

/// `1 starred session is no longer in the agenda`, or nothing when every
/// starred session is there.
pub fn missing_text(missing: usize) -> Option<String> {
    match missing {
        0 => None,
        1 => Some("1 starred session is no longer in the agenda".to_owned()),
        n => Some(format!("{n} starred sessions are no longer in the agenda")),
    }
}

/// Which sessions are on show given the marks: hidden ones are left out
/// unless asked for, and `only_starred` keeps the starred alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkFilter {
    /// Only starred sessions (`o`, `--starred`).
    pub only_starred: bool,
    /// Hidden sessions too (`X`, `--all`).
    pub show_hidden: bool,
}

impl MarkFilter {
    /// Whether session `id` is on show.
    pub fn shows(self, marks: &Marks, id: &str) -> bool {
        (self.show_hidden || !marks.is_hidden(id)) && (!self.only_starred || marks.is_starred(id))
    }

    /// Whether it shows every session whatever the marks.
    pub fn shows_all(self, marks: &Marks) -> bool {
        !self.only_starred && (self.show_hidden || marks.hidden.is_empty())
    }

    /// `agenda` cut down to the sessions on show, and the people in them
    /// (for `list`, `now` and `export`). May leave no session.
    pub fn cut(self, marks: &Marks, mut agenda: Agenda) -> Agenda {
        if self.shows_all(marks) {
            return agenda;
        }
        agenda.sessions.retain(|s| self.shows(marks, &s.id));
        super::filter::keep_people_in_sessions(&mut agenda);
        agenda
    }

    /// The indices of `agenda`'s sessions on show, in programme order.
    pub fn apply(self, marks: &Marks, agenda: &Agenda) -> Vec<usize> {
        agenda
            .sessions
            .iter()
            .enumerate()
            .filter(|(_, s)| self.shows(marks, &s.id))
            .map(|(i, _)| i)
            .collect()
    }
}

/// A running-late shift saved against an agenda whose session ids are
/// `full` (steps of `(first session delayed, minutes)`, by id), moved onto
/// `cut`, which holds some of its sessions in the same order: a step from a
/// session `cut` left out starts from the next session it kept instead (and
/// is dropped if none follows), so every kept session runs as late as it
/// does in the whole agenda. Only the ids are asked for, so a caller need
/// not keep a copy of the whole agenda.
pub fn steps_on(full: &[String], cut: &Agenda, steps: &[(String, i64)]) -> Vec<(String, i64)> {
    let kept: BTreeSet<&str> = cut.sessions.iter().map(|s| s.id.as_str()).collect();
    steps
        .iter()
        .filter_map(|(id, minutes)| {
            let from = full.iter().position(|s| s == id)?;
            let next = full[from..].iter().find(|s| kept.contains(s.as_str()))?;
            Some((next.clone(), *minutes))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Mark, MarkFilter, Marks, missing_text, steps_on};
    use crate::testing::hearing;

    #[test]
    fn a_step_from_a_session_left_out_starts_from_the_next_one_kept() {
        let full = hearing();
        let mut m = Marks::default();
        for id in ["panel-1", "panel-4", "closing"] {
            m.set(Mark::Hide, id, true);
        }
        let cut = MarkFilter::default().cut(&m, full.clone());
        let step = |id: &str, minutes: i64| (id.to_owned(), minutes);
        let steps = [
            step("introductory-statements", 5),
            step("panel-1", 10),
            step("panel-4", 3),
            step("closing", 1),
            step("gone", 7),
        ];
        // Nothing kept follows Panel 4: its step and the closing's go.
        let ids: Vec<String> = full.sessions.iter().map(|s| s.id.to_string()).collect();
        assert_eq!(
            steps_on(&ids, &cut, &steps),
            [step("introductory-statements", 5), step("panel-2", 10)]
        );
    }

    #[test]
    fn set_reports_whether_anything_changed() {
        let mut m = Marks::default();
        assert!(m.set(Mark::Star, "panel-3", true));
        assert!(!m.set(Mark::Star, "panel-3", true));
        assert!(m.is_starred("panel-3") && !m.is_hidden("panel-3"));
        assert!(m.set(Mark::Star, "panel-3", false));
        assert!(!m.set(Mark::Star, "panel-3", false));
        assert!(m.is_empty());
    }

    #[test]
    fn pairs_round_trip() {
        let mut m = Marks::default();
        m.set(Mark::Star, "b", true);
        m.set(Mark::Star, "a", true);
        m.set(Mark::Hide, "c", true);
        let pairs: Vec<_> = m.pairs().collect();
        assert_eq!(
            pairs,
            [("a", Mark::Star), ("b", Mark::Star), ("c", Mark::Hide)]
        );
        assert_eq!(Marks::from_pairs(pairs), m);
        assert_eq!(Mark::from_name(Mark::Hide.name()), Some(Mark::Hide));
        assert_eq!(Mark::from_name("nope"), None);
    }

    #[test]
    fn the_filter_leaves_out_hidden_and_keeps_starred_alone() {
        let a = hearing();
        let mut m = Marks::default();
        m.set(Mark::Star, "panel-3", true);
        m.set(Mark::Star, "panel-4", true);
        m.set(Mark::Hide, "opening", true);
        m.set(Mark::Hide, "panel-4", true);
        let ids = |f: MarkFilter| -> Vec<&str> {
            f.apply(&m, &a)
                .into_iter()
                .map(|i| a.sessions[i].id.as_str())
                .collect()
        };
        let all = MarkFilter::default();
        assert_eq!(ids(all).len(), a.sessions.len() - 2);
        assert!(!ids(all).contains(&"opening"));
        assert!(!all.shows_all(&m));
        let shown = MarkFilter {
            show_hidden: true,
            ..all
        };
        assert_eq!(ids(shown).len(), a.sessions.len());
        assert!(shown.shows_all(&m));
        let mine = MarkFilter {
            only_starred: true,
            ..all
        };
        assert_eq!(ids(mine), ["panel-3"]);
        let mine_all = MarkFilter {
            only_starred: true,
            show_hidden: true,
        };
        assert_eq!(ids(mine_all), ["panel-3", "panel-4"]);
    }

    #[test]
    fn starred_ids_gone_from_the_agenda_are_kept_and_counted() {
        let a = hearing();
        let mut m = Marks::default();
        m.set(Mark::Star, "panel-3", true);
        m.set(Mark::Star, "gone", true);
        assert_eq!(m.missing_starred(&a), 1);
        assert_eq!(m.starred_count(), 2);
        assert_eq!(
            missing_text(1).unwrap(),
            "1 starred session is no longer in the agenda"
        );
        assert_eq!(
            missing_text(2).unwrap(),
            "2 starred sessions are no longer in the agenda"
        );
        assert_eq!(missing_text(0), None);
    }

    #[test]
    fn cut_keeps_the_sessions_on_show_and_their_people() {
        let a = hearing();
        let mut m = Marks::default();
        m.set(Mark::Star, "panel-3", true);
        let mine = MarkFilter {
            only_starred: true,
            show_hidden: false,
        }
        .cut(&m, a.clone());
        assert_eq!(mine.sessions.len(), 1);
        assert_eq!(&*mine.sessions[0].id, "panel-3");
        assert!(mine.people.len() < a.people.len());
        let all = MarkFilter::default().cut(&m, a.clone());
        assert_eq!(all, a);
    }
}
