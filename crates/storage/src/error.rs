//! Storage errors, and how each is told to the user.

use benchlog_domain::equipment::{EquipmentField, EquipmentId};
use benchlog_domain::error::{ApiError, FieldError};
use benchlog_domain::plan::PlanId;
use benchlog_domain::record::RecordId;
use rusqlite::ErrorCode;

/// Why a storage call failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input broke the domain rules; nothing was written.
    #[error("the input breaks {} rule(s)", .0.len())]
    Invalid(Vec<FieldError>),
    /// No item has this id.
    #[error("equipment {0} does not exist")]
    EquipmentNotFound(EquipmentId),
    /// Another item already has this asset tag (ignoring ASCII case).
    #[error("asset tag {0:?} is already in use")]
    DuplicateAssetTag(String),
    /// No calibration record has this id.
    #[error("calibration record {0} does not exist")]
    RecordNotFound(RecordId),
    /// The record has no such certificate.
    #[error("the record has no such certificate")]
    CertificateNotFound,
    /// No plan has this id.
    #[error("plan {0} does not exist")]
    PlanNotFound(PlanId),
    /// The item has plans or records, so it cannot be deleted.
    #[error("equipment {0} has plans or records")]
    EquipmentInUse(EquipmentId),
    /// The record or plan changed after the revision the update started from.
    #[error("the {what} changed after revision {revision}")]
    StaleRevision {
        /// What changed, as the user would name it ("item", "plan").
        what: &'static str,
        /// The revision the update named.
        revision: u32,
    },
    /// The file's schema is newer than this build knows.
    #[error("the database has schema version {found}; this build knows up to {supported}")]
    NewerSchema {
        /// The file's schema version.
        found: i64,
        /// The newest version this build knows.
        supported: usize,
    },
    /// The file is an SQLite database of some other program.
    #[error("the file is not a Benchlog database")]
    ForeignDatabase,
    /// A migration failed and was rolled back.
    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// SQLite failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// The storage crate's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        let storage = |message: &str| ApiError::Storage {
            message: message.to_owned(),
        };
        match error {
            Error::Invalid(errors) => ApiError::Validation { errors },
            Error::EquipmentNotFound(_) => ApiError::NotFound {
                what: "This equipment".to_owned(),
            },
            Error::DuplicateAssetTag(tag) => ApiError::Conflict {
                field: Some(EquipmentField::AssetTag.key().to_owned()),
                message: format!("Asset tag {tag} is already used by another item"),
            },
            Error::RecordNotFound(_) => ApiError::NotFound {
                what: "This calibration record".to_owned(),
            },
            Error::CertificateNotFound => ApiError::NotFound {
                what: "This certificate".to_owned(),
            },
            Error::PlanNotFound(_) => ApiError::NotFound {
                what: "This plan".to_owned(),
            },
            Error::EquipmentInUse(_) => ApiError::Conflict {
                field: None,
                message: "This item has calibration plans or records, so it cannot be \
                          deleted. Retire it instead: its history stays for audits"
                    .to_owned(),
            },
            Error::StaleRevision { what, .. } => ApiError::Conflict {
                field: None,
                message: format!(
                    "This {what} was changed elsewhere after you opened it. Reopen it to see \
                     the latest version, then make your change again"
                ),
            },
            Error::NewerSchema { found, supported } => ApiError::Storage {
                message: format!(
                    "This database was written by a newer version of Benchlog (schema \
                     {found}; this version knows up to {supported}). Install the newer \
                     Benchlog to open it. The file was left untouched"
                ),
            },
            Error::ForeignDatabase => storage(
                "The database file belongs to another program, not Benchlog. It was left \
                 untouched: move it elsewhere, or set BENCHLOG_DATA_DIR to another folder",
            ),
            Error::Migration(_) => storage(
                "Benchlog could not upgrade its database. Nothing was changed; please \
                 report this problem",
            ),
            Error::Sqlite(error) => storage(match error.sqlite_error_code() {
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                    "The database is busy: another program is using it. Try again in a moment"
                }
                Some(ErrorCode::DiskFull) => "The disk is full. Free some space and try again",
                Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                    "Benchlog cannot write to its data folder. Check that it exists and is writable"
                }
                Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                    "The database file is damaged or is not a Benchlog database. It was left \
                     untouched; restore it from a backup"
                }
                _ => "The database could not be read or written",
            }),
        }
    }
}
