//! Attaching, listing, checking and handing out certificates on this workstation.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use benchlog_domain::certificate::{
    Certificate, CertificateRef, IntegrityProblem, IntegrityReport, LocalState,
};
use benchlog_domain::record::RecordId;
use benchlog_file_store::{FileStore, StoreError};
use benchlog_storage::{Attachment, Store};

use crate::error::Error;

/// One megabyte, as the size limit counts it.
const MEGABYTE: u64 = 1_000_000;

/// The certificates of this workstation: files in the store, facts in the database.
#[derive(Debug, Clone)]
pub struct Certificates {
    store: Arc<Store>,
    files: FileStore,
}

impl Certificates {
    /// Works on the database `store` and the certificate files in `files`.
    pub fn new(store: Arc<Store>, files: FileStore) -> Self {
        Self { store, files }
    }

    /// The database.
    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    /// The file store.
    pub fn files(&self) -> &FileStore {
        &self.files
    }

    /// Copies the files at `paths` into the store and attaches them to the record, in one
    /// transaction, returning their attachments. If any file cannot be stored, none is
    /// attached and every failing file is reported.
    pub fn attach(
        &self,
        record_id: RecordId,
        paths: &[PathBuf],
    ) -> Result<Vec<Certificate>, Error> {
        if !self.store.record_exists(record_id)? {
            return Err(benchlog_storage::Error::RecordNotFound(record_id).into());
        }
        let max_bytes = u64::from(self.store.settings()?.max_certificate_mb) * MEGABYTE;
        // Every file is looked at before any is copied, so one bad file stores nothing.
        let failures: Vec<_> = paths
            .iter()
            .filter_map(|path| FileStore::check_source(path, max_bytes).err())
            .collect();
        if !failures.is_empty() {
            return Err(Error::Import(failures));
        }
        let mut attachments = Vec::new();
        let mut failures = Vec::new();
        for path in paths {
            match self.files.import(path, max_bytes) {
                Ok(stored) => attachments.push(Attachment {
                    hash: stored.hash,
                    size_bytes: stored.size_bytes,
                    file_name: display_name(path),
                    media_type: media_type(path),
                }),
                Err(error) => failures.push(error),
            }
        }
        if !failures.is_empty() {
            // A file changed or failed to read after the check above. Files already copied
            // stay in the store unattached: content-addressed, they are reused when the
            // user attaches them again.
            return Err(Error::Import(failures));
        }
        if attachments.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self.store.attach_certificates(record_id, &attachments)?)
    }

    /// A record's certificates, in the order they were attached.
    pub fn list(&self, record_id: RecordId) -> Result<Vec<Certificate>, Error> {
        Ok(self.store.list_certificates(record_id)?)
    }

    /// A read-only copy of the certificate under its own name, for a viewer. Only
    /// attached certificates can be opened, and only whole ones.
    pub fn viewable_copy(&self, reference: &CertificateRef) -> Result<PathBuf, Error> {
        let certificate = self.store.get_certificate(reference)?;
        if !is_viewable(&certificate.file_name) {
            return Err(Error::NotViewable(certificate.file_name));
        }
        let copy = self
            .files
            .viewable_copy(&reference.hash, &certificate.file_name);
        self.noting_damage(reference, copy)
    }

    /// Saves a verified copy of the certificate at `destination`.
    pub fn export(&self, reference: &CertificateRef, destination: &Path) -> Result<(), Error> {
        self.store.get_certificate(reference)?;
        let export = self.files.export(&reference.hash, destination);
        self.noting_damage(reference, export)
    }

    /// Re-hashes every stored file, records what it found, and reports the missing and
    /// damaged ones. Damaged files the mirror holds are queued for restoring.
    pub fn check(&self) -> Result<IntegrityReport, Error> {
        let files = self.store.stored_files()?;
        let mut problems = Vec::new();
        for file in &files {
            // A file that cannot be read is as good as damaged, and the rest still count.
            let state = self.files.check(&file.hash).unwrap_or_else(|error| {
                eprintln!("benchlog: checking {}: {error}", file.hash);
                LocalState::Corrupt
            });
            self.store.set_local_state(&file.hash, state)?;
            if state != LocalState::Present {
                problems.push(IntegrityProblem {
                    hash: file.hash.clone(),
                    file_name: file.file_name.clone(),
                    state,
                    in_mirror: file.mirrored,
                });
            }
        }
        Ok(IntegrityReport {
            checked: files.len() as u64,
            problems,
            mirror_configured: self.store.settings()?.mirror.enabled,
        })
    }

    /// Looks (without re-hashing) for stored files that are gone, e.g. deleted while the
    /// app was closed or never copied to a replacement workstation, and records them so
    /// the mirror restores them. Returns how many are missing.
    pub fn note_missing_files(&self) -> Result<usize, Error> {
        let mut missing = 0;
        for file in self.store.stored_files()? {
            let gone = !self.files.path_of(&file.hash).exists();
            if gone && file.local == LocalState::Present {
                self.store
                    .set_local_state(&file.hash, LocalState::Missing)?;
            }
            missing += usize::from(gone);
        }
        Ok(missing)
    }

    /// Passes `outcome` on, first recording a missing or damaged file so the mirror can
    /// restore it.
    fn noting_damage<T>(
        &self,
        reference: &CertificateRef,
        outcome: Result<T, StoreError>,
    ) -> Result<T, Error> {
        let state = match &outcome {
            Err(StoreError::Missing(_)) => LocalState::Missing,
            Err(StoreError::Mismatch { .. }) => LocalState::Corrupt,
            _ => return Ok(outcome?),
        };
        self.store.set_local_state(&reference.hash, state)?;
        Ok(outcome?)
    }
}

/// Whether a file is a document or image the system's viewer may open. Anything else (a
/// program, a script, a shortcut) could run when "opened", so it is only exported.
fn is_viewable(file_name: &str) -> bool {
    const VIEWABLE: &[&str] = &[
        "pdf", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "txt", "csv", "odt",
        "ods", "doc", "docx", "xls", "xlsx", "rtf", "xml",
    ];
    Path::new(file_name)
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| VIEWABLE.contains(&extension.to_ascii_lowercase().as_str()))
}

/// The name a file is attached under: its own name, as text.
fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "certificate".to_owned())
}

fn media_type(path: &Path) -> String {
    mime_guess::from_path(path)
        .first_or_octet_stream()
        .essence_str()
        .to_owned()
}
