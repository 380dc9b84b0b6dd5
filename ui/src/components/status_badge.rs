//! The coloured label for an item's status.

use benchlog_domain::equipment::EquipmentStatus;
use benchlog_domain::key::Keyed;
use yew::prelude::*;

/// Properties of [`StatusBadge`].
#[derive(Properties, PartialEq)]
pub struct StatusBadgeProps {
    /// The status to show.
    pub status: EquipmentStatus,
}

/// A pill such as "Active" (`class="badge badge-active"`), coloured by status.
#[component]
pub fn StatusBadge(props: &StatusBadgeProps) -> Html {
    let status = props.status;
    html! {
        <span class={classes!("badge", format!("badge-{}", status.key()))}>
            {status.label()}
        </span>
    }
}
