//! The measurement points: one row per reading, judged live as it is typed.

use benchlog_domain::error::FieldError;
use benchlog_domain::record::{PointFields, ToleranceKind};
use yew::prelude::*;

use super::state::{PREFIX, PointText, RecordAction, point_input_id, point_key};
use crate::components::calibration_badges::VerdictBadge;
use crate::components::field::error_id;
use crate::components::text_field::value_of;
use crate::dom::focus_by_id;
use crate::forms::message_for;
use benchlog_domain::key::Keyed;

use crate::labels::tolerance_kind_label;

/// Properties of [`PointsTable`].
#[derive(Properties, PartialEq)]
pub struct PointsTableProps {
    /// The points as typed.
    pub points: Vec<PointFields>,
    /// A stable key per row.
    pub row_keys: Vec<u32>,
    /// All the form's messages; each row picks its own (`points.{i}.{name}`).
    pub errors: Vec<FieldError>,
    /// Reports an edit.
    pub on_action: Callback<RecordAction>,
}

/// `table.points-table` and the "Add point" button (`#add-point`).
#[component]
pub fn PointsTable(props: &PointsTableProps) -> Html {
    // A new row takes focus at its description.
    let count = props.points.len();
    let seen = use_mut_ref(|| count);
    use_effect_with(count, move |&count| {
        if count > *seen.borrow() {
            focus_by_id(&point_input_id(count - 1, PointText::Description.key()));
        }
        *seen.borrow_mut() = count;
    });
    let rows = props.points.iter().zip(&props.row_keys).enumerate();
    html! {
        <div class="points">
            if props.points.is_empty() {
                <p class="points-empty muted">
                    {"No measurement points yet. Add the readings you took, or choose the result below."}
                </p>
            } else {
                <div class="table-scroll">
                    <table class="points-table">
                        <thead>
                            <tr>
                                <th scope="col" class="col-index">{"#"}</th>
                                <th scope="col">{"Description"}</th>
                                <th scope="col" class="col-nominal">{"Nominal"}</th>
                                <th scope="col" class="col-unit">{"Unit"}</th>
                                <th scope="col">{"Tolerance"}</th>
                                <th scope="col" class="col-reading">{"As found"}</th>
                                <th scope="col" class="col-reading">{"As left"}</th>
                                <th scope="col" class="col-remove">
                                    <span class="visually-hidden">{"Remove"}</span>
                                </th>
                            </tr>
                        </thead>
                        {for rows.map(|(index, (point, key))| {
                            let errors: Vec<FieldError> = props.errors.iter()
                                .filter(|e| point_key(&e.field).is_some_and(|(i, _)| i == index))
                                .cloned().collect();
                            html! {
                                <PointRow key={*key} {index} point={point.clone()} {errors}
                                    on_action={props.on_action.clone()} />
                            }
                        })}
                    </table>
                </div>
            }
            if let Some(error) = message_for(&props.errors, "points") {
                <p class="field-error" id={error_id(PREFIX, "points")}>{error}</p>
            }
            <button type="button" id="add-point" class="button secondary small"
                onclick={props.on_action.reform(|_| RecordAction::AddPoint)}>{"+ Add point"}</button>
        </div>
    }
}

/// Properties of [`PointRow`].
#[derive(Properties, PartialEq)]
struct PointRowProps {
    index: usize,
    point: PointFields,
    /// This row's messages.
    errors: Vec<FieldError>,
    on_action: Callback<RecordAction>,
}

/// One point (`tr.point-row`) with `point-{i}-{name}` inputs, `.verdict-found` and
/// `.verdict-left` badges, and its messages below (`#point-{i}-error`).
#[component]
fn PointRow(props: &PointRowProps) -> Html {
    let (index, point) = (props.index, &props.point);
    let number = index + 1;
    let errors_id = format!("point-{index}-error");
    let bad = |name: &str| {
        props
            .errors
            .iter()
            .any(|e| point_key(&e.field).is_some_and(|(_, n)| n == name))
    };
    let input = |field: PointText, value: &str, label: &str, placeholder: Option<&'static str>| {
        let name = field.key();
        let invalid = bad(name);
        let numeric = !matches!(field, PointText::Description | PointText::Unit);
        html! {
            <input type="text" id={point_input_id(index, name)}
                class={classes!("point-input", format!("point-{name}"))}
                value={value.to_owned()} aria-label={format!("Point {number} {label}")}
                {placeholder} inputmode={numeric.then_some("decimal")}
                autocomplete="off" spellcheck="false"
                aria-invalid={invalid.then_some("true")}
                aria-describedby={invalid.then(|| errors_id.clone())}
                oninput={props.on_action.reform(move |e: InputEvent| {
                    RecordAction::Point(index, field, value_of(&e))
                })} />
        }
    };
    let kind = point.tolerance_kind;
    let kind_id = point_input_id(index, "tolerance_kind");
    // Each label stays with its input when the cell wraps.
    let part = |field: PointText, label: &'static str, aria: &str, text: &str, placeholder| {
        let input = input(field, text, aria, placeholder);
        let affix = affix(index, field, label);
        let (before, after) = if label == "%" {
            (html! {}, affix)
        } else {
            (affix, html! {})
        };
        html! { <span class="tolerance-part">{before}{input}{after}</span> }
    };
    let tolerance = match kind {
        ToleranceKind::PlusMinus => part(
            PointText::Tolerance,
            "±",
            "tolerance ±",
            &point.tolerance,
            None,
        ),
        ToleranceKind::Percent => part(
            PointText::Tolerance,
            "%",
            "tolerance %",
            &point.tolerance,
            None,
        ),
        ToleranceKind::Asymmetric => html! {
            <>
                {part(PointText::Tolerance, "Lower", "lower offset", &point.tolerance, Some("-0.1"))}
                {part(PointText::ToleranceUpper, "Upper", "upper offset", &point.tolerance_upper, Some("+0.1"))}
            </>
        },
    };
    let (found, left) = point.live_verdicts();
    html! {
        <tbody class="point">
            <tr class="point-row" data-point={index.to_string()}>
                <td class="col-index">{number}</td>
                <td>{input(PointText::Description, &point.description, "description", Some("10 V DC"))}</td>
                <td>{input(PointText::Nominal, &point.nominal, "nominal", None)}</td>
                <td class="col-unit">{input(PointText::Unit, &point.unit, "unit", Some("V"))}</td>
                <td class="tolerance-cell"><div>
                    <select id={kind_id} class="point-kind" aria-label={format!("Point {number} kind of tolerance")}
                        onchange={props.on_action.reform(move |e: Event| RecordAction::PointKind(
                            index, ToleranceKind::from_key(&value_of(&e)).unwrap_or_default()))}>
                        {for ToleranceKind::ALL.iter().map(|k| html! {
                            <option value={k.key()} selected={*k == kind}>{tolerance_kind_label(*k)}</option>
                        })}
                    </select>
                    {tolerance}
                </div></td>
                <td class="reading"><div>
                    {input(PointText::AsFound, &point.as_found, "as found", None)}
                    <VerdictBadge verdict={found} class="verdict-found" />
                </div></td>
                <td class="reading"><div>
                    {input(PointText::AsLeft, &point.as_left, "as left", Some("same as found"))}
                    <VerdictBadge verdict={left} class="verdict-left" />
                </div></td>
                <td class="col-remove">
                    <button type="button" class="remove-point" aria-label={format!("Remove point {number}")}
                        title="Remove this point"
                        onclick={let on = props.on_action.clone(); move |_| {
                            on.emit(RecordAction::RemovePoint(index));
                            focus_by_id("add-point");
                        }}>{"×"}</button>
                </td>
            </tr>
            if !props.errors.is_empty() {
                <tr class="point-errors-row">
                    <td></td>
                    <td colspan="7">
                        <ul class="point-errors" id={errors_id.clone()}>
                            {for props.errors.iter().map(|e| html! { <li>{&e.message}</li> })}
                        </ul>
                    </td>
                </tr>
            }
        </tbody>
    }
}

/// The visible label next to a tolerance input: "±", "Lower", "Upper" or "%".
fn affix(index: usize, field: PointText, text: &'static str) -> Html {
    html! { <label class="affix" for={point_input_id(index, field.key())}>{text}</label> }
}
