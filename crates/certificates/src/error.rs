//! Why a certificate operation failed, and how the user is told.

use benchlog_domain::error::{ApiError, FieldError};
use benchlog_file_store::{ImportError, StoreError};

/// Why a certificate operation failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Some chosen files could not be stored; nothing was attached.
    #[error("{} file(s) could not be attached", .0.len())]
    Import(Vec<ImportError>),
    /// A stored file is missing or damaged.
    #[error(transparent)]
    File(#[from] StoreError),
    /// The file is not a document or image, so it is not opened (it could be a program).
    #[error("{0} is not a document or image Benchlog opens")]
    NotViewable(String),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] benchlog_storage::Error),
}

/// The form field attach errors are shown under.
pub const CERTIFICATES_FIELD: &str = "certificates";

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        match error {
            Error::Import(errors) => ApiError::Validation {
                errors: errors
                    .iter()
                    .map(|error| FieldError {
                        field: CERTIFICATES_FIELD.to_owned(),
                        message: capitalised(&error.to_string()),
                    })
                    .collect(),
            },
            Error::File(StoreError::Missing(_)) => ApiError::Storage {
                message: "This certificate's file is missing from the data folder. Run \
                          Tools › Check certificate files; with the S3 mirror on, Benchlog \
                          restores it from there"
                    .to_owned(),
            },
            Error::File(StoreError::Mismatch { .. }) => ApiError::Storage {
                message: "This certificate's file is damaged: its content changed after it \
                          was attached. Run Tools › Check certificate files; with the S3 \
                          mirror on, Benchlog restores it from there"
                    .to_owned(),
            },
            Error::File(StoreError::Io(error)) => ApiError::Storage {
                message: format!("The certificate could not be copied: {error}"),
            },
            Error::NotViewable(file_name) => ApiError::Conflict {
                field: None,
                message: format!(
                    "Benchlog opens documents and images only, not “{file_name}”, which could \
                     run as a program. Use “Save a copy…” to get the file"
                ),
            },
            Error::Storage(error) => error.into(),
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
