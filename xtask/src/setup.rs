//! Installs what building and testing Benchlog need, skipping what is already there: the
//! Debian/Ubuntu packages (through sudo when not root), a compiler for the wasm32 UI and
//! tauri-driver. On other systems it says exactly what to install.

use std::path::Path;
use std::process::Command;

use anyhow::bail;

use crate::apt;
use crate::process::{output, run};
use crate::wasm_toolchain::{self, WasmToolchain};

/// What the installation is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Building and running the app.
    Run,
    /// Also the end-to-end tests.
    Test,
}

/// Debian packages the Tauri shell builds against.
const BUILD_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "file",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "libsoup-3.0-dev",
    "libjavascriptcoregtk-4.1-dev",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
];

/// Debian packages the end-to-end tests run with: a virtual display, the WebKit WebDriver,
/// a private session bus, a font, and xdotool to type into the native file dialogs.
/// (`dbus-x11` is left out on purpose: with it, GLib starts session daemons that outlive
/// the run.)
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "dbus",
    "at-spi2-core",
    "fonts-dejavu-core",
    "xdotool",
];

/// Installs whatever `purpose` needs and is missing; returns the compiler that builds the
/// UI. `root` is the project root.
pub fn ensure(root: &Path, purpose: Purpose) -> anyhow::Result<WasmToolchain> {
    let mut packages = BUILD_PACKAGES.to_vec();
    if purpose == Purpose::Test {
        packages.extend(TEST_PACKAGES);
    }
    ensure_packages(&packages)?;
    let wasm = wasm_toolchain::ensure(root)?;
    if purpose == Purpose::Test {
        ensure_tauri_driver()?;
    }
    Ok(wasm)
}

fn ensure_packages(packages: &[&str]) -> anyhow::Result<()> {
    if !apt::available() {
        let missing_tools = ["pkg-config", "Xvfb", "WebKitWebDriver", "dbus-run-session"]
            .iter()
            .any(|tool| output(Command::new("which").arg(tool)).is_none());
        if missing_tools {
            bail!(
                "this is not a Debian/Ubuntu system, so set-up cannot install packages.\n\
                 Install your system's equivalents of: {}\n\
                 (WebKitGTK 4.1 with its WebDriver, GTK 3, libsoup 3, Xvfb, D-Bus), then run \
                 this command again",
                packages.join(" ")
            );
        }
        return Ok(());
    }
    apt::install_missing(packages)
}

fn ensure_tauri_driver() -> anyhow::Result<()> {
    if output(Command::new("tauri-driver").arg("--help")).is_some() {
        return Ok(());
    }
    run(Command::new("cargo").args(["install", "tauri-driver", "--version", "^2", "--locked"]))
}
