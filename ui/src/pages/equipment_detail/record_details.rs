//! One record in full: how it was done and with which standards, its measurement points
//! with their verdicts, its certificates, and its amendments.

use benchlog_domain::plan::Provider;
use benchlog_domain::record::{CalibrationRecord, MeasurementPoint, StandardUsed};
use benchlog_domain::tolerance::Tolerance;
use yew::prelude::*;

use super::amendments::Amendments;
use super::certificates::Certificates;
use crate::components::calibration_badges::VerdictBadge;
use crate::format::local_timestamp;

/// Properties of [`RecordBreakdown`].
#[derive(Properties, PartialEq)]
pub struct RecordBreakdownProps {
    /// The record.
    pub record: CalibrationRecord,
    /// Shows a success notice.
    pub on_notice: Callback<String>,
}

/// The record's conditions, the standards it used (`ul.standards-used`, one
/// `li[data-asset-tag]` each, or "None") and notes, then `table.record-points`, then its
/// certificates (`section.certificates-panel`) and amendments (`section.amendments`).
#[component]
pub fn RecordBreakdown(props: &RecordBreakdownProps) -> Html {
    let details = &props.record.details;
    let provider = match details.provider {
        Provider::Internal => "Internal".to_owned(),
        Provider::External => format!("External: {}", details.external_lab),
    };
    let mut facts = vec![("Provider", provider)];
    let optional = [
        ("Procedure", details.procedure.clone()),
        (
            "Temperature",
            details
                .temperature
                .map(|t| format!("{t} °C"))
                .unwrap_or_default(),
        ),
        (
            "Humidity",
            details
                .humidity
                .map(|h| format!("{h} %RH"))
                .unwrap_or_default(),
        ),
    ];
    facts.extend(optional.into_iter().filter(|(_, value)| !value.is_empty()));
    facts.push(("Recorded", local_timestamp(props.record.created_at)));
    html! {
        <div class="record-details">
            <dl class="facts facts-inline">
                {for facts.into_iter().map(|(label, value)| html! {
                    <div class="fact"><dt>{label}</dt><dd>{value}</dd></div>
                })}
                <div class="fact fact-wide">
                    <dt>{"Standards used"}</dt>
                    <dd>{standards_used(&props.record.standards_used)}</dd>
                </div>
            </dl>
            if !details.notes.is_empty() {
                <p class="notes">{&details.notes}</p>
            }
            if details.points.is_empty() {
                <p class="muted">{"No measurement points were recorded."}</p>
            } else {
                <table class="record-points">
                    <thead>
                        <tr>
                            <th scope="col">{"Point"}</th>
                            <th scope="col" class="numeric">{"Nominal"}</th>
                            <th scope="col">{"Tolerance"}</th>
                            <th scope="col" class="numeric">{"Limits"}</th>
                            <th scope="col" class="numeric">{"As found"}</th>
                            <th scope="col" class="numeric">{"As left"}</th>
                        </tr>
                    </thead>
                    <tbody>{for details.points.iter().map(point_row)}</tbody>
                </table>
            }
            <Certificates record_id={props.record.id} on_notice={props.on_notice.clone()} />
            <Amendments record={props.record.clone()} />
        </div>
    }
}

/// The standards a record used, by asset tag and name: "STD1 · Voltage reference".
fn standards_used(standards: &[StandardUsed]) -> Html {
    if standards.is_empty() {
        return html! { <span class="muted">{"None"}</span> };
    }
    html! {
        <ul class="standards-used">
            {for standards.iter().map(|standard| html! {
                <li data-asset-tag={standard.asset_tag.clone()}>
                    <span class="mono">{&standard.asset_tag}</span>
                    {" · "}{&standard.name}
                </li>
            })}
        </ul>
    }
}

/// One measurement point.
fn point_row(point: &MeasurementPoint) -> Html {
    let (found, left) = point.verdicts();
    let unit = &point.unit;
    let with_unit = |value: String| {
        if unit.is_empty() {
            value
        } else {
            format!("{value} {unit}")
        }
    };
    html! {
        <tr>
            <td>
                if point.description.is_empty() {
                    <span class="muted">{"—"}</span>
                } else {
                    {&point.description}
                }
            </td>
            <td class="numeric">{with_unit(point.nominal.to_string())}</td>
            <td>{tolerance_text(&point.tolerance)}</td>
            <td class="numeric nowrap">
                {with_unit(format!("{} – {}", point.limits.low, point.limits.high))}
            </td>
            <td class="numeric nowrap">
                {point.as_found.to_string()}{" "}
                <VerdictBadge verdict={Some(found)} class="verdict-found" />
            </td>
            <td class="numeric nowrap">
                {point.as_left.to_string()}{" "}
                <VerdictBadge verdict={Some(left)} class="verdict-left" />
            </td>
        </tr>
    }
}

/// "± 0.1", "−0.2 / +0.5", "± 2 %".
fn tolerance_text(tolerance: &Tolerance) -> String {
    match *tolerance {
        Tolerance::PlusMinus { amount } => format!("± {amount}"),
        Tolerance::Percent { percent } => format!("± {percent} %"),
        Tolerance::Asymmetric { lower, upper } => {
            let signed = |text: String| {
                if text.starts_with('-') {
                    text
                } else {
                    format!("+{text}")
                }
            };
            format!(
                "{} / {}",
                signed(lower.to_string()),
                signed(upper.to_string())
            )
        }
    }
}
