//! The mirror's state in a few words at the bottom of the sidebar, leading to the settings
//! page.

use benchlog_domain::certificate::MirrorStatus;
use yew::prelude::*;

use crate::components::tone_badge::Tone;
use crate::format::thousands;

/// Properties of [`MirrorIndicator`].
#[derive(Properties, PartialEq)]
pub struct MirrorIndicatorProps {
    /// The mirror's state; nothing is shown before the shell has told it.
    pub status: Option<MirrorStatus>,
    /// Opens the settings page.
    pub on_open: Callback<()>,
}

/// `button.mirror-indicator.tone-…` (`.syncing` while a sync runs): a dot and
/// `.mirror-text`, e.g. "3 waiting to upload".
#[component]
pub fn MirrorIndicator(props: &MirrorIndicatorProps) -> Html {
    let Some(status) = &props.status else {
        return html! {};
    };
    let (text, tone) = summary(status);
    let title = match &status.last_error {
        Some(error) => format!("{}\n{error}", status.destination),
        None => status.destination.clone(),
    };
    html! {
        <button type="button"
            class={classes!("mirror-indicator", tone.class(), status.syncing.then_some("syncing"))}
            title={(!title.is_empty()).then_some(title)} onclick={props.on_open.reform(|_| ())}>
            <span class="mirror-dot" aria-hidden="true"></span>
            <span class="visually-hidden">{"Certificate mirror: "}</span>
            <span class="mirror-text">{text}</span>
        </button>
    }
}

/// The mirror's state in a few words, and its colour: the worst news first.
fn summary(status: &MirrorStatus) -> (String, Tone) {
    let count = |n: u64, one: &str, many: &str| {
        if n == 1 {
            one.to_owned()
        } else {
            format!("{} {many}", thousands(n))
        }
    };
    if !status.enabled {
        ("Mirror off".to_owned(), Tone::Neutral)
    } else if status.damaged_locally > 0 {
        let text = count(
            status.damaged_locally,
            "1 file damaged locally",
            "files damaged locally",
        );
        (text, Tone::Bad)
    } else if status.failed > 0 || status.last_error.is_some() {
        let text = count(status.failed.max(1), "Upload failed", "uploads failed");
        (text, Tone::Warning)
    } else if status.queued > 0 {
        let text = format!("{} waiting to upload", thousands(status.queued));
        (text, Tone::Pending)
    } else if status.syncing {
        ("Syncing…".to_owned(), Tone::Pending)
    } else if status.mirrored == 0 {
        // Nothing has reached the mirror yet, so "all mirrored" would claim too much.
        ("Mirror on, no files yet".to_owned(), Tone::Neutral)
    } else {
        ("All certificates mirrored".to_owned(), Tone::Good)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on() -> MirrorStatus {
        MirrorStatus {
            enabled: true,
            destination: "s3://lab-certificates/benchlog/".into(),
            mirrored: 40,
            ..MirrorStatus::default()
        }
    }

    #[test]
    fn the_indicator_reads_the_worst_news_first() {
        let read = |status: MirrorStatus| summary(&status);
        assert_eq!(
            read(MirrorStatus::default()),
            ("Mirror off".into(), Tone::Neutral)
        );
        assert_eq!(read(on()), ("All certificates mirrored".into(), Tone::Good));
        let empty = MirrorStatus {
            mirrored: 0,
            ..on()
        };
        assert_eq!(
            read(empty),
            ("Mirror on, no files yet".into(), Tone::Neutral)
        );
        let waiting = MirrorStatus {
            queued: 3,
            syncing: true,
            ..on()
        };
        assert_eq!(
            read(waiting.clone()),
            ("3 waiting to upload".into(), Tone::Pending)
        );
        let failed = MirrorStatus {
            failed: 1,
            last_error: Some("The bucket does not exist".into()),
            ..waiting.clone()
        };
        assert_eq!(
            read(failed.clone()),
            ("Upload failed".into(), Tone::Warning)
        );
        assert_eq!(
            read(MirrorStatus {
                failed: 2,
                ..failed.clone()
            })
            .0,
            "2 uploads failed"
        );
        let damaged = MirrorStatus {
            damaged_locally: 2,
            ..failed
        };
        assert_eq!(read(damaged), ("2 files damaged locally".into(), Tone::Bad));
    }
}
