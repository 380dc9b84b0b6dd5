//! Running other programs: echoed first, so a log shows what ran, and failing loudly.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};

/// `cargo`, as the toolchain running the xtask resolved it, in the project root.
pub fn cargo(root: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root);
    command
}

/// `program` run as root: directly when already root, else through `sudo`, which passes on
/// the environment variables named in `keep`.
pub fn as_root(program: &str, keep: &[&str]) -> Command {
    let root = output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    if root {
        return Command::new(program);
    }
    let mut sudo = Command::new("sudo");
    if !keep.is_empty() {
        sudo.arg(format!("--preserve-env={}", keep.join(",")));
    }
    sudo.arg(program);
    sudo
}

/// Runs `command` to the end; an error unless it succeeded.
pub fn run(command: &mut Command) -> anyhow::Result<()> {
    eprintln!("$ {}", describe(command));
    let status = command
        .status()
        .with_context(|| format!("could not start {}", describe(command)))?;
    if !status.success() {
        bail!("{} failed ({status})", describe(command));
    }
    Ok(())
}

/// Runs `command` quietly and returns its standard output, or `None` if it failed or
/// could not start.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}
