//! The frame of a page that is one form: the header and the form scroll, while the form's
//! buttons stay in a bar below them, always visible and never covering a field.

use yew::prelude::*;

/// Properties of [`FormPage`].
#[derive(Properties, PartialEq)]
pub struct FormPageProps {
    /// The page header.
    pub header: Html,
    /// The form (its buttons name it with their `form` attribute).
    pub children: Html,
    /// The form's buttons.
    pub actions: Html,
    /// Room for wide content, e.g. a table of readings.
    #[prop_or_default]
    pub wide: bool,
}

/// A `section.page-form` with `div.page-scroll` and `div.form-actions`.
#[component]
pub fn FormPage(props: &FormPageProps) -> Html {
    html! {
        <section class={classes!("page", "page-form", "page-with-actions", props.wide.then_some("wide"))}>
            <div class="page-scroll">
                {props.header.clone()}
                {props.children.clone()}
            </div>
            <div class="form-actions-bar">
                <div class="form-actions">{props.actions.clone()}</div>
            </div>
        </section>
    }
}
