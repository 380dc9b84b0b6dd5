//! When calibration is due: intervals, rolling a due date on, and the state of a plan on a
//! given day. Pure functions that take "today" as an argument.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The unit of a plan's interval.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntervalUnit {
    /// Calendar days.
    Days,
    /// Weeks of seven days.
    Weeks,
    /// Calendar months (see [`Interval::after`] for the month-end rule).
    #[default]
    Months,
    /// Calendar years, as twelve months.
    Years,
}

impl IntervalUnit {
    /// The most units an interval may have: a hundred years' worth.
    pub fn max_count(self) -> u32 {
        match self {
            Self::Days => 36_500,
            Self::Weeks => 5_200,
            Self::Months => 1_200,
            Self::Years => 100,
        }
    }
}

/// How often something is due: a positive number of units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Interval {
    count: u32,
    unit: IntervalUnit,
}

impl Interval {
    /// An interval of `count` units; refuses zero and intervals over a hundred years.
    pub fn new(count: u32, unit: IntervalUnit) -> Result<Self, String> {
        if count == 0 {
            return Err("The interval must be at least 1".to_owned());
        }
        if count > unit.max_count() {
            return Err(format!(
                "The interval can be at most {} {}",
                unit.max_count(),
                crate::key::Keyed::key(unit)
            ));
        }
        Ok(Self { count, unit })
    }

    /// How many units.
    pub fn count(self) -> u32 {
        self.count
    }

    /// Which unit.
    pub fn unit(self) -> IntervalUnit {
        self.unit
    }

    /// The date one interval after `date`.
    ///
    /// Months and years keep the day of the month, clamped to the month's end
    /// (Jan 31 + 1 month = Feb 28 or 29). A date on the last day of its month lands on the
    /// last day of the target month, so repeated rolls from a month end never drift
    /// (Jan 31 → Feb 28 → Mar 31). Saturates at the end of the calendar chrono supports.
    pub fn after(self, date: NaiveDate) -> NaiveDate {
        let moved = match self.unit {
            IntervalUnit::Days => date.checked_add_days(Days::new(self.count.into())),
            IntervalUnit::Weeks => date.checked_add_days(Days::new(u64::from(self.count) * 7)),
            IntervalUnit::Months => add_months(date, self.count),
            IntervalUnit::Years => self
                .count
                .checked_mul(12)
                .and_then(|months| add_months(date, months)),
        };
        moved.unwrap_or(NaiveDate::MAX)
    }
}

/// Adds months with the month-end rule of [`Interval::after`].
fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    let moved = date.checked_add_months(Months::new(months))?;
    if is_last_day_of_month(date) {
        last_day_of_month(moved)
    } else {
        Some(moved)
    }
}

fn is_last_day_of_month(date: NaiveDate) -> bool {
    date.succ_opt()
        .is_none_or(|next| next.month() != date.month())
}

fn last_day_of_month(date: NaiveDate) -> Option<NaiveDate> {
    let first = date.with_day(1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// Where a plan stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanState {
    /// Past its due date and grace period. Listed first.
    Overdue,
    /// No due date yet: never calibrated, so not known to be fit for use.
    NeverDone,
    /// Due within the due-soon window, or in its grace period.
    DueSoon,
    /// Not due yet.
    Ok,
    /// Paused: not scheduled until resumed.
    Paused,
}

impl PlanState {
    /// The state as the user reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Overdue => "Overdue",
            Self::NeverDone => "Never done",
            Self::DueSoon => "Due soon",
            Self::Ok => "OK",
            Self::Paused => "Paused",
        }
    }
}

/// What decides a plan's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// The next due date; `None` until the first calibration or a date is set.
    pub next_due: Option<NaiveDate>,
    /// Days before the due date from which the plan shows as due soon.
    pub due_soon_days: u32,
    /// Days after the due date before it counts as overdue.
    pub grace_days: u32,
    /// Whether the plan is paused.
    pub paused: bool,
}

impl Schedule {
    /// The plan's state on `today`.
    pub fn state_on(&self, today: NaiveDate) -> PlanState {
        if self.paused {
            return PlanState::Paused;
        }
        let Some(due) = self.next_due else {
            return PlanState::NeverDone;
        };
        let overdue_after = due
            .checked_add_days(Days::new(self.grace_days.into()))
            .unwrap_or(NaiveDate::MAX);
        let soon_from = due
            .checked_sub_days(Days::new(self.due_soon_days.into()))
            .unwrap_or(NaiveDate::MIN);
        if today > overdue_after {
            PlanState::Overdue
        } else if today >= soon_from {
            PlanState::DueSoon
        } else {
            PlanState::Ok
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn roll(count: u32, unit: IntervalUnit, from: &str) -> NaiveDate {
        Interval::new(count, unit).unwrap().after(date(from))
    }

    #[test]
    fn months_clamp_to_the_month_end() {
        assert_eq!(
            roll(1, IntervalUnit::Months, "2026-01-31"),
            date("2026-02-28")
        );
        assert_eq!(
            roll(1, IntervalUnit::Months, "2028-01-31"),
            date("2028-02-29")
        );
        assert_eq!(
            roll(1, IntervalUnit::Months, "2026-01-15"),
            date("2026-02-15")
        );
        assert_eq!(
            roll(1, IntervalUnit::Years, "2028-02-29"),
            date("2029-02-28")
        );
        assert_eq!(
            roll(2, IntervalUnit::Weeks, "2026-12-25"),
            date("2027-01-08")
        );
        assert_eq!(
            roll(10, IntervalUnit::Days, "2026-12-25"),
            date("2027-01-04")
        );
    }

    #[test]
    fn rolling_from_a_month_end_does_not_drift() {
        let monthly = Interval::new(1, IntervalUnit::Months).unwrap();
        let mut due = date("2026-01-31");
        let mut seen = Vec::new();
        for _ in 0..3 {
            due = monthly.after(due);
            seen.push(due);
        }
        assert_eq!(
            seen,
            [date("2026-02-28"), date("2026-03-31"), date("2026-04-30")]
        );
    }

    #[test]
    fn zero_and_huge_intervals_are_refused() {
        assert_eq!(
            Interval::new(0, IntervalUnit::Days).unwrap_err(),
            "The interval must be at least 1"
        );
        assert_eq!(
            Interval::new(101, IntervalUnit::Years).unwrap_err(),
            "The interval can be at most 100 years"
        );
        assert!(Interval::new(1_200, IntervalUnit::Months).is_ok());
    }

    #[test]
    fn states_follow_the_due_date_window_and_grace() {
        let schedule = Schedule {
            next_due: Some(date("2026-06-30")),
            due_soon_days: 30,
            grace_days: 5,
            paused: false,
        };
        let on = |today| schedule.state_on(date(today));
        assert_eq!(on("2026-05-30"), PlanState::Ok);
        assert_eq!(on("2026-05-31"), PlanState::DueSoon);
        assert_eq!(on("2026-06-30"), PlanState::DueSoon);
        assert_eq!(on("2026-07-05"), PlanState::DueSoon, "in its grace period");
        assert_eq!(on("2026-07-06"), PlanState::Overdue);
        let paused = Schedule {
            paused: true,
            ..schedule
        };
        assert_eq!(paused.state_on(date("2027-01-01")), PlanState::Paused);
        let never = Schedule {
            next_due: None,
            ..schedule
        };
        assert_eq!(never.state_on(date("2026-01-01")), PlanState::NeverDone);
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (1900i32..2200, 1u32..=12, 1u32..=31)
            .prop_filter_map("a real date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
    }

    fn any_interval() -> impl Strategy<Value = Interval> {
        let unit = prop_oneof![
            Just(IntervalUnit::Days),
            Just(IntervalUnit::Weeks),
            Just(IntervalUnit::Months),
            Just(IntervalUnit::Years),
        ];
        (1u32..=100, unit).prop_map(|(count, unit)| Interval::new(count, unit).unwrap())
    }

    proptest! {
        #[test]
        fn rolling_always_moves_forward(start in any_date(), interval in any_interval(), rolls in 1usize..40) {
            let mut due = start;
            for _ in 0..rolls {
                let next = interval.after(due);
                prop_assert!(next > due, "{interval:?} from {due} gave {next}");
                due = next;
            }
        }

        #[test]
        fn month_ends_stay_month_ends(start in any_date(), count in 1u32..=36) {
            let end = last_day_of_month(start).unwrap();
            let rolled = Interval::new(count, IntervalUnit::Months).unwrap().after(end);
            prop_assert!(is_last_day_of_month(rolled));
        }

        #[test]
        fn state_order_follows_time(due in any_date(), soon in 0u32..90, grace in 0u32..30, offset in -200i64..200) {
            let schedule = Schedule { next_due: Some(due), due_soon_days: soon, grace_days: grace, paused: false };
            let today = due + chrono::Duration::days(offset);
            let later = today + chrono::Duration::days(1);
            // A day later is never a better state.
            prop_assert!(schedule.state_on(later) <= schedule.state_on(today));
        }
    }
}
