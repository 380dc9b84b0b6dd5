//! The state every command shares: the open data folder, or why it could not be opened.

use std::path::Path;
use std::sync::Arc;

use benchlog_certificates::mirror::{CredentialSource, Mirror};
use benchlog_certificates::{Certificates, FileStore};
use benchlog_domain::error::ApiError;
use benchlog_storage::Store;

use crate::drops::DroppedFiles;

/// What the commands work on: the database and the certificate files of the data folder.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The database.
    pub store: Arc<Store>,
    /// The certificates, over the same database and the folder of certificate files.
    pub certificates: Certificates,
    /// The S3 mirror of the certificates.
    pub mirror: Arc<Mirror>,
}

/// The workspace, or the reason it is unavailable. The window opens either way, so a user
/// whose database cannot be opened reads why in the app instead of seeing it vanish.
pub struct AppState {
    workspace: Result<Workspace, ApiError>,
    dropped: DroppedFiles,
}

impl AppState {
    /// File name of the database inside the data folder.
    pub const DATABASE_FILE: &str = "benchlog.sqlite3";
    /// Folder of certificate files inside the data folder.
    pub const CERTIFICATES_FOLDER: &str = "certificates";

    /// Opens (creating if needed) the database and certificate store in the data folder
    /// `dir`.
    pub fn open(dir: &Path) -> Self {
        Self {
            workspace: open_workspace(dir),
            dropped: DroppedFiles::default(),
        }
    }

    /// A state without a workspace, whose commands all fail with `message`.
    pub fn unavailable(message: &str) -> Self {
        Self {
            workspace: Err(ApiError::Storage {
                message: message.to_owned(),
            }),
            dropped: DroppedFiles::default(),
        }
    }

    /// The files recently dropped on the window, the only ones `attach_certificates` takes.
    pub fn dropped(&self) -> &DroppedFiles {
        &self.dropped
    }

    /// The workspace, or the error that explains why there is none.
    pub fn workspace(&self) -> Result<Workspace, ApiError> {
        self.workspace.clone()
    }
}

fn open_workspace(dir: &Path) -> Result<Workspace, ApiError> {
    let folder_error = |path: &Path, error: std::io::Error| {
        eprintln!("benchlog: creating {}: {error}", path.display());
        ApiError::Storage {
            message: format!(
                "Benchlog cannot create its data folder {}. Check that it can be created and \
                 written to",
                path.display()
            ),
        }
    };
    std::fs::create_dir_all(dir).map_err(|error| folder_error(dir, error))?;
    let store = Arc::new(open_store(dir)?);
    let files_dir = dir.join(AppState::CERTIFICATES_FOLDER);
    let files = FileStore::open(&files_dir).map_err(|error| folder_error(&files_dir, error))?;
    let certificates = Certificates::new(store.clone(), files);
    Ok(Workspace {
        mirror: Arc::new(Mirror::new(
            certificates.clone(),
            CredentialSource::StandardChain,
        )),
        certificates,
        store,
    })
}

/// Opens the store, logging the detail of a failure and returning what the user reads.
fn open_store(dir: &Path) -> Result<Store, ApiError> {
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
