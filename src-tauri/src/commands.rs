//! One thin Tauri command per entry of the domain's IPC contract: each takes the request
//! under the argument name `request`, runs one store call off the async runtime, and
//! converts its error.

use std::sync::Arc;

use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::{
    Command, CreateEquipment, DeleteEquipment, GetEquipment, ListEquipment, UpdateEquipment,
};
use benchlog_storage::Store;
use tauri::State;

use crate::state::AppState;

/// What command `C` returns over IPC.
type Reply<C> = Result<<C as Command>::Response, ApiError>;
/// What command `C` receives.
type Request<C> = <C as Command>::Request;

#[tauri::command]
pub(crate) async fn list_equipment(
    state: State<'_, AppState>,
    request: Request<ListEquipment>,
) -> Reply<ListEquipment> {
    with_store(&state, move |store| store.list_equipment(&request)).await
}

#[tauri::command]
pub(crate) async fn get_equipment(
    state: State<'_, AppState>,
    request: Request<GetEquipment>,
) -> Reply<GetEquipment> {
    with_store(&state, move |store| store.get_equipment(request)).await
}

#[tauri::command]
pub(crate) async fn create_equipment(
    state: State<'_, AppState>,
    request: Request<CreateEquipment>,
) -> Reply<CreateEquipment> {
    with_store(&state, move |store| store.create_equipment(&request)).await
}

#[tauri::command]
pub(crate) async fn update_equipment(
    state: State<'_, AppState>,
    request: Request<UpdateEquipment>,
) -> Reply<UpdateEquipment> {
    with_store(&state, move |store| store.update_equipment(&request)).await
}

#[tauri::command]
pub(crate) async fn delete_equipment(
    state: State<'_, AppState>,
    request: Request<DeleteEquipment>,
) -> Reply<DeleteEquipment> {
    with_store(&state, move |store| store.delete_equipment(request)).await
}

/// Runs `work` on a blocking thread: SQLite calls wait on locks and fsync, which must not
/// hold up the async runtime that serves every other IPC message.
async fn with_store<T, W>(state: &AppState, work: W) -> Result<T, ApiError>
where
    T: Send + 'static,
    W: FnOnce(&Store) -> benchlog_storage::Result<T> + Send + 'static,
{
    let store: Arc<Store> = state.store()?;
    let outcome = tauri::async_runtime::spawn_blocking(move || work(&store))
        .await
        .map_err(|error| {
            eprintln!("benchlog: a storage call panicked: {error}");
            ApiError::Internal {
                message: "Benchlog hit an internal error; nothing was saved. Try again".into(),
            }
        })?;
    outcome.map_err(report)
}

/// Logs failures the user cannot fix by editing their input, then converts.
fn report(error: benchlog_storage::Error) -> ApiError {
    if matches!(
        error,
        benchlog_storage::Error::Sqlite(_) | benchlog_storage::Error::Migration(_)
    ) {
        eprintln!("benchlog: {error:?}");
    }
    error.into()
}
