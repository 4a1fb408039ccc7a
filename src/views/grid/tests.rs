use super::*;
use crate::app::{Action, App};
use crate::command::View;
use crate::testing::{first_grid_day, hearing, talk_then_posters};
use chrono::{TimeZone, Utc};

/// The hearing at `h:m` that day, `height` rows high, in the agenda view.
fn agenda_at(h: u32, m: u32, height: u16) -> App {
    let now = chrono_tz::America::New_York
        .with_ymd_and_hms(2017, 6, 23, h, m, 0)
        .unwrap()
        .with_timezone(&Utc);
    let mut app = App::new(hearing(), now);
    app.update(Action::Resize { width: 120, height });
    app
}

fn app_at(h: u32, m: u32) -> App {
    let mut app = agenda_at(h, m, 40);
    app.update(Command::ViewGrid.into());
    app
}

fn selected_id(app: &App) -> &str {
    &app.agenda.sessions[app.selected()].id
}

#[test]
fn five_opens_the_grid_on_the_live_session() {
    let app = app_at(11, 5);
    assert_eq!(app.view, View::Grid);
    assert_eq!(selected_id(&app), "panel-1");
}

#[test]
fn down_and_up_move_along_the_lane() {
    let mut app = app_at(11, 5);
    app.update(Command::Down.into());
    assert_eq!(selected_id(&app), "panel-2");
    app.update(Command::Up.into());
    app.update(Command::Up.into());
    assert_eq!(selected_id(&app), "introductory-statements");
    assert!(!app.live.follow, "moving ends follow mode");
}

#[test]
fn top_bottom_and_open() {
    let mut app = app_at(11, 5);
    app.update(Command::Bottom.into());
    assert_eq!(selected_id(&app), "closing");
    app.update(Command::Top.into());
    assert_eq!(selected_id(&app), "opening");
    app.update(Command::Open.into());
    assert_eq!(app.overlay, Some(Overlay::Detail));
}

#[test]
fn zoom_steps_and_the_selection_stays_in_sight() {
    let mut app = app_at(17, 55);
    for _ in 0..3 {
        app.update(Command::ZoomIn.into());
    }
    assert_eq!(app.views.grid.zoom, Zoom::M5);
    let day = app.views.grid.day(&app.shared).unwrap();
    let b = day.boxes[day.find(app.selected()).unwrap()];
    let (rows, _) = app.views.grid.window(&app.shared, &day);
    assert!(b.top >= app.views.grid.top && b.bottom() <= app.views.grid.top + rows);
    app.update(Command::ZoomOut.into());
    assert_eq!(app.views.grid.zoom, Zoom::M10);
}

#[test]
fn the_grid_lays_out_nothing_until_it_is_shown_then_shows_the_selection() {
    let mut app = agenda_at(11, 5, 20);
    // In the agenda: the selection moves, the grid is not on screen.
    app.update(Command::Bottom.into());
    assert!(!app.views.grid.cache.laid_out());
    app.update(Command::ViewGrid.into());
    assert!(app.views.grid.cache.laid_out());
    assert_eq!(selected_id(&app), "closing");
    let day = app.views.grid.day(&app.shared).unwrap();
    let b = day.boxes[day.find(app.selected()).unwrap()];
    let (rows, _) = app.views.grid.window(&app.shared, &day);
    assert!(b.top >= app.views.grid.top && b.bottom() <= app.views.grid.top + rows);
}

#[test]
fn each_zoom_asks_for_it_to_be_remembered_and_the_ends_do_not() {
    let mut app = app_at(11, 5);
    app.changes.clear();
    app.update(Command::ZoomOut.into());
    app.update(Command::ZoomOut.into());
    // Already the coarsest: nothing changed, nothing to save.
    app.update(Command::ZoomOut.into());
    let saved: Vec<String> = app
        .changes
        .iter()
        .filter_map(|c| match c {
            crate::store::Change::Setting { name, value } if name == super::ZOOM_SETTING => {
                Some(value.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(saved, ["30", "60"]);
}

#[test]
fn one_lane_has_nothing_beside_it() {
    let mut app = app_at(11, 5);
    app.update(Command::Right.into());
    app.update(Command::NextPane.into());
    assert_eq!(selected_id(&app), "panel-1");
}

#[test]
fn the_wheel_scrolls_time_without_moving_the_selection() {
    let mut app = app_at(10, 0);
    app.update(Command::ZoomIn.into());
    app.update(Command::ZoomIn.into());
    let before = app.views.grid.top;
    app.update(Action::Scroll {
        x: 20,
        y: 10,
        lines: 2,
    });
    assert_eq!(app.views.grid.top, before + 6);
    assert_eq!(selected_id(&app), "opening");
}

#[test]
fn a_click_selects_the_box_under_it() {
    let mut app = app_at(9, 0);
    let area = app.screen().body.pane(Pane::Grid);
    let day = app.views.grid.day(&app.shared).unwrap();
    let panel2 = app
        .agenda
        .sessions
        .iter()
        .position(|s| &*s.id == "panel-2")
        .unwrap();
    let target = day.find(panel2).unwrap();
    let row = day.boxes[target].top - app.views.grid.top;
    // Border, room names, then the rows.
    let y = area.y + 2 + u16::try_from(row).unwrap();
    app.update(Action::Click { x: area.x + 10, y });
    assert_eq!(selected_id(&app), "panel-2");
}

#[test]
fn a_hidden_session_leaves_the_grid() {
    let mut app = app_at(11, 5);
    app.update(Command::Down.into());
    assert_eq!(selected_id(&app), "panel-2");
    app.update(Command::Hide.into());
    let day = app.views.grid.day(&app.shared).unwrap();
    let panel2 = app
        .agenda
        .sessions
        .iter()
        .position(|s| &*s.id == "panel-2")
        .unwrap();
    assert_eq!(day.find(panel2), None, "hidden: no box");
    let panel1 = app
        .agenda
        .sessions
        .iter()
        .position(|s| &*s.id == "panel-1")
        .unwrap();
    assert!(day.find(panel1).is_some());
    assert!(app.shared.programme.is_hidden(panel2));
}

#[test]
fn z_puts_the_axis_in_the_viewers_zone() {
    let mut app = app_at(11, 5);
    app.live.viewer_tz = Some(chrono_tz::Europe::Berlin);
    let before = app.views.grid.day(&app.shared).unwrap().axis.zone;
    assert_eq!(before, chrono_tz::America::New_York);
    app.update(Command::Zone.into());
    let day = app.views.grid.day(&app.shared).unwrap();
    assert_eq!(day.axis.zone, chrono_tz::Europe::Berlin);
    // Panel 1 at 10:30 in New York starts at 16:30 in Berlin.
    let b = day.boxes[day.find(app.selected()).unwrap()];
    assert_eq!(day.axis.label(b.top).as_deref(), Some("16:30"));
}

#[test]
fn moving_in_a_day_and_drawing_reuse_its_layout() {
    let mut app = app_at(11, 5);
    let day = app.views.grid.day(&app.shared).unwrap();
    let programme = app.views.grid.cache.programme(&app.shared);
    for c in [Command::Down, Command::Down, Command::Up, Command::Right] {
        app.update(c.into());
        let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
        ratatui::widgets::Widget::render(crate::ui::Screen(&app), buf.area, &mut buf);
    }
    let after = app.views.grid.day(&app.shared).unwrap();
    assert!(Arc::ptr_eq(&day, &after), "the day was laid out again");
    let again = app.views.grid.cache.programme(&app.shared);
    assert!(
        Arc::ptr_eq(&programme, &again),
        "the sessions were sorted again"
    );
    // Hiding a session changes what is on show: laid out anew.
    app.update(Command::Hide.into());
    let hidden = app.views.grid.cache.programme(&app.shared);
    assert!(
        !Arc::ptr_eq(&programme, &hidden),
        "a hidden session leaves the grid"
    );
}

#[test]
fn a_click_anywhere_across_a_session_that_overlaps_nothing_finds_it() {
    // Three posters side by side in the evening; the morning talk has the
    // lane to itself, so its right-hand part is still the talk.
    let a = talk_then_posters();
    let day = first_grid_day(&a, crate::grid::Zoom::M60);
    let grid = ratatui::layout::Rect::new(0, 0, 66, 20);
    let right = grid.width - 2;
    let hit = draw::box_at(&day, grid, (0, 0), right, 0).map(|b| day.boxes[b].item.session);
    assert_eq!(hit, Some(0));
    let evening = day.boxes[1].top;
    let hit = draw::box_at(&day, grid, (0, 0), right, evening).map(|b| day.boxes[b].item.session);
    assert_eq!(hit, Some(3));
}
