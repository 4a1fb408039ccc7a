//! What dais remembers between runs: the running-late shift of each
//! agenda, in a small JSON file in the user's state directory.
//!
//! Written atomically (a temporary file renamed over the old one). A
//! corrupt or unreadable file is reported and ignored, never fatal.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The state file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    version: u32,
    agendas: BTreeMap<String, AgendaState>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct AgendaState {
    /// (session id, minutes): each step delays that session and the rest.
    shift: Vec<(String, i64)>,
}

impl Store {
    /// The state file in the user's state directory
    /// (`$XDG_STATE_HOME/dais/state.json` on Linux).
    pub fn default_location() -> Option<Store> {
        let dir = dirs::state_dir().or_else(dirs::data_local_dir)?;
        Some(Store::at(dir.join("dais").join("state.json")))
    }

    /// A state file at `path`.
    pub fn at(path: impl Into<PathBuf>) -> Store {
        Store { path: path.into() }
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read(&self) -> Result<File, String> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(File::default()),
            Err(e) => return Err(format!("cannot read {}: {e}", self.path.display())),
        };
        serde_json::from_str(&text).map_err(|e| {
            format!(
                "ignoring the state file {}: it is not valid ({e})",
                self.path.display()
            )
        })
    }

    /// The saved shift of the agenda `identity` (empty if none).
    pub fn shift(&self, identity: &str) -> Result<Vec<(String, i64)>, String> {
        Ok(self
            .read()?
            .agendas
            .remove(identity)
            .map(|a| a.shift)
            .unwrap_or_default())
    }

    /// Saves the shift of the agenda `identity`.
    pub fn save_shift(&self, identity: &str, shift: Vec<(String, i64)>) -> Result<(), String> {
        // A corrupt file was already reported when read; replace it.
        let mut file = self.read().unwrap_or_default();
        file.version = 1;
        if shift.is_empty() {
            file.agendas.remove(identity);
        } else {
            file.agendas
                .insert(identity.to_owned(), AgendaState { shift });
        }
        self.write(&file)
            .map_err(|e| format!("cannot save the shift to {}: {e}", self.path.display()))
    }

    fn write(&self, file: &File) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let tmp = dir.join(format!(".state.json.{}.tmp", std::process::id()));
        let mut f = std::fs::File::create(&tmp)?;
        let text = serde_json::to_string_pretty(file).map_err(std::io::Error::other)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, &self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::Store;

    #[test]
    fn shifts_round_trip_per_agenda() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("sub").join("state.json"));
        assert_eq!(store.shift("a").unwrap(), []);
        store.save_shift("a", vec![("panel-1".into(), 10)]).unwrap();
        store.save_shift("b", vec![("x".into(), -5)]).unwrap();
        assert_eq!(store.shift("a").unwrap(), [("panel-1".to_owned(), 10)]);
        assert_eq!(store.shift("b").unwrap(), [("x".to_owned(), -5)]);
        store.save_shift("a", vec![]).unwrap();
        assert_eq!(store.shift("a").unwrap(), []);
    }

    #[test]
    fn a_corrupt_file_is_reported_then_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, "{ not json").unwrap();
        let store = Store::at(&path);
        let err = store.shift("a").unwrap_err();
        assert!(
            err.contains("state.json") && err.contains("not valid"),
            "{err}"
        );
        store.save_shift("a", vec![("s".into(), 5)]).unwrap();
        assert_eq!(store.shift("a").unwrap(), [("s".to_owned(), 5)]);
    }
}
