//! What a page or section shows when its data could not be loaded.

use benchlog_domain::error::ApiError;
use yew::prelude::*;

use crate::components::notice::{Notice, NoticeKind};

/// Properties of [`LoadError`].
#[derive(Properties, PartialEq)]
pub struct LoadErrorProps {
    /// What failed, e.g. "The plans could not be loaded."
    pub what: AttrValue,
    /// Why.
    pub error: ApiError,
    /// Whether a retry is running.
    #[prop_or_default]
    pub retrying: bool,
    /// Tries again; no "Retry" button for errors retrying cannot fix (not found).
    pub on_retry: Callback<()>,
    /// More buttons, e.g. a way back.
    #[prop_or_default]
    pub actions: Html,
}

/// An error notice with a "Retry" button (`class="retry"`).
#[component]
pub fn LoadError(props: &LoadErrorProps) -> Html {
    let retry = (!matches!(props.error, ApiError::NotFound { .. })).then(|| {
        let on_retry = props.on_retry.clone();
        html! {
            <button type="button" class="button secondary small retry"
                disabled={props.retrying} onclick={move |_| on_retry.emit(())}>
                {if props.retrying { "Retrying…" } else { "Retry" }}
            </button>
        }
    });
    html! {
        <Notice kind={NoticeKind::Error} actions={html! { <>{retry}{props.actions.clone()}</> }}>
            <strong>{props.what.clone()}{" "}</strong>
            {props.error.to_string()}
        </Notice>
    }
}
