//! A problem for a form as a whole, shown at its top.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::notice::{Notice, NoticeKind};

/// Properties of [`FormProblem`].
#[derive(Properties, PartialEq)]
pub struct FormProblemProps {
    /// The problem, if there is one.
    pub problem: Option<String>,
}

/// An error notice (`class="form-problem"`) that takes focus when it appears, so it is
/// seen and read out.
#[component]
pub fn FormProblem(props: &FormProblemProps) -> Html {
    let problem_ref = use_node_ref();
    {
        let problem_ref = problem_ref.clone();
        use_effect_with(props.problem.clone(), move |problem| {
            if let (Some(_), Some(notice)) = (problem, problem_ref.cast::<HtmlElement>()) {
                let _ = notice.focus();
            }
        });
    }
    match &props.problem {
        Some(problem) => html! {
            <div class="form-problem" ref={problem_ref} tabindex="-1">
                <Notice kind={NoticeKind::Error}>{problem.clone()}</Notice>
            </div>
        },
        None => html! {},
    }
}
