//! The frame every form field shares: its label, the control, and a hint or an error below.

use yew::prelude::*;

/// The id of a form's input for the field `key`: `{prefix}field-{key}`, e.g. `field-name`
/// (the equipment form) or `plan-field-name`.
pub fn input_id(prefix: &str, key: &str) -> String {
    format!("{prefix}field-{key}")
}

/// The id of the error line under that input: `{prefix}error-{key}`.
pub fn error_id(prefix: &str, key: &str) -> String {
    format!("{prefix}error-{key}")
}

/// The id of an input's hint line.
pub fn hint_id(input_id: &str) -> String {
    format!("{input_id}-hint")
}

/// What an input's `aria-describedby` names: its error, else its hint.
pub fn described_by(input_id: &str, error_id: &str, error: bool, hint: bool) -> Option<String> {
    match (error, hint) {
        (true, _) => Some(error_id.to_owned()),
        (false, true) => Some(hint_id(input_id)),
        (false, false) => None,
    }
}

/// Properties of [`Field`].
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The control's id, which the label points at.
    pub id: AttrValue,
    /// The id of the error line.
    #[prop_or_default]
    pub error_id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// Marks the label with a red asterisk.
    #[prop_or_default]
    pub required: bool,
    /// What the user must fix, if anything; shown instead of the hint.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A hint under the control.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Extra classes, e.g. `field-wide`.
    #[prop_or_default]
    pub class: Classes,
    /// The control.
    pub children: Html,
}

/// A field (`class="field"`): label, control, and `<p class="field-error">` or
/// `<p class="field-hint">`.
#[component]
pub fn Field(props: &FieldProps) -> Html {
    let below = match (&props.error, &props.hint) {
        (Some(error), _) => html! {
            <p class="field-error" id={props.error_id.clone()}>{error.clone()}</p>
        },
        (None, Some(hint)) => html! {
            <p class="field-hint" id={hint_id(&props.id)}>{hint.clone()}</p>
        },
        (None, None) => html! {},
    };
    html! {
        <div class={classes!("field", props.class.clone())}>
            <label for={props.id.clone()}>
                {props.label.clone()}
                if props.required {
                    <span class="required" aria-hidden="true">{" *"}</span>
                }
            </label>
            {props.children.clone()}
            {below}
        </div>
    }
}
