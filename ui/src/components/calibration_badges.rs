//! The coloured labels of calibration: a plan's state, a record's result, a reading's verdict.

use benchlog_domain::schedule::PlanState;
use benchlog_domain::tolerance::{CalibrationResult, Verdict};
use yew::prelude::*;

use benchlog_domain::key::Keyed;

/// Properties of [`PlanStateBadge`].
#[derive(Properties, PartialEq)]
pub struct PlanStateBadgeProps {
    /// The state to show.
    pub state: PlanState,
}

/// A pill such as "Overdue" (`class="badge plan-state state-overdue"`).
#[component]
pub fn PlanStateBadge(props: &PlanStateBadgeProps) -> Html {
    let state = props.state;
    html! {
        <span class={classes!("badge", "plan-state", format!("state-{}", state.key()))}>
            {state.label()}
        </span>
    }
}

/// Properties of [`ResultBadge`].
#[derive(Properties, PartialEq)]
pub struct ResultBadgeProps {
    /// The result to show.
    pub result: CalibrationResult,
}

/// A pill such as "Pass" (`class="badge result-badge result-pass"`).
#[component]
pub fn ResultBadge(props: &ResultBadgeProps) -> Html {
    let result = props.result;
    html! {
        <span class={classes!("badge", "result-badge", format!("result-{}", result.key()))}>
            {result.label()}
        </span>
    }
}

/// Properties of [`VerdictBadge`].
#[derive(Properties, PartialEq)]
pub struct VerdictBadgeProps {
    /// The verdict, or `None` while the reading cannot be judged (nothing is shown then).
    pub verdict: Option<Verdict>,
    /// Which reading it judges, as a class: `verdict-found` or `verdict-left`.
    pub class: Classes,
}

/// A small "Pass" or "Fail" (`class="verdict verdict-pass"`), or nothing.
#[component]
pub fn VerdictBadge(props: &VerdictBadgeProps) -> Html {
    let Some(verdict) = props.verdict else {
        return html! {};
    };
    let (class, text) = match verdict {
        Verdict::Pass => ("verdict-pass", "Pass"),
        Verdict::Fail => ("verdict-fail", "Fail"),
    };
    html! {
        <span class={classes!("verdict", class, props.class.clone())}>{text}</span>
    }
}
