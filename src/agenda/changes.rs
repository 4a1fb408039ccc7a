//! What changed between two versions of an agenda, in human terms: the
//! line shown after a reload ("Panel 3 moved from 15:00 to 15:15; 1 person
//! added to Panel 2"), the changes view, and `dais diff`. Sessions, people
//! and key messages are matched by id: for a schedule.json that is its
//! `id`, `code` or `guid` before its slug (see `docs/formats/schedule-json.md`),
//! so a talk renamed in pretalx is renamed here, not removed and added.

use crate::agenda::{Agenda, Person, Session};
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
    let old_ids: HashMap<&str, &Session> =
        old.sessions.iter().map(|s| (s.id.as_str(), s)).collect();
    for s in &new.sessions {
        let name = s.short_title();
        let id = Some(s.id.as_str());
        let Some(o) = old_ids.get(s.id.as_str()) else {
            let text = format!("{name} added at {}", at(s.local_start(), multi_day));
            out.push(Kind::Added, id, text);
            continue;
        };
        let (was, now) = (o.span, s.span);
        let room = |s: &Session| s.room.clone().unwrap_or_else(|| "no room".to_owned());
        let rooms = (o.room != s.room).then(|| (room(o), room(s)));
        if was.local_start == now.local_start {
            if let Some((r1, r2)) = &rooms {
                out.push(Kind::Moved, id, format!("{name} moved from {r1} to {r2}"));
            }
            if was.local_end != now.local_end {
                let day = was.local_end.date() != now.local_end.date();
                let text = format!(
                    "{name} now ends at {} instead of {}",
                    at(now.local_end, day),
                    at(was.local_end, day)
                );
                out.push(Kind::Retimed, id, text);
            }
        } else {
            let day = multi_day || was.local_start.date() != now.local_start.date();
            let (from, to) = (at(was.local_start, day), at(now.local_start, day));
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
    let new_ids: HashSet<&str> = new.sessions.iter().map(|s| s.id.as_str()).collect();
    for o in &old.sessions {
        if !new_ids.contains(o.id.as_str()) {
            let text = format!("{} removed", o.short_title());
            out.push(Kind::Removed, Some(&o.id), text);
        }
    }
    renamed_people(old, new, &mut out);
    key_messages(old, new, &mut out);
    if out.0.is_empty() && old != new {
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

fn event(old: &Agenda, new: &Agenda, out: &mut Out) {
    let (o, n) = (&old.event, &new.event);
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
fn people_of(old: &Agenda, o: &Session, new: &Agenda, s: &Session, out: &mut Out) {
    // Most sessions are unchanged: compare without building sets.
    if o.participants.len() == s.participants.len() && ids(old, o).eq(ids(new, s)) {
        return;
    }
    let was: HashSet<&str> = ids(old, o).collect();
    let now: HashSet<&str> = ids(new, s).collect();
    let added = now.difference(&was).count();
    let removed = was.difference(&now).count();
    let name = s.short_title();
    let id = Some(s.id.as_str());
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

/// The ids of the people in a session, in order.
fn ids<'a>(a: &'a Agenda, s: &'a Session) -> impl Iterator<Item = &'a str> + 'a {
    s.participants.iter().map(|p| a.person(p).id.as_str())
}

fn people(n: usize) -> String {
    if n == 1 {
        "1 person".to_owned()
    } else {
        format!("{n} people")
    }
}

fn renamed_people(old: &Agenda, new: &Agenda, out: &mut Out) {
    let old_people: HashMap<&str, &Person> =
        old.people.iter().map(|p| (p.id.as_str(), p)).collect();
    for p in &new.people {
        if let Some(o) = old_people.get(p.id.as_str())
            && o.display_name() != p.display_name()
        {
            let text = format!("{} renamed to {}", o.display_name(), p.display_name());
            out.push(Kind::Person, None, text);
        }
    }
}

fn key_messages(old: &Agenda, new: &Agenda, out: &mut Out) {
    let ids =
        |a: &Agenda| -> HashSet<String> { a.key_messages.iter().map(|m| m.id.clone()).collect() };
    let (was, now) = (ids(old), ids(new));
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
mod tests {
    use super::{Kind, Tally, changes, detect, summary};
    use crate::agenda::{Agenda, Participant, Session};

    use chrono::Duration;

    fn hearing() -> Agenda {
        crate::testing::hearing()
    }

    fn session<'a>(a: &'a mut Agenda, id: &str) -> &'a mut Session {
        a.sessions.iter_mut().find(|s| s.id == id).unwrap()
    }

    fn shift(s: &mut Session, minutes: i64) {
        let d = Duration::minutes(minutes);
        s.span.local_start += d;
        s.span.start += d;
    }

    #[test]
    fn the_same_agenda_has_no_changes() {
        assert!(changes(&hearing(), &hearing()).is_empty());
    }

    #[test]
    fn a_moved_session_says_from_when_to_when() {
        let old = hearing();
        let mut new = old.clone();
        shift(session(&mut new, "panel-3"), 15);
        assert_eq!(changes(&old, &new), ["Panel 3 moved from 15:00 to 15:15"]);
    }

    #[test]
    fn a_session_that_only_ends_later_says_so() {
        let old = hearing();
        let mut new = old.clone();
        let s = session(&mut new, "panel-4");
        s.span.local_end += Duration::minutes(10);
        s.span.end += Duration::minutes(10);
        assert_eq!(
            changes(&old, &new),
            ["Panel 4 now ends at 18:00 instead of 17:50"]
        );
    }

    #[test]
    fn a_renamed_session_gives_its_new_title() {
        let old = hearing();
        let mut new = old.clone();
        "Panel 2: Trafficking in conflict".clone_into(&mut session(&mut new, "panel-2").title);
        assert_eq!(
            changes(&old, &new),
            ["Panel 2 renamed to “Panel 2: Trafficking in conflict”"]
        );
    }

    #[test]
    fn added_and_removed_sessions() {
        let old = hearing();
        let mut new = old.clone();
        let mut extra = new.sessions[6].clone();
        "reception".clone_into(&mut extra.id);
        "Reception".clone_into(&mut extra.title);
        shift(&mut extra, 30);
        new.sessions.push(extra);
        new.sessions.retain(|s| s.id != "panel-4");
        assert_eq!(
            changes(&old, &new),
            ["Reception added at 18:20", "Panel 4 removed"]
        );
    }

    #[test]
    fn people_added_to_and_removed_from_a_session_are_counted() {
        let old = hearing();
        let mut new = old.clone();
        let someone = new
            .people
            .iter()
            .position(|p| p.id == "peter-thomson")
            .unwrap();
        let s = session(&mut new, "panel-2");
        s.participants.push(Participant {
            person: someone,
            ..s.participants[0].clone()
        });
        let s = session(&mut new, "panel-3");
        s.participants.truncate(s.participants.len() - 2);
        assert_eq!(
            changes(&old, &new),
            ["1 person added to Panel 2", "2 people removed from Panel 3"]
        );
    }

    #[test]
    fn a_renamed_person_is_named_both_ways() {
        let old = hearing();
        let mut new = old.clone();
        let p = new
            .people
            .iter_mut()
            .find(|p| p.id == "peter-thomson")
            .unwrap();
        p.honorific = Some("H.E. Mr.".into());
        assert_eq!(
            changes(&old, &new),
            ["Mr. Peter Thomson renamed to H.E. Mr. Peter Thomson"]
        );
    }

    #[test]
    fn key_messages_added_and_removed_are_counted() {
        let old = hearing();
        let mut new = old.clone();
        let mut km = new.key_messages[0].clone();
        "km-new".clone_into(&mut km.id);
        new.key_messages.push(km);
        let mut newer = new.clone();
        newer.key_messages.truncate(1);
        for s in &mut newer.sessions {
            s.key_messages.retain(|&k| k < 1);
        }
        assert_eq!(changes(&old, &new), ["1 key message added"]);
        assert_eq!(
            changes(&new, &newer),
            [format!(
                "{} key messages removed",
                new.key_messages.len() - 1
            )]
        );
    }

    #[test]
    fn other_edits_are_details() {
        let old = hearing();
        let mut new = old.clone();
        session(&mut new, "panel-1").description = Some("Now with a description".into());
        assert_eq!(changes(&old, &new), ["details changed"]);
    }

    #[test]
    fn the_example_from_the_issue() {
        let old = hearing();
        let mut new = old.clone();
        shift(session(&mut new, "panel-3"), 15);
        let s = session(&mut new, "panel-2");
        s.participants.push(s.participants[0].clone());
        let someone = new
            .people
            .iter()
            .position(|p| p.id == "peter-thomson")
            .unwrap();
        session(&mut new, "panel-2")
            .participants
            .last_mut()
            .unwrap()
            .person = someone;
        assert_eq!(
            summary(&changes(&old, &new), 100),
            "1 person added to Panel 2; Panel 3 moved from 15:00 to 15:15"
        );
    }

    #[test]
    fn a_long_list_is_cut_with_a_count_of_the_rest() {
        let all: Vec<String> = (1..=14).map(|i| format!("Panel {i} removed")).collect();
        let line = summary(&all, 60);
        assert_eq!(
            line,
            "Panel 1 removed; Panel 2 removed; …and 12 more changes"
        );
        assert!(line.chars().count() <= 60);
        assert_eq!(summary(&all[..2], 60), "Panel 1 removed; Panel 2 removed");
        assert_eq!(
            summary(&all[..3], 40),
            "Panel 1 removed; …and 2 more changes"
        );
        // One change is always shown, however long.
        assert_eq!(summary(&all[..2], 5), "Panel 1 removed; …and 1 more change");
    }

    #[test]
    fn a_session_in_another_room_has_moved_and_says_where() {
        let old = hearing();
        let mut new = old.clone();
        session(&mut new, "panel-1").room = Some("Trusteeship Council".into());
        let s = session(&mut new, "panel-2");
        s.room = Some("CR 1".into());
        shift(s, 15);
        assert_eq!(
            changes(&old, &new),
            [
                "Panel 1 moved from no room to Trusteeship Council",
                "Panel 2 moved from 11:45 in no room to 12:00 in CR 1"
            ]
        );
    }

    #[test]
    fn each_change_names_its_kind_and_session_and_they_are_tallied() {
        let old = hearing();
        let mut new = old.clone();
        shift(session(&mut new, "panel-3"), 15);
        "Opening".clone_into(&mut session(&mut new, "opening").title);
        new.sessions.retain(|s| s.id != "panel-4");
        let found = detect(&old, &new);
        let kinds: Vec<(Kind, Option<&str>)> = found
            .iter()
            .map(|c| (c.kind, c.session.as_deref()))
            .collect();
        assert_eq!(
            kinds,
            [
                (Kind::Renamed, Some("opening")),
                (Kind::Moved, Some("panel-3")),
                (Kind::Removed, Some("panel-4")),
            ]
        );
        assert_eq!(
            Tally::of(&found).to_string(),
            "1 moved, 1 cancelled, 1 other change"
        );
    }
}
