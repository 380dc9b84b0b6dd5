//! A labelled `<select>` for one form field or filter.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::field::{Field, described_by};
use crate::components::text_field::value_of;
use benchlog_domain::key::Keyed;

/// Properties of [`SelectField`].
#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// The select's id.
    pub id: AttrValue,
    /// The id of its error line.
    #[prop_or_default]
    pub error_id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// The choices, as (value, text).
    pub options: Vec<(AttrValue, AttrValue)>,
    /// The value chosen.
    pub value: AttrValue,
    /// What the user must fix, if anything.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A hint under the select.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Extra classes for the field.
    #[prop_or_default]
    pub class: Classes,
    /// Called with the value chosen.
    pub on_change: Callback<String>,
}

/// The field's `<label>` and `<select>`; the value follows `value` also when it changes
/// from outside (an option's `selected` attribute stops counting once the user picked one).
#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let select_ref = use_node_ref();
    use_effect_with(
        (props.value.clone(), select_ref.clone()),
        |(value, select_ref)| {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                select.set_value(value);
            }
        },
    );
    let invalid = props.error.is_some();
    let described_by = described_by(&props.id, &props.error_id, invalid, props.hint.is_some());
    html! {
        <Field id={props.id.clone()} error_id={props.error_id.clone()} label={props.label.clone()}
            error={props.error.clone()} hint={props.hint.clone()} class={props.class.clone()}>
            <select id={props.id.clone()} ref={select_ref} aria-describedby={described_by}
                aria-invalid={invalid.then_some("true")}
                onchange={props.on_change.reform(|e: Event| value_of(&e))}>
                {for props.options.iter().map(|(value, text)| html! {
                    <option value={value.clone()} selected={*value == props.value}>
                        {text.clone()}
                    </option>
                })}
            </select>
        </Field>
    }
}

/// The options for every value of a keyed enum, labelled by `label`.
pub fn options<T: Keyed>(label: fn(T) -> &'static str) -> Vec<(AttrValue, AttrValue)> {
    T::ALL
        .iter()
        .map(|value| (value.key().into(), label(*value).into()))
        .collect()
}
