//! Small helpers for the page's DOM where Yew has no API of its own: moving focus, telling
//! whether a key press lands in a field, making the app inert behind a dialog, scrolling
//! something into view, and finding what is under a point.

use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlElement, KeyboardEvent, ScrollIntoViewOptions, ScrollLogicalPosition,
};

/// The id of the app's frame (sidebar, main area and notices); see [`set_app_inert`].
pub const APP_FRAME_ID: &str = "app";

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

/// The element that has keyboard focus, if any.
pub fn focused_element() -> Option<Element> {
    document().and_then(|document| document.active_element())
}

/// The page's `<body>`, where dialogs are shown so that they stay outside the app's frame.
pub fn body() -> Option<Element> {
    document()
        .and_then(|document| document.body())
        .map(Element::from)
}

/// Makes the app's frame inert, or live again: while a dialog is open, nothing behind it
/// can be focused, clicked or read by assistive technology.
pub fn set_app_inert(inert: bool) {
    let Some(frame) = document().and_then(|document| document.get_element_by_id(APP_FRAME_ID))
    else {
        return;
    };
    // Setting or removing an attribute only fails for invalid names.
    let _ = if inert {
        frame.set_attribute("inert", "")
    } else {
        frame.remove_attribute("inert")
    };
}

/// Scrolls as little as needed to show `element`: all of it, or its top when it is taller
/// than the view.
pub fn reveal(element: &Element) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The `attribute` of the element matching `selector` that holds the point (`x`, `y`),
/// given in physical pixels from the window's top left corner (as Tauri reports a drop).
pub fn attribute_at(x: f64, y: f64, selector: &str, attribute: &str) -> Option<String> {
    let window = web_sys::window()?;
    let ratio = window.device_pixel_ratio();
    let element = window
        .document()?
        .element_from_point((x / ratio) as f32, (y / ratio) as f32)?;
    element.closest(selector).ok()??.get_attribute(attribute)
}

/// The page's document.
fn document() -> Option<Document> {
    web_sys::window().and_then(|window| window.document())
}
