//! The user's notes on screen: under the session's key messages, in the
//! notes view, with their links highlighted; snapshots with a frozen
//! clock.

use crate::support::screen;

use dais::app::{Action, App, Command as C};
use dais::notes::{Note, Notes};
use screen::{find, has_style, hearing, press, render, style_at, text};

fn note(
    id: i64,
    session: &str,
    local: &str,
    text: &str,
    messages: &[&str],
    people: &[&str],
) -> Note {
    Note {
        id,
        session: session.into(),
        session_title: match session {
            "panel-1" => "Panel 1".into(),
            other => format!("Old title of {other}"),
        },
        at: screen::at(local),
        text: text.into(),
        messages: messages.iter().map(|s| (*s).to_owned()).collect(),
        people: people.iter().map(|s| (*s).to_owned()).collect(),
    }
}

fn notes() -> Notes {
    Notes::new(vec![
        note(
            1,
            "panel-1",
            "11:05",
            "Buck: survivors must lead the response #1 @Buck",
            &["km1"],
            &["kay-buck"],
        ),
        note(
            2,
            "panel-1",
            "10:58",
            "Sorvino on video, strong opening",
            &[],
            &[],
        ),
        note(
            3,
            "dropped",
            "10:20",
            "kept though its session is gone",
            &[],
            &[],
        ),
    ])
}

fn app_at(local: &str, (w, h): (u16, u16), commands: &[C]) -> App {
    let mut a = App::new(hearing(), screen::at(local));
    a.update(Action::Resize {
        width: w,
        height: h,
    });
    a.set_notes(notes());
    press(&mut a, commands);
    a
}

#[test]
fn the_session_pane_shows_your_notes_under_the_key_messages() {
    for (w, h) in [(120, 40), (80, 24)] {
        // The key messages pane scrolled to its end, where the notes are.
        let a = app_at("11:05", (w, h), &[C::NextPane, C::NextPane, C::Bottom]);
        assert_eq!(a.focus(), dais::app::Pane::Messages);
        assert_eq!(&*a.agenda.sessions[a.selected()].id, "panel-1");
        insta::assert_snapshot!(format!("notes_agenda_panel_1_{w}x{h}"), text(&render(&a)));
    }
}

#[test]
fn the_notes_view_lists_every_note_in_time_order() {
    for (w, h) in [(120, 40), (80, 24)] {
        let a = app_at("11:05", (w, h), &[C::ViewNotes, C::Bottom]);
        insta::assert_snapshot!(format!("notes_view_{w}x{h}"), text(&render(&a)));
    }
}

#[test]
fn links_are_highlighted_and_plain_text_is_not() {
    let a = app_at("11:05", (120, 40), &[C::NextPane, C::NextPane, C::Bottom]);
    let buf = render(&a);
    let s = text(&buf);
    assert!(s.contains("Your notes · 2"), "{s}");
    // Oldest first: 10:58 above 11:05.
    let (_, y58) = find(&buf, "10:58").unwrap();
    let (_, y05) = find(&buf, "11:05  Buck").unwrap();
    assert!(y58 < y05);
    let t = a.theme;
    let (x, y) = find(&buf, "#1 @Buck").unwrap();
    assert!(has_style(style_at(&buf, x, y), t.key), "#1 is a link");
    assert!(
        has_style(style_at(&buf, x + 3, y), t.key),
        "@Buck is a link"
    );
    let (x, y) = find(&buf, "survivors must").unwrap();
    assert!(
        !has_style(style_at(&buf, x, y), t.key),
        "text is not a link"
    );
    // What the links name, under the note.
    assert!(find(&buf, "→ 1 · Ms. Kay Buck").is_some(), "{s}");
}

#[test]
fn a_conference_without_key_messages_still_shows_notes() {
    let agenda = screen::agenda(
        r#"{"format": "dais/1",
            "event": {"title": "Con", "date": "2024-12-27", "timezone": "Europe/Berlin"},
            "sessions": [{"id": "a", "title": "A talk", "kind": "other",
                          "start": "10:00", "end": "11:00"}]}"#,
    );
    let mut a = App::new(agenda, screen::at("10:00"));
    a.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let mut n = note(1, "a", "10:00", "a fine talk", &[], &[]);
    n.session_title = "A talk".into();
    a.set_notes(Notes::new(vec![n]));
    let s = text(&render(&a));
    assert!(
        s.contains("Your notes · 1") && s.contains("a fine talk"),
        "{s}"
    );
    assert!(!s.contains("This agenda has no key messages."), "{s}");
    // Enter's detail: the notes once, and no key messages section.
    press(&mut a, &[C::Open]);
    let s = text(&render(&a));
    assert_eq!(s.matches("a fine talk").count(), 1, "{s}");
    assert!(!s.contains("Key messages"), "{s}");
}
