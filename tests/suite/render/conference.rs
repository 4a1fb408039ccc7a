//! A conference programme (two rooms, tracks, no key messages) in the
//! agenda view: no key messages pane, the room and track first among the
//! session's facts, and the rooms in the timeline. Snapshots at 80x24 and
//! 120x40.

use crate::support::screen::{berlin_fixture, press, render, text};

use dais::app::{App, Command as C};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

/// The conference at 10:10 in Berlin on a `w`x`h` terminal, with the
/// session in Room B selected.
fn conference(size: (u16, u16)) -> App {
    let mut app = berlin_fixture("conference.json", "10:10", size);
    // Live now: the compilers talk (Hall A), then Room B's beside it.
    press(&mut app, &[C::Down]);
    app
}

#[test]
fn a_programme_without_key_messages_has_no_key_messages_pane() {
    for size in SIZES {
        let app = conference(size);
        assert_eq!(&*app.agenda.sessions[app.selected()].id, "morphogenesis");
        let screen = text(&render(&app));
        assert!(!screen.contains("Key messages ·"), "{size:?}:\n{screen}");
        // Its room goes to the description and the people: both whole.
        assert!(
            screen.contains("the spots and stripes they make."),
            "{size:?}:\n{screen}"
        );
        assert!(screen.contains("Ada Byron"), "{size:?}:\n{screen}");
        // The room and the track come first after the time.
        assert!(
            screen.contains("10:00-11:00 · Room B · Science · 1 h"),
            "{size:?}:\n{screen}"
        );
        let (w, h) = size;
        insta::assert_snapshot!(format!("conference_room_b_{w}x{h}"), screen);
    }
}

#[test]
fn the_timeline_names_each_sessions_room_and_when_wide_its_track() {
    for size in SIZES {
        let app = conference(size);
        let screen = text(&render(&app));
        // 80 columns: the timeline spans the screen, room and track fit.
        // 120: the timeline is the left half, the room alone.
        let wide = size.0 == 80;
        for (title, room) in [
            (
                "Compilers for everyone",
                if wide {
                    "Hall A · Languages"
                } else {
                    "Hall A"
                },
            ),
            (
                "Patterns on the skin",
                if wide { "Room B · Science" } else { "Room B" },
            ),
        ] {
            assert!(
                screen
                    .lines()
                    .any(|l| l.contains(title) && l.contains(room)),
                "{title} in {room} at {size:?}:\n{screen}"
            );
        }
    }
}

#[test]
fn a_programme_without_key_messages_offers_no_key_messages_view() {
    for size in SIZES {
        let mut app = conference(size);
        let screen = text(&render(&app));
        let footer = screen.lines().last().unwrap_or_default();
        assert!(!footer.contains("messages"), "{size:?}:\n{screen}");
        assert!(footer.contains("3 people"), "{size:?}:\n{screen}");
        if size.0 == 120 {
            // The tabs leave it out; the others keep their keys.
            let tabs = screen.lines().nth(1).unwrap_or_default();
            assert!(tabs.contains("1 Agenda   3 People"), "{tabs}");
            assert!(!screen.contains("Key messages"), "{screen}");
        }
        press(&mut app, &[C::Help]);
        let help = text(&render(&app));
        assert!(!help.contains("show all key messages"), "{size:?}:\n{help}");
        assert!(help.contains("show all people"), "{size:?}:\n{help}");
        press(&mut app, &[C::Back, C::ViewMessages]);
        let screen = text(&render(&app));
        assert!(
            screen.contains("This agenda has no key messages"),
            "{size:?}:\n{screen}"
        );
        assert!(
            screen.contains("Programme · 3 sessions"),
            "{size:?}:\n{screen}"
        );
    }
}

#[test]
fn the_detail_of_a_programme_without_key_messages_has_no_key_messages_section() {
    for size in SIZES {
        let mut app = conference(size);
        press(&mut app, &[C::Open]);
        let screen = text(&render(&app));
        assert!(screen.contains("Session detail"), "{size:?}:\n{screen}");
        assert!(screen.contains("Ada Byron"), "{size:?}:\n{screen}");
        assert!(!screen.contains("Key messages"), "{size:?}:\n{screen}");
        assert!(!screen.contains("no key messages"), "{size:?}:\n{screen}");
    }
}
