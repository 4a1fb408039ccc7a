//! What changed between two versions of an agenda, in human terms: the
//! line shown after a reload ("Panel 3 moved from 15:00 to 15:15; 1 person
//! added to Panel 2"), the changes view, and `dais diff`. Sessions, people
//! and key messages are matched by id: for a schedule.json that is its
//! `id`, `code` or `guid` before its slug (see `docs/formats/schedule-json.md`),
//! so a talk renamed in pretalx is renamed here, not removed and added.

use crate::agenda::Agenda;
use crate::agenda::digest::{Digest, SessionDigest};
use chrono::NaiveDateTime;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// What kind of change a [`Change`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The event's title, date or zone.
    Event,
    /// A session that is new.
    Added,
    /// A session that is gone (cancelled).
    Removed,
    /// A session at another time or in another room.
    Moved,
    /// A session that starts as before but ends at another time.
    Retimed,
    /// A session with another title.
    Renamed,
    /// A session with people added or removed.
    People,
    /// A person with another name.
    Person,
    /// Key messages added or removed.
    KeyMessages,
    /// Something not listed changed.
    Details,
}

/// One change, said in a short sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What kind.
    pub kind: Kind,
    /// The session it is about, by id (in the new version; in the old one
    /// for a removed session).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// The sentence: "Panel 3 moved from 15:00 to 15:15".
    pub text: String,
}

/// The changes from `old` to `new`, one short sentence each: sessions
/// moved (in time or room), retimed, renamed, added and removed; people
/// added to and removed from sessions; people renamed; key messages added
/// and removed; the event's title, date and zone. Empty when the two are
/// the same; "details changed" when they differ only in what is not
/// listed.
pub fn changes(old: &Agenda, new: &Agenda) -> Vec<String> {
    detect(old, new).into_iter().map(|c| c.text).collect()
}

/// [`changes`], each with its kind and session.
pub fn detect(old: &Agenda, new: &Agenda) -> Vec<Change> {
    compare(&Digest::of(old), &Digest::of(new))
}

/// [`detect`] between what the detector compares of two versions: either
/// may be a version no longer at hand, kept as a [`Digest`] (the one the
/// user last looked at).
pub fn compare(old: &Digest<'_>, new: &Digest<'_>) -> Vec<Change> {
    let mut out = Out(Vec::new());
    event(old, new, &mut out);
    let multi_day = old.is_multi_day() || new.is_multi_day();
    let at = |t: NaiveDateTime, day: bool| {
        if day {
            t.format("%a %-d %b %H:%M").to_string()
        } else {
            t.format("%H:%M").to_string()
        }
    };
    let old_ids: HashMap<&str, &SessionDigest> =
        old.sessions.iter().map(|s| (s.id.as_ref(), s)).collect();
    for s in &new.sessions {
        let name = s.short_title();
        let id = Some(s.id.as_ref());
        let Some(o) = old_ids.get(s.id.as_ref()) else {
            let text = format!("{name} added at {}", at(s.local_start, multi_day));
            out.push(Kind::Added, id, text);
            continue;
        };
        let room = |s: &SessionDigest| s.room.as_deref().unwrap_or("no room").to_owned();
        let rooms = (o.room != s.room).then(|| (room(o), room(s)));
        if o.local_start == s.local_start {
            if let Some((r1, r2)) = &rooms {
                out.push(Kind::Moved, id, format!("{name} moved from {r1} to {r2}"));
            }
            if o.local_end != s.local_end {
                let day = o.local_end.date() != s.local_end.date();
                let text = format!(
                    "{name} now ends at {} instead of {}",
                    at(s.local_end, day),
                    at(o.local_end, day)
                );
                out.push(Kind::Retimed, id, text);
            }
        } else {
            let day = multi_day || o.local_start.date() != s.local_start.date();
            let (from, to) = (at(o.local_start, day), at(s.local_start, day));
            let text = match &rooms {
                Some((r1, r2)) => format!("{name} moved from {from} in {r1} to {to} in {r2}"),
                None => format!("{name} moved from {from} to {to}"),
            };
            out.push(Kind::Moved, id, text);
        }
        if o.title != s.title {
            let text = format!("{} renamed to “{}”", o.short_title(), s.title);
            out.push(Kind::Renamed, id, text);
        }
        people_of(old, o, new, s, &mut out);
    }
    let new_ids: HashSet<&str> = new.sessions.iter().map(|s| s.id.as_ref()).collect();
    for o in &old.sessions {
        if !new_ids.contains(o.id.as_ref()) {
            let text = format!("{} removed", o.short_title());
            out.push(Kind::Removed, Some(&o.id), text);
        }
    }
    renamed_people(old, new, &mut out);
    key_messages(old, new, &mut out);
    if out.0.is_empty() && old.whole.differs(&new.whole) {
        out.push(Kind::Details, None, "details changed".to_owned());
    }
    out.0
}

/// How many changes of each kind people ask about first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Sessions moved or retimed.
    pub moved: usize,
    /// Sessions removed.
    pub cancelled: usize,
    /// Sessions added.
    pub new: usize,
    /// Everything else.
    pub other: usize,
}

impl Tally {
    /// Counts `changes`.
    pub fn of(changes: &[Change]) -> Tally {
        let mut t = Tally::default();
        for c in changes {
            match c.kind {
                Kind::Moved | Kind::Retimed => t.moved += 1,
                Kind::Removed => t.cancelled += 1,
                Kind::Added => t.new += 1,
                _ => t.other += 1,
            }
        }
        t
    }
}

impl fmt::Display for Tally {
    /// "2 moved, 1 cancelled, 3 new, 1 other change".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let other = match self.other {
            1 => "1 other change".to_owned(),
            n => format!("{n} other changes"),
        };
        let parts = [
            (self.moved, format!("{} moved", self.moved)),
            (self.cancelled, format!("{} cancelled", self.cancelled)),
            (self.new, format!("{} new", self.new)),
            (self.other, other),
        ];
        let shown: Vec<&str> = parts
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(_, s)| s.as_str())
            .collect();
        f.write_str(&shown.join(", "))
    }
}

/// The changes found so far.
struct Out(Vec<Change>);

impl Out {
    fn push(&mut self, kind: Kind, session: Option<&str>, text: String) {
        self.0.push(Change {
            kind,
            session: session.map(str::to_owned),
            text,
        });
    }
}

/// The changes joined into one line of at most about `width` characters:
/// as many as fit (at least one), then "…and N more changes".
pub fn summary(changes: &[String], width: usize) -> String {
    let mut line = String::new();
    let mut shown = 0;
    for (i, c) in changes.iter().enumerate() {
        let rest = changes.len() - i - 1;
        let tail = if rest > 0 { more(rest).len() + 2 } else { 0 };
        let sep = if line.is_empty() { 0 } else { 2 };
        if shown > 0 && line.chars().count() + sep + c.chars().count() + tail > width {
            break;
        }
        if sep > 0 {
            line.push_str("; ");
        }
        line.push_str(c);
        shown += 1;
    }
    let rest = changes.len() - shown;
    if rest > 0 {
        line.push_str("; ");
        line.push_str(&more(rest));
    }
    line
}

fn more(n: usize) -> String {
    if n == 1 {
        "…and 1 more change".to_owned()
    } else {
        format!("…and {n} more changes")
    }
}

fn event(o: &Digest<'_>, n: &Digest<'_>, out: &mut Out) {
    if o.title != n.title {
        out.push(
            Kind::Event,
            None,
            format!("the event is now called “{}”", n.title),
        );
    }
    if o.date != n.date {
        let text = format!("the event is now on {}", n.date.format("%a %-d %b %Y"));
        out.push(Kind::Event, None, text);
    }
    if o.timezone != n.timezone {
        let text = format!("times are now in {}", super::zone_label(n.timezone));
        out.push(Kind::Event, None, text);
    }
}

/// "1 person added to Panel 2", "2 people removed from Panel 2".
fn people_of(
    old: &Digest<'_>,
    o: &SessionDigest<'_>,
    new: &Digest<'_>,
    s: &SessionDigest<'_>,
    out: &mut Out,
) {
    // Most sessions are unchanged: compare without building sets.
    if old.participants_of(o).len() == new.participants_of(s).len()
        && old.people_of(o).eq(new.people_of(s))
    {
        return;
    }
    let was: HashSet<&str> = old.people_of(o).collect();
    let now: HashSet<&str> = new.people_of(s).collect();
    let added = now.difference(&was).count();
    let removed = was.difference(&now).count();
    let name = s.short_title();
    let id = Some(s.id.as_ref());
    if added > 0 {
        out.push(
            Kind::People,
            id,
            format!("{} added to {name}", people(added)),
        );
    }
    if removed > 0 {
        let text = format!("{} removed from {name}", people(removed));
        out.push(Kind::People, id, text);
    }
}

fn people(n: usize) -> String {
    if n == 1 {
        "1 person".to_owned()
    } else {
        format!("{n} people")
    }
}

fn renamed_people(old: &Digest<'_>, new: &Digest<'_>, out: &mut Out) {
    let old_people: HashMap<&str, &str> = old
        .people
        .iter()
        .map(|p| (p.id.as_ref(), p.name.as_ref()))
        .collect();
    for p in &new.people {
        if let Some(&o) = old_people.get(p.id.as_ref())
            && o != p.name
        {
            let text = format!("{o} renamed to {}", p.name);
            out.push(Kind::Person, None, text);
        }
    }
}

fn key_messages(old: &Digest<'_>, new: &Digest<'_>, out: &mut Out) {
    let was: HashSet<&str> = old.key_messages.iter().map(AsRef::as_ref).collect();
    let now: HashSet<&str> = new.key_messages.iter().map(AsRef::as_ref).collect();
    let count = |n: usize, what: &str| {
        let s = if n == 1 { "" } else { "s" };
        format!("{n} key message{s} {what}")
    };
    let added = now.difference(&was).count();
    let removed = was.difference(&now).count();
    if added > 0 {
        out.push(Kind::KeyMessages, None, count(added, "added"));
    }
    if removed > 0 {
        out.push(Kind::KeyMessages, None, count(removed, "removed"));
    }
}

#[cfg(test)]
mod tests;
