//! Which compiler builds the UI for wasm32. Normally rustup's, with the target added. Where
//! rustup cannot download the target, Debian's newer `rustc-web` (`/usr/bin/rustc`) with a
//! wasm32 `std` that this module builds once from Debian's Rust sources and copies into that
//! compiler's sysroot; a stamp holding its `rustc -vV` says when to build it again.
//! `BENCHLOG_WASM_FALLBACK=1` forces the Debian route, to test it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};

use crate::apt;
use crate::process::{as_root, cargo, output, run};
use crate::ui::TARGET;

/// Set to `1`, uses Debian's compiler even where rustup has the target.
const FORCE_VARIABLE: &str = "BENCHLOG_WASM_FALLBACK";

/// Debian 12's packages for the fallback: the compiler, its cargo (for `-Zbuild-std`), the
/// `std` sources, and the LLVM linker that `rust-lld` points to.
const DEBIAN_PACKAGES: &[&str] = &[
    "rustc-web",
    "cargo-web",
    "rust-web-src",
    "rust-web-llvm",
    "lld-22",
];

/// The compiler `rustc-web` installs.
const DEBIAN_RUSTC: &str = "/usr/bin/rustc";

/// The cargo `cargo-web` installs, matching `DEBIAN_RUSTC` and its `std` sources.
const DEBIAN_CARGO: &str = "/usr/bin/cargo";

/// The file beside the sysroot's wasm32 libraries holding the `rustc -vV` they were built by.
const STAMP: &str = "benchlog-std.stamp";

/// The scratch crate's name; its own library is not part of `std`.
const SCRATCH_CRATE: &str = "benchlog_wasm_std";

/// The compiler that builds the UI for [`TARGET`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WasmToolchain {
    /// The rustup toolchain that builds everything else, with the target installed.
    Rustup,
    /// Debian's `rustc-web`, with a self-built wasm32 `std` in its sysroot.
    Debian,
}

impl WasmToolchain {
    /// `cargo` in the project root, pointed at this compiler.
    pub fn cargo(self, root: &Path) -> Command {
        let mut command = cargo(root);
        if self == Self::Debian {
            command.env("RUSTC", DEBIAN_RUSTC);
        }
        command
    }

    /// Whether clippy can lint the UI for wasm32. Not with Debian's compiler: clippy is
    /// rustup's and cannot read a `std` that another compiler built.
    pub fn lints_wasm(self) -> bool {
        self == Self::Rustup
    }
}

/// Makes sure a compiler can build the UI, installing what is missing, and says which.
/// `root` is the project root; the fallback builds `std` under its `target/`.
pub fn ensure(root: &Path) -> anyhow::Result<WasmToolchain> {
    if std::env::var_os(FORCE_VARIABLE).is_some_and(|value| value == "1") {
        eprintln!("{FORCE_VARIABLE}=1: building the UI with Debian's rustc-web");
        if !apt::available() {
            bail!("{FORCE_VARIABLE}=1 needs Debian's apt-get, which this system lacks");
        }
        ensure_debian(root)?;
        return Ok(WasmToolchain::Debian);
    }
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .is_some_and(|targets| targets.lines().any(|t| t == TARGET));
    if installed || run(Command::new("rustup").args(["target", "add", TARGET])).is_ok() {
        return Ok(WasmToolchain::Rustup);
    }
    if !apt::available() {
        bail!(
            "the {TARGET} target is missing and rustup could not install it.\n\
             Install it by hand (`rustup target add {TARGET}`) and run this command again. \
             (On Debian 12 this command falls back to Debian's rustc-web by itself.)"
        );
    }
    eprintln!("rustup could not add {TARGET}: falling back to Debian's rustc-web");
    ensure_debian(root)?;
    Ok(WasmToolchain::Debian)
}

/// Installs Debian's compiler and gives it a wasm32 `std`, unless the one there was built
/// by this very compiler.
fn ensure_debian(root: &Path) -> anyhow::Result<()> {
    apt::install_missing(DEBIAN_PACKAGES).with_context(|| {
        format!(
            "could not install Debian's rustc-web ({}), packaged for Debian 12.\n\
             Install the {TARGET} target with rustup instead",
            DEBIAN_PACKAGES.join(" ")
        )
    })?;
    let version = output(Command::new(DEBIAN_RUSTC).arg("-vV"))
        .with_context(|| format!("could not run {DEBIAN_RUSTC} -vV"))?;
    let sysroot = output(Command::new(DEBIAN_RUSTC).args(["--print", "sysroot"]))
        .map(|out| PathBuf::from(out.trim()))
        .filter(|path| path.is_absolute())
        .with_context(|| format!("{DEBIAN_RUSTC} did not print its sysroot"))?;
    let target_dir = sysroot.join("lib/rustlib").join(TARGET);
    let lib_dir = target_dir.join("lib");
    let stamped = fs::read_to_string(target_dir.join(STAMP)).is_ok_and(|s| s == version);
    let has_std = fs::read_dir(&lib_dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().starts_with("libstd-"))
    });
    if stamped && has_std {
        return Ok(());
    }
    let started = Instant::now();
    let scratch = root.join("target/wasm32-std");
    let staged = build_std(&scratch)?;
    fs::write(scratch.join(STAMP), &version)?;
    // Any older build goes first: two copies of `std` would be ambiguous to rustc.
    run(as_root("rm", &[]).arg("-rf").arg(&lib_dir))?;
    run(as_root("mkdir", &[]).arg("-p").arg(&target_dir))?;
    run(as_root("cp", &[]).arg("-r").arg(&staged).arg(&lib_dir))?;
    // The stamp comes last, so an interrupted copy is redone next time.
    run(as_root("cp", &[]).arg(scratch.join(STAMP)).arg(&target_dir))?;
    eprintln!(
        "built std for {TARGET} into {} in {} s",
        lib_dir.display(),
        started.elapsed().as_secs()
    );
    Ok(())
}

/// Builds `std` for wasm32 with Debian's compiler in a fresh scratch crate at `scratch`, and
/// returns a folder holding just its libraries, ready to copy into the sysroot.
fn build_std(scratch: &Path) -> anyhow::Result<PathBuf> {
    if scratch.exists() {
        fs::remove_dir_all(scratch)?;
    }
    fs::create_dir_all(scratch)?;
    // `[workspace]` keeps it out of the project's workspace.
    fs::write(
        scratch.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{SCRATCH_CRATE}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[lib]\npath = \"lib.rs\"\n\n[workspace]\n"
        ),
    )?;
    fs::write(scratch.join("lib.rs"), "")?;
    let target_dir = scratch.join("target");
    run(Command::new(DEBIAN_CARGO)
        .current_dir(scratch)
        .args(["build", "--release", "--target", TARGET, "--target-dir"])
        .arg(&target_dir)
        .arg("-Zbuild-std=std,panic_abort,panic_unwind,test")
        .env("RUSTC", DEBIAN_RUSTC)
        .env("RUSTC_BOOTSTRAP", "1")
        // The UI's release build uses LTO, which needs the bitcode in `std`.
        .env("RUSTFLAGS", "-Cembed-bitcode=yes")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTC_WORKSPACE_WRAPPER"))
    .context("building std for wasm32 with Debian's compiler failed")?;
    let deps = target_dir.join(TARGET).join("release/deps");
    let staged = scratch.join("lib");
    fs::create_dir_all(&staged)?;
    for entry in fs::read_dir(&deps)? {
        let name = entry?.file_name();
        let name = name.to_string_lossy();
        let library = name.starts_with("lib")
            && (name.ends_with(".rlib") || name.ends_with(".rmeta"))
            && !name.starts_with(&format!("lib{SCRATCH_CRATE}-"));
        if library {
            fs::copy(deps.join(&*name), staged.join(&*name))?;
        }
    }
    Ok(staged)
}
