use super::{Heading, headings};
use crate::agenda::Agenda;
use crate::testing::{day_agenda, hearing, part_session as in_part};

fn agenda(sessions: &[String]) -> Agenda {
    day_agenda("Europe/Berlin", "2024-05-01", &sessions.join(","))
}

fn all(a: &Agenda) -> Vec<usize> {
    (0..a.sessions.len()).collect()
}

/// The headings as text: each position's heading.
fn said(a: &Agenda, order: &[usize]) -> Vec<(usize, String)> {
    let h = headings(a, order);
    h.before
        .iter()
        .map(|&(k, heading)| {
            let text = match heading {
                Heading::Part => a.sessions[order[k]].part.as_deref().unwrap().to_owned(),
                Heading::SideBySide(t) => format!("side by side: {}", h.side_by_side[t]),
            };
            (k, text)
        })
        .collect()
}

#[test]
fn a_programme_in_sequence_is_headed_where_its_part_changes() {
    let a = hearing();
    assert_eq!(
        said(&a, &all(&a)),
        [
            (0, "Morning Meeting".into()),
            (4, "Afternoon Meeting".into())
        ]
    );
    assert!(!(0..a.sessions.len()).any(|i| headings(&a, &all(&a)).is_side_by_side(i)));
}

#[test]
fn parts_side_by_side_are_headed_once_together() {
    let mut s = vec![in_part("open", "Plenary", "09:00", "09:30")];
    for (k, (from, to)) in [("09:30", "09:50"), ("09:50", "10:10")]
        .into_iter()
        .enumerate()
    {
        for part in ["Detectors", "Theory", "Computing"] {
            s.push(in_part(&format!("{part}{k}"), part, from, to));
        }
    }
    s.push(in_part("close", "Plenary", "10:10", "10:30"));
    let a = agenda(&s);
    assert_eq!(
        said(&a, &all(&a)),
        [
            (0, "Plenary".into()),
            (1, "side by side: Detectors · Theory · Computing".into()),
            (7, "Plenary".into())
        ]
    );
    let h = headings(&a, &all(&a));
    let under: Vec<usize> = (0..8).filter(|&i| h.is_side_by_side(i)).collect();
    assert_eq!(under, [1, 2, 3, 4, 5, 6]);
}

#[test]
fn a_part_paused_while_another_goes_on_stays_beside_it() {
    let a = agenda(&[
        in_part("a1", "A", "09:00", "10:00"),
        in_part("b1", "B", "09:00", "11:00"),
        in_part("a2", "A", "10:30", "11:00"),
    ]);
    assert_eq!(said(&a, &all(&a)), [(0, "side by side: A · B".into())]);
}

#[test]
fn parts_that_only_touch_are_in_sequence() {
    let a = agenda(&[
        in_part("a1", "A", "09:00", "10:00"),
        in_part("b1", "B", "10:00", "11:00"),
        in_part("a2", "A", "11:00", "12:00"),
    ]);
    assert_eq!(
        said(&a, &all(&a)),
        [(0, "A".into()), (1, "B".into()), (2, "A".into())]
    );
}

#[test]
fn only_the_sessions_listed_count() {
    let a = agenda(&[
        in_part("a1", "A", "09:00", "10:00"),
        in_part("b1", "B", "09:00", "10:00"),
        in_part("a2", "A", "10:00", "11:00"),
        in_part("b2", "B", "10:00", "11:00"),
    ]);
    assert_eq!(said(&a, &all(&a)), [(0, "side by side: A · B".into())]);
    // Room A alone, as a filter leaves it: A's own heading.
    assert_eq!(said(&a, &[0, 2]), [(0, "A".into())]);
}

#[test]
fn many_parts_side_by_side_are_counted_past_six() {
    let s: Vec<String> = (1..=8)
        .map(|k| in_part(&format!("t{k}"), &format!("P{k}"), "09:00", "10:00"))
        .collect();
    let a = agenda(&s);
    assert_eq!(
        said(&a, &all(&a)),
        [(
            0,
            "side by side: P1 · P2 · P3 · P4 · P5 · P6 · 2 more".into()
        )]
    );
}

#[test]
fn a_session_with_no_part_ends_the_heading_and_each_day_is_headed_again() {
    let mut s = vec![
        in_part("a1", "A", "09:00", "10:00"),
        in_part("b1", "B", "09:00", "10:00"),
        r#"{"id": "coffee", "title": "Coffee", "kind": "break", "start": "10:00", "end": "10:30"}"#
            .to_owned(),
        in_part("a2", "A", "10:30", "11:00"),
        in_part("b2", "B", "10:30", "11:00"),
    ];
    s.push(
        r#"{"id": "a3", "title": "a3", "kind": "other", "part": "A", "date": "2024-05-02", "start": "09:00", "end": "10:00"}"#
            .to_owned(),
    );
    let a = agenda(&s);
    assert_eq!(
        said(&a, &all(&a)),
        [
            (0, "side by side: A · B".into()),
            (3, "side by side: A · B".into()),
            (5, "A".into())
        ]
    );
    // One text for the two headings of the same parts.
    assert_eq!(headings(&a, &all(&a)).side_by_side.len(), 1);
}

#[test]
fn a_heading_said_again_and_again_is_made_once() {
    // Ten thousand parts side by side, each session followed by one with
    // no part: the heading comes back 10,000 times. Its text was made each
    // time from every part, and `dais list` of 100,000 such sessions took
    // 88 s in a release build; it is made once (0.11 s).
    let mut s = Vec::new();
    for k in 0..10_000 {
        s.push(in_part(
            &format!("p{k}"),
            &format!("P{k}"),
            "09:00",
            "10:00",
        ));
        s.push(format!(
            r#"{{"id": "x{k}", "title": "x", "kind": "other", "start": "09:00", "end": "10:00"}}"#
        ));
    }
    let a = agenda(&s);
    let started = std::time::Instant::now();
    let h = headings(&a, &all(&a));
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    assert_eq!(h.before.len(), 10_000);
    assert_eq!(h.side_by_side, ["P0 · P1 · P2 · P3 · P4 · P5 · 9994 more"]);
}
