//! The store on real files in a temporary folder.

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

use benchlog_domain::certificate::{ContentHash, LocalState};
use benchlog_file_store::{FileStore, ImportError, StoreError, safe_file_name};

const LIMIT: u64 = 1_000_000;

struct Fixture {
    _dir: tempfile::TempDir,
    store: FileStore,
    inbox: std::path::PathBuf,
    root: std::path::PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("certificates");
    let inbox = dir.path().join("inbox");
    fs::create_dir(&inbox).unwrap();
    Fixture {
        store: FileStore::open(&root).unwrap(),
        _dir: dir,
        inbox,
        root,
    }
}

impl Fixture {
    fn write(&self, name: &str, content: &[u8]) -> std::path::PathBuf {
        let path = self.inbox.join(name);
        fs::write(&path, content).unwrap();
        path
    }

    /// Every file in the store except the folders it keeps for itself.
    fn stored_files(&self) -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        for fan_out in fs::read_dir(&self.root).unwrap() {
            let fan_out = fan_out.unwrap().path();
            if fan_out
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with('.')
            {
                continue;
            }
            files.extend(fs::read_dir(fan_out).unwrap().map(|f| f.unwrap().path()));
        }
        files
    }

    fn incoming_is_empty(&self) -> bool {
        fs::read_dir(self.root.join(".incoming"))
            .unwrap()
            .next()
            .is_none()
    }

    fn make_writable(&self, path: &Path) {
        let mut permissions = fs::metadata(path).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        fs::set_permissions(path, permissions).unwrap();
    }
}

#[test]
fn imports_name_files_by_content_and_keep_each_content_once() {
    let fx = fixture();
    let first = fx.write("calibration report.pdf", b"%PDF-1.7 certificate");
    let again = fx.write("copy of report.pdf", b"%PDF-1.7 certificate");

    let stored = fx.store.import(&first, LIMIT).unwrap();
    assert_eq!(fx.store.import(&again, LIMIT).unwrap(), stored);
    assert_eq!(stored.size_bytes, 20);
    let path = fx.store.path_of(&stored.hash);
    assert_eq!(fs::read(&path).unwrap(), b"%PDF-1.7 certificate");
    assert!(path.ends_with(format!("{}/{}", &stored.hash.as_str()[..2], stored.hash)));
    assert!(fs::metadata(&path).unwrap().permissions().readonly());
    assert_eq!(fx.stored_files(), [path]);
    assert!(fx.incoming_is_empty());
    assert_eq!(fx.store.check(&stored.hash).unwrap(), LocalState::Present);
}

#[test]
fn bad_sources_are_refused_with_the_file_named_and_nothing_stored() {
    let fx = fixture();
    let big = fx.write("huge scan.tiff", &vec![7; LIMIT as usize + 1]);
    let gone = fx.inbox.join("vanished.pdf");

    let too_large = fx.store.import(&big, LIMIT).unwrap_err();
    assert!(matches!(too_large, ImportError::TooLarge { .. }));
    assert_eq!(
        too_large.to_string(),
        "“huge scan.tiff” is larger than the 1 MB limit for certificates (Settings)"
    );
    let missing = fx.store.import(&gone, LIMIT).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "“vanished.pdf” was not found; it may have been moved or deleted"
    );
    let folder = fx.store.import(&fx.inbox, LIMIT).unwrap_err();
    assert!(matches!(folder, ImportError::NotAFile(_)), "{folder}");

    assert!(fx.stored_files().is_empty());
    assert!(fx.incoming_is_empty());
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_that_fails_while_being_read_leaves_nothing_behind() {
    // The kernel lists /proc/self/mem as a regular file but refuses to read its start.
    let fx = fixture();
    let error = fx
        .store
        .import(Path::new("/proc/self/mem"), LIMIT)
        .unwrap_err();
    assert!(matches!(error, ImportError::Unreadable { .. }), "{error}");
    assert!(
        error.to_string().starts_with("“mem” cannot be read"),
        "{error}"
    );
    assert!(fx.stored_files().is_empty());
    assert!(fx.incoming_is_empty());
}

#[test]
fn names_with_odd_characters_import_and_view_under_a_safe_name() {
    let fx = fixture();
    for name in [
        "Zertifikat Waage №3 (Kopie).pdf",
        "-rf",
        "line\nbreak.png",
        " .hidden ",
    ] {
        let path = fx.write(name, name.as_bytes());
        let stored = fx.store.import(&path, LIMIT).unwrap();
        let view = fx.store.viewable_copy(&stored.hash, name).unwrap();
        assert_eq!(fs::read(&view).unwrap(), name.as_bytes());
        assert_eq!(
            view.file_name().unwrap().to_string_lossy(),
            safe_file_name(name)
        );
    }
    assert_eq!(safe_file_name("line\nbreak.png"), "line_break.png");
    assert_eq!(safe_file_name("a/../../b:c"), "a_.._.._b_c");
    assert_eq!(safe_file_name(" .hidden "), "hidden");
    assert_eq!(safe_file_name(".."), "certificate");
    let long = format!("{}.pdf", "é".repeat(100));
    assert!(safe_file_name(&long).len() <= 120);
    assert!(safe_file_name(&long).ends_with("é.pdf"));
}

#[test]
fn checks_tell_missing_and_damaged_files_apart() {
    let fx = fixture();
    let ok = fx
        .store
        .import(&fx.write("a.pdf", b"alpha"), LIMIT)
        .unwrap();
    let damaged = fx
        .store
        .import(&fx.write("b.pdf", b"bravo"), LIMIT)
        .unwrap();
    let gone = fx
        .store
        .import(&fx.write("c.pdf", b"charlie"), LIMIT)
        .unwrap();

    let damaged_path = fx.store.path_of(&damaged.hash);
    fx.make_writable(&damaged_path);
    fs::write(&damaged_path, b"brav0").unwrap();
    fs::remove_file(fx.store.path_of(&gone.hash)).unwrap();

    assert_eq!(fx.store.check(&ok.hash).unwrap(), LocalState::Present);
    assert_eq!(fx.store.check(&damaged.hash).unwrap(), LocalState::Corrupt);
    assert_eq!(fx.store.check(&gone.hash).unwrap(), LocalState::Missing);
}

#[test]
fn importing_again_heals_a_damaged_file_and_keeps_a_whole_one() {
    let fx = fixture();
    let source = fx.write("a.pdf", b"alpha");
    let stored = fx.store.import(&source, LIMIT).unwrap();
    let path = fx.store.path_of(&stored.hash);
    let first_written = fs::metadata(&path).unwrap().modified().unwrap();

    fx.store.import(&source, LIMIT).unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().modified().unwrap(),
        first_written
    );

    fx.make_writable(&path);
    fs::write(&path, b"alphA").unwrap();
    fx.store.import(&source, LIMIT).unwrap();
    assert_eq!(fx.store.check(&stored.hash).unwrap(), LocalState::Present);
    assert!(fs::metadata(&path).unwrap().permissions().readonly());
    assert!(fx.incoming_is_empty());
}

#[test]
fn restores_accept_only_the_expected_content() {
    let fx = fixture();
    let stored = fx
        .store
        .import(&fx.write("a.pdf", b"alpha"), LIMIT)
        .unwrap();
    fs::remove_file(fx.store.path_of(&stored.hash)).unwrap();

    let wrong = fx.store.restore(&stored.hash, &b"alpha!"[..]).unwrap_err();
    assert!(matches!(wrong, StoreError::Mismatch { .. }));
    assert_eq!(fx.store.check(&stored.hash).unwrap(), LocalState::Missing);
    assert!(fx.incoming_is_empty());

    assert_eq!(fx.store.restore(&stored.hash, &b"alpha"[..]).unwrap(), 5);
    assert_eq!(fx.store.check(&stored.hash).unwrap(), LocalState::Present);
}

#[test]
fn exports_copy_whole_files_and_refuse_damaged_ones() {
    let fx = fixture();
    let stored = fx
        .store
        .import(&fx.write("a.pdf", b"alpha"), LIMIT)
        .unwrap();
    let target = fx.inbox.join("exported.pdf");
    fs::write(&target, b"an older export").unwrap();

    fx.store.export(&stored.hash, &target).unwrap();
    assert_eq!(fs::read(&target).unwrap(), b"alpha");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o777,
            0o644,
            "readable by colleagues, like a saved file"
        );
    }

    let path = fx.store.path_of(&stored.hash);
    fx.make_writable(&path);
    fs::write(&path, b"alphA").unwrap();
    let error = fx.store.export(&stored.hash, &target).unwrap_err();
    assert!(matches!(error, StoreError::Mismatch { .. }), "{error}");
    assert_eq!(fs::read(&target).unwrap(), b"alpha", "the old copy stays");

    fs::remove_file(&path).unwrap();
    let missing = fx.store.export(&stored.hash, &target).unwrap_err();
    assert!(matches!(missing, StoreError::Missing(_)), "{missing}");
    let mut names: Vec<_> = fs::read_dir(&fx.inbox)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["a.pdf", "exported.pdf"],
        "no temporary file is left"
    );
}

#[test]
fn opening_removes_only_stale_temporary_files() {
    let fx = fixture();
    let incoming = fx.root.join(".incoming");
    let stale = incoming.join(".tmp-stale");
    let fresh = incoming.join(".tmp-fresh");
    File::create(&stale)
        .unwrap()
        .write_all(b"half a file")
        .unwrap();
    File::create(&fresh)
        .unwrap()
        .write_all(b"being written")
        .unwrap();
    let two_hours_ago = SystemTime::now() - Duration::from_secs(7200);
    File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();

    let stored = fx
        .store
        .import(&fx.write("a.pdf", b"alpha"), LIMIT)
        .unwrap();
    let view = fx.store.viewable_copy(&stored.hash, "a.pdf").unwrap();

    FileStore::open(&fx.root).unwrap();
    assert!(!stale.exists());
    assert!(fresh.exists(), "another instance may be writing it");
    assert!(!view.exists(), "last session's viewer copies are gone");
    assert_eq!(fx.stored_files().len(), 1);
}

#[test]
fn content_hashes_match_the_standard_sha256() {
    let fx = fixture();
    let stored = fx.store.import(&fx.write("empty.txt", b""), LIMIT).unwrap();
    assert_eq!(
        stored.hash,
        ContentHash::parse("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            .unwrap()
    );
}
