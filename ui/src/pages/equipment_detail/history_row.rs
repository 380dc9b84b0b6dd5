//! One record in the history: its summary row, and its details when expanded.

use benchlog_domain::record::CalibrationRecord;
use yew::prelude::*;

use super::record_details::RecordBreakdown;
use crate::components::calibration_badges::ResultBadge;
use crate::format::{iso_date, local_timestamp};

/// Properties of [`HistoryRow`].
#[derive(Properties, PartialEq)]
pub struct HistoryRowProps {
    /// The record.
    pub record: CalibrationRecord,
    /// Opens the form that corrects it.
    pub on_amend: Callback<CalibrationRecord>,
    /// Shows a success notice.
    pub on_notice: Callback<String>,
}

/// One record (a `<tbody>` each, so the pair stays together): a summary row with
/// `.record-expand`, an `.amended-tag` once corrected and the `.amend-record` button; and
/// its details below when expanded (only then do its certificates load).
#[component]
pub fn HistoryRow(props: &HistoryRowProps) -> Html {
    let expanded = use_state(|| false);
    let record = &props.record;
    let details = &record.details;
    let details_id = format!("record-{}-details", record.id);
    let toggle = {
        let expanded = expanded.clone();
        move |_| expanded.set(!*expanded)
    };
    let date = iso_date(details.performed_on);
    let label = format!(
        "{} details of {date}",
        if *expanded { "Hide" } else { "Show" },
    );
    let amend = {
        let (on_amend, record) = (props.on_amend.clone(), record.clone());
        move |_| on_amend.emit(record.clone())
    };
    html! {
        <tbody class={classes!("record", expanded.then_some("expanded"))}>
            <tr data-record-id={record.id.to_string()}>
                <td class="col-expand">
                    <button type="button" class="record-expand" aria-label={label}
                        aria-expanded={expanded.to_string()} aria-controls={details_id.clone()}
                        onclick={toggle}>
                        <span class="chevron" aria-hidden="true"></span>
                    </button>
                </td>
                <td class="nowrap">{date.clone()}{amended_tag(record)}</td>
                <td>{&record.plan_name}</td>
                <td><ResultBadge result={details.result} /></td>
                <td>{&details.performed_by}</td>
                <td class="mono">
                    if details.certificate_number.is_empty() {
                        <span class="muted">{"—"}</span>
                    } else {
                        {&details.certificate_number}
                    }
                </td>
                <td class="numeric">{details.points.len()}</td>
                <td class="numeric">{attachments(record.certificate_count)}</td>
                <td class="row-actions">
                    <button type="button" class="button secondary small amend-record"
                        aria-label={format!("Amend the calibration of {date}")}
                        title="Correct this record; the correction and its reason stay in its history"
                        onclick={amend}>{"Amend"}</button>
                </td>
            </tr>
            <tr class="record-details-row" id={details_id} hidden={!*expanded}>
                <td colspan="9">
                    if *expanded {
                        <RecordBreakdown record={record.clone()}
                            on_notice={props.on_notice.clone()} />
                    }
                </td>
            </tr>
        </tbody>
    }
}

/// How many files are attached, or a muted dash, so records still missing their
/// certificate stand out.
fn attachments(count: u32) -> Html {
    match count {
        0 => html! { <span class="muted" title="No certificate files attached">{"—"}</span> },
        1 => html! { <span class="attachment-count">{"1 file"}</span> },
        count => html! { <span class="attachment-count">{format!("{count} files")}</span> },
    }
}

/// "Amended" (or "Amended ×2") once the record has been corrected; nothing before.
fn amended_tag(record: &CalibrationRecord) -> Html {
    let Some(latest) = record.amendments.last() else {
        return html! {};
    };
    let text = match record.amendments.len() {
        1 => "Amended".to_owned(),
        count => format!("Amended ×{count}"),
    };
    html! {
        <span class="tag amended-tag"
            title={format!("Last amended {}", local_timestamp(latest.amended_at))}>{text}</span>
    }
}
