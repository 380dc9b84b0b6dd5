//! What a list shows when it has no rows.

use yew::prelude::*;

/// Properties of [`EmptyState`].
#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    /// The headline, e.g. "Nothing is due".
    pub title: AttrValue,
    /// A line explaining what to do.
    #[prop_or_default]
    pub text: Option<AttrValue>,
    /// The icon's symbol.
    #[prop_or(AttrValue::Static("✓"))]
    pub icon: AttrValue,
    /// Buttons, e.g. "Add plan".
    #[prop_or_default]
    pub children: Html,
    /// Extra classes, e.g. `compact` inside a page section.
    #[prop_or_default]
    pub class: Classes,
}

/// An empty state (`class="empty-state"`).
#[component]
pub fn EmptyState(props: &EmptyStateProps) -> Html {
    html! {
        <div class={classes!("empty-state", props.class.clone())}>
            <div class="empty-icon" aria-hidden="true">{props.icon.clone()}</div>
            <h2>{props.title.clone()}</h2>
            if let Some(text) = &props.text {
                <p>{text.clone()}</p>
            }
            {props.children.clone()}
        </div>
    }
}
