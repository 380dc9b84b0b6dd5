//! Where Benchlog keeps its data: the OS's per-user app-data folder, or the folder named by
//! `BENCHLOG_DATA_DIR` (tests and portable installs use it).

use std::path::PathBuf;

/// The environment variable that overrides the data folder.
const DATA_DIR_VARIABLE: &str = "BENCHLOG_DATA_DIR";

/// The data folder: the override if set and not empty, else the OS's folder as Tauri
/// resolved it; `None` (with the reason logged) when neither is known.
pub(crate) fn resolve(os_folder: tauri::Result<PathBuf>) -> Option<PathBuf> {
    match std::env::var_os(DATA_DIR_VARIABLE) {
        Some(folder) if !folder.is_empty() => Some(PathBuf::from(folder)),
        _ => os_folder
            .inspect_err(|error| eprintln!("benchlog: no app-data folder: {error}"))
            .ok(),
    }
}
