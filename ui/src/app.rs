//! The app's frame — sidebar, main area, notices — around the page the router picks, and
//! what the shell tells it without being asked.

mod mirror_indicator;
mod router;
mod shell_events;
mod sidebar;
pub mod state;
mod toasts;

use yew::prelude::*;

use self::shell_events::use_shell_events;
use self::sidebar::Sidebar;
use self::state::{AppAction, AppState, CertificatesRevision};
use self::toasts::Toasts;
use crate::dom::APP_FRAME_ID;
use crate::drop_targets::DropTargets;
use crate::format::today;

/// The whole app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::new(today()));
    let send = state.dispatcher().to_callback();
    let drop_targets = use_memo((), |()| DropTargets::default());
    use_shell_events(send.clone(), (*drop_targets).clone());
    html! {
        <ContextProvider<DropTargets> context={(*drop_targets).clone()}>
        <ContextProvider<CertificatesRevision> context={state.certificates}>
            <div class="app" id={APP_FRAME_ID}>
                <Sidebar page={state.page.clone()} section={state.section()}
                    mirror={state.mirror.clone()} on_navigate={send.reform(AppAction::Navigate)} />
                <main class="main">{router::view(&state, &send)}</main>
                <Toasts toasts={state.toasts.clone()} on_hide={send.reform(AppAction::HideToast)} />
            </div>
        </ContextProvider<CertificatesRevision>>
        </ContextProvider<DropTargets>>
    }
}
