//! Benchlog's build system, reached as `cargo xtask <task>` (an alias in `.cargo/config.toml`).
//!
//! - `run [--release]`: installs what is missing, bundles the UI, builds and starts the app.
//! - `test`: installs what is missing, then formatting, clippy, every unit, storage and
//!   shell test, and the end-to-end run of the real app under Xvfb.
//! - `bench`: the storage and certificate-store benchmarks, printing their figures.
//! - `setup`: only the installation step of `test`.
//! - `ui`: only the UI bundle (`ui/dist`), with its compiler.
//!
//! `BENCHLOG_WASM_FALLBACK=1` builds the UI with Debian's compiler even where rustup could
//! (see `wasm_toolchain`).

mod apt;
mod process;
mod setup;
mod ui;
mod wasm_toolchain;

use std::path::{Path, PathBuf};

use crate::process::{cargo, run};
use crate::setup::Purpose;

const USAGE: &str = "usage: cargo xtask <run [--release] | test | bench | setup | ui>";

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["run"] => run_app(&root, false),
        ["run", "--release"] => run_app(&root, true),
        ["test"] => test(&root),
        ["bench"] => run(cargo(&root).args([
            "bench",
            "-p",
            "benchlog-storage",
            "-p",
            "benchlog-file-store",
        ])),
        ["setup"] => setup::ensure(&root, Purpose::Test).map(drop),
        ["ui"] => ui::bundle(&root, wasm_toolchain::ensure(&root)?),
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    }
}

fn run_app(root: &Path, release: bool) -> anyhow::Result<()> {
    let wasm = setup::ensure(root, Purpose::Run)?;
    ui::bundle(root, wasm)?;
    let mut command = cargo(root);
    command.args(["run", "-p", "benchlog"]);
    if release {
        command.arg("--release");
    }
    run(&mut command)
}

fn test(root: &Path) -> anyhow::Result<()> {
    let wasm = setup::ensure(root, Purpose::Test)?;
    run(cargo(root).args(["fmt", "--all", "--", "--check"]))?;
    // The shell embeds the bundle at compile time, so it comes first.
    ui::bundle(root, wasm)?;
    let mut clippy = cargo(root);
    clippy.args(["clippy", "--workspace"]);
    if wasm.lints_wasm() {
        clippy.args(["--exclude", "benchlog-ui"]);
    }
    run(clippy.args(["--all-targets", "--", "-D", "warnings"]))?;
    if wasm.lints_wasm() {
        run(cargo(root).args([
            "clippy",
            "-p",
            "benchlog-ui",
            "--target",
            ui::TARGET,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))?;
    } else {
        eprintln!(
            "note: clippy cannot lint for {} with Debian's compiler; benchlog-ui was linted \
             natively above instead",
            ui::TARGET
        );
    }
    // The UI's own tests are pure logic (reducers, formatting), so they run natively.
    run(cargo(root).args(["test", "--workspace", "--exclude", "benchlog-e2e"]))?;
    end_to_end(root)
}

/// Builds the app and drives it under Xvfb through tauri-driver. `dbus-run-session` gives
/// the run its own session bus, so every helper daemon WebKit starts ends with it.
fn end_to_end(root: &Path) -> anyhow::Result<()> {
    run(cargo(root).args(["build", "-p", "benchlog"]))?;
    let app = root.join("target/debug/benchlog");
    let mut command = std::process::Command::new("dbus-run-session");
    command
        .current_dir(root)
        .args([
            "--",
            "cargo",
            "test",
            "-p",
            "benchlog-e2e",
            "--",
            "--test-threads=1",
        ])
        .env("BENCHLOG_APP", app);
    run(&mut command)
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the project root")
        .to_path_buf()
}
