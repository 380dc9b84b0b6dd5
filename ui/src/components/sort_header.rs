//! A table column header that sorts the table by its column.

use benchlog_domain::equipment::{SortColumn, SortDirection};
use yew::prelude::*;

/// Properties of [`SortHeader`].
#[derive(Properties, PartialEq)]
pub struct SortHeaderProps {
    /// The column's name.
    pub label: AttrValue,
    /// The column this header sorts by.
    pub column: SortColumn,
    /// The column the table is sorted by now.
    pub sort: SortColumn,
    /// The current sort direction.
    pub direction: SortDirection,
    /// Asks to sort by this column (reversing it when it is already the sort column).
    pub on_sort: Callback<SortColumn>,
    /// Extra classes for the cell, e.g. for its width.
    #[prop_or_default]
    pub class: Classes,
}

/// A `<th>` holding a `<button>` that sorts; the active one shows ▲ or ▼ and `aria-sort`.
#[component]
pub fn SortHeader(props: &SortHeaderProps) -> Html {
    let active = props.column == props.sort;
    let (aria_sort, arrow) = match (active, props.direction) {
        (false, _) => (None, ""),
        (true, SortDirection::Ascending) => (Some("ascending"), "▲"),
        (true, SortDirection::Descending) => (Some("descending"), "▼"),
    };
    let onclick = {
        let on_sort = props.on_sort.clone();
        let column = props.column;
        move |_| on_sort.emit(column)
    };
    html! {
        <th scope="col" aria-sort={aria_sort} class={props.class.clone()}>
            <button type="button" class={classes!("sort-button", active.then_some("active"))}
                {onclick}>
                {props.label.clone()}
                <span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}
