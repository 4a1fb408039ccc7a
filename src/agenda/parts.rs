//! The part headings of a programme listed in time order: a heading where
//! the part changes, as a sequential programme reads ("Morning Meeting",
//! then "Afternoon Meeting"), but one heading for parts that run side by
//! side ("Detectors · Theory · Computing": a conference's parallel session
//! blocks), whose sessions interleave in time order and would otherwise
//! each be headed again by its part.

use super::Agenda;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{HashMap, HashSet};

/// At most this many parts are named in one heading; the rest are counted.
const NAMED: usize = 6;

/// A heading before a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    /// The session's own part.
    Part,
    /// Parts that run side by side: the text is
    /// [`Headings::side_by_side`] at this index.
    SideBySide(usize),
}

/// The headings of a programme listed in a given order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headings {
    /// Where a heading goes: the position in the order listed, and the
    /// heading before the session there; ascending.
    pub before: Vec<(usize, Heading)>,
    /// The texts of the side-by-side headings.
    pub side_by_side: Vec<String>,
    /// The sessions under a side-by-side heading, ascending.
    under: Vec<usize>,
}

impl Headings {
    /// Whether session `i` is under a side-by-side heading, so its part
    /// is not said by the heading above it.
    pub fn is_side_by_side(&self, i: usize) -> bool {
        self.under.binary_search(&i).is_ok()
    }
}

/// A part's sessions on one day that follow one another with no time
/// between them (or overlap).
struct Run<'a> {
    part: &'a str,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

/// The headings of `order`, sessions of `agenda` in programme order
/// (ascending indices, each day's sessions by start).
pub fn headings(agenda: &Agenda, order: &[usize]) -> Headings {
    let mut out = Headings::default();
    let mut from = 0;
    // Each side-by-side text once, however often it heads.
    let mut texts = HashMap::new();
    // One day at a time: a new day is headed again, as it always was.
    while from < order.len() {
        let day: NaiveDate = agenda.sessions[order[from]].date();
        let len = order[from..]
            .iter()
            .position(|&i| agenda.sessions[i].date() != day)
            .unwrap_or(order.len() - from);
        one_day(agenda, &order[from..from + len], from, &mut texts, &mut out);
        from += len;
    }
    out
}

/// What heads a session: nothing (no part), its part, or a cluster of
/// parts side by side.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Under<'a> {
    Nothing,
    Part(&'a str),
    Cluster(usize),
}

/// The headings of one day's sessions, `day`, the first at position
/// `offset` of the order; `texts` are the side-by-side texts made so far.
fn one_day(
    agenda: &Agenda,
    day: &[usize],
    offset: usize,
    texts: &mut HashMap<String, usize>,
    out: &mut Headings,
) {
    let (runs, run_of) = runs(agenda, day);
    // Runs that overlap, directly or through others, are one cluster;
    // runs come in the order they start, so a cluster's are together:
    // each cluster is its first run and how many.
    let mut clusters: Vec<(usize, usize)> = Vec::new();
    let mut cluster_of = Vec::with_capacity(runs.len());
    let mut end = None;
    for (r, run) in runs.iter().enumerate() {
        if end.is_none_or(|e| run.start >= e) {
            clusters.push((r, 0));
        }
        end = end.max(Some(run.end));
        cluster_of.push(clusters.len() - 1);
        if let Some((_, n)) = clusters.last_mut() {
            *n += 1;
        }
    }
    // Each cluster's text, made once however often it heads (a session
    // with no part between its sessions heads it again).
    let mut made: Vec<Option<usize>> = vec![None; clusters.len()];
    let mut prev = Under::Nothing;
    for (k, (&i, run)) in day.iter().zip(&run_of).enumerate() {
        let under = match *run {
            None => Under::Nothing,
            Some(r) if clusters[cluster_of[r]].1 > 1 => Under::Cluster(cluster_of[r]),
            Some(r) => Under::Part(runs[r].part),
        };
        if under != prev {
            match under {
                Under::Nothing => {}
                Under::Part(_) => out.before.push((offset + k, Heading::Part)),
                Under::Cluster(c) => {
                    let text = *made[c].get_or_insert_with(|| {
                        let (first, n) = clusters[c];
                        let text = text(&runs[first..first + n]);
                        let next = out.side_by_side.len();
                        *texts.entry(text.clone()).or_insert_with(|| {
                            out.side_by_side.push(text);
                            next
                        })
                    });
                    out.before.push((offset + k, Heading::SideBySide(text)));
                }
            }
        }
        if matches!(under, Under::Cluster(_)) {
            out.under.push(i);
        }
        prev = under;
    }
}

/// The runs of each part among `day`'s sessions, in the order they start,
/// and the run of each session (none without a part).
fn runs<'a>(agenda: &'a Agenda, day: &[usize]) -> (Vec<Run<'a>>, Vec<Option<usize>>) {
    let mut runs: Vec<Run<'a>> = Vec::new();
    let mut run_of = Vec::with_capacity(day.len());
    // Each part's latest run; the last one looked up is kept at hand, as
    // a sequential programme asks for the same part many times over.
    let mut latest: HashMap<&str, usize> = HashMap::new();
    let mut last: Option<(&str, usize)> = None;
    for &i in day {
        let s = &agenda.sessions[i];
        let Some(part) = s.part.as_deref() else {
            run_of.push(None);
            continue;
        };
        let found = match last {
            Some((p, r)) if p == part => Some(r),
            _ => latest.get(part).copied(),
        };
        let r = match found {
            Some(r) if runs[r].end >= s.start() => {
                runs[r].end = runs[r].end.max(s.end());
                r
            }
            _ => {
                runs.push(Run {
                    part,
                    start: s.start(),
                    end: s.end(),
                });
                latest.insert(part, runs.len() - 1);
                runs.len() - 1
            }
        };
        last = Some((part, r));
        run_of.push(Some(r));
    }
    (runs, run_of)
}

/// "Detectors · Theory · Computing": the parts of a cluster's `runs`, in
/// the order they start, each once; past [`NAMED`] of them, how many more.
fn text(runs: &[Run<'_>]) -> String {
    let mut seen = HashSet::new();
    let parts: Vec<&str> = runs
        .iter()
        .map(|r| r.part)
        .filter(|p| seen.insert(*p))
        .collect();
    let more = parts.len().saturating_sub(NAMED);
    let named = parts[..parts.len() - more].join(" · ");
    if more > 0 {
        format!("{named} · {more} more")
    } else {
        named
    }
}

#[cfg(test)]
mod tests;
