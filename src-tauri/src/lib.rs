//! The desktop shell: the only crate that knows Tauri. It opens the store in the data
//! folder, registers one thin command per entry of the domain's IPC contract, and hosts the
//! Yew UI bundled from `ui/dist`.

mod commands;
mod data_dir;
mod drops;
mod events;
mod menu;
mod state;

use tauri::{Builder, DragDropEvent, Emitter, Manager, Runtime, WindowEvent};

pub use crate::drops::DroppedFiles;
pub use crate::state::AppState;

/// Runs the app until its window closes.
pub fn run() {
    let app = with_commands(Builder::default())
        .setup(|app| {
            let state = match data_dir::resolve(app.path().app_data_dir()) {
                Some(dir) => AppState::open(&dir),
                None => AppState::unavailable(
                    "Benchlog found no folder for its data. Set BENCHLOG_DATA_DIR to a \
                     writable folder and start it again",
                ),
            };
            if let Ok(workspace) = state.workspace() {
                let handle = app.handle().clone();
                tauri::async_runtime::spawn(async move {
                    let emit = |status| {
                        if let Err(error) = handle.emit(events::MIRROR_STATUS, status) {
                            eprintln!("benchlog: telling the window the mirror status: {error}");
                        }
                    };
                    workspace.mirror.run(emit).await;
                });
            }
            app.manage(state);
            Ok(())
        })
        .menu(menu::build)
        .on_menu_event(menu::handle)
        .on_window_event(|window, event| {
            if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
                window.state::<AppState>().dropped().remember(paths);
            }
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(error) => {
            eprintln!("benchlog: the app could not start: {error}");
            std::process::exit(1);
        }
    }
}

/// Registers every command of the IPC contract on `builder`.
pub fn with_commands<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::register::list_equipment,
        commands::register::get_equipment,
        commands::register::create_equipment,
        commands::register::update_equipment,
        commands::register::delete_equipment,
        commands::register::list_facets,
        commands::register::set_equipment_status,
        commands::register::list_plans,
        commands::register::create_plan,
        commands::register::update_plan,
        commands::register::record_calibration,
        commands::register::amend_record,
        commands::register::list_records,
        commands::register::list_due,
        commands::register::calendar_month,
        commands::certificates::pick_certificates,
        commands::certificates::attach_certificates,
        commands::certificates::list_certificates,
        commands::certificates::open_certificate,
        commands::certificates::export_certificate,
        commands::certificates::check_certificates,
        commands::settings::get_settings,
        commands::settings::save_settings,
        commands::settings::mirror_status,
        commands::settings::sync_now,
    ])
}
