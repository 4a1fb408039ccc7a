//! The grid view (`5`) in a real terminal at 80x24 and 120x40: the
//! hearing as one lane with its lunch break as space, six rooms with an
//! overlap split into sub-columns, both DST nights' axis labels, `NO_COLOR`,
//! 40x12, every key and the mouse, and the zoom kept for the next run.

#![cfg(unix)]

use crate::support::harness::{Home, fixture};
use crate::support::pty::{self, Dais, Spawn};

/// (columns, rows), as the pty takes them.
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const RIGHT: &str = "\x1b[C";
const LEFT: &str = "\x1b[D";

/// dais on `args` (a fixture's name, or none for the hearing) at `at`,
/// `size` (columns, rows), in `home`, with `env`.
fn open(file: Option<&str>, at: &str, size: (u16, u16), env: &[(&str, &str)], home: &Home) -> Dais {
    let mut args: Vec<String> = file
        .map(|f| fixture(f).to_string_lossy().into_owned())
        .into_iter()
        .collect();
    args.extend(["--at".to_owned(), at.to_owned()]);
    Dais::start(&Spawn {
        args,
        env: env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        size,
        home: home.clone(),
        ..Spawn::dais(&[])
    })
}

/// The screen rows of the grid pane inside its border: the room names
/// first, then the axis rows. Empty if there is no grid.
fn rows_of(screen: &vt100::Screen) -> Vec<(u16, String)> {
    let text = screen.contents();
    let lines: Vec<&str> = text.lines().collect();
    let Some(title) = lines.iter().position(|l| l.contains("Grid ·")) else {
        return Vec::new();
    };
    lines
        .iter()
        .enumerate()
        .skip(title + 1)
        .take_while(|(_, l)| !l.starts_with('┗'))
        .map(|(y, l)| {
            let inner: String = l.chars().skip(1).collect();
            let inner = inner.strip_suffix('┃').unwrap_or(&inner).to_owned();
            (u16::try_from(y).unwrap(), inner)
        })
        .collect()
}

/// The grid's rows once the frame being drawn is whole.
fn grid_rows(d: &mut Dais) -> Vec<(u16, String)> {
    d.wait_frame_end();
    let rows = rows_of(d.vt());
    assert!(!rows.is_empty(), "no grid on the screen:\n{}", d.screen());
    rows
}

/// The axis labels down the left, top to bottom.
fn labels(d: &mut Dais) -> Vec<String> {
    grid_rows(d)
        .iter()
        .skip(1)
        .map(|(_, l)| l.chars().take(5).collect::<String>())
        .filter(|l| l.len() == 5 && l.as_bytes()[2] == b':')
        .collect()
}

/// The text of the selected box: the grid's cells in reverse video or on
/// a background colour, row by row.
fn selected_of(vt: &vt100::Screen) -> String {
    let (_, cols) = vt.size();
    let mut out = Vec::new();
    for (y, _) in rows_of(vt).iter().skip(1) {
        let mut row = String::new();
        for x in 0..cols {
            if let Some(c) = vt.cell(*y, x)
                && (c.inverse() || c.bgcolor() != vt100::Color::Default)
            {
                row.push_str(if c.contents().is_empty() {
                    " "
                } else {
                    c.contents()
                });
            }
        }
        if !row.trim().is_empty() {
            out.push(row.trim().to_owned());
        }
    }
    out.join(" ")
}

/// Waits until the selected box's text holds `text`.
fn wait_selected(d: &mut Dais, text: &str) {
    d.wait_until(&format!("{text:?} selected"), |s| {
        selected_of(s).contains(text)
    });
}

/// Presses `key`, waits for the frame it causes and checks that the
/// selection is `text`.
fn press(d: &mut Dais, key: &str, text: &str) {
    d.send(key);
    wait_selected(d, text);
}

/// The 1-based column and row of `text` on the screen (as the mouse
/// reports them).
fn cell_of(d: &mut Dais, text: &str) -> (usize, usize) {
    d.wait_frame_end();
    let screen = d.screen();
    screen
        .lines()
        .enumerate()
        .find_map(|(y, l)| {
            let at = l.find(text)?;
            Some((l[..at].chars().count() + 1, y + 1))
        })
        .unwrap_or_else(|| panic!("{text:?} is not on the screen:\n{screen}"))
}

fn quit(mut d: Dais) {
    d.send("q");
    assert_eq!(d.wait_exit(), Ok(0));
    d.assert_restored();
}

#[test]
fn the_hearing_is_one_lane_with_its_lunch_as_space_and_every_key_works() {
    for size in SIZES {
        let home = Home::new();
        let mut d = open(None, pty::AT, size, &[], &home);
        d.wait_row("● LIVE", "Panel 1");
        d.send("5");
        d.wait_for("Grid · Friday 23 June 2017 · 15 min a row");
        // One lane: the room, and nothing beside it.
        let rows = grid_rows(&mut d);
        assert_eq!(
            rows[0].1.split_whitespace().collect::<Vec<_>>().join(" "),
            "Conference Room 4"
        );
        // Panel 1 is live and selected, as in the agenda view.
        wait_selected(&mut d, "Panel 1");
        // Panel 2 ends at 13:00 and Panel 3 starts at 15:00: those rows
        // are there, with nothing in the lane.
        for lunch in ["13:00", "13:30", "14:00"] {
            let row = rows
                .iter()
                .find(|(_, l)| l.starts_with(lunch))
                .unwrap_or_else(|| panic!("no {lunch} row at {size:?}:\n{}", d.screen()));
            assert!(
                row.1[5..].trim().is_empty(),
                "{lunch} is not empty at {size:?}:\n{}",
                d.screen()
            );
        }

        // j k ↓ ↑ along the lane.
        press(&mut d, "j", "Panel 2");
        press(&mut d, DOWN, "Panel 3");
        press(&mut d, "k", "Panel 2");
        press(&mut d, UP, "Panel 1");
        // h l ← → have no lane beside: the selection stays.
        for key in ["h", "l", LEFT, RIGHT] {
            press(&mut d, key, "Panel 1");
        }
        // [ ] have no other day: the day stays.
        for key in ["[", "]"] {
            press(&mut d, key, "Panel 1");
            d.wait_for("Friday 23 June 2017");
        }
        // G g: the last and first sessions.
        press(&mut d, "G", "Closing");
        d.wait_for("17:00");
        press(&mut d, "g", "Opening");
        // Enter opens the detail, Esc closes it.
        d.send(ENTER);
        d.wait_for("Session detail");
        d.wait_for("Opening of the Informal Interactive");
        d.send(ESC);
        d.wait_gone("Session detail");
        // < > zoom out and in.
        d.send("<");
        d.wait_for("30 min a row");
        d.send(">");
        d.send(">");
        d.wait_for("10 min a row");
        // A click selects a box.
        d.wait_for("Introductory");
        let (x, y) = cell_of(&mut d, "Introductory");
        d.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
        wait_selected(&mut d, "Introductory");
        // The wheel scrolls time (the day is taller than the window at 10
        // minutes a row) and leaves the selection.
        let first = labels(&mut d)[0].clone();
        let (x, y) = cell_of(&mut d, "Conference Room 4");
        d.send(&format!("\x1b[<65;{x};{}M", y + 3));
        d.wait_until("the wheel to scroll", |s| {
            !s.contents().contains(&format!("┃{first}"))
        });
        assert_ne!(labels(&mut d)[0], first, "{}", d.screen());
        d.send(&format!("\x1b[<64;{x};{}M", y + 3));
        d.wait_for(&format!("┃{first}"));
        wait_selected(&mut d, "Introductory");
        d.send("<");
        d.wait_for("15 min a row");
        // 5 and v both open the grid: from the agenda view, back with v.
        d.send("1");
        d.wait_for("┏ Programme");
        d.send("v");
        d.wait_for("Grid · Friday 23 June 2017");
        wait_selected(&mut d, "Introductory");
        quit(d);
    }
}

/// The column range of lane `room` in the grid's rows (its name's start
/// up to the next name's).
fn lane_of(rows: &[(u16, String)], room: &str, next: &str) -> std::ops::Range<usize> {
    let head = &rows[0].1;
    let at = |name: &str| head[..head.find(name).unwrap()].chars().count();
    at(room)..at(next)
}

#[test]
fn six_rooms_side_by_side_with_an_overlap_in_sub_columns_and_every_key() {
    let f = Some("grid/six_rooms.json");
    for size in SIZES {
        let home = Home::new();
        let mut d = open(f, "2024-05-01 10:10", size, &[], &home);
        // No key messages here: no tab for them, and `2` says so.
        d.wait_for("Programme");
        d.send("2");
        d.wait_for("This agenda has no key messages");
        let screen = d.screen();
        assert!(!screen.contains("Key messages"), "{size:?}:\n{screen}");
        d.send("5");
        d.wait_for("Grid · Wednesday 1 May 2024");
        let rows = grid_rows(&mut d);
        for room in [
            "Saal 1",
            "Saal 2",
            "Workshop A",
            "Workshop B",
            "Foyer",
            "Lab",
        ] {
            assert!(
                rows[0].1.contains(room),
                "{room} at {size:?}:\n{}",
                d.screen()
            );
        }
        // Pen plotters (09:00-11:00) and the sketch session (10:00-10:45)
        // share Workshop A: from 10:00 on its lane holds two boxes side by
        // side, each with its own edge.
        let lane = lane_of(&rows, "Workshop A", "Workshop B");
        // The second box edge in the lane's row: the sub-column's.
        let split = rows.iter().skip(1).find_map(|(y, l)| {
            let cells: Vec<char> = l.chars().collect();
            let edges: Vec<usize> = lane
                .clone()
                .filter(|&x| matches!(cells.get(x), Some('┌' | '│' | '├')))
                .collect();
            (edges.len() >= 2).then(|| (edges[1], *y))
        });
        let Some((x, y)) = split else {
            panic!("no sub-columns in Workshop A at {size:?}:\n{}", d.screen());
        };
        // A click in the sub-column selects its box: the sketch session.
        // (1-based, and one right of the edge, past the pane's border.)
        let (x, y) = (x + 3, usize::from(y) + 1);
        d.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
        d.send(ENTER);
        d.wait_for("Session detail");
        d.wait_for("Overlapping sketch session");
        d.send(ESC);
        d.wait_gone("Session detail");

        press(&mut d, "g", "Opening");
        press(&mut d, "l", "Soldering");
        press(&mut d, RIGHT, "Pen");
        press(&mut d, "l", "Measuring");
        press(&mut d, "h", "Pen");
        // Down Workshop A: the overlapping session, in its sub-column.
        d.send("j");
        d.send(ENTER);
        d.wait_for("Session detail");
        d.wait_for("Overlapping sketch session");
        d.send(ESC);
        d.wait_gone("Session detail");
        press(&mut d, "k", "Pen");
        press(&mut d, LEFT, "Soldering");
        press(&mut d, DOWN, "Tiny");
        press(&mut d, UP, "Soldering");
        // ] and [ go to the next day and back, keeping the room.
        d.send("]");
        d.wait_for("Grid · Thursday 2 May 2024");
        d.send("[");
        d.wait_for("Grid · Wednesday 1 May 2024");
        // G is the programme's last session, on the second day.
        d.send("G");
        d.wait_for("Grid · Thursday 2 May 2024");
        wait_selected(&mut d, "Radio");
        quit(d);
    }
}

#[test]
fn at_40x12_fewer_lanes_fit_and_they_scroll_sideways() {
    let home = Home::new();
    let mut d = open(
        Some("grid/six_rooms.json"),
        "2024-05-01 10:10",
        (40, 12),
        &[],
        &home,
    );
    d.send("5");
    d.wait_for("Grid ·");
    let names = |d: &mut Dais| grid_rows(d)[0].1.clone();
    assert!(names(&mut d).contains("Saal 1"), "{}", d.screen());
    assert!(
        !names(&mut d).contains("Lab"),
        "six lanes do not fit in 40 columns:\n{}",
        d.screen()
    );
    // Shift+wheel scrolls the lanes to the last ones, and back.
    let (x, y) = cell_of(&mut d, "Saal 1");
    for _ in 0..3 {
        d.send(&format!("\x1b[<69;{x};{}M", y + 2));
    }
    d.wait_until("Lab to show", |s| s.contents().contains(" Lab"));
    assert!(!names(&mut d).contains("Saal 1"), "{}", d.screen());
    for _ in 0..3 {
        d.send(&format!("\x1b[<68;{x};{}M", y + 2));
    }
    d.wait_until("Saal 1 to come back", |s| s.contents().contains(" Saal 1"));
    // Moving the selection to a lane out of sight brings it in.
    d.send("g");
    for _ in 0..5 {
        d.send("l");
    }
    d.wait_until("Lab to show", |s| s.contents().contains(" Lab"));
    quit(d);
}

#[test]
fn without_colour_the_boxes_are_borders_and_the_selection_reverse_video() {
    let home = Home::new();
    let mut d = open(
        Some("grid/six_rooms.json"),
        "2024-05-01 10:10",
        (80, 24),
        &[("NO_COLOR", "1")],
        &home,
    );
    d.send("5");
    d.wait_for("Grid ·");
    press(&mut d, "g", "Opening");
    let vt = d.vt();
    let (rows, cols) = vt.size();
    let mut inverse = 0;
    for y in 0..rows {
        for x in 0..cols {
            let c = vt.cell(y, x).unwrap();
            assert_eq!(
                (c.fgcolor(), c.bgcolor()),
                (vt100::Color::Default, vt100::Color::Default),
                "a colour at {x},{y} with NO_COLOR:\n{}",
                d.screen()
            );
            inverse += usize::from(c.inverse());
        }
    }
    assert!(inverse > 0, "the selection is in reverse video");
    assert!(
        d.screen().contains("┌09:00"),
        "boxes have edges:\n{}",
        d.screen()
    );
    quit(d);
}

#[test]
fn a_23_hour_and_a_25_hour_night_label_the_axis_as_the_clock_on_the_wall() {
    for size in SIZES {
        let home = Home::new();
        let mut d = open(
            Some("grid/spring_forward_berlin.json"),
            "2024-03-30 12:00",
            size,
            &[],
            &home,
        );
        d.send("5");
        d.wait_for("Grid · Sunday 31 March 2024");
        // 02:00 to 03:00 never happened: the rows go from 01:30 to 03:00.
        assert_eq!(
            labels(&mut d),
            ["00:30", "01:00", "01:30", "03:00", "03:30"],
            "{}",
            d.screen()
        );
        quit(d);

        let mut d = open(
            Some("grid/fall_back_berlin.json"),
            "2024-10-26 12:00",
            size,
            &[],
            &home,
        );
        d.send("5");
        d.wait_for("Grid · Sunday 27 October 2024");
        // 02:00 to 03:00 happened twice: both are on the axis.
        assert_eq!(
            labels(&mut d),
            [
                "01:00", "01:30", "02:00", "02:30", "02:00", "02:30", "03:00", "03:30"
            ],
            "{}",
            d.screen()
        );
        quit(d);
    }
}

#[test]
fn the_zoom_is_kept_for_the_next_run_of_the_same_agenda() {
    let home = Home::new();
    let mut d = open(None, pty::AT, (80, 24), &[], &home);
    d.send("5");
    d.wait_for("15 min a row");
    d.send("<");
    d.wait_for("30 min a row");
    quit(d);
    // Another run of the hearing: the grid opens at 30 minutes a row.
    let mut d = open(None, pty::AT, (80, 24), &[], &home);
    d.send("5");
    d.wait_for("Grid · Friday 23 June 2017 · 30 min a row");
    d.send(">");
    d.send(">");
    d.wait_for("10 min a row");
    quit(d);
    let mut d = open(None, pty::AT, (80, 24), &[], &home);
    d.send("5");
    d.wait_for("Grid · Friday 23 June 2017 · 10 min a row");
    quit(d);
    // Another agenda has its own: the default.
    let mut d = open(
        Some("grid/six_rooms.json"),
        "2024-05-01 10:10",
        (80, 24),
        &[],
        &home,
    );
    d.send("5");
    d.wait_for("Grid · Wednesday 1 May 2024 · 15 min a row");
    quit(d);
}
