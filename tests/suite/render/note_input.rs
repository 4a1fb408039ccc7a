//! The note input drawn: tags styled as they resolve (with colour and
//! without), the cursor, the choices Tab offers, and a long line scrolled
//! sideways. Whole-screen snapshots with a frozen clock.

use crate::support::screen::{self, app_sized, has_style, press, render, style_at, text};
use dais::app::{Action, App, Command as C, NoteKey as K};
use dais::theme::Theme;
use ratatui::style::Modifier;

fn typed(a: &mut App, s: &str) {
    for c in s.chars() {
        a.update(Action::Note(K::Char(c)));
    }
}

/// The hearing at 11:05 on `w`x`h`, the input open with `s` typed.
fn writing(w: u16, h: u16, s: &str) -> App {
    let mut a = app_sized("11:05", w, h);
    press(&mut a, &[C::Note]);
    typed(&mut a, s);
    a
}

const TAGGED: &str = "Buck: survivors must lead #1 @Buck, ask @Marc #9 #hashtag";

/// The style of the first cell of `needle` on the bottom line.
fn style_on_input(a: &App, needle: &str) -> ratatui::style::Style {
    let buf = render(a);
    let y = a.size.1 - 1;
    let row = screen::line(&buf, y);
    let col = row
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {row:?}"));
    let x = u16::try_from(row[..col].chars().count()).unwrap();
    style_at(&buf, x, y)
}

#[test]
fn tags_are_styled_linked_ambiguous_or_unknown_and_a_hashtag_is_text() {
    for theme in [Theme::dark(), Theme::monochrome()] {
        let mut a = writing(120, 40, TAGGED);
        a.theme = theme;
        let t = a.theme;
        assert!(has_style(style_on_input(&a, "@Buck"), t.link));
        assert!(has_style(style_on_input(&a, "#1"), t.link));
        assert!(has_style(style_on_input(&a, "@Marc"), t.link_ambiguous));
        assert!(has_style(style_on_input(&a, "#9"), t.link_unknown));
        for plain in ["#hashtag", "survivors"] {
            let s = style_on_input(&a, plain);
            assert!(s.add_modifier.is_empty(), "{plain}: {s:?}");
            assert!(s.fg.is_none_or(|c| c == ratatui::style::Color::Reset));
        }
    }
    // Without colour: linked is bold, ambiguous only underlined.
    let mut a = writing(120, 40, TAGGED);
    a.theme = Theme::monochrome();
    let linked = style_on_input(&a, "@Buck").add_modifier;
    let open = style_on_input(&a, "@Marc").add_modifier;
    assert!(linked.contains(Modifier::BOLD | Modifier::UNDERLINED));
    assert!(open.contains(Modifier::UNDERLINED) && !open.contains(Modifier::BOLD));
}

#[test]
fn the_input_says_where_the_note_goes_and_shows_the_cursor() {
    let mut a = writing(120, 40, "abc");
    a.update(Action::Note(K::Left));
    let buf = render(&a);
    let bottom = screen::line(&buf, 39);
    assert!(bottom.starts_with(" note on Panel 1 › abc"), "{bottom:?}");
    let (x, y) = screen::locate(&buf, "abc");
    assert!(
        style_at(&buf, x + 2, y)
            .add_modifier
            .contains(Modifier::REVERSED)
    );
    assert!(
        !style_at(&buf, x + 1, y)
            .add_modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn a_long_line_scrolls_to_keep_the_cursor_in_view() {
    let long = format!("start {} 会議 end", "word ".repeat(40));
    let mut a = writing(80, 24, &long);
    let bottom = screen::line(&render(&a), 23);
    assert!(bottom.contains("会議 end"), "{bottom:?}");
    assert!(bottom.contains('…'), "{bottom:?}");
    assert!(!bottom.contains("start"), "{bottom:?}");
    assert!(screen::text(&render(&a)).lines().count() <= 24);
    a.update(Action::Note(K::Home));
    let bottom = screen::line(&render(&a), 23);
    assert!(bottom.contains("start word"), "{bottom:?}");
    assert!(bottom.trim_end().ends_with('…'), "{bottom:?}");
}

#[test]
fn any_size_draws_the_input_without_panic() {
    for (w, h) in [(1, 1), (10, 3), (40, 12), (41, 12), (200, 60)] {
        let mut a = writing(w, h, "@Mar 会議 é");
        a.update(Action::Note(K::Complete));
        let _ = render(&a);
    }
}

#[test]
fn screen_writing_a_note_with_tags() {
    for (w, h) in [(120, 40), (80, 24)] {
        let a = writing(w, h, TAGGED);
        insta::assert_snapshot!(format!("note_input_tags_{w}x{h}"), text(&render(&a)));
    }
}

#[test]
fn screen_the_choices_of_an_ambiguous_name() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = writing(w, h, "ask @Ma");
        a.update(Action::Note(K::Complete));
        a.update(Action::Note(K::Complete));
        insta::assert_snapshot!(format!("note_input_choices_{w}x{h}"), text(&render(&a)));
    }
}
