use super::{DecodeError, Digest, MAGIC, Whole, unpack, whole_hash};
use crate::agenda::Agenda;
use crate::agenda::changes::{compare, detect};
use chrono::Duration;

fn hearing() -> Agenda {
    crate::testing::hearing()
}

/// A one-day agenda in rooms, with an honorific and a session without
/// people, to cover what the hearing lacks.
fn with_rooms() -> Agenda {
    let mut a = hearing();
    a.sessions[0].room = Some("Saal 1".into());
    a.sessions[1].room = Some("Saal 2".into());
    a.sessions[2].room = Some("Saal 1".into());
    a
}

#[test]
fn a_digest_reads_back_as_it_was_written() {
    let a = with_rooms();
    let d = Digest::of(&a);
    let bytes = d.encode();
    assert!(bytes.starts_with(MAGIC));
    let body = unpack(&bytes).expect("inflates");
    let back = Digest::decode(&body).expect("reads");
    assert_eq!(back.sessions, d.sessions);
    assert_eq!(back.people, d.people);
    assert_eq!(back.participants, d.participants);
    assert_eq!(back.key_messages, d.key_messages);
    assert_eq!(
        (&back.title, back.date, back.timezone),
        (&d.title, d.date, d.timezone)
    );
    assert!(matches!(back.whole, Whole::Hash(h) if h == whole_hash(&a)));
    // Written again, the same bytes.
    assert_eq!(back.encode(), bytes);
}

#[test]
fn the_detector_tells_the_same_against_a_digest_as_against_the_agenda() {
    let old = with_rooms();
    let mut new = old.clone();
    // Moved in time, moved to another room, renamed, re-peopled, removed
    // and added, a person renamed: each kind the detector names.
    let d = Duration::minutes(15);
    new.sessions[3].span.local_start += d;
    new.sessions[3].span.start += d;
    new.sessions[0].room = Some("Saal 2".into());
    new.sessions[1].title = format!("{} (renamed)", new.sessions[1].title).into();
    let p = &mut new.sessions[2].participants;
    *p = p[..p.len() - 1].into();
    let gone = new.sessions.remove(4);
    let mut added = gone.clone();
    added.id = "added".into();
    new.sessions.push(added);
    new.people[0].name.push_str(" Jr.");
    let whole = detect(&old, &new);
    assert!(whole.len() >= 7, "{whole:#?}");
    let kept = Digest::of(&old).encode();
    let body = unpack(&kept).unwrap();
    let against = compare(&Digest::decode(&body).unwrap(), &Digest::of(&new));
    assert_eq!(against, whole);
}

#[test]
fn only_details_changed_is_still_told_against_a_digest() {
    let old = hearing();
    let mut new = old.clone();
    new.sessions[0].description = Some("another description".into());
    let kept = Digest::of(&old).encode();
    let body = unpack(&kept).unwrap();
    let kept = Digest::decode(&body).unwrap();
    let texts =
        |v: Vec<crate::agenda::changes::Change>| v.into_iter().map(|c| c.text).collect::<Vec<_>>();
    assert_eq!(
        texts(compare(&kept, &Digest::of(&new))),
        ["details changed"]
    );
    assert!(compare(&kept, &Digest::of(&old)).is_empty());
}

#[test]
fn the_whole_hash_sees_every_field_and_is_stable() {
    let a = hearing();
    let h = whole_hash(&a);
    assert_eq!(h, whole_hash(&a.clone()));
    let mut b = a.clone();
    b.sessions[2].participants[0].capacity = Some("in a new capacity".into());
    assert_ne!(whole_hash(&b), h);
    let mut c = a.clone();
    c.event.venue = Some("elsewhere".into());
    assert_ne!(whole_hash(&c), h);
}

#[test]
fn a_digest_is_a_small_part_of_the_agenda() {
    let json = crate::synth::agenda_json(2000, 7);
    let a = crate::load::load_bytes(
        "synth.json",
        json.as_bytes(),
        &crate::load::Limits::default(),
    )
    .unwrap()
    .agenda;
    let digest = Digest::of(&a).encode().len();
    let json = crate::write::to_json(&a).len();
    assert!(digest * 5 < json, "{digest} bytes against {json}");
}

#[test]
fn damaged_bytes_are_an_error_never_a_panic() {
    let a = with_rooms();
    let bytes = Digest::of(&a).encode();
    let read = |b: &[u8]| unpack(b).and_then(|body| Digest::decode(&body).map(|d| d.encode()));
    assert!(read(b"{\"format\": \"dais/1\"}").is_err());
    // Cut anywhere: an error.
    for n in 0..bytes.len() {
        assert!(read(&bytes[..n]).is_err(), "cut at {n}");
    }
    // A byte changed anywhere: an error or a digest, never a panic or a
    // huge allocation; the same in the body behind the compression.
    for n in 0..bytes.len() {
        for flip in [0x01, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[n] ^= flip;
            let _ = read(&b);
        }
    }
    let body = unpack(&bytes).unwrap();
    for n in 0..body.len() {
        assert!(Digest::decode(&body[..n]).is_err(), "body cut at {n}");
        for flip in [0x01, 0x80, 0xff] {
            let mut b = body.clone();
            b[n] ^= flip;
            let _ = Digest::decode(&b);
        }
    }
    let mut longer = body.clone();
    longer.push(0);
    assert_eq!(
        Digest::decode(&longer).unwrap_err(),
        DecodeError("more follows its end".into())
    );
    // A length beyond the cap is refused before anything is inflated.
    let mut huge = MAGIC.to_vec();
    huge.extend_from_slice(&u64::MAX.to_le_bytes());
    assert!(unpack(&huge).is_err());
}
