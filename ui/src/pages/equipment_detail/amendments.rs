//! A record's corrections, oldest first: when, why, and what each one changed.

use benchlog_domain::record::{Amendment, CalibrationRecord, RecordDetails};
use yew::prelude::*;

use super::changes::{Change, amended_versions, changes};
use crate::format::local_timestamp;

/// Properties of [`Amendments`].
#[derive(Properties, PartialEq)]
pub struct AmendmentsProps {
    /// The record, with its amendments.
    pub record: CalibrationRecord,
}

/// `section.amendments`: an `li.amendment` per correction with its time, its reason
/// (`.amendment-reason`) and its changes (`ul.amendment-changes`); nothing when the record
/// was never amended.
#[component]
pub fn Amendments(props: &AmendmentsProps) -> Html {
    let versions = amended_versions(&props.record);
    if versions.is_empty() {
        return html! {};
    }
    let title_id = format!("record-{}-amendments", props.record.id);
    html! {
        <section class="amendments" aria-labelledby={title_id.clone()}>
            <h3 id={title_id} class="amendments-title">{"Amendments"}</h3>
            <ol class="amendment-list">
                {for versions.into_iter().enumerate().map(|(index, (amendment, after))| {
                    entry(index + 1, amendment, after)
                })}
            </ol>
        </section>
    }
}

/// The `number`th correction, which turned `amendment.previous` into `after`.
fn entry(number: usize, amendment: &Amendment, after: &RecordDetails) -> Html {
    let found = changes(&amendment.previous, after);
    html! {
        <li class="amendment">
            <div class="amendment-heading">
                <span class="amendment-number">{format!("Amendment {number}")}</span>
                <time datetime={amendment.amended_at.to_rfc3339()}>
                    {local_timestamp(amendment.amended_at)}
                </time>
            </div>
            <p class="amendment-reason">
                <span class="visually-hidden">{"Reason: "}</span>{&amendment.reason}
            </p>
            if found.is_empty() {
                <p class="muted amendment-none">{"Nothing was changed."}</p>
            } else {
                <ul class="amendment-changes">{for found.iter().map(change)}</ul>
            }
        </li>
    }
}

/// One change: "Certificate number C-118 → C-119", or what changed in the points.
fn change(change: &Change) -> Html {
    match change {
        Change::Field {
            label,
            before,
            after,
        } => html! {
            <li class="amendment-change">
                <span class="change-label">{*label}</span>{" "}
                <span class="change-before">{before}</span>
                <span class="change-arrow" aria-hidden="true">{"→"}</span>
                <span class="visually-hidden">{" changed to "}</span>
                <span class="change-after">{after}</span>
            </li>
        },
        Change::Points => html! {
            <li class="amendment-change">{"Measurement points changed"}</li>
        },
        Change::Standards => html! {
            <li class="amendment-change">{"Standards used changed"}</li>
        },
    }
}
