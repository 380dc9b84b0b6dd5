//! The desktop shell: the only crate that knows Tauri. It opens the store in the data
//! folder, registers one thin command per entry of the domain's IPC contract, and hosts the
//! Yew UI bundled from `ui/dist`.

mod commands;
mod data_dir;
mod state;

use tauri::{Builder, Manager, Runtime};

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
            app.manage(state);
            Ok(())
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
        commands::list_equipment,
        commands::get_equipment,
        commands::create_equipment,
        commands::update_equipment,
        commands::delete_equipment,
        commands::list_facets,
        commands::set_equipment_status,
        commands::list_plans,
        commands::create_plan,
        commands::update_plan,
        commands::record_calibration,
        commands::amend_record,
        commands::list_records,
        commands::list_due,
        commands::calendar_month,
    ])
}
