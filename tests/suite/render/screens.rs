//! Snapshots of whole screens with a frozen clock, at 120x40 and 80x24.
//!
//! The snapshots live in render/snapshots/. To accept a deliberate change,
//! run `INSTA_UPDATE=always cargo test --test suite screens` and read the diff;
//! in CI (CI=true) a missing or different snapshot fails.

use crate::support::screen;

use dais::app::{Action, App, Command as C};
use screen::{hearing, person, press, render, search, text};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

/// The hearing at New York time `local` on a `w`x`h` terminal, after
/// `commands`.
fn screen_at(local: &str, (w, h): (u16, u16), commands: &[C]) -> App {
    let mut a = App::new(hearing(), screen::at(local));
    a.update(Action::Resize {
        width: w,
        height: h,
    });
    press(&mut a, commands);
    a
}

fn snap(name: &str, (w, h): (u16, u16), a: &App) {
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&render(a)));
}

#[test]
fn the_hearing_with_panel_1_selected() {
    for size in SIZES {
        let a = screen_at("11:05", size, &[]);
        assert_eq!(&*a.agenda.sessions[a.selected()].id, "panel-1");
        snap("agenda_panel_1", size, &a);
    }
}

#[test]
fn the_key_messages_view_with_message_4() {
    for size in SIZES {
        let a = screen_at("11:05", size, &[C::ViewMessages, C::Down, C::Down, C::Down]);
        assert_eq!(
            a.agenda.key_messages[a.views.messages.list.selected].number,
            Some(4)
        );
        snap("key_message_4", size, &a);
    }
}

#[test]
fn the_people_view_with_vinicius_pinheiro() {
    for size in SIZES {
        let mut a = screen_at("11:05", size, &[C::ViewPeople]);
        let n = person(&a, "vinicius-pinheiro");
        press(&mut a, &vec![C::Down; n]);
        snap("people_vinicius_pinheiro", size, &a);
    }
}

#[test]
fn the_people_view_sets_each_role_off_from_its_session_title() {
    for size in SIZES {
        let mut a = screen_at("11:05", size, &[C::ViewPeople]);
        // The President of the General Assembly chairs the opening and
        // the closing.
        let screen = text(&render(&a));
        assert!(screen.contains("· chair"), "{screen}");
        let n = person(&a, "withelma-ortiz-walker-pettigrew");
        press(&mut a, &vec![C::Down; n]);
        let screen = text(&render(&a));
        assert!(
            screen.contains("Introductory statements · speaker"),
            "{screen}"
        );
        assert!(!screen.contains("statements speaker"), "{screen}");
        snap("people_withelma_ortiz_walker_pettigrew", size, &a);
    }
}

#[test]
fn the_help_screen() {
    for size in SIZES {
        let a = screen_at("11:05", size, &[C::Help]);
        snap("help", size, &a);
    }
}

#[test]
fn a_search_in_progress() {
    for size in SIZES {
        let mut a = screen_at("11:05", size, &[]);
        search(&mut a, "video");
        snap("search_video", size, &a);
    }
}

#[test]
fn live_through_the_day_on_time_and_ten_minutes_late() {
    for size in SIZES {
        for (local, name) in [("10:29", "1029"), ("11:05", "1105"), ("14:00", "1400")] {
            let a = screen_at(local, size, &[]);
            snap(&format!("live_{name}_on_time"), size, &a);
            let a = screen_at(local, size, &[C::Later, C::Later]);
            assert_eq!(a.current_delay(), 10);
            snap(&format!("live_{name}_late_10"), size, &a);
        }
    }
}

#[test]
fn the_grid_on_the_hearing_live_at_11_05() {
    for size in SIZES {
        let a = screen_at("11:05", size, &[C::ViewGrid]);
        assert_eq!(&*a.agenda.sessions[a.selected()].id, "panel-1");
        snap("grid_live_1105", size, &a);
    }
}

#[test]
fn the_grid_zoomed_to_five_minutes_with_the_closing_selected() {
    for size in SIZES {
        let a = screen_at(
            "11:05",
            size,
            &[C::ViewGrid, C::ZoomIn, C::ZoomIn, C::Bottom],
        );
        assert_eq!(&*a.agenda.sessions[a.selected()].id, "closing");
        snap("grid_closing_5min", size, &a);
    }
}
