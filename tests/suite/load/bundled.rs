//! The bundled hearing of 23 June 2017: it loads cleanly, and its facts are
//! those of the Provisional Agenda it was transcribed from.

use chrono::{NaiveDate, Offset};
use dais::agenda::{Agenda, Appearance, Kind, Role, Session};
use dais::load::Limits;
use dais::source::Source;

fn hearing() -> Agenda {
    let loaded = Source::Bundled
        .load(&Limits::default())
        .unwrap_or_else(|e| panic!("the bundled agenda loads:\n{e}"));
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    loaded.agenda
}

fn session<'a>(a: &'a Agenda, id: &str) -> &'a Session {
    a.sessions
        .iter()
        .find(|s| &*s.id == id)
        .unwrap_or_else(|| panic!("no session {id}"))
}

/// The names of a session's participants with `role`, in printed order.
fn with_role(a: &Agenda, s: &Session, role: Role) -> Vec<String> {
    s.participants
        .iter()
        .filter(|p| p.role == role)
        .map(|p| a.person(p).name.to_string())
        .collect()
}

/// A video message: who, and in what capacity.
type Video = (String, Option<String>);

/// The video messages of a session.
fn videos(a: &Agenda, s: &Session) -> Vec<Video> {
    s.participants
        .iter()
        .filter(|p| p.appearance == Appearance::Video)
        .map(|p| {
            (
                a.person(p).name.to_string(),
                p.capacity.clone().map(String::from),
            )
        })
        .collect()
}

#[test]
fn the_event() {
    let a = hearing();
    let e = &a.event;
    assert_eq!(e.title, "Informal Interactive Multi-stakeholder Hearing");
    assert_eq!(e.date, NaiveDate::from_ymd_opt(2017, 6, 23).unwrap());
    assert_eq!(e.timezone, chrono_tz::America::New_York);
    assert_eq!(
        e.venue.as_deref(),
        Some("Conference Room 4, United Nations Headquarters, New York")
    );
    assert_eq!(
        e.convener.as_deref(),
        Some("President of the General Assembly")
    );
    assert_eq!(a.people.len(), 26);
    assert!(!a.is_multi_day());
}

#[test]
fn seven_sessions_in_order_with_their_times() {
    let a = hearing();
    let expected = [
        (
            "opening",
            "Opening of the Informal Interactive Multi-stakeholder Hearing",
            Kind::Opening,
            "Morning Meeting",
            "10:00",
            "10:15",
        ),
        (
            "introductory-statements",
            "Introductory statements",
            Kind::Statements,
            "Morning Meeting",
            "10:15",
            "10:30",
        ),
        (
            "panel-1",
            "Panel 1: A Human-rights-based, survivor-centred approach to trafficking in Persons",
            Kind::Panel,
            "Morning Meeting",
            "10:30",
            "11:45",
        ),
        (
            "panel-2",
            "Panel 2: Trafficking in Persons in armed conflict, humanitarian crises and natural disasters",
            Kind::Panel,
            "Morning Meeting",
            "11:45",
            "13:00",
        ),
        (
            "panel-3",
            "Panel 3: Trafficking in persons in the context of the 2030 Sustainable Development Agenda",
            Kind::Panel,
            "Afternoon Meeting",
            "15:00",
            "16:25",
        ),
        (
            "panel-4",
            "Panel 4: Effective prosecution of trafficking in persons",
            Kind::Panel,
            "Afternoon Meeting",
            "16:25",
            "17:50",
        ),
        (
            "closing",
            "Closing of the hearing by the President of the UN General Assembly",
            Kind::Closing,
            "Afternoon Meeting",
            "17:50",
            "18:00",
        ),
    ];
    assert_eq!(a.sessions.len(), expected.len());
    let tz = a.event.timezone;
    for (s, (id, title, kind, part, start, end)) in a.sessions.iter().zip(expected) {
        assert_eq!(&*s.id, id);
        assert_eq!(&*s.title, title, "{id}");
        assert_eq!(s.kind, kind, "{id}");
        assert_eq!(s.part.as_deref(), Some(part), "{id}");
        assert_eq!(s.date(), a.event.date, "{id}");
        assert_eq!(
            s.span.local_start.format("%H:%M").to_string(),
            start,
            "{id}"
        );
        assert_eq!(s.span.local_end.format("%H:%M").to_string(), end, "{id}");
        // Summer time in New York: EDT, four hours behind UTC.
        for instant in [s.span.start, s.span.end] {
            let local = instant.with_timezone(&tz);
            assert_eq!(local.offset().fix().local_minus_utc(), -4 * 3600, "{id}");
            assert_eq!(local.format("%Z %:z").to_string(), "EDT -04:00", "{id}");
        }
    }
    let opening = &a.sessions[0];
    assert_eq!(opening.span.start.to_rfc3339(), "2017-06-23T14:00:00+00:00");
}

#[test]
fn peter_thomson_chairs_the_opening_and_the_closing() {
    let a = hearing();
    for id in ["opening", "closing"] {
        assert_eq!(
            with_role(&a, session(&a, id), Role::Chair),
            ["Peter Thomson"],
            "{id}"
        );
    }
}

#[test]
fn each_panel_has_its_moderator() {
    let a = hearing();
    for (id, moderator) in [
        ("panel-1", "Purna Sen"),
        ("panel-2", "Grainne Ohara"),
        ("panel-3", "Vinicius Pinheiro"),
        ("panel-4", "Claudio Formisano"),
    ] {
        assert_eq!(
            with_role(&a, session(&a, id), Role::Moderator),
            [moderator],
            "{id}"
        );
    }
}

#[test]
fn the_video_messages() {
    let a = hearing();
    let some = |s: &str| Some(s.to_owned());
    let expected: [(&str, Vec<Video>); 7] = [
        ("opening", vec![]),
        (
            "introductory-statements",
            vec![
                ("Yury Fedotov".into(), some("ICAT Coordinator")),
                ("Zeid Ra'ad Al Hussein".into(), some("2017 ICAT Chair")),
            ],
        ),
        (
            "panel-1",
            vec![
                ("Joy Ngozi Ezeilo".into(), None),
                ("Mohna Ansari".into(), None),
            ],
        ),
        ("panel-2", vec![]),
        ("panel-3", vec![]),
        (
            "panel-4",
            vec![
                ("Irina Alkhova".into(), None),
                ("Edward Santow".into(), None),
            ],
        ),
        ("closing", vec![]),
    ];
    for (id, want) in expected {
        assert_eq!(videos(&a, session(&a, id)), want, "{id}");
    }
}

#[test]
fn five_key_messages_and_panel_four_speaks_to_the_fourth() {
    let a = hearing();
    let numbers: Vec<Option<i64>> = a.key_messages.iter().map(|m| m.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3), Some(4), Some(5)]);
    assert_eq!(
        a.key_messages[3].title,
        "Effective Enforcement and Implementation to Ensure Accountability"
    );
    let linked: Vec<Option<i64>> = session(&a, "panel-4")
        .key_messages
        .iter()
        .map(|&k| a.key_messages[k].number)
        .collect();
    assert!(linked.contains(&Some(4)), "{linked:?}");
}
