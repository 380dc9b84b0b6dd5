//! Bundles the Yew UI into `ui/dist`: the crate built for wasm, wasm-bindgen's JS glue, and
//! the static files. The bindgen library is pinned in Cargo.lock to the exact version of
//! the `wasm-bindgen` crate, so no separately installed CLI can mismatch it.

use std::fs;
use std::path::Path;

use anyhow::Context;
use wasm_bindgen_cli_support::Bindgen;

use crate::process::run;
use crate::wasm_toolchain::WasmToolchain;

/// The UI's compilation target.
pub const TARGET: &str = "wasm32-unknown-unknown";

/// The files copied from `ui/` into the bundle as they are.
const STATIC_FILES: &[&str] = &["index.html", "styles.css"];

/// Builds the UI with `wasm` (always optimised: a debug wasm is large and slow) and replaces
/// `ui/dist`.
pub fn bundle(root: &Path, wasm: WasmToolchain) -> anyhow::Result<()> {
    run(wasm.cargo(root).args([
        "build",
        "-p",
        "benchlog-ui",
        "--release",
        "--target",
        TARGET,
    ]))?;
    let wasm = root
        .join("target")
        .join(TARGET)
        .join("release/benchlog-ui.wasm");
    // Built beside the old bundle, then swapped in, so a failure leaves the old one whole.
    let staging = root.join("target/ui-dist");
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    Bindgen::new()
        .input_path(&wasm)
        .out_name("benchlog_ui")
        .web(true)?
        .typescript(false)
        .omit_default_module_path(false)
        .generate(&staging)
        .context("wasm-bindgen failed")?;
    for file in STATIC_FILES {
        fs::copy(root.join("ui").join(file), staging.join(file))
            .with_context(|| format!("copying ui/{file}"))?;
    }
    let dist = root.join("ui/dist");
    if dist.exists() {
        fs::remove_dir_all(&dist)?;
    }
    fs::rename(&staging, &dist)?;
    eprintln!("bundled the UI into {}", dist.display());
    Ok(())
}
