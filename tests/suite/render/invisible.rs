//! Invisible characters (soft hyphen, tags, variation selectors, joiners,
//! zero-width space, word joiner) never reach the screen, so every border
//! is where dais computed it.

use crate::support::screen;

use dais::app::{Action, App};
use screen::{agenda, render};

const TITLE: &str = "Soft\u{ad}hyphen tag\u{e0067}\u{e0062} flag\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f} vs\u{2764}\u{fe0f} zwj\u{1f469}\u{200d}\u{1f4bb} zw\u{200b}sp wj\u{2060} end";

#[test]
fn a_title_full_of_invisible_characters_keeps_the_right_border_in_place() {
    let json = serde_json::json!({
        "format": "dais/1",
        "event": {"title": TITLE, "date": "2024-07-01", "timezone": "Europe/Berlin"},
        "sessions": [
            {"id": "a", "title": TITLE, "kind": "other", "start": "10:00", "end": "11:00",
             "description": TITLE},
            {"id": "b", "title": "Plain", "kind": "other", "start": "11:00", "end": "12:00"}
        ]
    })
    .to_string();
    let ag = agenda(&json);
    assert_eq!(
        &*ag.sessions[0].title,
        "Softhyphen tag flag\u{1f3f4} vs\u{2764} zwj\u{1f469}\u{1f4bb} zwsp wj end"
    );
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut a = App::new(ag.clone(), screen::at("2017-06-23 11:00"));
        a.update(Action::Resize {
            width: w,
            height: h,
        });
        let buf = render(&a);
        for y in 0..h {
            for x in 0..w {
                let sym = buf[(x, y)].symbol();
                assert!(
                    sym.chars().all(dais::sanitize::is_shown),
                    "{w}x{h} ({x},{y}): {sym:?}"
                );
            }
            // A row drawn with a box's right edge has it in the last column.
            let row: String = (0..w).map(|x| buf[(x, y)].symbol()).collect();
            if row.contains('┃') || row.contains('│') {
                let last = buf[(w - 1, y)].symbol();
                assert!(
                    matches!(last, "┃" | "│" | "┓" | "┛" | "┐" | "┘"),
                    "{w}x{h} row {y}: {row:?}"
                );
            }
        }
    }
}
