//! The files the user dropped on the window. The UI hears of a drop and asks for the files
//! to be attached; the shell attaches only files that really were dropped, so a script in
//! the webview cannot make it read any path it likes.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a dropped file may wait to be attached (e.g. while the user opens a record).
const KEPT_FOR: Duration = Duration::from_secs(15 * 60);

/// Recently dropped files, each with when it was dropped.
#[derive(Debug, Default)]
pub struct DroppedFiles(Mutex<Vec<(PathBuf, Instant)>>);

impl DroppedFiles {
    /// Notes files dropped on the window now.
    pub fn remember(&self, paths: &[PathBuf]) {
        let now = Instant::now();
        let mut dropped = self.0.lock().unwrap_or_else(|p| p.into_inner());
        dropped.retain(|(_, at)| now.duration_since(*at) < KEPT_FOR);
        dropped.extend(paths.iter().map(|path| (path.clone(), now)));
    }

    /// The paths among `paths` that were not dropped on the window lately.
    pub fn not_dropped<'a>(&self, paths: &'a [PathBuf]) -> Vec<&'a Path> {
        let dropped = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let recent = |path: &Path| {
            dropped
                .iter()
                .any(|(known, at)| known == path && at.elapsed() < KEPT_FOR)
        };
        paths
            .iter()
            .map(PathBuf::as_path)
            .filter(|path| !recent(path))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_dropped_paths_are_known() {
        let dropped = DroppedFiles::default();
        dropped.remember(&[PathBuf::from("/home/ana/cert.pdf")]);
        let asked = [
            PathBuf::from("/home/ana/cert.pdf"),
            PathBuf::from("/home/ana/.ssh/id_ed25519"),
        ];
        assert_eq!(
            dropped.not_dropped(&asked),
            [Path::new("/home/ana/.ssh/id_ed25519")]
        );
    }
}
