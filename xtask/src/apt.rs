//! Debian/Ubuntu packages: telling which are installed and installing the missing ones
//! with apt-get (through sudo when not root).

use std::path::Path;
use std::process::Command;

use crate::process::{as_root, output, run};

/// Whether this system installs packages with apt-get.
pub fn available() -> bool {
    Path::new("/usr/bin/apt-get").exists()
}

/// Installs those of `packages` that are not installed yet.
pub fn install_missing(packages: &[&str]) -> anyhow::Result<()> {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|package| !is_installed(package))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("installing Debian packages: {}", missing.join(" "));
    run(apt_get().arg("update").arg("-qq"))?;
    run(apt_get()
        .args(["install", "-y", "-qq", "--no-install-recommends"])
        .args(&missing))
}

fn is_installed(package: &str) -> bool {
    output(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_some_and(|status| status.contains("install ok installed"))
}

/// `apt-get` as root, never asking questions.
fn apt_get() -> Command {
    let mut command = as_root("apt-get", &["DEBIAN_FRONTEND"]);
    command.env("DEBIAN_FRONTEND", "noninteractive");
    command
}
