//! A labelled text input (or textarea) for one equipment field, with its inline error.

use benchlog_domain::equipment::EquipmentField;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The field edited; its rule gives the label, whether it is required and multi-line.
    pub field: EquipmentField,
    /// The text as typed.
    pub value: AttrValue,
    /// What the user must fix, if anything.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Called with the new text on every keystroke.
    pub on_input: Callback<(EquipmentField, String)>,
    /// A hint under the input, e.g. an example value.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// The field's `<label>`, its input (`id="field-{key}"`, `name="{key}"`) and, when invalid,
/// `<p class="field-error" id="error-{key}">` with `aria-invalid="true"` on the input.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let field = props.field;
    let rule = field.rule();
    let key = field.key();
    let id = field_id(key);
    let error_id = format!("error-{key}");
    let hint_id = format!("hint-{key}");
    let invalid = props.error.is_some();
    let described_by = match (invalid, props.hint.is_some()) {
        (true, _) => Some(error_id.clone()),
        (false, true) => Some(hint_id.clone()),
        (false, false) => None,
    };
    let aria_invalid = invalid.then_some("true");
    let value = props.value.clone();
    // `change` as well as `input`: some automation clears a field without an `input` event.
    let oninput = {
        let on_input = props.on_input.clone();
        move |e: InputEvent| on_input.emit((field, value_of(&e)))
    };
    let onchange = {
        let on_input = props.on_input.clone();
        move |e: Event| on_input.emit((field, value_of(&e)))
    };
    let input = if rule.multiline {
        html! {
            <textarea id={id.clone()} name={key} rows="5" {value} {oninput} {onchange}
                aria-invalid={aria_invalid} aria-describedby={described_by}
                required={rule.required} />
        }
    } else {
        html! {
            <input type="text" id={id.clone()} name={key} {value} {oninput} {onchange}
                autocomplete="off" spellcheck="false"
                aria-invalid={aria_invalid} aria-describedby={described_by}
                required={rule.required} />
        }
    };
    let below = match (&props.error, &props.hint) {
        (Some(error), _) => html! { <p class="field-error" id={error_id}>{error.clone()}</p> },
        (None, Some(hint)) => html! { <p class="field-hint" id={hint_id}>{hint.clone()}</p> },
        (None, None) => html! {},
    };
    html! {
        <div class={classes!("field", rule.multiline.then_some("field-wide"))}>
            <label for={id}>
                {rule.label}
                if rule.required {
                    <span class="required" aria-hidden="true">{" *"}</span>
                }
            </label>
            {input}
            {below}
        </div>
    }
}

/// The text in the input or textarea an event came from.
fn value_of(event: &Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else {
        String::new()
    }
}

/// The id of the input for the field with this key, `field-{key}`; the form uses it for its
/// other inputs too.
pub fn field_id(key: &str) -> String {
    format!("field-{key}")
}
