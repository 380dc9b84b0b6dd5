//! The app's frame — sidebar, main area, notices — around the page the router picks.

mod router;
mod sidebar;
pub mod state;
mod toasts;

use yew::prelude::*;

use self::sidebar::Sidebar;
use self::state::{AppAction, AppState};
use self::toasts::Toasts;
use crate::dom::APP_FRAME_ID;
use crate::format::today;

/// The whole app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::new(today()));
    let send = state.dispatcher().to_callback();
    html! {
        <div class="app" id={APP_FRAME_ID}>
            <Sidebar page={state.page.clone()} section={state.section()}
                on_navigate={send.reform(AppAction::Navigate)} />
            <main class="main">{router::view(&state, &send)}</main>
            <Toasts toasts={state.toasts.clone()} on_hide={send.reform(AppAction::HideToast)} />
        </div>
    }
}
