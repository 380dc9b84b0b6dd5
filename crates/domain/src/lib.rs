//! Benchlog's domain: the equipment register's types, the validation rules every layer
//! shares, and the IPC contract between the UI and the desktop shell.
//!
//! This crate does no IO and knows nothing of Tauri, SQLite or the browser, so it builds for
//! native and wasm alike and its rules are tested in milliseconds.

pub mod certificate;
pub mod due;
pub mod equipment;
pub mod error;
mod id;
pub mod ipc;
pub mod key;
pub mod page;
pub mod plan;
pub mod record;
pub mod schedule;
pub mod settings;
pub mod text;
pub mod tolerance;
