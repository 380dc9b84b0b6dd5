//! Hooks shared by several pages and components.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use benchlog_domain::error::ApiError;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::spawn_local;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// Calls `handler` for every key pressed anywhere in the document while the component is
/// mounted. Pass a callback made with `use_callback` so it is not re-registered each render.
#[hook]
pub fn use_document_keydown(handler: Callback<KeyboardEvent>) {
    use_effect_with(handler, |handler| {
        let handler = handler.clone();
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |event| handler.emit(event));
        let document = web_sys::window().and_then(|window| window.document());
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

/// A callback that stays the same across renders and always calls the latest `callback`,
/// for handing to something that keeps it, such as an event listener registered once.
#[hook]
pub fn use_latest_callback<T: 'static>(callback: Callback<T>) -> Callback<T> {
    let latest = use_mut_ref(|| callback.clone());
    *latest.borrow_mut() = callback;
    let stable = use_memo((), move |()| {
        Callback::from(move |value| {
            // Cloned out first: the callback may render, which replaces `latest`.
            let callback = latest.borrow().clone();
            callback.emit(value);
        })
    });
    (*stable).clone()
}

/// Tells a request started by [`use_latest_request`] whether it still counts.
#[derive(Debug, Clone)]
pub struct LatestRequest(Rc<Cell<bool>>);

impl LatestRequest {
    /// Whether this is still the latest request and its component is still mounted, so its
    /// answer may be shown.
    pub fn is_current(&self) -> bool {
        self.0.get()
    }
}

/// Runs `start` when the component mounts and again each time `deps` change, like
/// [`use_effect_with`], handing it a [`LatestRequest`] that stops being current as soon as
/// `deps` change again or the component unmounts. An async request checks it before acting
/// on its answer, so a late answer to an older request, or one that arrives after the user
/// left, is dropped.
#[hook]
pub fn use_latest_request<D, F>(deps: D, start: F)
where
    D: PartialEq + 'static,
    F: FnOnce(&D, LatestRequest) + 'static,
{
    use_effect_with(deps, move |deps| {
        let current = Rc::new(Cell::new(true));
        start(deps, LatestRequest(current.clone()));
        move || current.set(false)
    });
}

/// What [`use_fetch`] has so far.
pub struct Fetched<T> {
    /// The latest answer, kept while a newer request loads; `None` before the first one.
    pub answer: Option<Rc<Result<T, ApiError>>>,
    /// Whether a request is in flight.
    pub loading: bool,
    /// Sends the request again, e.g. from a "Retry" button.
    pub reload: Callback<()>,
}

/// The answer [`use_fetch`] keeps.
struct FetchState<T> {
    answer: Option<Rc<Result<T, ApiError>>>,
    loading: bool,
}

/// What happens to [`FetchState`].
enum FetchAction<T> {
    Started,
    Finished(Result<T, ApiError>),
}

impl<T> Reducible for FetchState<T> {
    type Action = FetchAction<T>;

    fn reduce(self: Rc<Self>, action: FetchAction<T>) -> Rc<Self> {
        Rc::new(match action {
            FetchAction::Started => Self {
                answer: self.answer.clone(),
                loading: true,
            },
            FetchAction::Finished(result) => Self {
                answer: Some(Rc::new(result)),
                loading: false,
            },
        })
    }
}

/// Runs the request `fetch` makes from `deps` when the component mounts, again each time
/// `deps` change, and on `reload`. Only the latest request's answer is kept (see
/// [`use_latest_request`]).
#[hook]
pub fn use_fetch<D, T, F, Fut>(deps: D, fetch: F) -> Fetched<T>
where
    D: PartialEq + 'static,
    T: 'static,
    F: FnOnce(&D) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let state = use_reducer(|| FetchState {
        answer: None,
        loading: true,
    });
    let attempt = use_state(|| 0_u32);
    {
        let dispatcher = state.dispatcher();
        use_latest_request((deps, *attempt), move |(deps, _), latest| {
            dispatcher.dispatch(FetchAction::Started);
            let request = fetch(deps);
            spawn_local(async move {
                let result = request.await;
                if latest.is_current() {
                    dispatcher.dispatch(FetchAction::Finished(result));
                }
            });
        });
    }
    let reload = Callback::from(move |()| attempt.set(*attempt + 1));
    Fetched {
        answer: state.answer.clone(),
        loading: state.loading,
        reload,
    }
}
