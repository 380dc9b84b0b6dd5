//! Events the shell sends without being asked: [`use_tauri_event`] listens to one while a
//! component is mounted, through Tauri's global `event.listen`.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use yew::prelude::*;

use crate::hooks::use_latest_callback;
use crate::ipc::log_error;

/// The mirror's state changed; the payload is a
/// [`MirrorStatus`](benchlog_domain::certificate::MirrorStatus).
pub const MIRROR_STATUS: &str = "mirror-status";
/// Tools › Check certificate files… was chosen in the menu; no payload.
pub const CHECK_CERTIFICATES: &str = "check-certificates";
/// Files were dropped on the window; the payload is a [`DragDrop`].
pub const DRAG_DROP: &str = "tauri://drag-drop";

/// Files dropped on the window.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DragDrop {
    /// The files' paths on this workstation.
    pub paths: Vec<String>,
    /// Where they were dropped, in physical pixels from the window's top left corner.
    pub position: Position,
}

/// A point in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Position {
    /// From the left.
    pub x: f64,
    /// From the top.
    pub y: f64,
}

#[wasm_bindgen]
extern "C" {
    /// Tauri's `event.listen`, exposed on `window` because the app sets `withGlobalTauri`.
    /// Resolves to the function that stops listening.
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "event"], catch)]
    fn listen(
        event: &str,
        handler: &Closure<dyn FnMut(JsValue)>,
    ) -> Result<js_sys::Promise, JsValue>;
}

/// Calls `callback` with the payload of every event `name` the shell emits while the
/// component is mounted. It subscribes once, on mount, and always calls the latest
/// `callback`, so the callback may be a new one on every render. A payload that does not
/// decode as `T` is logged to the console and skipped.
#[hook]
pub fn use_tauri_event<T>(name: &'static str, callback: Callback<T>)
where
    T: DeserializeOwned + 'static,
{
    let callback = use_latest_callback(callback);
    use_effect_with(name, move |&name| {
        let handler = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let payload = js_sys::Reflect::get(&event, &JsValue::from_str("payload"))
                .unwrap_or(JsValue::NULL);
            match serde_wasm_bindgen::from_value::<T>(payload) {
                Ok(payload) => callback.emit(payload),
                Err(_) => log_error(&format!("Benchlog: unreadable `{name}` event:"), &event),
            }
        });
        let listener = Listener::start(name, handler);
        move || listener.borrow_mut().stop()
    });
}

/// One subscription: the handler Tauri calls, kept alive until Tauri has forgotten it.
struct Listener {
    handler: Option<Closure<dyn FnMut(JsValue)>>,
    unlisten: Option<js_sys::Function>,
    stopped: bool,
}

impl Listener {
    /// Subscribes `handler` to `name`. Tauri answers with the unlisten function later, so a
    /// component that unmounts first stops listening as soon as that answer arrives.
    fn start(name: &'static str, handler: Closure<dyn FnMut(JsValue)>) -> Rc<RefCell<Self>> {
        let listener = Rc::new(RefCell::new(Self {
            handler: None,
            unlisten: None,
            stopped: false,
        }));
        let promise = match listen(name, &handler) {
            Ok(promise) => promise,
            Err(error) => {
                log_error(&format!("Benchlog: cannot listen to `{name}`:"), &error);
                return listener;
            }
        };
        listener.borrow_mut().handler = Some(handler);
        let pending = listener.clone();
        spawn_local(async move {
            let answer = JsFuture::from(promise).await;
            let mut listener = pending.borrow_mut();
            match answer.map(JsCast::dyn_into::<js_sys::Function>) {
                Ok(Ok(unlisten)) => {
                    listener.unlisten = Some(unlisten);
                    if listener.stopped {
                        listener.stop();
                    }
                }
                Ok(Err(answer)) | Err(answer) => {
                    log_error(&format!("Benchlog: cannot listen to `{name}`:"), &answer);
                    listener.handler = None;
                }
            }
        });
        listener
    }

    /// Stops listening now, or as soon as Tauri has said how.
    fn stop(&mut self) {
        self.stopped = true;
        if let Some(unlisten) = self.unlisten.take() {
            // Tauri forgets the handler before this returns, so it can be dropped after.
            let _ = unlisten.call0(&JsValue::NULL);
            self.handler = None;
        }
    }
}
