//! Parts that run side by side (a conference's parallel blocks) in the
//! timeline: one heading naming them, not one each time the part changes
//! in time order; a session with no room says its part at the right.
//! Snapshots at 120x40 and 80x24.

use crate::support::screen::{berlin_fixture, find, press, render, style_at, text};

use dais::app::{App, Command as C};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

/// The programme at 09:45 in Berlin on a `w`x`h` terminal.
fn parts(size: (u16, u16)) -> App {
    berlin_fixture("parallel_parts.json", "09:45", size)
}

#[test]
fn parts_side_by_side_have_one_heading_in_the_heading_style() {
    for size in SIZES {
        let mut app = parts(size);
        // The heading above the live sessions in view.
        press(&mut app, &[C::Top]);
        let buf = render(&app);
        let screen = text(&buf);
        let headings: Vec<&str> = screen
            .lines()
            .filter_map(|l| l.strip_prefix('┃'))
            .filter_map(|l| l.split('┃').next())
            .map(str::trim_end)
            .filter(|l| ["Plenary", "Detectors", "Theory"].contains(&l.split(' ').next().unwrap()))
            .collect();
        // 24 rows show the first two.
        let all = ["Plenary", "Detectors · Theory", "Plenary"];
        let seen = if size.1 >= 40 { &all[..] } else { &all[..2] };
        assert_eq!(headings, seen, "{size:?}:\n{screen}");
        let (x, y) = find(&buf, "Detectors · Theory").unwrap();
        let style = style_at(&buf, x, y);
        let heading = app.theme.heading;
        assert_eq!(style.fg, heading.fg, "{size:?}");
        assert!(
            style.add_modifier.contains(heading.add_modifier),
            "{size:?}"
        );
        // Room 1's talks say their room; Theory's, with none, their part.
        for (title, place) in [
            ("Silicon trackers", "Room 1"),
            ("Lattice methods", "Theory"),
        ] {
            assert!(
                screen.lines().any(|l| {
                    let pane = l.split('┃').nth(1).unwrap_or_default();
                    pane.contains(title) && pane.trim_end().ends_with(place)
                }),
                "{title} with {place} at {size:?}:\n{screen}"
            );
        }
        let (w, h) = size;
        insta::assert_snapshot!(format!("parallel_parts_{w}x{h}"), screen);
    }
}

#[test]
fn the_next_section_is_past_the_parts_side_by_side() {
    let mut app = parts((120, 40));
    press(&mut app, &[C::Top, C::NextSection]);
    assert_eq!(&*app.agenda.sessions[app.selected()].id, "d1");
    press(&mut app, &[C::NextSection]);
    assert_eq!(&*app.agenda.sessions[app.selected()].id, "closing");
}
