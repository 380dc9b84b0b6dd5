//! The settings and mirror commands.

use benchlog_domain::ipc::{GetMirrorStatus, GetSettings, SaveSettings, SyncNow};
use tauri::State;

use super::{Reply, Request, with_store, with_workspace};
use crate::state::AppState;

#[tauri::command]
pub(crate) async fn get_settings(
    state: State<'_, AppState>,
    request: Request<GetSettings>,
) -> Reply<GetSettings> {
    let () = request;
    with_store(&state, |store| store.settings()).await
}

#[tauri::command]
pub(crate) async fn save_settings(
    state: State<'_, AppState>,
    request: Request<SaveSettings>,
) -> Reply<SaveSettings> {
    with_workspace(&state, move |workspace| {
        let saved = workspace.store.save_settings(&request)?;
        workspace.mirror.wake();
        Ok::<_, benchlog_storage::Error>(saved)
    })
    .await
}

#[tauri::command]
pub(crate) async fn mirror_status(
    state: State<'_, AppState>,
    request: Request<GetMirrorStatus>,
) -> Reply<GetMirrorStatus> {
    let () = request;
    with_workspace(&state, |workspace| workspace.mirror.status()).await
}

#[tauri::command]
pub(crate) async fn sync_now(
    state: State<'_, AppState>,
    request: Request<SyncNow>,
) -> Reply<SyncNow> {
    let () = request;
    with_workspace(&state, |workspace| workspace.mirror.sync_now()).await
}
