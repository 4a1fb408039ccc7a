//! What changed between two versions of an agenda, in human terms: the
//! line shown after a reload ("Panel 3 moved from 15:00 to 15:15; 1 person
//! added to Panel 2"). Sessions, people and key messages are matched by id.

use crate::agenda::{Agenda, Person, Session};
use chrono::NaiveDateTime;
use std::collections::{HashMap, HashSet};

/// The changes from `old` to `new`, one short sentence each: sessions
/// moved, retimed, renamed, added and removed; people added to and removed
/// from sessions; people renamed; key messages added and removed; the
/// event's title, date and zone. Empty when the two are the same; "details
/// changed" when they differ only in what is not listed.
pub fn changes(old: &Agenda, new: &Agenda) -> Vec<String> {
    let mut out = Vec::new();
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
        let Some(o) = old_ids.get(s.id.as_str()) else {
            out.push(format!(
                "{name} added at {}",
                at(s.local_start(), multi_day)
            ));
            continue;
        };
        let (was, now) = (o.span, s.span);
        if was.local_start != now.local_start {
            let day = multi_day || was.local_start.date() != now.local_start.date();
            out.push(format!(
                "{name} moved from {} to {}",
                at(was.local_start, day),
                at(now.local_start, day)
            ));
        } else if was.local_end != now.local_end {
            let day = was.local_end.date() != now.local_end.date();
            out.push(format!(
                "{name} now ends at {} instead of {}",
                at(now.local_end, day),
                at(was.local_end, day)
            ));
        }
        if o.title != s.title {
            out.push(format!("{} renamed to “{}”", o.short_title(), s.title));
        }
        people_of(old, o, new, s, &mut out);
    }
    let new_ids: HashSet<&str> = new.sessions.iter().map(|s| s.id.as_str()).collect();
    for o in &old.sessions {
        if !new_ids.contains(o.id.as_str()) {
            out.push(format!("{} removed", o.short_title()));
        }
    }
    renamed_people(old, new, &mut out);
    key_messages(old, new, &mut out);
    if out.is_empty() && old != new {
        out.push("details changed".to_owned());
    }
    out
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

fn event(old: &Agenda, new: &Agenda, out: &mut Vec<String>) {
    let (o, n) = (&old.event, &new.event);
    if o.title != n.title {
        out.push(format!("the event is now called “{}”", n.title));
    }
    if o.date != n.date {
        out.push(format!(
            "the event is now on {}",
            n.date.format("%a %-d %b %Y")
        ));
    }
    if o.timezone != n.timezone {
        out.push(format!("times are now in {}", n.timezone.name()));
    }
}

/// "1 person added to Panel 2", "2 people removed from Panel 2".
fn people_of(old: &Agenda, o: &Session, new: &Agenda, s: &Session, out: &mut Vec<String>) {
    // Most sessions are unchanged: compare without building sets.
    if o.participants.len() == s.participants.len() && ids(old, o).eq(ids(new, s)) {
        return;
    }
    let was: HashSet<&str> = ids(old, o).collect();
    let now: HashSet<&str> = ids(new, s).collect();
    let added = now.difference(&was).count();
    let removed = was.difference(&now).count();
    let name = s.short_title();
    if added > 0 {
        out.push(format!("{} added to {name}", people(added)));
    }
    if removed > 0 {
        out.push(format!("{} removed from {name}", people(removed)));
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

fn renamed_people(old: &Agenda, new: &Agenda, out: &mut Vec<String>) {
    let old_people: HashMap<&str, &Person> =
        old.people.iter().map(|p| (p.id.as_str(), p)).collect();
    for p in &new.people {
        if let Some(o) = old_people.get(p.id.as_str())
            && o.display_name() != p.display_name()
        {
            out.push(format!(
                "{} renamed to {}",
                o.display_name(),
                p.display_name()
            ));
        }
    }
}

fn key_messages(old: &Agenda, new: &Agenda, out: &mut Vec<String>) {
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
        out.push(count(added, "added"));
    }
    if removed > 0 {
        out.push(count(removed, "removed"));
    }
}

#[cfg(test)]
mod tests {
    use super::{changes, summary};
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
}
