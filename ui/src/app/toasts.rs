//! The notices at the bottom of the window: successes fade after a while, warnings stay
//! until dismissed.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::state::Toast;
use crate::components::notice::{Notice, NoticeKind};

/// How long a success notice stays up.
const NOTICE_MS: u32 = 5_000;

/// Properties of [`Toasts`].
#[derive(Properties, PartialEq)]
pub struct ToastsProps {
    /// The notices, oldest first.
    pub toasts: Vec<Toast>,
    /// Hides the notice with this id.
    pub on_hide: Callback<u32>,
}

/// The live region (`class="toasts"`, `role="status"`) holding the notices; it exists
/// before any notice does, so each one is announced.
#[component]
pub fn Toasts(props: &ToastsProps) -> Html {
    html! {
        <div class="toasts" role="status" aria-live="polite">
            {for props.toasts.iter().map(|toast| html! {
                <ToastItem key={toast.id} toast={toast.clone()} on_hide={props.on_hide.clone()} />
            })}
        </div>
    }
}

/// Properties of [`ToastItem`].
#[derive(Properties, PartialEq)]
struct ToastItemProps {
    toast: Toast,
    on_hide: Callback<u32>,
}

/// One notice; a success hides itself after [`NOTICE_MS`].
#[component]
fn ToastItem(props: &ToastItemProps) -> Html {
    let Toast { id, kind, .. } = props.toast;
    {
        let on_hide = props.on_hide.clone();
        use_effect_with((id, kind), move |&(id, kind)| {
            let timeout = (kind == NoticeKind::Success)
                .then(|| Timeout::new(NOTICE_MS, move || on_hide.emit(id)));
            move || drop(timeout)
        });
    }
    html! {
        <Notice {kind} class="toast" on_dismiss={props.on_hide.reform(move |()| id)}>
            {props.toast.message.clone()}
        </Notice>
    }
}
