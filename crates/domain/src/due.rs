//! What needs doing: the due list and the calendar, over plans of active equipment that
//! are not paused. Inactive equipment (out of service, retired, lost) is left out; its due
//! dates are kept as they were and count again when it is active again.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::equipment::EquipmentId;
use crate::page::Page;
use crate::plan::{PlanId, Provider};
use crate::schedule::PlanState;

/// What the due list asks for. "Today" is the workstation's local date, which the shell
/// supplies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DueQuery {
    /// Only plans in this state; all states when `None`.
    pub state: Option<PlanState>,
    /// Only items at this location (ignoring case); all when empty.
    pub location: String,
    /// Only items of this department (ignoring case); all when empty.
    pub department: String,
    /// Only plans due on or after this day.
    pub due_from: Option<NaiveDate>,
    /// Only plans due on or before this day.
    pub due_to: Option<NaiveDate>,
    /// The page, counted from 0.
    pub page: u32,
}

/// One plan in the due list or the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueItem {
    /// The plan.
    pub plan_id: PlanId,
    /// The plan's name.
    pub plan_name: String,
    /// The item.
    pub equipment_id: EquipmentId,
    /// The item's asset tag.
    pub asset_tag: String,
    /// The item's name.
    pub equipment_name: String,
    /// Where the item is.
    pub location: String,
    /// The item's department.
    pub department: String,
    /// When the plan is due; `None` when it has never been done.
    pub next_due: Option<NaiveDate>,
    /// The plan's state today.
    pub state: PlanState,
    /// Who is responsible.
    pub assignee: String,
    /// Who does the work.
    pub provider: Provider,
}

/// One page of the due list: overdue first, then never done, due soon, and upcoming; by
/// due date within each.
pub type DuePage = Page<DueItem>;

/// Which month the calendar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CalendarQuery {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
}

/// What is due on one day of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    /// The day.
    pub date: NaiveDate,
    /// How many plans are due that day.
    pub total: u32,
    /// The first of them, in the order their plans were made: at most
    /// [`CalendarMonth::ITEMS_PER_DAY`].
    pub items: Vec<DueItem>,
}

/// The days of a month that have something due.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarMonth {
    /// Days with plans due, in order; days with nothing due are left out.
    pub days: Vec<CalendarDay>,
}

impl CalendarMonth {
    /// How many plans a day lists by name; the rest are counted.
    pub const ITEMS_PER_DAY: usize = 4;
}
