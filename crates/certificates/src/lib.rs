//! Certificates as the app uses them: files attached to calibration records, kept in the
//! local [`FileStore`] and described in the [`Store`], checked for damage, exported, and
//! mirrored to S3 by a background worker.
//!
//! The order of every write is what keeps records and files consistent through a crash: a
//! file is whole in the store before any record points to it, and a file is verified in
//! the mirror before the queue forgets it.

mod error;
mod local;
pub mod mirror;

pub use crate::error::{CERTIFICATES_FIELD, Error};
pub use crate::local::Certificates;
pub use benchlog_file_store::{FileStore, safe_file_name};
pub use benchlog_storage::Store;
