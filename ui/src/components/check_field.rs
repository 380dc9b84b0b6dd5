//! A labelled checkbox for one form setting, with an optional note and hint.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field::hint_id;

/// Properties of [`CheckField`].
#[derive(Properties, PartialEq)]
pub struct CheckFieldProps {
    /// The checkbox's id.
    pub id: AttrValue,
    /// Its `name`: the field's key.
    pub name: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// A muted aside after the label, e.g. "(used to calibrate other equipment)".
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// A hint under the checkbox.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Whether it is ticked.
    pub checked: bool,
    /// Extra classes for the field, e.g. `field-wide`.
    #[prop_or_default]
    pub class: Classes,
    /// Called with the new state when it is ticked or cleared.
    pub on_change: Callback<bool>,
}

/// A field (`class="field"`) holding `div.field-check` (the checkbox and its `<label>`) and,
/// when given, `<p class="field-hint">`.
#[component]
pub fn CheckField(props: &CheckFieldProps) -> Html {
    let onchange = props
        .on_change
        .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    let hint = props.hint.clone().map(|hint| (hint_id(&props.id), hint));
    html! {
        <div class={classes!("field", props.class.clone())}>
            <div class="field-check">
                <input type="checkbox" id={props.id.clone()} name={props.name.clone()}
                    checked={props.checked} {onchange}
                    aria-describedby={hint.as_ref().map(|(id, _)| id.clone())} />
                <label for={props.id.clone()}>
                    {props.label.clone()}
                    if let Some(note) = &props.note {
                        {" "}<span class="muted">{note.clone()}</span>
                    }
                </label>
            </div>
            if let Some((id, hint)) = hint {
                <p class="field-hint" {id}>{hint}</p>
            }
        </div>
    }
}
