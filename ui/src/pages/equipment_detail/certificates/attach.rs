//! Attaching files to a record, as the certificates panel tracks it: what is running, why
//! the latest attempt attached nothing, and when the list must load again.

use std::rc::Rc;

use benchlog_domain::certificate::Certificate;
use benchlog_domain::error::ApiError;
use yew::Reducible;

/// The panel's attaching, kept in a reducer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attaching {
    /// Attachments under way: a file dialog open, or files being copied.
    pub running: u32,
    /// Why the latest attempt attached nothing: one message per file that failed.
    pub errors: Vec<String>,
    /// Goes up whenever files were attached, so the list loads again.
    pub attached: u32,
}

/// What happens to an attachment.
pub enum AttachEvent {
    /// The dialog opened, or dropped files went to the shell.
    Started,
    /// The shell answered: how many files it attached (none when the dialog was
    /// cancelled), or why it attached none.
    Finished(Result<usize, ApiError>),
    /// The user dismissed the errors.
    Dismissed,
}

impl Reducible for Attaching {
    type Action = AttachEvent;

    fn reduce(self: Rc<Self>, event: AttachEvent) -> Rc<Self> {
        let mut next = (*self).clone();
        match event {
            AttachEvent::Started => {
                next.running += 1;
                next.errors.clear();
            }
            AttachEvent::Finished(result) => {
                next.running = next.running.saturating_sub(1);
                match result {
                    Ok(0) => {}
                    Ok(_) => next.attached = next.attached.wrapping_add(1),
                    Err(error) => next.errors = messages(&error),
                }
            }
            AttachEvent::Dismissed => next.errors.clear(),
        }
        Rc::new(next)
    }
}

/// What a refused attachment says: the shell's message for each file it refused (all
/// under the field `certificates`), or the one reason nothing could be attached.
fn messages(error: &ApiError) -> Vec<String> {
    let per_file = error.field_errors();
    if per_file.is_empty() {
        vec![error.to_string()]
    } else {
        per_file.into_iter().map(|error| error.message).collect()
    }
}

/// The notice for files just attached: "Attached cert.pdf", "Attached 3 files"; none when
/// nothing was (a cancelled dialog).
pub fn attached_notice(files: &[Certificate]) -> Option<String> {
    match files {
        [] => None,
        [one] => Some(format!("Attached {}", one.file_name)),
        many => Some(format!("Attached {} files", many.len())),
    }
}

#[cfg(test)]
mod tests {
    use benchlog_domain::certificate::{CertificateRef, ContentHash, LocalState, MirrorState};
    use benchlog_domain::error::FieldError;
    use chrono::Utc;

    use super::*;

    fn reduce(state: Attaching, events: impl IntoIterator<Item = AttachEvent>) -> Attaching {
        let state = events
            .into_iter()
            .fold(Rc::new(state), |state, event| state.reduce(event));
        (*state).clone()
    }

    fn certificate(name: &str) -> Certificate {
        Certificate {
            reference: CertificateRef {
                record_id: "0190a0b0-0000-7000-8000-000000000001".parse().unwrap(),
                hash: ContentHash::from_bytes(&[7; 32]),
            },
            file_name: name.into(),
            media_type: "application/pdf".into(),
            size_bytes: 1_200_000,
            attached_at: Utc::now(),
            local: LocalState::Present,
            mirror: MirrorState::Queued,
        }
    }

    #[test]
    fn a_cancelled_dialog_changes_nothing_and_attached_files_reload_the_list() {
        let cancelled = reduce(
            Attaching::default(),
            [AttachEvent::Started, AttachEvent::Finished(Ok(0))],
        );
        assert_eq!(cancelled, Attaching::default());
        let attached = reduce(
            cancelled,
            [AttachEvent::Started, AttachEvent::Finished(Ok(2))],
        );
        assert_eq!((attached.running, attached.attached), (0, 1));
    }

    #[test]
    fn each_refused_file_gets_its_message_until_the_next_attempt() {
        let refusal = ApiError::Validation {
            errors: ["big.pdf is larger than 200 MB", "gone.pdf cannot be read"]
                .map(|message| FieldError {
                    field: "certificates".into(),
                    message: message.into(),
                })
                .to_vec(),
        };
        let refused = reduce(
            Attaching::default(),
            [AttachEvent::Started, AttachEvent::Finished(Err(refusal))],
        );
        assert_eq!(refused.errors.len(), 2);
        assert_eq!(refused.errors[0], "big.pdf is larger than 200 MB");
        assert_eq!(refused.attached, 0, "nothing was attached");
        let retried = reduce(refused, [AttachEvent::Started]);
        assert!(retried.errors.is_empty());
        let full = ApiError::Storage {
            message: "The disk is full".into(),
        };
        let failed = reduce(retried, [AttachEvent::Finished(Err(full))]);
        assert_eq!(failed.errors, ["The disk is full"]);
        assert_eq!(failed.running, 0);
    }

    #[test]
    fn two_attachments_at_once_stay_busy_until_both_finish() {
        let both = reduce(
            Attaching::default(),
            [
                AttachEvent::Started,
                AttachEvent::Started,
                AttachEvent::Finished(Ok(1)),
            ],
        );
        assert_eq!(both.running, 1);
    }

    #[test]
    fn the_notice_names_one_file_or_counts_several() {
        assert_eq!(attached_notice(&[]), None);
        assert_eq!(
            attached_notice(&[certificate("cal-2026.pdf")]).as_deref(),
            Some("Attached cal-2026.pdf")
        );
        let two = [certificate("a.pdf"), certificate("b.pdf")];
        assert_eq!(attached_notice(&two).as_deref(), Some("Attached 2 files"));
    }
}
