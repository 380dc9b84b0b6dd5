//! A modal dialog that asks the user to confirm a destructive action.

use wasm_bindgen::JsValue;
use web_sys::HtmlElement;
use yew::create_portal;
use yew::prelude::*;

use crate::dom;

/// Properties of [`ConfirmDialog`].
#[derive(Properties, PartialEq)]
pub struct ConfirmDialogProps {
    /// The question, e.g. "Delete 0042?".
    pub title: AttrValue,
    /// What will happen.
    pub children: Html,
    /// The confirm button's text, e.g. "Delete".
    pub confirm_label: AttrValue,
    /// The confirm button's text while the action runs, e.g. "Deleting…".
    pub busy_label: AttrValue,
    /// Whether the action is running; both buttons are disabled then.
    #[prop_or_default]
    pub busy: bool,
    /// The user confirmed.
    pub on_confirm: Callback<()>,
    /// The user backed out (Cancel, Escape or a click outside).
    pub on_cancel: Callback<()>,
    /// What gets focus back when the dialog closes, usually the button that opened it.
    pub return_focus: NodeRef,
}

/// The dialog (`id="confirm-dialog"`, `role="dialog"`, `aria-modal="true"`) with
/// `id="confirm-ok"` and `id="confirm-cancel"`, shown over the app at the end of `<body>`.
/// While it is open the app's frame is inert; focus starts on Cancel and stays inside, and
/// Escape cancels. When it closes, focus goes back to `return_focus`.
#[component]
pub fn ConfirmDialog(props: &ConfirmDialogProps) -> Html {
    let cancel_ref = use_node_ref();
    let ok_ref = use_node_ref();
    let backdrop_ref = use_node_ref();

    use_effect_with(
        (cancel_ref.clone(), props.return_focus.clone()),
        |(cancel_ref, return_focus)| {
            dom::set_app_inert(true);
            if let Some(cancel) = cancel_ref.cast::<HtmlElement>() {
                let _ = cancel.focus();
            }
            let return_focus = return_focus.clone();
            move || {
                dom::set_app_inert(false);
                if let Some(element) = return_focus.cast::<HtmlElement>() {
                    let _ = element.focus();
                }
            }
        },
    );

    let onkeydown = {
        let on_cancel = props.on_cancel.clone();
        let busy = props.busy;
        let (cancel_ref, ok_ref) = (cancel_ref.clone(), ok_ref.clone());
        move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                if !busy {
                    on_cancel.emit(());
                }
            }
            // Keep Tab cycling between the two buttons instead of leaving the page; nothing
            // behind the dialog can take focus while the app is inert.
            "Tab" => {
                e.prevent_default();
                let focused = dom::focused_element();
                let on_cancel_button = focused.is_some_and(|focused| {
                    cancel_ref
                        .get()
                        .is_some_and(|cancel| focused.is_same_node(Some(&cancel)))
                });
                let next = if on_cancel_button {
                    &ok_ref
                } else {
                    &cancel_ref
                };
                if let Some(next) = next.cast::<HtmlElement>() {
                    let _ = next.focus();
                }
            }
            _ => {}
        }
    };
    let on_backdrop = {
        let on_cancel = props.on_cancel.clone();
        let busy = props.busy;
        let backdrop_ref = backdrop_ref.clone();
        move |e: MouseEvent| {
            // Only a click on the backdrop itself, not one that bubbled from the dialog.
            // (Not `current_target`: Yew listens on `<body>`, so that is always the body.)
            let on_backdrop = e
                .target()
                .zip(backdrop_ref.get())
                .is_some_and(|(target, backdrop)| JsValue::from(target) == JsValue::from(backdrop));
            if !busy && on_backdrop {
                on_cancel.emit(());
            }
        }
    };
    let confirm = props.on_confirm.clone();
    let cancel = props.on_cancel.clone();
    let dialog = html! {
        <div class="dialog-backdrop" ref={backdrop_ref} onclick={on_backdrop} {onkeydown}>
            <div id="confirm-dialog" class="dialog" role="dialog" aria-modal="true"
                aria-labelledby="confirm-title" aria-describedby="confirm-body">
                <h2 id="confirm-title">{props.title.clone()}</h2>
                <div id="confirm-body" class="dialog-body">{props.children.clone()}</div>
                <div class="dialog-actions">
                    <button type="button" id="confirm-cancel" class="button secondary"
                        ref={cancel_ref} disabled={props.busy}
                        onclick={move |_| cancel.emit(())}>{"Cancel"}</button>
                    <button type="button" id="confirm-ok" class="button danger"
                        ref={ok_ref} disabled={props.busy}
                        onclick={move |_| confirm.emit(())}>
                        {if props.busy { props.busy_label.clone() } else { props.confirm_label.clone() }}
                    </button>
                </div>
            </div>
        </div>
    };
    // Outside the app's frame, which is inert while the dialog is open.
    match dom::body() {
        Some(body) => create_portal(dialog, body),
        None => dialog,
    }
}
