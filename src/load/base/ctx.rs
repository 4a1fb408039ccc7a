//! What every reader shares: the problems found so far, and typed access
//! to lax fields that reports a wrong type or a missing key at its path.

use super::lax::{Field, Lax, Mismatch};
use super::limits::Limits;
use super::problem::{Capped, Path, Problem, quote};
use super::times;
use crate::agenda::Agenda;
use crate::sanitize::{Lines, clean, clean_owned};
use chrono::NaiveDate;

/// The result of validation: the agenda if there were no errors.
pub struct Outcome {
    /// The model, when `errors` is empty.
    pub agenda: Option<Agenda>,
    /// Problems that make the file invalid.
    pub errors: Capped,
    /// Problems worth saying that do not stop the file loading.
    pub warnings: Capped,
    /// The paths of objects that could not be read past a key given twice
    /// (or another fault inside them). Unknown keys found in them before
    /// the fault are not worth reporting.
    pub skipped: Vec<String>,
    /// How the agenda's zone was chosen when the file did not name it (also
    /// among `warnings`): said wherever the agenda is shown.
    pub zone: Option<Problem>,
}

/// Collects problems as a reader walks the document.
pub(crate) struct Ctx<'l> {
    /// Problems that make the file invalid.
    pub errors: Capped,
    /// Problems worth saying that do not stop the file loading.
    pub warnings: Capped,
    /// The paths of objects that could not be read (see [`Outcome`]).
    pub skipped: Vec<String>,
    /// The bounds in force.
    pub limits: &'l Limits,
    /// See [`Outcome::zone`].
    pub zone: Option<Problem>,
}

impl<'l> Ctx<'l> {
    /// A context with no problems yet, listing at most
    /// `limits.max_problems` errors and as many warnings.
    pub fn new(limits: &'l Limits) -> Self {
        Ctx {
            errors: Capped::new(limits.max_problems),
            warnings: Capped::new(limits.max_problems),
            skipped: Vec::new(),
            limits,
            zone: None,
        }
    }

    /// Finishes with the agenda, which is dropped if there were errors.
    pub fn outcome(self, agenda: Option<Agenda>) -> Outcome {
        Outcome {
            agenda: agenda.filter(|_| self.errors.is_empty()),
            errors: self.errors,
            warnings: self.warnings,
            skipped: self.skipped,
            zone: self.zone,
        }
    }

    /// Records an error at `path`.
    pub fn err(&mut self, path: Path<'_>, msg: impl Into<String>) {
        self.errors.push(Problem::at(path, msg));
    }

    /// Records the warning that says how the agenda's zone was chosen.
    pub fn zone_warn(&mut self, p: Problem) {
        self.warnings.push(p.clone());
        self.zone = Some(p);
    }

    /// Records a warning at `path`.
    pub fn warn(&mut self, path: Path<'_>, msg: impl Into<String>) {
        self.warnings.push(Problem::at(path, msg));
    }

    /// A field's value, reporting it missing (when required) or mistyped.
    pub fn get<'r, T>(
        &mut self,
        obj: Path<'_>,
        key: &str,
        field: Option<&'r Lax<T>>,
        need: bool,
        what: &str,
    ) -> Option<&'r T> {
        match field {
            None => self.absent(obj, key, need, what),
            Some(v) => self.lax(obj.key(key), v, what),
        }
    }

    /// A field that is not there: an error when it is required.
    fn absent<T>(&mut self, obj: Path<'_>, key: &str, need: bool, what: &str) -> Option<T> {
        if need {
            self.err(
                obj.key(key),
                format!("missing required key; expected {what}"),
            );
        }
        None
    }

    /// A lax value's content, reporting a wrong type (or a duplicate key
    /// inside it) as an error, and noting the path of an object that was
    /// cut short as skipped.
    pub fn lax<'r, T>(&mut self, path: Path<'_>, v: &'r Lax<T>, what: &str) -> Option<&'r T> {
        match v {
            Lax::Ok(v) => Some(v),
            Lax::Wrong(wrong) => {
                self.wrong(path, wrong, what);
                None
            }
        }
    }

    /// [`Ctx::get`] for a field the caller may change: a list to drain, say,
    /// which leaves its buffer behind to be freed with the rest of the raw
    /// form.
    pub fn get_mut<'r, T>(
        &mut self,
        obj: Path<'_>,
        key: &str,
        field: &'r mut Field<T>,
        need: bool,
        what: &str,
    ) -> Option<&'r mut T> {
        match field {
            None => self.absent(obj, key, need, what),
            Some(v) => self.lax_mut(obj.key(key), v, what),
        }
    }

    /// [`Ctx::lax`] for a value the caller may change.
    pub fn lax_mut<'r, T>(
        &mut self,
        path: Path<'_>,
        v: &'r mut Lax<T>,
        what: &str,
    ) -> Option<&'r mut T> {
        match v {
            Lax::Ok(v) => Some(v),
            Lax::Wrong(wrong) => {
                self.wrong(path, wrong, what);
                None
            }
        }
    }

    /// [`Ctx::get`] for a field the caller owns: its value, moved out.
    pub fn take<T>(
        &mut self,
        obj: Path<'_>,
        key: &str,
        field: Field<T>,
        need: bool,
        what: &str,
    ) -> Option<T> {
        match field {
            None => self.absent(obj, key, need, what),
            Some(v) => self.take_lax(obj.key(key), v, what),
        }
    }

    /// [`Ctx::lax`] for a value the caller owns: its content, moved out.
    pub fn take_lax<T>(&mut self, path: Path<'_>, v: Lax<T>, what: &str) -> Option<T> {
        match v {
            Lax::Ok(v) => Some(v),
            Lax::Wrong(wrong) => {
                self.wrong(path, &wrong, what);
                None
            }
        }
    }

    /// Reports a value that could not be read, and skips what is inside.
    fn wrong(&mut self, path: Path<'_>, wrong: &Mismatch, what: &str) {
        match wrong {
            Mismatch::Found(found) => {
                // Refused before anything inside was read, and skipped
                // without reporting its keys: nothing to note.
                self.err(path, format!("expected {what}, found {found}"));
                return;
            }
            Mismatch::DuplicateKey(key) => self.err(
                path.key(key),
                "this key appears more than once in the object; give it once",
            ),
            Mismatch::Other(msg) => self.err(path, clean(msg, Lines::Single)),
        }
        self.skipped.push(path.to_string());
    }

    /// A string field, sanitized and bounded.
    pub fn text(
        &mut self,
        obj: Path<'_>,
        key: &str,
        field: Option<&Lax<String>>,
        need: bool,
        lines: Lines,
    ) -> Option<String> {
        let s = self.get(obj, key, field, need, "a string")?;
        if need && s.trim().is_empty() {
            self.warn(obj.key(key), "is empty");
        }
        self.bounded(obj.key(key), s, lines)
    }

    /// The string sanitized, or an error if it is over the length limit.
    pub fn bounded(&mut self, path: Path<'_>, s: &str, lines: Lines) -> Option<String> {
        self.within_limit(path, s.len()).then(|| clean(s, lines))
    }

    /// Whether a string of `len` bytes is within the length limit; reports
    /// it when it is not.
    fn within_limit(&mut self, path: Path<'_>, len: usize) -> bool {
        let max = self.limits.max_string;
        if len > max {
            self.err(
                path,
                format!("string of {len} bytes is longer than the limit of {max}"),
            );
        }
        len <= max
    }

    /// [`Ctx::text`] for a field the caller owns: the string is kept, not
    /// copied, when it needs no cleaning.
    pub fn take_text(
        &mut self,
        obj: Path<'_>,
        key: &str,
        field: Field<String>,
        need: bool,
        lines: Lines,
    ) -> Option<String> {
        let s = self.take(obj, key, field, need, "a string")?;
        if need && s.trim().is_empty() {
            self.warn(obj.key(key), "is empty");
        }
        self.take_bounded(obj.key(key), s, lines)
    }

    /// [`Ctx::bounded`] for a string the caller owns.
    pub fn take_bounded(&mut self, path: Path<'_>, s: String, lines: Lines) -> Option<String> {
        self.within_limit(path, s.len())
            .then(|| clean_owned(s, lines))
    }

    /// An array of at most `max` strings (`what` they are), each sanitized;
    /// the strings are moved out, not copied, when they need no cleaning.
    pub fn take_texts(
        &mut self,
        obj: Path<'_>,
        key: &str,
        field: &mut Field<Vec<Lax<String>>>,
        need: bool,
        lines: Lines,
        (max, what): (usize, &str),
    ) -> Vec<String> {
        let Some(items) = self.get_mut(obj, key, field, need, "an array of strings") else {
            return Vec::new();
        };
        let here = obj.key(key);
        if !self.count(here, items.len(), max, what) {
            return Vec::new();
        }
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.drain(..).enumerate() {
            if let Some(s) = self.take_lax(here.index(i), v, "a string") {
                out.extend(self.take_bounded(here.index(i), s, lines));
            }
        }
        out
    }

    /// Whether `n` items are within `max`, reporting an error if not.
    pub fn count(&mut self, path: Path<'_>, n: usize, max: usize, what: &str) -> bool {
        if n > max {
            self.err(path, format!("{n} {what}, more than the limit of {max}"));
            return false;
        }
        true
    }

    /// A `YYYY-MM-DD` field.
    pub fn date(
        &mut self,
        obj: Path<'_>,
        key: &str,
        field: Option<&Lax<impl AsRef<str>>>,
        need: bool,
    ) -> Option<NaiveDate> {
        let s = self.get(obj, key, field, need, "a date \"YYYY-MM-DD\"")?;
        let s = s.as_ref();
        let date = times::parse_date(s);
        if date.is_none() {
            self.err(
                obj.key(key),
                format!(
                    "{} is not a valid date; expected \"YYYY-MM-DD\", e.g. \"2017-06-23\"",
                    quote(s)
                ),
            );
        }
        date
    }
}
