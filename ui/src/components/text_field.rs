//! A labelled text input (or textarea) for one form field, with its inline error.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::field::{Field, described_by};

/// Properties of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The input's id, e.g. `field-name` (see [`input_id`](crate::components::field::input_id)).
    pub id: AttrValue,
    /// The id of its error line, e.g. `error-name`.
    pub error_id: AttrValue,
    /// The input's `name`: the field's key.
    pub name: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// Whether the field must be filled.
    #[prop_or_default]
    pub required: bool,
    /// A textarea instead of a one-line input.
    #[prop_or_default]
    pub multiline: bool,
    /// The input's type: `text` or `date`.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// The input's `inputmode`, e.g. `numeric` for numbers typed as text.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// A unit shown after the input, e.g. "days".
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    /// Placeholder text.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// The text as typed.
    pub value: AttrValue,
    /// What the user must fix, if anything.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A hint under the input, e.g. an example value.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Extra classes for the field, e.g. `field-wide`.
    #[prop_or_default]
    pub class: Classes,
    /// Called with the new text on every keystroke.
    pub on_input: Callback<String>,
}

/// The field's `<label>`, its input (`id`, `name`) and, when invalid,
/// `<p class="field-error" id="{error_id}">` with `aria-invalid="true"` on the input.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let id = props.id.clone();
    let invalid = props.error.is_some();
    let described_by = described_by(&id, &props.error_id, invalid, props.hint.is_some());
    let aria_invalid = invalid.then_some("true");
    let value = props.value.clone();
    // `change` as well as `input`: some automation clears a field without an `input` event.
    let oninput = props.on_input.reform(|e: InputEvent| value_of(&e));
    let onchange = props.on_input.reform(|e: Event| value_of(&e));
    let name = props.name.clone();
    let input = if props.multiline {
        html! {
            <textarea id={id.clone()} {name} rows="5" {value} {oninput} {onchange}
                aria-invalid={aria_invalid} aria-describedby={described_by}
                required={props.required} />
        }
    } else {
        html! {
            <input type={props.kind.clone()} id={id.clone()} {name} {value} {oninput} {onchange}
                inputmode={props.inputmode.clone()} placeholder={props.placeholder.clone()}
                autocomplete="off" spellcheck="false"
                aria-invalid={aria_invalid} aria-describedby={described_by}
                required={props.required} />
        }
    };
    let input = match &props.unit {
        Some(unit) => html! {
            <div class="input-with-unit">{input}<span class="input-unit">{unit.clone()}</span></div>
        },
        None => input,
    };
    let class = classes!(props.multiline.then_some("field-wide"), props.class.clone());
    html! {
        <Field {id} error_id={props.error_id.clone()} label={props.label.clone()}
            required={props.required} error={props.error.clone()} hint={props.hint.clone()}
            {class}>
            {input}
        </Field>
    }
}

/// The text in the input or textarea an event came from.
pub fn value_of(event: &Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}
