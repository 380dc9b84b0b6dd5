//! Choosing the reference standards a calibration used: search, click to add, chips.

use benchlog_domain::equipment::{EquipmentId, EquipmentQuery, EquipmentStatus, EquipmentSummary};
use benchlog_domain::ipc::ListEquipment;
use benchlog_domain::record::StandardUsed;
use yew::prelude::*;

use crate::components::debounced_input::DebouncedInput;
use crate::components::load_error::LoadError;
use crate::components::status_badge::StatusBadge;
use crate::format::describe;
use crate::hooks::use_fetch;
use crate::ipc::call;

/// How many matches the picker lists.
const SHOWN: usize = 8;

/// Properties of [`StandardsPicker`].
#[derive(Properties, PartialEq)]
pub struct StandardsPickerProps {
    /// The standards chosen so far.
    pub selected: Vec<StandardUsed>,
    /// The item being calibrated, which cannot be its own standard.
    pub exclude: EquipmentId,
    /// A message about the standards, if any.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Adds a standard.
    pub on_add: Callback<EquipmentSummary>,
    /// Takes one off.
    pub on_remove: Callback<EquipmentId>,
}

/// Chips (`.standard-chip[data-asset-tag]`, removed with `.chip-remove`), the search box
/// (`#standard-search`) and the matches (`.standard-option[data-asset-tag]`).
#[component]
pub fn StandardsPicker(props: &StandardsPickerProps) -> Html {
    let search = use_state(String::new);
    let found = use_fetch((*search).clone(), |search| {
        let query = EquipmentQuery {
            search: search.clone(),
            reference_standards_only: true,
            ..EquipmentQuery::default()
        };
        async move { call::<ListEquipment>(&query).await }
    });
    let chips = props.selected.iter().map(|item| {
        let id = item.id;
        html! {
            <li class="standard-chip" key={id.to_string()} data-asset-tag={item.asset_tag.clone()}>
                <span class="mono">{&item.asset_tag}</span>
                <span>{&item.name}</span>
                <button type="button" class="chip-remove"
                    aria-label={format!("Remove {}", item.asset_tag)}
                    onclick={props.on_remove.reform(move |_| id)}>{"×"}</button>
            </li>
        }
    });
    let choices = match found.answer.as_deref() {
        None => html! { <p class="muted picker-note">{"Searching…"}</p> },
        Some(Err(error)) => html! {
            <LoadError what="Reference standards could not be searched." error={error.clone()}
                retrying={found.loading} on_retry={found.reload.clone()} />
        },
        Some(Ok(page)) => {
            let open: Vec<&EquipmentSummary> = (page.items.iter())
                .filter(|item| item.id != props.exclude)
                .filter(|item| props.selected.iter().all(|chosen| chosen.id != item.id))
                .take(SHOWN)
                .collect();
            if open.is_empty() {
                let note = match (search.trim().is_empty(), page.items.is_empty()) {
                    (true, true) => "No reference standards yet. Tick “Reference standard” on an item to list it here.".to_owned(),
                    (false, true) => format!("No reference standard matches “{}”", search.trim()),
                    (_, false) => "All matching standards are added.".to_owned(),
                };
                html! { <p class="muted picker-note">{note}</p> }
            } else {
                html! {
                    <ul class="standard-options" aria-label="Reference standards">
                        {for open.into_iter().map(|item| option(item, &props.on_add))}
                    </ul>
                }
            }
        }
    };
    html! {
        <div class="standards">
            if props.selected.is_empty() {
                <p class="muted picker-note">{"None added yet."}</p>
            } else {
                <ul class="standard-chips" aria-label="Standards used">{for chips}</ul>
            }
            <div class="search-box">
                <span class="search-icon" aria-hidden="true"></span>
                <DebouncedInput id="standard-search" value={(*search).clone()}
                    placeholder="Search reference standards by tag or name"
                    aria_label="Search reference standards"
                    on_commit={Callback::from(move |text| search.set(text))} />
            </div>
            if let Some(error) = &props.error {
                <p class="field-error" id="record-error-standards">{error.clone()}</p>
            }
            {choices}
        </div>
    }
}

/// One match, added with a click.
fn option(item: &EquipmentSummary, on_add: &Callback<EquipmentSummary>) -> Html {
    let chosen = item.clone();
    html! {
        <li key={item.id.to_string()}>
            <button type="button" class="standard-option" data-asset-tag={item.asset_tag.clone()}
                onclick={on_add.reform(move |_| chosen.clone())}>
                <span class="option-plus" aria-hidden="true">{"+"}</span>
                <span>{describe(&item.asset_tag, &item.name)}</span>
                if item.status != EquipmentStatus::Active {
                    <StatusBadge status={item.status} />
                }
                if item.out_of_tolerance {
                    <span class="badge badge-out-of-tolerance">{"Out of tolerance"}</span>
                }
            </button>
        </li>
    }
}
