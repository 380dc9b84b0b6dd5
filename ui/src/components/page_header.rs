//! The header at the top of every page: a title, an optional line below it, and actions.

use yew::prelude::*;

/// Properties of [`PageHeader`].
#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    /// The page's title.
    pub title: AttrValue,
    /// A line of detail under the title.
    #[prop_or_default]
    pub subtitle: Html,
    /// Content before the title, e.g. a link back.
    #[prop_or_default]
    pub before: Html,
    /// The page's actions, primary last.
    #[prop_or_default]
    pub children: Html,
}

/// A page header (`class="page-header"`).
#[component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
    html! {
        <header class="page-header">
            <div class="page-heading">
                {props.before.clone()}
                <h1>{props.title.clone()}</h1>
                <div class="page-subtitle">{props.subtitle.clone()}</div>
            </div>
            <div class="page-actions">{props.children.clone()}</div>
        </header>
    }
}
