//! The register's table: one row per item, sortable column headers.

use benchlog_domain::equipment::{EquipmentId, EquipmentSummary, SortColumn, SortDirection};
use yew::prelude::*;

use crate::components::sort_header::SortHeader;
use crate::components::status_badge::StatusBadge;
use crate::format::{local_date, local_timestamp};

/// Properties of [`EquipmentTable`].
#[derive(Properties, PartialEq)]
pub struct EquipmentTableProps {
    /// The rows to show.
    pub items: Vec<EquipmentSummary>,
    /// The column the rows are sorted by.
    pub sort: SortColumn,
    /// The sort direction.
    pub direction: SortDirection,
    /// Whether newer rows are on their way (the rows shown are dimmed, after a delay).
    #[prop_or_default]
    pub refreshing: bool,
    /// Asks to sort by a column.
    pub on_sort: Callback<SortColumn>,
    /// Opens an item.
    pub on_open: Callback<EquipmentId>,
}

/// The table (`class="equipment-table"`); each row is `<tr data-asset-tag="…">`, opened by
/// a click anywhere on it or by its `<button class="row-open">`.
#[component]
pub fn EquipmentTable(props: &EquipmentTableProps) -> Html {
    let header = |label: &'static str, column: SortColumn, class: &'static str| {
        html! {
            <SortHeader {label} {column} class={class} sort={props.sort}
                direction={props.direction} on_sort={props.on_sort.clone()} />
        }
    };
    html! {
        <div class="table-scroll">
            <table class={classes!("equipment-table", props.refreshing.then_some("refreshing"))}
                aria-busy={props.refreshing.then_some("true")}>
                <thead>
                    <tr>
                        {header("Asset tag", SortColumn::AssetTag, "col-tag")}
                        {header("Name", SortColumn::Name, "col-name")}
                        <th scope="col" class="col-model">
                            <span class="th-label">{"Manufacturer / Model"}</span>
                        </th>
                        {header("Serial number", SortColumn::SerialNumber, "col-serial")}
                        {header("Location", SortColumn::Location, "col-location")}
                        {header("Status", SortColumn::Status, "col-status")}
                        {header("Updated", SortColumn::UpdatedAt, "col-updated")}
                    </tr>
                </thead>
                <tbody>
                    {for props.items.iter().map(|item| row(item, &props.on_open))}
                </tbody>
            </table>
        </div>
    }
}

/// One item's row.
fn row(item: &EquipmentSummary, on_open: &Callback<EquipmentId>) -> Html {
    let onclick = {
        let (on_open, id) = (on_open.clone(), item.id);
        move |_| on_open.emit(id)
    };
    let make_model = [item.manufacturer.as_str(), item.model.as_str()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <tr key={item.id.to_string()} data-asset-tag={item.asset_tag.clone()} {onclick}>
            <td class="col-tag">
                // No handler of its own: its click (also from Enter or Space) bubbles to the row.
                <button type="button" class="row-open"
                    aria-label={format!("Open {} · {}", item.asset_tag, item.name)}>
                    {&item.asset_tag}
                </button>
            </td>
            <td class="col-name">
                <span class="cell-name">{&item.name}</span>
                if item.reference_standard {
                    <span class="tag" title="Reference standard: used to calibrate other equipment">
                        {"Ref. std"}
                    </span>
                }
                if item.out_of_tolerance {
                    <span class="tag tag-danger" title="Its latest calibration failed">
                        {"Out of tolerance"}
                    </span>
                }
            </td>
            <td class="col-model">{or_dash(&make_model)}</td>
            <td class="col-serial mono">{or_dash(&item.serial_number)}</td>
            <td class="col-location">{or_dash(&item.location)}</td>
            <td class="col-status"><StatusBadge status={item.status} /></td>
            <td class="col-updated" title={local_timestamp(item.updated_at)}>
                {local_date(item.updated_at)}
            </td>
        </tr>
    }
}

/// The text, or a muted dash when it is empty.
fn or_dash(text: &str) -> Html {
    if text.is_empty() {
        html! { <span class="muted">{"—"}</span> }
    } else {
        html! { {text.to_owned()} }
    }
}
