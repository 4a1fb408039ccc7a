//! Terminal events to actions: the keymap for keys, typing while
//! searching, clicks and the wheel, resizes.

use crate::app::{Action, App, Command, NoteKey};
use crate::keymap::Key;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// What a terminal event means.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// An action for `update`.
    Action(Action),
    /// Ctrl-Z: suspend to the shell.
    Suspend,
    /// Nothing to do.
    Ignore,
}

/// Translates one terminal event for the current state.
pub fn translate(app: &App, event: &Event) -> Input {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => key(app, k),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Input::Action(Action::Click {
                x: m.column,
                y: m.row,
            }),
            // Shift+wheel, or a sideways wheel, scrolls sideways.
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp
                if m.modifiers.contains(KeyModifiers::SHIFT) =>
            {
                Input::Action(Action::ScrollSideways {
                    x: m.column,
                    y: m.row,
                    lines: if m.kind == MouseEventKind::ScrollUp {
                        -1
                    } else {
                        1
                    },
                })
            }
            MouseEventKind::ScrollRight | MouseEventKind::ScrollLeft => {
                Input::Action(Action::ScrollSideways {
                    x: m.column,
                    y: m.row,
                    lines: if m.kind == MouseEventKind::ScrollLeft {
                        -1
                    } else {
                        1
                    },
                })
            }
            MouseEventKind::ScrollDown => Input::Action(Action::Scroll {
                x: m.column,
                y: m.row,
                lines: 1,
            }),
            MouseEventKind::ScrollUp => Input::Action(Action::Scroll {
                x: m.column,
                y: m.row,
                lines: -1,
            }),
            _ => Input::Ignore,
        },
        Event::Resize(width, height) => Input::Action(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Paste(text) if app.compose.is_some() => {
            Input::Action(Action::Note(NoteKey::Paste(text.clone())))
        }
        _ => Input::Ignore,
    }
}

fn key(app: &App, k: &KeyEvent) -> Input {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && k.code == KeyCode::Char('z') {
        return Input::Suspend;
    }
    if app.compose.is_some() {
        return note_key(k).map_or(Input::Ignore, |n| Input::Action(Action::Note(n)));
    }
    if ctrl && k.code == KeyCode::Char('c') {
        return Input::Action(Command::Quit.into());
    }
    if app.search.editing {
        let typed = match k.code {
            KeyCode::Esc => Some(Action::SearchCancel),
            KeyCode::Enter => Some(Action::SearchSubmit),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Char(c) if !ctrl && !k.modifiers.contains(KeyModifiers::ALT) => {
                Some(Action::SearchChar(c))
            }
            _ => None,
        };
        if let Some(a) = typed {
            return Input::Action(a);
        }
    }
    app.keymap
        .command(Key::from_event(k))
        .map_or(Input::Ignore, |c| Input::Action(c.into()))
}

/// A key for the note input: every key goes there while it is open.
fn note_key(k: &KeyEvent) -> Option<NoteKey> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    Some(match k.code {
        KeyCode::Char(c) if ctrl => match c {
            'a' => NoteKey::Home,
            'e' => NoteKey::End,
            'b' => NoteKey::Left,
            'f' => NoteKey::Right,
            'd' => NoteKey::Delete,
            'h' => NoteKey::Backspace,
            'w' => NoteKey::DeleteWord,
            'u' => NoteKey::DeleteToStart,
            'k' => NoteKey::DeleteToEnd,
            'c' => NoteKey::Cancel,
            _ => return None,
        },
        KeyCode::Char(_) if alt => return None,
        KeyCode::Char(c) => NoteKey::Char(c),
        KeyCode::Left => NoteKey::Left,
        KeyCode::Right => NoteKey::Right,
        KeyCode::Home => NoteKey::Home,
        KeyCode::End => NoteKey::End,
        KeyCode::Backspace => NoteKey::Backspace,
        KeyCode::Delete => NoteKey::Delete,
        KeyCode::Tab => NoteKey::Complete,
        KeyCode::BackTab => NoteKey::CompleteBack,
        KeyCode::Enter => NoteKey::Save,
        KeyCode::Esc => NoteKey::Cancel,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{Input, translate};
    use crate::app::{Action, Command};

    use ratatui::crossterm::event::{
        Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind,
    };

    use crate::testing::hearing_app as app;

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn keys_go_through_the_keymap_unless_searching() {
        let mut app = app();
        assert_eq!(
            translate(&app, &key(KeyCode::Char('q'))),
            Input::Action(Command::Quit.into())
        );
        app.update(Command::Search.into());
        assert_eq!(
            translate(&app, &key(KeyCode::Char('q'))),
            Input::Action(Action::SearchChar('q'))
        );
        assert_eq!(
            translate(&app, &key(KeyCode::Esc)),
            Input::Action(Action::SearchCancel)
        );
        assert_eq!(
            translate(&app, &key(KeyCode::Down)),
            Input::Action(Command::Down.into())
        );
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(
            translate(&app, &ctrl_c),
            Input::Action(Command::Quit.into())
        );
        let ctrl_z = Event::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
        assert_eq!(translate(&app, &ctrl_z), Input::Suspend);
    }

    #[test]
    fn mouse_and_resize() {
        let app = app();
        let wheel = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 3,
            row: 4,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(
            translate(&app, &wheel),
            Input::Action(Action::Scroll {
                x: 3,
                y: 4,
                lines: 1
            })
        );
        assert_eq!(
            translate(&app, &Event::Resize(80, 24)),
            Input::Action(Action::Resize {
                width: 80,
                height: 24
            })
        );
        assert_eq!(translate(&app, &Event::FocusGained), Input::Ignore);
    }
}
