//! A text input that reports what is typed once typing pauses, or at once on Enter.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How long typing must pause before the text counts.
const DELAY_MS: u32 = 250;

/// Properties of [`DebouncedInput`].
#[derive(Properties, PartialEq)]
pub struct DebouncedInputProps {
    /// The input's id.
    pub id: AttrValue,
    /// The text in effect; the input follows it when it changes from outside.
    pub value: AttrValue,
    /// Called with the text once typing pauses, or on Enter.
    pub on_commit: Callback<String>,
    /// `search` or `text`.
    #[prop_or(AttrValue::Static("search"))]
    pub kind: AttrValue,
    /// Placeholder text.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Its accessible name, when no `<label>` points at it.
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    /// The id of a `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
}

/// The input. Enter commits without submitting the form around it.
#[component]
pub fn DebouncedInput(props: &DebouncedInputProps) -> Html {
    let text = use_state(|| props.value.to_string());
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    // Follow changes from outside ("Clear filters"), but never echo back text this input
    // sent, which the user may have typed past by now.
    let sent = use_mut_ref(|| props.value.to_string());
    {
        let (text, sent, pending) = (text.clone(), sent.clone(), pending.clone());
        use_effect_with(props.value.clone(), move |value| {
            if *sent.borrow() != value.as_str() {
                pending.borrow_mut().take();
                sent.replace(value.to_string());
                text.set(value.to_string());
            }
        });
    }
    let commit = {
        let (sent, on_commit) = (sent.clone(), props.on_commit.clone());
        Rc::new(move |value: String| {
            sent.replace(value.clone());
            on_commit.emit(value);
        })
    };
    let oninput = {
        let (text, pending, commit) = (text.clone(), pending.clone(), commit.clone());
        move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            text.set(value.clone());
            let commit = commit.clone();
            // Replacing the timeout cancels the previous one.
            *pending.borrow_mut() = Some(Timeout::new(DELAY_MS, move || commit(value)));
        }
    };
    let onkeydown = move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            pending.borrow_mut().take();
            commit(e.target_unchecked_into::<HtmlInputElement>().value());
        }
    };
    html! {
        <input type={props.kind.clone()} id={props.id.clone()} value={(*text).clone()}
            placeholder={props.placeholder.clone()} aria-label={props.aria_label.clone()}
            list={props.list.clone()} autocomplete="off" spellcheck="false" {oninput}
            {onkeydown} />
    }
}
