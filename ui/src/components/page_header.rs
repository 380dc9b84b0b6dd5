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

/// Properties of [`BackLink`].
#[derive(Properties, PartialEq)]
pub struct BackLinkProps {
    /// Where it leads, e.g. "Equipment".
    pub label: AttrValue,
    /// Disabled while the page waits for the shell.
    #[prop_or_default]
    pub disabled: bool,
    /// Goes back.
    pub on_click: Callback<()>,
}

/// "← Equipment" above a page's title (`class="back-link"`).
#[component]
pub fn BackLink(props: &BackLinkProps) -> Html {
    html! {
        <button type="button" class="back-link" disabled={props.disabled}
            onclick={props.on_click.reform(|_| ())}>
            <span aria-hidden="true">{"←"}</span>{props.label.clone()}
        </button>
    }
}
