//! Where the lines of a session's long texts start, per width, kept across
//! frames: a 64 KB description is wrapped once when it is first shown at
//! a width, and every later frame (a redraw, a scroll, coming back to it)
//! wraps only the lines it shows.

use super::text::line_starts;
use crate::agenda::Agenda;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, Weak};

/// The texts kept: the last few sessions' title, notes (up to the format's
/// 1,000) and description at two widths (the session pane and the detail
/// overlay).
const KEPT: usize = 8_192;

/// Which text of which agenda, at which width.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Key {
    /// The session, by index.
    pub session: usize,
    /// Which of its texts: [`Key::TITLE`], [`Key::DESCRIPTION`], or a
    /// note from [`Key::note`].
    pub part: usize,
    /// The width wrapped to.
    pub width: usize,
}

impl Key {
    /// The title.
    pub const TITLE: usize = 0;
    /// The description.
    pub const DESCRIPTION: usize = 1;

    /// Note `i`.
    pub fn note(i: usize) -> usize {
        2 + i
    }
}

/// The cache. Entries belong to one agenda: a new one (a reload) empties
/// it. It is held by a weak pointer, which keeps the old agenda's address
/// from being reused while the entries name it.
#[derive(Default)]
pub struct Wraps(Mutex<Kept>);

#[derive(Default)]
struct Kept {
    agenda: Weak<Agenda>,
    /// Each text's line starts, and when it was last asked for.
    entries: HashMap<Key, (Arc<[usize]>, u64)>,
    /// Asks so far.
    tick: u64,
}

impl Wraps {
    /// Where the lines of `text` start at `key.width`: `text` is the part
    /// `key` names of `agenda`'s session.
    pub fn starts(&self, agenda: &Arc<Agenda>, key: Key, text: &str) -> Arc<[usize]> {
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if !std::ptr::eq(kept.agenda.as_ptr(), Arc::as_ptr(agenda)) {
            kept.agenda = Arc::downgrade(agenda);
            kept.entries.clear();
        }
        kept.tick += 1;
        let tick = kept.tick;
        if let Some((starts, used)) = kept.entries.get_mut(&key) {
            *used = tick;
            return Arc::clone(starts);
        }
        let starts: Arc<[usize]> = line_starts(text, key.width).into();
        if kept.entries.len() >= KEPT {
            // The least recently used half goes: a pass over the entries
            // once every KEPT / 2 new texts.
            let mut ticks: Vec<u64> = kept.entries.values().map(|(_, t)| *t).collect();
            let (_, &mut middle, _) = ticks.select_nth_unstable(KEPT / 2);
            kept.entries.retain(|_, (_, t)| *t > middle);
        }
        kept.entries.insert(key, (Arc::clone(&starts), tick));
        starts
    }
}

/// A copy starts empty: it fills again as it is used.
impl Clone for Wraps {
    fn clone(&self) -> Self {
        Wraps::default()
    }
}

impl std::fmt::Debug for Wraps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Wraps")
    }
}

/// Every `Wraps` is as good as another: it only saves work.
impl PartialEq for Wraps {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::{Key, Wraps};
    use crate::ui::text::{lines_wrapped, wrapped_len};
    use std::sync::Arc;

    fn agenda() -> Arc<crate::agenda::Agenda> {
        let text = crate::load::BUNDLED;
        let limits = crate::load::Limits::default();
        Arc::new(
            crate::load::load_bytes("a.json", text.as_bytes(), &limits)
                .unwrap()
                .agenda,
        )
    }

    #[test]
    fn a_text_is_wrapped_once_per_width_and_agenda() {
        let (a, b) = (agenda(), agenda());
        let text = "word ".repeat(1_000);
        let wraps = Wraps::default();
        let key = Key {
            session: 3,
            part: Key::DESCRIPTION,
            width: 20,
        };
        let lines = wrapped_len(&text, 20) as u64;
        let before = lines_wrapped();
        let first = wraps.starts(&a, key, &text);
        assert_eq!(lines_wrapped() - before, lines);
        assert_eq!(first.len() as u64, lines);
        let again = wraps.starts(&a, key, &text);
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(
            lines_wrapped() - before,
            lines,
            "the second ask wraps nothing"
        );
        // Another width, another agenda: wrapped again.
        let narrow = wraps.starts(&a, Key { width: 10, ..key }, &text);
        assert_ne!(narrow.len(), first.len());
        let other = wraps.starts(&b, key, &text);
        assert!(!Arc::ptr_eq(&first, &other));
        assert_eq!(lines_wrapped() - before, 2 * lines + narrow.len() as u64);
    }
}
