//! Where files dropped on the window go. Each open certificates panel is a drop target for
//! its record; a drop goes to the panel under the pointer, else to the one opened last.

use std::cell::RefCell;
use std::rc::Rc;

use benchlog_domain::record::RecordId;
use yew::prelude::*;

use crate::dom::attribute_at;
use crate::hooks::use_latest_callback;
use crate::tauri_events::DragDrop;

/// The class of a drop target's element, which also carries its record's id in
/// [`TARGET_ATTRIBUTE`], so a drop can find the one under the pointer.
pub const TARGET_CLASS: &str = "certificates-panel";
/// The attribute holding a drop target's record id.
pub const TARGET_ATTRIBUTE: &str = "data-record-id";

/// The open drop targets, oldest first, shared with the app through a context.
#[derive(Clone, Default)]
pub struct DropTargets(Rc<RefCell<Vec<Target>>>);

/// One open target: its record, and what takes the files dropped for it.
struct Target {
    record_id: RecordId,
    on_drop: Callback<Vec<String>>,
}

impl PartialEq for DropTargets {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl DropTargets {
    /// Hands the dropped files to a target; `false` when none is open.
    pub fn deliver(&self, drop: &DragDrop) -> bool {
        let selector = format!(".{TARGET_CLASS}");
        let under = attribute_at(
            drop.position.x,
            drop.position.y,
            &selector,
            TARGET_ATTRIBUTE,
        )
        .and_then(|id| id.parse().ok());
        let on_drop = {
            let targets = self.0.borrow();
            let records: Vec<RecordId> = targets.iter().map(|target| target.record_id).collect();
            choose(&records, under).map(|index| targets[index].on_drop.clone())
        };
        on_drop
            .map(|on_drop| on_drop.emit(drop.paths.clone()))
            .is_some()
    }
}

/// Which of the open targets (`records`, oldest first) takes a drop: the latest for the
/// record under the pointer, else the last opened.
fn choose(records: &[RecordId], under: Option<RecordId>) -> Option<usize> {
    under
        .and_then(|under| records.iter().rposition(|record| *record == under))
        .or_else(|| records.len().checked_sub(1))
}

/// Makes the calling component the drop target for `record_id` while it is mounted (see
/// [`DropTargets`]); its element needs [`TARGET_CLASS`] and [`TARGET_ATTRIBUTE`]. Files
/// dropped for it go to the latest `on_drop`.
#[hook]
pub fn use_drop_target(record_id: RecordId, on_drop: Callback<Vec<String>>) {
    let targets = use_context::<DropTargets>();
    let on_drop = use_latest_callback(on_drop);
    use_effect_with(record_id, move |&record_id| {
        if let Some(targets) = &targets {
            targets.0.borrow_mut().push(Target {
                record_id,
                on_drop: on_drop.clone(),
            });
        }
        move || {
            if let Some(targets) = targets {
                targets
                    .0
                    .borrow_mut()
                    .retain(|target| target.on_drop != on_drop);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(n: u8) -> RecordId {
        format!("0190a0b0-0000-7000-8000-0000000000{n:02}")
            .parse()
            .unwrap()
    }

    #[test]
    fn a_drop_goes_to_the_panel_under_the_pointer_else_to_the_last_opened() {
        let open = [record(1), record(2), record(3)];
        assert_eq!(choose(&open, Some(record(1))), Some(0));
        assert_eq!(choose(&open, None), Some(2));
        assert_eq!(choose(&open, Some(record(9))), Some(2), "not an open panel");
        assert_eq!(choose(&[], None), None);
        assert_eq!(choose(&[], Some(record(1))), None);
    }
}
