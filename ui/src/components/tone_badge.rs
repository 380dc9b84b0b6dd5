//! A pill coloured by what its state means for the user, for states the domain has no
//! colours of its own for (certificates, the mirror).

use yew::prelude::*;

/// What a state means for the user, which sets its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Nothing to do and nothing to expect (grey).
    Neutral,
    /// Under way or waiting (blue).
    Pending,
    /// All is well (green).
    Good,
    /// Went wrong, but will be tried again (amber).
    Warning,
    /// Needs attention (red).
    Bad,
}

impl Tone {
    /// Its class: `tone-neutral`, `tone-pending`, `tone-good`, `tone-warning` or `tone-bad`.
    pub fn class(self) -> &'static str {
        match self {
            Self::Neutral => "tone-neutral",
            Self::Pending => "tone-pending",
            Self::Good => "tone-good",
            Self::Warning => "tone-warning",
            Self::Bad => "tone-bad",
        }
    }
}

/// Properties of [`ToneBadge`].
#[derive(Properties, PartialEq)]
pub struct ToneBadgeProps {
    /// The colour.
    pub tone: Tone,
    /// The text.
    pub label: AttrValue,
    /// More detail, shown on hover.
    #[prop_or_default]
    pub title: Option<AttrValue>,
    /// Extra classes naming the state, for styling and tests.
    #[prop_or_default]
    pub class: Classes,
}

/// A pill (`class="badge tone-…"`).
#[component]
pub fn ToneBadge(props: &ToneBadgeProps) -> Html {
    html! {
        <span class={classes!("badge", props.tone.class(), props.class.clone())}
            title={props.title.clone()}>
            {props.label.clone()}
        </span>
    }
}
