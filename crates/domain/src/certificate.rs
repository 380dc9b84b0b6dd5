//! Certificates: the files attached to calibration records as evidence, stored once per
//! content and named by their SHA-256, and how far each has got to the S3 mirror.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::record::RecordId;

/// The SHA-256 of a file's content, as 64 lowercase hex digits: the file's name in the
/// local store and its key in the mirror.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ContentHash(String);

impl ContentHash {
    /// The hash these 64 hex digits spell (either case), if they spell one.
    pub fn parse(hex: &str) -> Option<Self> {
        (hex.len() == 64 && hex.bytes().all(|byte| byte.is_ascii_hexdigit()))
            .then(|| Self(hex.to_ascii_lowercase()))
    }

    /// The hash of a digest's 32 bytes.
    pub fn from_bytes(bytes: &[u8; 32]) -> Self {
        Self(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
    }

    /// The digest's 32 bytes.
    pub fn to_bytes(&self) -> [u8; 32] {
        let digit = |byte: u8| match byte {
            b'0'..=b'9' => byte - b'0',
            _ => byte - b'a' + 10,
        };
        let hex = self.0.as_bytes();
        std::array::from_fn(|i| digit(hex[2 * i]) << 4 | digit(hex[2 * i + 1]))
    }

    /// The 64 lowercase hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ContentHash {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).ok_or_else(|| format!("{value:?} is not a SHA-256 in hex"))
    }
}

impl From<ContentHash> for String {
    fn from(hash: ContentHash) -> Self {
        hash.0
    }
}

/// A file attached to a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// Which certificate of which record.
    pub reference: CertificateRef,
    /// The file's name when it was attached.
    pub file_name: String,
    /// Its media type, guessed from the name ("application/pdf").
    pub media_type: String,
    /// Its size in bytes.
    pub size_bytes: u64,
    /// When it was attached (UTC).
    pub attached_at: DateTime<Utc>,
    /// Whether the local copy was whole when last checked.
    pub local: LocalState,
    /// How far it has got to the mirror.
    pub mirror: MirrorState,
}

/// Names one certificate of one record: the only way to open or export a stored file, so
/// no command ever reads a path the UI made up.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CertificateRef {
    /// The record it is attached to.
    pub record_id: RecordId,
    /// Its content.
    pub hash: ContentHash,
}

/// The local copy's health, as the last look at it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocalState {
    /// The file is in the store with the right content.
    Present,
    /// The file is gone from the store.
    Missing,
    /// The file's content no longer matches its hash.
    Corrupt,
}

/// Where a certificate stands with the S3 mirror.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum MirrorState {
    /// No mirror is set up: the file is only on this workstation.
    LocalOnly,
    /// Waiting for its turn or for a connection.
    Queued,
    /// Stored and verified in the mirror.
    Mirrored {
        /// When it was verified there (UTC).
        at: DateTime<Utc>,
    },
    /// The last attempt failed; it will be tried again.
    Failed {
        /// Why, in words the user can act on.
        reason: String,
    },
}

/// Files to attach to a record, e.g. dropped on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachFiles {
    /// The record to attach them to.
    pub record_id: RecordId,
    /// The files' paths on this workstation.
    pub paths: Vec<String>,
}

/// A saved copy of a certificate, or nothing when the user cancelled the dialog.
pub type ExportOutcome = Option<String>;

/// What a re-hash of every stored certificate found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrityReport {
    /// How many distinct files were checked.
    pub checked: u64,
    /// The files that are missing or damaged.
    pub problems: Vec<IntegrityProblem>,
    /// Whether the mirror is set up, so damaged files it holds will be restored.
    pub mirror_configured: bool,
}

/// One missing or damaged file, under one name it was attached with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrityProblem {
    /// The file's content hash.
    pub hash: ContentHash,
    /// One name it was attached under.
    pub file_name: String,
    /// What is wrong with it.
    pub state: LocalState,
    /// Whether the mirror has a verified copy to restore it from.
    pub in_mirror: bool,
}

/// The mirror as a whole, for the status bar and the settings page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MirrorStatus {
    /// Whether mirroring is on.
    pub enabled: bool,
    /// Where files go, as the user would write it ("s3://bucket/prefix/").
    pub destination: String,
    /// Files verified in the mirror.
    pub mirrored: u64,
    /// Files waiting to be uploaded or restored.
    pub queued: u64,
    /// Queued files whose last attempt failed.
    pub failed: u64,
    /// Files missing or damaged on this workstation.
    pub damaged_locally: u64,
    /// The most recent failure, when the last attempt failed.
    pub last_error: Option<String>,
    /// Whether a sync is running now.
    pub syncing: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hashes_are_64_hex_digits_kept_in_lowercase() {
        let upper = "AB".repeat(32);
        assert_eq!(
            ContentHash::parse(&upper).unwrap().as_str(),
            "ab".repeat(32)
        );
        assert!(ContentHash::parse(&"ab".repeat(31)).is_none());
        assert!(ContentHash::parse(&"zz".repeat(32)).is_none());
        assert_eq!(
            ContentHash::from_bytes(&[0xa5; 32]).as_str(),
            "a5".repeat(32)
        );
        let bytes: [u8; 32] = std::array::from_fn(|i| (i * 8) as u8);
        assert_eq!(ContentHash::from_bytes(&bytes).to_bytes(), bytes);
        assert!(serde_json::from_str::<ContentHash>("\"../etc/passwd\"").is_err());
    }

    #[test]
    fn mirror_states_serialise_with_a_state_tag() {
        let failed = MirrorState::Failed {
            reason: "The mirror refused the credentials".into(),
        };
        let json = serde_json::to_value(&failed).unwrap();
        assert_eq!(json["state"], "failed");
        assert_eq!(serde_json::from_value::<MirrorState>(json).unwrap(), failed);
    }
}
