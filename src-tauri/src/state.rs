//! The state every command shares: the store, or why it could not be opened.

use std::path::Path;
use std::sync::Arc;

use benchlog_domain::error::ApiError;
use benchlog_storage::Store;

/// The store, or the reason it is unavailable. The window opens either way, so a user whose
/// database cannot be opened reads why in the app instead of seeing it vanish.
pub struct AppState {
    store: Result<Arc<Store>, ApiError>,
}

impl AppState {
    /// File name of the database inside the data folder.
    pub const DATABASE_FILE: &str = "benchlog.sqlite3";

    /// Opens (creating if needed) the database in the data folder `dir`.
    pub fn open(dir: &Path) -> Self {
        Self {
            store: open_store(dir).map(Arc::new),
        }
    }

    /// A state without a store, whose commands all fail with `message`.
    pub fn unavailable(message: &str) -> Self {
        Self {
            store: Err(ApiError::Storage {
                message: message.to_owned(),
            }),
        }
    }

    /// The store, or the error that explains why there is none.
    pub fn store(&self) -> Result<Arc<Store>, ApiError> {
        self.store.clone()
    }
}

/// Opens the store, logging the detail of a failure and returning what the user reads.
fn open_store(dir: &Path) -> Result<Store, ApiError> {
    if let Err(error) = std::fs::create_dir_all(dir) {
        eprintln!("benchlog: creating {}: {error}", dir.display());
        return Err(ApiError::Storage {
            message: format!(
                "Benchlog cannot create its data folder {}. Check that it can be created and \
                 written to",
                dir.display()
            ),
        });
    }
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
