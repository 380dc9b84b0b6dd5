//! The state every command shares: the store, or why it could not be opened.

use std::path::{Path, PathBuf};

use benchlog_domain::error::ApiError;
use benchlog_storage::Store;

/// The store, or the reason it is unavailable. The window opens either way, so a user whose
/// database cannot be opened reads why in the app instead of seeing it vanish.
pub struct AppState {
    store: Result<Store, ApiError>,
}

impl AppState {
    /// File name of the database inside the data folder.
    pub const DATABASE_FILE: &str = "benchlog.sqlite3";

    /// Opens (creating if needed) the database in `data_dir`.
    pub fn open(data_dir: Result<PathBuf, String>) -> Self {
        let store = data_dir
            .map_err(|reason| ApiError::Storage {
                message: format!("Benchlog has no data folder: {reason}"),
            })
            .and_then(|dir| open_store(&dir));
        if let Err(error) = &store {
            eprintln!("benchlog: {error}");
        }
        Self { store }
    }

    /// The store, or the error that explains why there is none.
    pub fn store(&self) -> Result<&Store, ApiError> {
        self.store.as_ref().map_err(Clone::clone)
    }
}

fn open_store(dir: &Path) -> Result<Store, ApiError> {
    std::fs::create_dir_all(dir).map_err(|error| ApiError::Storage {
        message: format!(
            "Benchlog cannot create its data folder {}: {error}",
            dir.display()
        ),
    })?;
    let path = dir.join(AppState::DATABASE_FILE);
    Store::open(&path).map_err(|error| {
        eprintln!("benchlog: opening {}: {error:?}", path.display());
        match ApiError::from(error) {
            ApiError::Storage { message } => ApiError::Storage {
                message: format!("{message} ({})", path.display()),
            },
            other => other,
        }
    })
}
