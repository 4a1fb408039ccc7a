//! The reminder settings: `remind_minutes` and `notify`.

use crate::alert::Mode;
use crate::remind::{DEFAULT_MINUTES, MAX_MINUTES};
use toml::Spanned;

/// How dais reminds a person of a starred session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alerts {
    /// Minutes before a starred session starts (0: no reminders).
    pub remind_minutes: u32,
    /// Bell and desktop notification, bell only, or neither.
    pub notify: Mode,
}

impl Default for Alerts {
    fn default() -> Self {
        Alerts {
            remind_minutes: DEFAULT_MINUTES,
            notify: Mode::Auto,
        }
    }
}

/// Reads the two settings; a bad value is a problem naming its place, and
/// keeps the default.
pub(super) fn read(
    minutes: Option<&Spanned<i64>>,
    notify: Option<&Spanned<String>>,
    at: &dyn Fn(std::ops::Range<usize>) -> String,
    problems: &mut Vec<String>,
) -> Alerts {
    let mut alerts = Alerts::default();
    if let Some(m) = minutes {
        match u32::try_from(*m.get_ref()) {
            Ok(v) if v <= MAX_MINUTES => alerts.remind_minutes = v,
            _ => problems.push(format!(
                "{}: remind_minutes: {} is not a number of minutes from 0 to {MAX_MINUTES}; using {DEFAULT_MINUTES}",
                at(m.span()),
                m.get_ref()
            )),
        }
    }
    if let Some(n) = notify {
        match Mode::from_name(n.get_ref()) {
            Some(mode) => alerts.notify = mode,
            None => problems.push(format!(
                "{}: notify: unknown value {}; expected one of {}; using auto",
                at(n.span()),
                crate::load::quote(n.get_ref()),
                Mode::NAMES.join(", ")
            )),
        }
    }
    alerts
}
