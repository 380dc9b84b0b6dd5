//! Why a store operation failed, told so the user knows which file and what to do.

use std::io;
use std::path::{Path, PathBuf};

use benchlog_domain::certificate::ContentHash;

/// Why a file could not be brought into the store. Nothing was stored.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The path names nothing (any more).
    #[error("{} was not found; it may have been moved or deleted", name(.0))]
    NotFound(PathBuf),
    /// The path names a folder or a device, not a file.
    #[error("{} is not a file", name(.0))]
    NotAFile(PathBuf),
    /// The file exists but cannot be read.
    #[error("{} cannot be read: {source}", name(path))]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The file is over the size limit.
    #[error(
        "{} is larger than the {} MB limit for certificates (Settings)",
        name(path), megabytes(*max_bytes)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit.
        max_bytes: u64,
    },
    /// The store itself could not be written (disk full, permissions).
    #[error("the certificate store could not be written: {0}")]
    Store(io::Error),
}

impl ImportError {
    pub(crate) fn open(path: &Path, source: io::Error) -> Self {
        match source.kind() {
            io::ErrorKind::NotFound => Self::NotFound(path.to_owned()),
            _ => Self::read(path, source),
        }
    }

    pub(crate) fn read(path: &Path, source: io::Error) -> Self {
        Self::Unreadable {
            path: path.to_owned(),
            source,
        }
    }
}

/// Why a stored file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is gone from the store.
    #[error("the stored file {0} is missing")]
    Missing(ContentHash),
    /// The content does not hash to what it should.
    #[error("the content hashes to {found}, not {expected}")]
    Mismatch {
        /// The hash it should have.
        expected: ContentHash,
        /// The hash it has.
        found: ContentHash,
    },
    /// Reading or writing failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// The file's name as the user knows it, quoted.
fn name(path: &Path) -> String {
    let name = path.file_name().unwrap_or(path.as_os_str());
    format!("“{}”", name.to_string_lossy())
}

fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / 1_000_000.0;
    if mb.fract() == 0.0 {
        format!("{mb:.0}")
    } else {
        format!("{mb:.1}")
    }
}
