//! Hooks shared by several pages.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// Calls `handler` for every key pressed anywhere in the document while the component is
/// mounted. Pass a callback made with `use_callback` so it is not re-registered each render.
#[hook]
pub fn use_document_keydown(handler: Callback<KeyboardEvent>) {
    use_effect_with(handler, |handler| {
        let handler = handler.clone();
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |event| handler.emit(event));
        let document = document();
        if let Some(document) = &document {
            // Adding a listener only fails for invalid arguments.
            let _ = document
                .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(document) = &document {
                let _ = document.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}

/// Whether the user is typing into a field, where a key must keep its usual meaning.
pub fn is_typing_target(event: &KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element
            .dyn_into::<HtmlElement>()
            .is_ok_and(|element| element.is_content_editable())
}

/// Moves keyboard focus to the element with this `id`, if it exists.
pub fn focus_by_id(id: &str) {
    let element = document()
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// The page's document.
fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|window| window.document())
}
