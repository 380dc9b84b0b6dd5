//! The one way the UI reaches the shell: [`call`] sends a typed [`Command`] through Tauri's
//! `invoke` and hands back its typed response or an [`ApiError`] the user can read.

use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::{Command, REQUEST_ARGUMENT};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Tauri's `invoke`, exposed on `window` because the app sets `withGlobalTauri`.
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], catch)]
    async fn invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;

    /// Logs details the user never sees but a developer needs.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    pub(crate) fn log_error(message: &str, detail: &JsValue);
}

/// Shown when the shell could not be reached or answered something unexpected.
const UNREACHABLE: &str =
    "Benchlog could not complete this request. Try again; if it keeps failing, restart Benchlog";
/// Shown when an answer arrived but could not be read.
const UNREADABLE: &str = "Benchlog received an answer it could not read. Try again; if it keeps failing, restart Benchlog";

/// Sends `request` as command `C` and waits for its answer.
///
/// Every failure comes back as an [`ApiError`] with a message fit for the user: errors the
/// shell reports keep their own message; anything else (no shell, an undecodable answer)
/// becomes [`ApiError::Internal`], and its raw detail goes to the developer console only.
pub async fn call<C: Command>(request: &C::Request) -> Result<C::Response, ApiError> {
    let args = arguments(request).map_err(|detail| internal(C::NAME, UNREACHABLE, &detail))?;
    match invoke(C::NAME, args).await {
        Ok(value) => serde_wasm_bindgen::from_value(value.clone())
            .map_err(|_| internal(C::NAME, UNREADABLE, &value)),
        Err(rejection) => Err(serde_wasm_bindgen::from_value(rejection.clone())
            .unwrap_or_else(|_| internal(C::NAME, UNREACHABLE, &rejection))),
    }
}

/// The `{ request: … }` object every command takes.
fn arguments<T: Serialize>(request: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = request.serialize(&serializer).map_err(JsValue::from)?;
    let args = js_sys::Object::new();
    js_sys::Reflect::set(&args, &JsValue::from_str(REQUEST_ARGUMENT), &value)?;
    Ok(args.into())
}

/// An [`ApiError::Internal`] with a friendly `message`, logging the raw `detail`.
fn internal(command: &str, message: &str, detail: &JsValue) -> ApiError {
    log_error(&format!("Benchlog: command `{command}` failed:"), detail);
    ApiError::Internal {
        message: message.to_owned(),
    }
}
