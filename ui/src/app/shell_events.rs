//! What the shell tells the app without being asked: the mirror's state, the menu's
//! Tools › Check certificate files…, and files dropped on the window.

use benchlog_domain::ipc::GetMirrorStatus;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::state::AppAction;
use crate::components::notice::NoticeKind;
use crate::drop_targets::DropTargets;
use crate::ipc::call;
use crate::tauri_events::{
    CHECK_CERTIFICATES, DRAG_DROP, DragDrop, MIRROR_STATUS, use_tauri_event,
};

/// Shown when files are dropped while no record's certificates are open.
const NO_DROP_TARGET: &str = "Open a calibration record to attach files to it";

/// Reads the mirror's state once, then follows the shell's events for as long as the app
/// runs, sending what they mean to `send`; dropped files go to `targets`.
#[hook]
pub fn use_shell_events(send: Callback<AppAction>, targets: DropTargets) {
    {
        let send = send.clone();
        use_effect_with((), move |()| {
            spawn_local(async move {
                // Without an answer the sidebar shows nothing, and the settings page asks
                // again with a way to retry.
                if let Ok(status) = call::<GetMirrorStatus>(&()).await {
                    send.emit(AppAction::Mirror(status));
                }
            });
        });
    }
    use_tauri_event(MIRROR_STATUS, send.reform(AppAction::Mirror));
    use_tauri_event(
        CHECK_CERTIFICATES,
        send.reform(|()| AppAction::CheckCertificates),
    );
    use_tauri_event(
        DRAG_DROP,
        Callback::from(move |dropped: DragDrop| {
            if !dropped.paths.is_empty() && !targets.deliver(&dropped) {
                send.emit(AppAction::Notify(
                    NoticeKind::Warning,
                    NO_DROP_TARGET.to_owned(),
                ));
            }
        }),
    );
}
