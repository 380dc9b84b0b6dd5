//! The errors a command can return to the UI: structured, so a form can put each message
//! next to its field, and free of internal detail, so the UI never shows a raw Rust error.

use serde::{Deserialize, Serialize};

/// A message about one form field, keyed by the field's stable key (`"asset_tag"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's key, as in [`crate::equipment::EquipmentField::key`].
    pub field: String,
    /// What the user should fix, as a short sentence without a final period.
    pub message: String,
}

/// Why a command failed, in terms the user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ApiError {
    /// The input broke one or more rules; nothing was saved.
    #[error("Some fields need attention")]
    Validation {
        /// One entry per field that needs fixing.
        errors: Vec<FieldError>,
    },
    /// The record does not exist (any more).
    #[error("{what} was not found; it may have been deleted")]
    NotFound {
        /// What was looked for, as the user would name it ("This equipment").
        what: String,
    },
    /// The change clashes with other data, e.g. a duplicate asset tag or a stale edit.
    #[error("{message}")]
    Conflict {
        /// The field at fault, when there is one.
        field: Option<String>,
        /// What happened and what to do.
        message: String,
    },
    /// The database could not be read or written.
    #[error("{message}")]
    Storage {
        /// A user-facing description of the failure.
        message: String,
    },
    /// Anything else: the UI could not reach the core, or the core hit a bug.
    #[error("{message}")]
    Internal {
        /// A user-facing description of the failure.
        message: String,
    },
}

impl ApiError {
    /// The per-field messages this error carries (empty unless it is about fields).
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            ApiError::Validation { errors } => errors.clone(),
            ApiError::Conflict {
                field: Some(field),
                message,
            } => vec![FieldError {
                field: field.clone(),
                message: message.clone(),
            }],
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_with_a_kind_tag_and_round_trips() {
        let error = ApiError::Conflict {
            field: Some("asset_tag".into()),
            message: "Asset tag 0042 is already in use".into(),
        };
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["kind"], "conflict");
        assert_eq!(json["field"], "asset_tag");
        assert_eq!(
            serde_json::from_value::<ApiError>(json).unwrap(),
            error.clone()
        );
        assert_eq!(error.field_errors().len(), 1);
    }
}
