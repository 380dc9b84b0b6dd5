//! The app's frame — sidebar, main area, notices — and which page it shows.

use std::rc::Rc;

use benchlog_domain::equipment::{EquipmentId, EquipmentQuery};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::components::notice::{Notice, NoticeKind};
use crate::dom::APP_FRAME_ID;
use crate::pages::equipment_form::EquipmentFormPage;
use crate::pages::equipment_list::{EquipmentList, QueryChange};

/// How long a success notice stays up.
const NOTICE_MS: u32 = 5_000;

/// The pages the app can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The equipment register.
    EquipmentList,
    /// The form for a new item.
    NewEquipment,
    /// The form for an existing item.
    EditEquipment(EquipmentId),
}

/// A short-lived message such as "Saved 0042 · Digital multimeter".
#[derive(Debug, Clone, PartialEq, Eq)]
struct Toast {
    /// Tells one toast from the next, so a timer only hides its own.
    id: u32,
    /// The message.
    message: String,
}

/// Everything the app remembers across pages.
#[derive(Debug, Clone, PartialEq)]
struct AppState {
    /// The page shown.
    page: Page,
    /// The list's search, filter, sort and page, kept while an item is open.
    list_query: EquipmentQuery,
    /// The notice shown, if any.
    toast: Option<Toast>,
    /// The id the next toast gets.
    next_toast: u32,
}

/// What happens in the app.
enum AppAction {
    /// Show another page.
    Navigate(Page),
    /// The list's query changed.
    Query(QueryChange),
    /// A page finished its work: back to the list, with a notice of what was done. Only
    /// the notice shows if the user has gone to another page meanwhile.
    Done {
        /// The page that finished.
        from: Page,
        /// What was done, e.g. "Saved 0042 · Digital multimeter".
        message: String,
    },
    /// Hide the toast with this id, if it is still shown.
    HideToast(u32),
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AppAction::Navigate(page) => {
                next.page = page;
                next.toast = None;
            }
            AppAction::Query(change) => change.apply(&mut next.list_query),
            AppAction::Done { from, message } => {
                if next.page == from {
                    next.page = Page::EquipmentList;
                }
                next.toast = Some(Toast {
                    id: next.next_toast,
                    message,
                });
                next.next_toast = next.next_toast.wrapping_add(1);
            }
            AppAction::HideToast(id) => {
                if next.toast.as_ref().is_some_and(|toast| toast.id == id) {
                    next.toast = None;
                }
            }
        }
        Rc::new(next)
    }
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState {
        page: Page::EquipmentList,
        list_query: EquipmentQuery::default(),
        toast: None,
        next_toast: 0,
    });

    // Hide each toast after a while; a newer toast restarts the clock.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.toast.as_ref().map(|toast| toast.id), move |id| {
            let timeout = id.map(|id| {
                Timeout::new(NOTICE_MS, move || {
                    dispatcher.dispatch(AppAction::HideToast(id))
                })
            });
            move || drop(timeout)
        });
    }

    let dispatcher = state.dispatcher().to_callback();
    let navigate = |page: Page| dispatcher.reform(move |()| AppAction::Navigate(page));
    let on_cancel = navigate(Page::EquipmentList);
    let on_done = |from: Page| dispatcher.reform(move |message| AppAction::Done { from, message });
    let page = match state.page {
        Page::EquipmentList => html! {
            <EquipmentList query={state.list_query.clone()}
                on_query={dispatcher.reform(AppAction::Query)}
                on_open={dispatcher.reform(|id| AppAction::Navigate(Page::EditEquipment(id)))}
                on_add={navigate(Page::NewEquipment)} />
        },
        Page::NewEquipment => html! {
            <EquipmentFormPage key="new" on_done={on_done(state.page)} {on_cancel} />
        },
        Page::EditEquipment(id) => html! {
            <EquipmentFormPage key={id.to_string()} {id} on_done={on_done(state.page)}
                {on_cancel} />
        },
    };
    let toast = state.toast.as_ref().map(|toast| {
        let id = toast.id;
        html! {
            <Notice kind={NoticeKind::Success} class="toast"
                on_dismiss={dispatcher.reform(move |()| AppAction::HideToast(id))}>
                {toast.message.clone()}
            </Notice>
        }
    });
    let on_equipment = {
        let go = navigate(Page::EquipmentList);
        move |_: MouseEvent| go.emit(())
    };

    // Every page is part of the one section, so its item always looks active; but only the
    // list is the page it leads to.
    let on_list = state.page == Page::EquipmentList;

    html! {
        <div class="app" id={APP_FRAME_ID}>
            <aside class="sidebar">
                <div class="wordmark">
                    <span class="wordmark-mark" aria-hidden="true"></span>
                    <span class="wordmark-text">{"Benchlog"}</span>
                </div>
                <nav class="nav" aria-label="Sections">
                    <button type="button" class="nav-item active"
                        aria-current={on_list.then_some("page")} onclick={on_equipment}>
                        <span class="nav-icon nav-icon-equipment" aria-hidden="true"></span>
                        {"Equipment"}
                    </button>
                </nav>
                <div class="sidebar-footer">{concat!("Version ", env!("CARGO_PKG_VERSION"))}</div>
            </aside>
            <main class="main">{page}</main>
            <div class="toasts" role="status" aria-live="polite">{toast}</div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn showing(page: Page) -> Rc<AppState> {
        Rc::new(AppState {
            page,
            list_query: EquipmentQuery::default(),
            toast: None,
            next_toast: 0,
        })
    }

    fn done(from: Page) -> AppAction {
        AppAction::Done {
            from,
            message: "Saved 0042 · DMM".into(),
        }
    }

    #[test]
    fn done_goes_back_to_the_list_with_a_notice() {
        let state = showing(Page::NewEquipment).reduce(done(Page::NewEquipment));
        assert_eq!(state.page, Page::EquipmentList);
        assert_eq!(
            state.toast.as_ref().map(|t| t.message.as_str()),
            Some("Saved 0042 · DMM")
        );
    }

    #[test]
    fn a_late_done_does_not_take_the_user_away_from_another_page() {
        let state = showing(Page::EquipmentList)
            .reduce(AppAction::Navigate(Page::NewEquipment))
            .reduce(done(Page::EquipmentList));
        assert_eq!(state.page, Page::NewEquipment);
        assert!(state.toast.is_some());
    }
}
