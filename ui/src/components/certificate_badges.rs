//! The labels of a certificate: trouble with its local copy, and how far it has got to the
//! mirror.

use benchlog_domain::certificate::{LocalState, MirrorState};
use yew::prelude::*;

use crate::components::tone_badge::{Tone, ToneBadge};
use crate::format::local_timestamp;

/// How one state reads: its text, colour, detail on hover, and class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeText {
    /// The text, e.g. "Mirrored".
    pub label: &'static str,
    /// The colour.
    pub tone: Tone,
    /// More detail, e.g. when it was mirrored.
    pub title: String,
    /// The class naming the state, e.g. `mirror-mirrored` or `local-missing`.
    pub class: &'static str,
}

/// How a local copy's trouble reads; `None` while it is whole.
pub fn local_badge(state: LocalState) -> Option<BadgeText> {
    let (label, title, class) = match state {
        LocalState::Present => return None,
        LocalState::Missing => (
            "Missing",
            "The file is gone from this workstation",
            "local-missing",
        ),
        LocalState::Corrupt => (
            "Damaged",
            "The file on this workstation no longer matches what was attached",
            "local-corrupt",
        ),
    };
    Some(BadgeText {
        label,
        tone: Tone::Bad,
        title: title.to_owned(),
        class,
    })
}

/// How a certificate's place in the mirror reads.
pub fn mirror_badge(state: &MirrorState) -> BadgeText {
    let (label, tone, title, class) = match state {
        MirrorState::LocalOnly => (
            "Local only",
            Tone::Neutral,
            "No mirror is set up: the file is only on this workstation".to_owned(),
            "mirror-local_only",
        ),
        MirrorState::Queued => (
            "Queued",
            Tone::Pending,
            "Waiting to be uploaded to the mirror".to_owned(),
            "mirror-queued",
        ),
        MirrorState::Mirrored { at } => (
            "Mirrored",
            Tone::Good,
            format!("Verified in the mirror on {}", local_timestamp(*at)),
            "mirror-mirrored",
        ),
        MirrorState::Failed { reason } => (
            "Upload failed",
            Tone::Warning,
            reason.clone(),
            "mirror-failed",
        ),
    };
    BadgeText {
        label,
        tone,
        title,
        class,
    }
}

/// Properties of [`StateBadge`].
#[derive(Properties, PartialEq)]
pub struct StateBadgeProps {
    /// How the state reads.
    pub text: BadgeText,
}

/// One state as a pill (`class="badge tone-… mirror-…"` or `"… local-…"`).
#[component]
pub fn StateBadge(props: &StateBadgeProps) -> Html {
    let text = &props.text;
    html! {
        <ToneBadge tone={text.tone} label={text.label} title={text.title.clone()}
            class={text.class} />
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    #[test]
    fn only_a_local_copy_in_trouble_gets_a_badge() {
        assert_eq!(local_badge(LocalState::Present), None);
        let missing = local_badge(LocalState::Missing).unwrap();
        assert_eq!((missing.label, missing.tone), ("Missing", Tone::Bad));
        assert_eq!(local_badge(LocalState::Corrupt).unwrap().label, "Damaged");
    }

    #[test]
    fn mirror_states_read_with_their_colour_and_detail() {
        let read = |state: MirrorState| {
            let badge = mirror_badge(&state);
            (badge.label, badge.tone)
        };
        assert_eq!(read(MirrorState::LocalOnly), ("Local only", Tone::Neutral));
        assert_eq!(read(MirrorState::Queued), ("Queued", Tone::Pending));
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        let mirrored = mirror_badge(&MirrorState::Mirrored { at });
        assert_eq!((mirrored.label, mirrored.tone), ("Mirrored", Tone::Good));
        assert!(
            mirrored
                .title
                .starts_with("Verified in the mirror on 2026-03-0")
        );
        let failed = mirror_badge(&MirrorState::Failed {
            reason: "The bucket does not exist".into(),
        });
        assert_eq!(
            (failed.label, failed.tone),
            ("Upload failed", Tone::Warning)
        );
        assert_eq!(failed.title, "The bucket does not exist");
        assert_eq!(failed.class, "mirror-failed");
    }
}
