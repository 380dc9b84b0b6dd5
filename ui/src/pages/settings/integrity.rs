//! The certificate file check: re-reads every stored file and lists the missing or damaged
//! ones, with what will happen to each.

use benchlog_domain::certificate::{IntegrityProblem, IntegrityReport};
use benchlog_domain::error::ApiError;
use benchlog_domain::ipc::CheckCertificates;
use wasm_bindgen_futures::spawn_local;
use web_sys::Element;
use yew::prelude::*;

use crate::components::certificate_badges::{StateBadge, local_badge};
use crate::components::notice::{Notice, NoticeKind};
use crate::dom::reveal;
use crate::format::thousands;
use crate::ipc::call;

/// Properties of [`IntegrityCard`].
#[derive(Properties, PartialEq)]
pub struct IntegrityCardProps {
    /// The check was asked for from the menu: run it now.
    pub requested: bool,
    /// The check asked for has started.
    pub on_started: Callback<()>,
}

/// `section.integrity-check`: `button.check-certificates`, `.integrity-progress` while the
/// check runs, then `.integrity-report`: "All N files are intact", or
/// `table.integrity-problems` with a `tr[data-file-name]` per missing or damaged file.
#[component]
pub fn IntegrityCard(props: &IntegrityCardProps) -> Html {
    let checking = use_state(|| false);
    let outcome = use_state(|| None::<Result<IntegrityReport, ApiError>>);
    let card_ref = use_node_ref();
    let check = {
        let (checking, outcome) = (checking.clone(), outcome.clone());
        Callback::from(move |()| {
            checking.set(true);
            let (checking, outcome) = (checking.clone(), outcome.clone());
            spawn_local(async move {
                outcome.set(Some(call::<CheckCertificates>(&()).await));
                checking.set(false);
            });
        })
    };
    {
        let (check, on_started) = (check.clone(), props.on_started.clone());
        let running = *checking;
        use_effect_with(props.requested, move |&requested| {
            if requested {
                on_started.emit(());
                if !running {
                    check.emit(());
                }
            }
        });
    }
    {
        // Keep the progress, then the report, in view: the card may be below the fold.
        let (card_ref, shown) = (card_ref.clone(), outcome.is_some());
        use_effect_with(*checking, move |&running| {
            if let Some(card) = card_ref.cast::<Element>().filter(|_| running || shown) {
                reveal(&card);
            }
        });
    }
    let report = match &*outcome {
        None => html! {},
        Some(Ok(report)) => report_view(report),
        Some(Err(error)) => html! {
            <Notice kind={NoticeKind::Error}>
                <strong>{"The check could not finish. "}</strong>{error.to_string()}
            </Notice>
        },
    };
    html! {
        <section class="settings-card integrity-check" ref={card_ref}
            aria-labelledby="integrity-title" aria-busy={checking.then_some("true")}>
            <div class="card-header">
                <h2 id="integrity-title" class="section-title">{"Check certificate files"}</h2>
                <button type="button" class="button secondary small check-certificates"
                    disabled={*checking} onclick={check.reform(|_| ())}>
                    {if *checking { "Checking…" } else { "Check files" }}
                </button>
            </div>
            <p class="muted">
                {"Reads every stored certificate again and compares it with what was attached, \
                  to find files that went missing or were damaged on this workstation."}
            </p>
            if *checking {
                <div class="integrity-progress" role="status">
                    <span class="spinner" aria-hidden="true"></span>
                    {"Checking every file. With many large files this can take a few minutes."}
                </div>
            }
            <div class={classes!("integrity-report-area", checking.then_some("refreshing"))}>
                {report}
            </div>
        </section>
    }
}

/// What the check found.
fn report_view(report: &IntegrityReport) -> Html {
    if report.problems.is_empty() {
        return html! {
            <div class="integrity-report">
                <Notice kind={NoticeKind::Success}>{intact(report.checked)}</Notice>
            </div>
        };
    }
    html! {
        <div class="integrity-report">
            <Notice kind={NoticeKind::Warning}>{trouble(report)}</Notice>
            <div class="table-scroll">
                <table class="data-table integrity-problems">
                    <thead>
                        <tr>
                            <th scope="col">{"File"}</th>
                            <th scope="col">{"Problem"}</th>
                            <th scope="col">{"What happens"}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {for report.problems.iter().map(|problem| problem_row(problem, report.mirror_configured))}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// One missing or damaged file.
fn problem_row(problem: &IntegrityProblem, mirror_configured: bool) -> Html {
    html! {
        <tr key={problem.hash.to_string()} data-file-name={problem.file_name.clone()}>
            <td class="cell-name">{&problem.file_name}</td>
            <td>
                if let Some(text) = local_badge(problem.state) {
                    <StateBadge {text} />
                }
            </td>
            <td class="integrity-remedy">{remedy(problem, mirror_configured)}</td>
        </tr>
    }
}

/// "All 12 files are intact", for a check that found nothing wrong.
fn intact(checked: u64) -> String {
    match checked {
        0 => "There are no certificate files to check yet".to_owned(),
        1 => "The 1 stored file is intact".to_owned(),
        n => format!("All {} files are intact", thousands(n)),
    }
}

/// "2 of 40 files are missing or damaged", for a check that found trouble.
fn trouble(report: &IntegrityReport) -> String {
    let found = report.problems.len() as u64;
    let verb = if found == 1 { "is" } else { "are" };
    format!(
        "{} of {} files {verb} missing or damaged",
        thousands(found),
        thousands(report.checked)
    )
}

/// What will happen to a missing or damaged file.
fn remedy(problem: &IntegrityProblem, mirror_configured: bool) -> &'static str {
    if problem.in_mirror && mirror_configured {
        "Will be restored from the mirror"
    } else {
        "Not in the mirror: attach the file again"
    }
}

#[cfg(test)]
mod tests {
    use benchlog_domain::certificate::{ContentHash, LocalState};

    use super::*;

    fn problem(in_mirror: bool) -> IntegrityProblem {
        IntegrityProblem {
            hash: ContentHash::from_bytes(&[3; 32]),
            file_name: "cal-2026.pdf".into(),
            state: LocalState::Corrupt,
            in_mirror,
        }
    }

    #[test]
    fn a_clean_check_says_how_many_files_are_intact() {
        assert_eq!(intact(1_204), "All 1,204 files are intact");
        assert_eq!(intact(1), "The 1 stored file is intact");
        assert_eq!(intact(0), "There are no certificate files to check yet");
    }

    #[test]
    fn only_files_the_configured_mirror_holds_will_be_restored() {
        assert_eq!(
            remedy(&problem(true), true),
            "Will be restored from the mirror"
        );
        let again = "Not in the mirror: attach the file again";
        assert_eq!(remedy(&problem(false), true), again);
        assert_eq!(remedy(&problem(true), false), again, "mirror switched off");
    }

    #[test]
    fn trouble_counts_the_problems_among_the_files() {
        let report = IntegrityReport {
            checked: 40,
            problems: vec![problem(true)],
            mirror_configured: true,
        };
        assert_eq!(trouble(&report), "1 of 40 files is missing or damaged");
    }
}
