//! The equipment register: search, filter, sort and page through it, and open an item.

use std::cell::RefCell;
use std::rc::Rc;

use benchlog_domain::equipment::{
    EquipmentId, EquipmentPage, EquipmentQuery, EquipmentStatus, SortColumn, SortDirection,
};
use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::ListEquipment;
use benchlog_domain::key::Keyed;
use gloo_timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::equipment_table::EquipmentTable;
use crate::components::loading::Loading;
use crate::components::notice::{Notice, NoticeKind};
use crate::components::page_header::PageHeader;
use crate::components::pager::{Pager, page_past_end};
use crate::dom::is_typing_target;
use crate::hooks::{use_document_keydown, use_latest_request};
use crate::ipc::call;

/// How long typing must pause before the search runs.
const SEARCH_DELAY_MS: u32 = 250;

/// A change the user makes to the list's query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryChange {
    /// New search text.
    Search(String),
    /// Only items with this status, or all.
    Status(Option<EquipmentStatus>),
    /// Sort by this column, or reverse it if the list is already sorted by it.
    Sort(SortColumn),
    /// Show this page (counted from 0).
    Page(u32),
    /// Drop the search text and the status filter.
    Clear,
}

impl QueryChange {
    /// Applies the change; every change but paging goes back to the first page.
    pub fn apply(self, query: &mut EquipmentQuery) {
        match self {
            Self::Search(search) if search == query.search => return,
            Self::Search(search) => query.search = search,
            Self::Status(status) => query.status = status,
            Self::Sort(column) if column == query.sort => {
                query.direction = query.direction.reversed();
            }
            Self::Sort(column) => {
                query.sort = column;
                // Most recently changed first is the useful order for dates.
                query.direction = match column {
                    SortColumn::UpdatedAt => SortDirection::Descending,
                    _ => SortDirection::Ascending,
                };
            }
            Self::Page(page) => {
                query.page = page;
                return;
            }
            Self::Clear => {
                query.search.clear();
                query.status = None;
            }
        }
        query.page = 0;
    }
}

/// Properties of [`EquipmentList`].
#[derive(Properties, PartialEq)]
pub struct EquipmentListProps {
    /// What to show; kept by the app so it survives a visit to an item.
    pub query: EquipmentQuery,
    /// Asks to change the query.
    pub on_query: Callback<QueryChange>,
    /// Opens an item's page.
    pub on_open: Callback<EquipmentId>,
    /// Opens the form for a new item.
    pub on_add: Callback<()>,
}

/// The latest answer to the list's query.
#[derive(Default, PartialEq)]
struct ListState {
    /// Whether a request is in flight.
    loading: bool,
    /// The last answer and the query it answers, kept on screen while a newer one loads.
    answer: Option<(EquipmentQuery, Result<EquipmentPage, ApiError>)>,
}

/// What happens to [`ListState`].
enum ListAction {
    /// A request went out.
    Started,
    /// The latest request, for this query, was answered.
    Finished(EquipmentQuery, Result<EquipmentPage, ApiError>),
}

impl Reducible for ListState {
    type Action = ListAction;

    fn reduce(self: Rc<Self>, action: ListAction) -> Rc<Self> {
        let (loading, answer) = match action {
            ListAction::Started => (true, self.answer.clone()),
            ListAction::Finished(query, result) => (false, Some((query, result))),
        };
        Rc::new(Self { loading, answer })
    }
}

/// The equipment list page.
#[component]
pub fn EquipmentList(props: &EquipmentListProps) -> Html {
    let state = use_reducer(ListState::default);
    let reload = use_state(|| 0_u32);

    {
        let dispatcher = state.dispatcher();
        let on_query = props.on_query.clone();
        use_latest_request((props.query.clone(), *reload), move |(query, _), latest| {
            dispatcher.dispatch(ListAction::Started);
            let query = query.clone();
            spawn_local(async move {
                let result = call::<ListEquipment>(&query).await;
                if !latest.is_current() {
                    return; // A newer query is on its way, or the list is gone.
                }
                // Past the last page, e.g. after deletions: show the last page instead.
                if let Some(last_page) = result
                    .as_ref()
                    .ok()
                    .and_then(|p| page_past_end(p, query.page))
                {
                    on_query.emit(QueryChange::Page(last_page));
                    return;
                }
                dispatcher.dispatch(ListAction::Finished(query, result));
            });
        });
    }

    let on_sort = props.on_query.reform(QueryChange::Sort);
    let on_page = props.on_query.reform(QueryChange::Page);
    let on_clear = props.on_query.reform(|()| QueryChange::Clear);
    let on_retry = {
        let reload = reload.clone();
        Callback::from(move |_: MouseEvent| reload.set(*reload + 1))
    };
    let on_add = props.on_add.reform(|_: MouseEvent| ());
    let query = &props.query;

    let content = match &state.answer {
        None => html! { <Loading label="Loading equipment…" /> },
        Some((_, Err(error))) => html! {
            <Notice kind={NoticeKind::Error} actions={html! {
                <button type="button" class="button secondary small" id="retry-list"
                    disabled={state.loading} onclick={on_retry}>
                    {if state.loading { "Retrying…" } else { "Retry" }}
                </button>
            }}>
                <strong>{"The equipment list could not be loaded. "}</strong>
                {error.to_string()}
            </Notice>
        },
        Some((answered, Ok(page))) if page.items.is_empty() => {
            empty_state(answered, on_add.clone(), on_clear.clone())
        }
        Some((_, Ok(page))) => html! {
            <>
                <EquipmentTable items={page.items.clone()} sort={query.sort}
                    direction={query.direction} refreshing={state.loading}
                    on_sort={on_sort} on_open={props.on_open.clone()} />
                <div class="table-footer">
                    <Pager page={page.page} first={page.first_position()}
                        last={page.last_position()} total={page.total}
                        total_is_exact={page.total_is_exact} has_next={page.has_next()}
                        {on_page} />
                </div>
            </>
        },
    };

    html! {
        <section class="page page-list">
            <PageHeader title="Equipment">
                <button type="button" id="add-equipment" class="button primary"
                    onclick={on_add}>{"Add equipment"}</button>
            </PageHeader>
            <Toolbar query={query.clone()} on_query={props.on_query.clone()} />
            {content}
        </section>
    }
}

/// What the list shows when there are no rows: an invitation to add the first item, or a
/// way out of a search that matches nothing.
fn empty_state(
    query: &EquipmentQuery,
    on_add: Callback<MouseEvent>,
    on_clear: Callback<()>,
) -> Html {
    let search = query.search_term();
    if search.is_empty() && query.status.is_none() {
        return html! {
            <div class="empty-state">
                <div class="empty-icon" aria-hidden="true">{icon(INSTRUMENT_ICON)}</div>
                <h2>{"No equipment yet"}</h2>
                <p>{"Add the instruments, gauges and reference standards your lab keeps. \
                     You can then find each one by asset tag, name, serial number or location."}</p>
                <button type="button" id="add-first-equipment" class="button primary"
                    onclick={on_add}>{"Add your first equipment"}</button>
            </div>
        };
    }
    let (title, hint) = match (search.is_empty(), query.status.map(EquipmentStatus::label)) {
        (false, Some(status)) => (
            format!("No equipment matches “{search}” with status {status}"),
            "Check the spelling, or try another status.",
        ),
        (false, None) => (
            format!("No equipment matches “{search}”"),
            "Check the spelling, or search by another asset tag, name, serial number or location.",
        ),
        (true, status) => (
            format!(
                "No equipment matches the status {}",
                status.unwrap_or_default()
            ),
            "No item has this status at the moment.",
        ),
    };
    html! {
        <div class="empty-state">
            <div class="empty-icon" aria-hidden="true">{icon(SEARCH_ICON)}</div>
            <h2>{title}</h2>
            <p>{hint}</p>
            <button type="button" id="clear-search" class="button secondary"
                onclick={move |_| on_clear.emit(())}>
                {if search.is_empty() { "Clear filter" } else { "Clear search" }}
            </button>
        </div>
    }
}

/// A measuring instrument's outline (a 20 × 20 stroke icon path).
const INSTRUMENT_ICON: &str = "M5 2.5h10a1.5 1.5 0 0 1 1.5 1.5v12a1.5 1.5 0 0 1-1.5 1.5H5A1.5 1.5 0 0 1 3.5 16V4A1.5 1.5 0 0 1 5 2.5ZM6.5 5.5h7v4h-7zM10 12.5v2";
/// A magnifying glass (a 20 × 20 stroke icon path).
const SEARCH_ICON: &str = "M9 3.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11ZM13 13l3.5 3.5";

/// A 20 × 20 line icon drawn with `path`.
fn icon(path: &'static str) -> Html {
    html! {
        <svg width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="currentColor"
            stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">
            <path d={path} />
        </svg>
    }
}

/// Properties of [`Toolbar`].
#[derive(Properties, PartialEq)]
struct ToolbarProps {
    /// The list's query.
    query: EquipmentQuery,
    /// Asks to change it.
    on_query: Callback<QueryChange>,
}

/// The search box (`id="equipment-search"`) and the status filter (`id="status-filter"`).
///
/// Search runs when typing pauses, or at once on Enter, which is how a barcode scanner ends
/// an asset tag; the text is then selected, so the next scan replaces it. "/" anywhere
/// outside a field jumps to the search box.
#[component]
fn Toolbar(props: &ToolbarProps) -> Html {
    let text = use_state(|| props.query.search.clone());
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let search_ref = use_node_ref();

    // The search can be cleared from outside ("Clear search"): follow such changes, but
    // never echo back text this box sent, which the user may have typed past by now.
    let sent = use_mut_ref(|| props.query.search.clone());
    {
        let (text, sent, pending) = (text.clone(), sent.clone(), pending.clone());
        use_effect_with(props.query.search.clone(), move |search| {
            if *sent.borrow() != *search {
                pending.borrow_mut().take();
                sent.replace(search.clone());
                text.set(search.clone());
            }
        });
    }
    // Options' `selected` attributes stop counting once the user picked one: set the value.
    let status = props.query.status;
    let status_ref = use_node_ref();
    use_effect_with((status, status_ref.clone()), |(status, status_ref)| {
        if let Some(select) = status_ref.cast::<HtmlSelectElement>() {
            select.set_value(status.map_or("", EquipmentStatus::key));
        }
    });
    // Ready for a scan, which replaces the search shown rather than adding to it.
    use_effect_with(search_ref.clone(), |search_ref| {
        if let Some(input) = search_ref.cast::<HtmlInputElement>() {
            let _ = input.focus();
            input.select();
        }
    });
    let on_slash = use_callback(search_ref.clone(), |e: KeyboardEvent, search_ref| {
        let plain = !(e.ctrl_key() || e.meta_key() || e.alt_key());
        if e.key() == "/"
            && plain
            && !is_typing_target(&e)
            && let Some(input) = search_ref.cast::<HtmlInputElement>()
        {
            e.prevent_default();
            let _ = input.focus();
            input.select();
        }
    });
    use_document_keydown(on_slash);

    let oninput = {
        let (text, pending, sent) = (text.clone(), pending.clone(), sent.clone());
        let on_query = props.on_query.clone();
        move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            text.set(value.clone());
            let (on_query, sent) = (on_query.clone(), sent.clone());
            // Replacing the timeout cancels the previous one.
            *pending.borrow_mut() = Some(Timeout::new(SEARCH_DELAY_MS, move || {
                sent.replace(value.clone());
                on_query.emit(QueryChange::Search(value));
            }));
        }
    };
    let onkeydown = {
        let (pending, sent, on_query) = (pending.clone(), sent.clone(), props.on_query.clone());
        move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                pending.borrow_mut().take();
                let input = e.target_unchecked_into::<HtmlInputElement>();
                let value = input.value();
                sent.replace(value.clone());
                on_query.emit(QueryChange::Search(value));
                // The next scan then replaces this tag instead of being appended to it.
                input.select();
            }
        }
    };
    let onchange = {
        let on_query = props.on_query.clone();
        move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_query.emit(QueryChange::Status(EquipmentStatus::from_key(&key)));
        }
    };
    html! {
        <div class="toolbar" role="search">
            <div class="search-box">
                <span class="search-icon" aria-hidden="true"></span>
                <input type="search" id="equipment-search" ref={search_ref}
                    placeholder="Search tag, name, serial or location"
                    aria-label="Search equipment" aria-keyshortcuts="/"
                    autocomplete="off" spellcheck="false"
                    value={(*text).clone()} {oninput} {onkeydown} />
                <kbd class="search-shortcut" aria-hidden="true">{"/"}</kbd>
            </div>
            <select id="status-filter" ref={status_ref} aria-label="Filter by status" {onchange}>
                <option value="" selected={status.is_none()}>{"All statuses"}</option>
                {for EquipmentStatus::ALL.iter().copied().map(|s| html! {
                    <option value={s.key()} selected={status == Some(s)}>{s.label()}</option>
                })}
            </select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(changes: impl IntoIterator<Item = QueryChange>) -> EquipmentQuery {
        let mut query = EquipmentQuery::default();
        for change in changes {
            change.apply(&mut query);
        }
        query
    }

    #[test]
    fn sorting_twice_reverses_and_goes_back_to_the_first_page() {
        let query = applied([
            QueryChange::Sort(SortColumn::Name),
            QueryChange::Page(3),
            QueryChange::Sort(SortColumn::Name),
        ]);
        assert_eq!(query.sort, SortColumn::Name);
        assert_eq!(query.direction, SortDirection::Descending);
        assert_eq!(query.page, 0);
    }

    #[test]
    fn dates_sort_newest_first() {
        let query = applied([QueryChange::Sort(SortColumn::UpdatedAt)]);
        assert_eq!(query.direction, SortDirection::Descending);
    }

    #[test]
    fn repeating_the_same_search_keeps_the_page() {
        let query = applied([
            QueryChange::Search("dmm".into()),
            QueryChange::Page(2),
            QueryChange::Search("dmm".into()),
        ]);
        assert_eq!(query.page, 2);
        let query = applied([QueryChange::Page(2), QueryChange::Search("x".into())]);
        assert_eq!(query.page, 0);
    }

    #[test]
    fn clear_drops_search_and_filter() {
        let query = applied([
            QueryChange::Search("dmm".into()),
            QueryChange::Status(Some(EquipmentStatus::Lost)),
            QueryChange::Clear,
        ]);
        assert_eq!(query, EquipmentQuery::default());
    }
}
