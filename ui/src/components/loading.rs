//! The loading indicator. It fades in only after a short delay (see `styles.css`), so fast
//! answers never flash it.

use yew::prelude::*;

/// Properties of [`Loading`].
#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    /// What is loading, e.g. "Loading equipment…".
    pub label: AttrValue,
}

/// A spinner with a label (`class="loading"`).
#[component]
pub fn Loading(props: &LoadingProps) -> Html {
    html! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <span>{props.label.clone()}</span>
        </div>
    }
}
