//! Benchlog's user interface: a Yew app that runs in the Tauri shell's webview and talks to
//! the shell only through the typed commands of [`benchlog_domain::ipc`].

mod app;
mod components;
mod dom;
mod drop_targets;
mod format;
mod forms;
mod hooks;
mod ipc;
mod labels;
mod pages;
mod tauri_events;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
