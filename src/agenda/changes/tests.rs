use super::{Kind, Tally, changes, detect, summary};
use crate::agenda::{Agenda, Participant, Session};

use chrono::Duration;

fn hearing() -> Agenda {
    crate::testing::hearing()
}

fn session<'a>(a: &'a mut Agenda, id: &str) -> &'a mut Session {
    a.sessions.iter_mut().find(|s| &*s.id == id).unwrap()
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
    session(&mut new, "panel-2").title = "Panel 2: Trafficking in conflict".into();
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
    extra.id = "reception".into();
    extra.title = "Reception".into();
    shift(&mut extra, 30);
    new.sessions.push(extra);
    new.sessions.retain(|s| &*s.id != "panel-4");
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
    let added = Participant {
        person: someone,
        ..s.participants[0].clone()
    };
    s.participants = [&s.participants[..], &[added]].concat().into();
    let s = session(&mut new, "panel-3");
    s.participants = s.participants[..s.participants.len() - 2].into();
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
        s.key_messages = s.key_messages.iter().copied().filter(|&k| k < 1).collect();
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
    s.participants = [&s.participants[..], &s.participants[..1]].concat().into();
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
    session(&mut new, "opening").title = "Opening".into();
    new.sessions.retain(|s| &*s.id != "panel-4");
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
