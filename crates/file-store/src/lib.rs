//! The certificate store on disk: every file is kept once, named by the SHA-256 of its
//! content, in a folder of the app's data folder. No database and no Tauri here.
//!
//! Every write goes to a temporary file in the store's own `.incoming` folder, is flushed
//! to disk, and is then renamed into place, so a crash leaves either the whole file or none
//! of it. Files stream through a fixed buffer: a 200 MB certificate costs no more memory
//! than a 2 kB one.

mod copy;
mod error;

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use benchlog_domain::certificate::{ContentHash, LocalState};
use tempfile::NamedTempFile;

pub use crate::copy::Copied;
pub use crate::error::{ImportError, StoreError};

/// The folder inside the store that holds files being written.
const INCOMING: &str = ".incoming";
/// The folder inside the store that holds copies handed to viewers.
const VIEWING: &str = ".viewing";
/// Temporary files older than this are left over from a crash and are removed on opening.
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// The store: one folder of files named by their content's hash.
#[derive(Debug, Clone)]
pub struct FileStore {
    root: PathBuf,
}

/// A file now in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    /// Its content's hash, which is also its name.
    pub hash: ContentHash,
    /// Its size in bytes.
    pub size_bytes: u64,
}

impl FileStore {
    /// Opens (creating if needed) the store in `root`, removing temporary files a crash
    /// left behind and the copies handed to viewers last time. Tidying is best effort: what
    /// cannot be removed now is tried again at the next start.
    pub fn open(root: &Path) -> io::Result<Self> {
        let store = Self {
            root: root.to_owned(),
        };
        fs::create_dir_all(store.incoming())?;
        for entry in fs::read_dir(store.incoming())?.flatten() {
            let stale = entry
                .metadata()
                .and_then(|metadata| metadata.modified())
                .is_ok_and(|modified| modified.elapsed().is_ok_and(|age| age > STALE_AFTER));
            if stale {
                let _ = remove_anything(&entry.path());
            }
        }
        let _ = remove_anything(&root.join(VIEWING));
        Ok(store)
    }

    /// Where the file with this hash lives: `root/ab/ab12…`, fanned out so no folder
    /// holds more than a few hundred files per 100,000.
    pub fn path_of(&self, hash: &ContentHash) -> PathBuf {
        self.root.join(&hash.as_str()[..2]).join(hash.as_str())
    }

    /// Copies the file at `source` into the store, refusing one larger than `max_bytes`.
    /// A file already in the store is kept once.
    pub fn import(&self, source: &Path, max_bytes: u64) -> Result<StoredFile, ImportError> {
        let file = Self::open_source(source, max_bytes)?;
        let mut temp = self.temp_file().map_err(ImportError::Store)?;
        // The limit is enforced while copying too: the file may grow after the check.
        let copied = copy::hashing(file.take(max_bytes + 1), temp.as_file_mut())
            .map_err(|error| ImportError::read(source, error))?;
        if copied.size_bytes > max_bytes {
            return Err(ImportError::TooLarge {
                path: source.to_owned(),
                max_bytes,
            });
        }
        self.commit(temp, &copied.hash)
            .map_err(ImportError::Store)?;
        Ok(StoredFile {
            hash: copied.hash,
            size_bytes: copied.size_bytes,
        })
    }

    /// Checks, without copying anything, that `source` is a readable file within
    /// `max_bytes`, so a batch with one bad file can be refused before any is stored.
    pub fn check_source(source: &Path, max_bytes: u64) -> Result<(), ImportError> {
        Self::open_source(source, max_bytes).map(drop)
    }

    fn open_source(source: &Path, max_bytes: u64) -> Result<File, ImportError> {
        let metadata = fs::metadata(source).map_err(|error| ImportError::open(source, error))?;
        if !metadata.is_file() {
            return Err(ImportError::NotAFile(source.to_owned()));
        }
        if metadata.len() > max_bytes {
            return Err(ImportError::TooLarge {
                path: source.to_owned(),
                max_bytes,
            });
        }
        File::open(source).map_err(|error| ImportError::open(source, error))
    }

    /// Writes a file whose content must hash to `expected` (a copy fetched from the
    /// mirror), refusing content that does not.
    pub fn restore(&self, expected: &ContentHash, content: impl Read) -> Result<u64, StoreError> {
        let mut temp = self.temp_file()?;
        let copied = copy::hashing(content, temp.as_file_mut())?;
        if &copied.hash != expected {
            return Err(StoreError::Mismatch {
                expected: expected.clone(),
                found: copied.hash,
            });
        }
        self.commit(temp, expected)?;
        Ok(copied.size_bytes)
    }

    /// Re-hashes the stored file and tells whether it is whole.
    pub fn check(&self, hash: &ContentHash) -> io::Result<LocalState> {
        let file = match File::open(self.path_of(hash)) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Ok(LocalState::Missing);
            }
            Err(error) => return Err(error),
        };
        let copied = copy::hashing(file, &mut io::sink())?;
        Ok(if &copied.hash == hash {
            LocalState::Present
        } else {
            LocalState::Corrupt
        })
    }

    /// Opens the stored file for reading, e.g. to upload it.
    pub fn read(&self, hash: &ContentHash) -> io::Result<File> {
        File::open(self.path_of(hash))
    }

    /// Copies the stored file to `destination` (replacing it atomically), checking its
    /// content on the way so a damaged file is never handed out.
    pub fn export(&self, hash: &ContentHash, destination: &Path) -> Result<(), StoreError> {
        let folder = destination
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut temp = NamedTempFile::new_in(folder)?;
        self.copy_verified(hash, temp.as_file_mut())?;
        temp.as_file().sync_all()?;
        // Readable by others, like a file the user saved themselves (a temporary file is
        // private to its owner).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(temp.path(), fs::Permissions::from_mode(0o644))?;
        }
        temp.persist(destination).map_err(|error| error.error)?;
        sync_folder(folder)?;
        Ok(())
    }

    /// A read-only copy of the stored file under its original name, for the system's
    /// viewer: the name's extension picks the right program, and the viewer never gets
    /// the store's own file to change.
    pub fn viewable_copy(
        &self,
        hash: &ContentHash,
        file_name: &str,
    ) -> Result<PathBuf, StoreError> {
        let folder = self.root.join(VIEWING).join(hash.as_str());
        fs::create_dir_all(&folder)?;
        let path = folder.join(safe_file_name(file_name));
        if path.exists() {
            set_readonly(&path, false)?;
        }
        self.export(hash, &path)?;
        set_readonly(&path, true)?;
        Ok(path)
    }

    fn copy_verified(&self, hash: &ContentHash, out: &mut File) -> Result<(), StoreError> {
        let file = self.read(hash).map_err(|error| match error.kind() {
            io::ErrorKind::NotFound => StoreError::Missing(hash.clone()),
            _ => StoreError::Io(error),
        })?;
        let copied = copy::hashing(file, out)?;
        if &copied.hash != hash {
            return Err(StoreError::Mismatch {
                expected: hash.clone(),
                found: copied.hash,
            });
        }
        Ok(())
    }

    fn incoming(&self) -> PathBuf {
        self.root.join(INCOMING)
    }

    fn temp_file(&self) -> io::Result<NamedTempFile> {
        NamedTempFile::new_in(self.incoming())
    }

    /// Flushes the temporary file and renames it to its hash, then flushes the folders so
    /// the new name survives a power loss too.
    ///
    /// A whole file already stored under the hash is kept (the temporary one is dropped);
    /// a damaged one is replaced.
    fn commit(&self, temp: NamedTempFile, hash: &ContentHash) -> io::Result<()> {
        let target = self.path_of(hash);
        if self.check(hash)? == LocalState::Present {
            return Ok(());
        }
        temp.as_file().sync_all()?;
        let folder = target
            .parent()
            .expect("stored files are inside a fan-out folder");
        fs::create_dir_all(folder)?;
        if target.exists() {
            // Some systems refuse to rename over a read-only file.
            set_readonly(&target, false)?;
        }
        temp.persist(&target).map_err(|error| error.error)?;
        set_readonly(&target, true)?;
        sync_folder(folder)?;
        sync_folder(&self.root)?;
        Ok(())
    }
}

/// Makes a file name safe to create on any file system, keeping it recognisable: path
/// separators and control characters become `_`, and an over-long name is cut, keeping
/// its extension.
pub fn safe_file_name(name: &str) -> String {
    const MAX_BYTES: usize = 120;
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    let cleaned = if cleaned.is_empty() {
        "certificate"
    } else {
        cleaned
    };
    if cleaned.len() <= MAX_BYTES {
        return cleaned.to_owned();
    }
    let (stem, extension) = match cleaned.rsplit_once('.') {
        Some((stem, extension)) if extension.len() <= 10 => (stem, format!(".{extension}")),
        _ => (cleaned, String::new()),
    };
    let mut cut = MAX_BYTES - extension.len();
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{extension}", &stem[..cut])
}

/// Makes a file read-only for everyone, or writable again for its owner only.
#[cfg(unix)]
fn set_readonly(path: &Path, readonly: bool) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = if readonly { 0o444 } else { 0o644 };
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_readonly(path: &Path, readonly: bool) -> io::Result<()> {
    let mut permissions = fs::metadata(path)?.permissions();
    #[allow(
        clippy::permissions_set_readonly_false,
        reason = "no group or other bits here"
    )]
    permissions.set_readonly(readonly);
    fs::set_permissions(path, permissions)
}

fn remove_anything(path: &Path) -> io::Result<()> {
    if fs::symlink_metadata(path)?.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    }
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    // Windows cannot open a folder as a file; NTFS journals the rename itself.
    Ok(())
}
