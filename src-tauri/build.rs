//! Generates Tauri's context and one `allow-`/`deny-` permission per app command, from the
//! command list in the domain crate, so every command is granted on purpose.

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    // The UI bundle is embedded at compile time: a new bundle must rebuild the shell.
    println!("cargo:rerun-if-changed=ui/dist");
    let manifest = tauri_build::AppManifest::new().commands(benchlog_domain::ipc::COMMAND_NAMES);
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/*.json")
        .app_manifest(manifest);
    tauri_build::try_build(attributes).expect("tauri build script failed");
}
