//! The due list's filters: state, location, department and a range of due dates.

use benchlog_domain::due::DueQuery;
use benchlog_domain::equipment::Facets;
use benchlog_domain::ipc::ListFacets;
use benchlog_domain::schedule::PlanState;
use yew::prelude::*;

use super::due_list::{DueChange, is_filtered};
use crate::components::debounced_input::DebouncedInput;
use crate::components::field::Field;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::format::{iso_date, parse_date};
use crate::hooks::use_fetch;
use crate::ipc::call;
use benchlog_domain::key::Keyed;

/// Properties of [`DueFilters`].
#[derive(Properties, PartialEq)]
pub struct DueFiltersProps {
    /// The filters in effect.
    pub query: DueQuery,
    /// Asks to change them.
    pub on_query: Callback<DueChange>,
}

/// `#due-state`, `#due-location`, `#due-department`, `#due-from`, `#due-to`, and
/// `#due-clear` while any is set.
#[component]
pub fn DueFilters(props: &DueFiltersProps) -> Html {
    let query = &props.query;
    let on_query = &props.on_query;
    let mut states = vec![("".into(), "All states".into())];
    states.extend(
        PlanState::ALL
            .iter()
            .map(|state| (state.key().into(), state.label().into())),
    );
    let date = |id: &'static str,
                label: &'static str,
                value: Option<chrono::NaiveDate>,
                change: fn(Option<chrono::NaiveDate>) -> DueChange| {
        html! {
            <TextField {id} error_id={format!("{id}-error")} name={id} {label} kind="date"
                placeholder="YYYY-MM-DD" value={value.map(iso_date).unwrap_or_default()}
                on_input={on_query.reform(move |text: String| change(parse_date(&text)))} />
        }
    };
    // The values in use, offered as suggestions: the filters match them exactly.
    let facets = use_fetch((), |()| call::<ListFacets>(&()));
    let known = |pick: fn(&Facets) -> &Vec<String>| match facets.answer.as_deref() {
        Some(Ok(facets)) => pick(facets).clone(),
        _ => Vec::new(),
    };
    let text = |id: &'static str,
                label: &'static str,
                value: &str,
                change: fn(String) -> DueChange,
                options: Vec<String>| {
        let list = format!("{id}-options");
        html! {
            <Field id={id} {label}>
                <DebouncedInput {id} kind="text" value={value.to_owned()}
                    placeholder="Any" list={list.clone()} on_commit={on_query.reform(change)} />
                <datalist id={list}>
                    { for options.into_iter().map(|option| html! { <option value={option} /> }) }
                </datalist>
            </Field>
        }
    };
    html! {
        <div class="filters" role="search" aria-label="Filter the due list">
            <SelectField id="due-state" label="State" options={states}
                value={query.state.map_or("", |state| state.key())}
                on_change={on_query.reform(|key: String| DueChange::State(PlanState::from_key(&key)))} />
            {text("due-location", "Location", &query.location, DueChange::Location,
                known(|facets| &facets.locations))}
            {text("due-department", "Department", &query.department, DueChange::Department,
                known(|facets| &facets.departments))}
            {date("due-from", "Due from", query.due_from, DueChange::From)}
            {date("due-to", "Due to", query.due_to, DueChange::To)}
            if is_filtered(query) {
                <button type="button" id="due-clear" class="button secondary filters-clear"
                    onclick={on_query.reform(|_| DueChange::Clear)}>{"Clear filters"}</button>
            }
        </div>
    }
}
