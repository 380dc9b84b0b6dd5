//! Calendar arithmetic: which month is shown, and its weeks, Monday first.

use benchlog_domain::due::CalendarQuery;
use chrono::{Datelike, Days, Months, NaiveDate};

/// A move of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthChange {
    /// The month before.
    Previous,
    /// The month after.
    Next,
    /// The month of this day (today).
    Today(NaiveDate),
}

impl MonthChange {
    /// The month shown after the move.
    pub fn apply(self, month: CalendarQuery) -> CalendarQuery {
        let first = first_day(month);
        match self {
            Self::Previous => month_of(first.checked_sub_months(Months::new(1)).unwrap_or(first)),
            Self::Next => month_of(first.checked_add_months(Months::new(1)).unwrap_or(first)),
            Self::Today(today) => month_of(today),
        }
    }
}

/// The month a day is in.
pub fn month_of(date: NaiveDate) -> CalendarQuery {
    CalendarQuery {
        year: date.year(),
        month: date.month(),
    }
}

/// The month's first day.
pub fn first_day(month: CalendarQuery) -> NaiveDate {
    NaiveDate::from_ymd_opt(month.year, month.month, 1).unwrap_or_default()
}

/// "November 2026".
pub fn title(month: CalendarQuery) -> String {
    first_day(month).format("%B %Y").to_string()
}

/// The weeks that show the month, Monday to Sunday, with the days of the months around it
/// that fill its first and last week.
pub fn weeks(month: CalendarQuery) -> Vec<[NaiveDate; 7]> {
    let first = first_day(month);
    let lead = u64::from(first.weekday().num_days_from_monday());
    let mut monday = first.checked_sub_days(Days::new(lead)).unwrap_or(first);
    let mut weeks = Vec::with_capacity(6);
    while weeks.is_empty() || (monday.year(), monday.month()) == (month.year, month.month) {
        let week: [NaiveDate; 7] = std::array::from_fn(|day| monday + Days::new(day as u64));
        weeks.push(week);
        monday = monday + Days::new(7);
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn month(year: i32, month: u32) -> CalendarQuery {
        CalendarQuery { year, month }
    }

    #[test]
    fn months_move_across_years() {
        assert_eq!(MonthChange::Previous.apply(month(2026, 1)), month(2025, 12));
        assert_eq!(MonthChange::Next.apply(month(2026, 12)), month(2027, 1));
        assert_eq!(
            MonthChange::Today(date("2026-11-25")).apply(month(2020, 3)),
            month(2026, 11)
        );
        assert_eq!(title(month(2026, 11)), "November 2026");
    }

    #[test]
    fn weeks_start_on_monday_and_cover_the_month() {
        // November 2026 starts on a Sunday and ends on a Monday: six weeks.
        let november = weeks(month(2026, 11));
        assert_eq!(november.len(), 6);
        assert_eq!(november[0][0], date("2026-10-26"));
        assert_eq!(november[0][6], date("2026-11-01"));
        assert_eq!(november[5][0], date("2026-11-30"));
        // February 2027 starts on a Monday and has exactly four weeks.
        let february = weeks(month(2027, 2));
        assert_eq!(february.len(), 4);
        assert_eq!(february[0][0], date("2027-02-01"));
        assert_eq!(february[3][6], date("2027-02-28"));
    }
}
