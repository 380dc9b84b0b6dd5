//! The due list and the calendar. Both read only plans that count (not paused, item
//! active) through partial indexes, so their cost follows what is due, not the register.
//!
//! The due list is the states in order (overdue, never done, due soon, upcoming), each a
//! range of one indexed column, which counts it without reading a row. A page is cut from
//! the segments in turn: each is counted, skipped whole when the page starts past it, and
//! otherwise read off the due-date index in order, so a page stops after its rows. Within
//! a state, plans come by due date.

use benchlog_domain::due::{CalendarDay, CalendarMonth, CalendarQuery, DueItem, DuePage, DueQuery};
use benchlog_domain::key::Keyed;
use benchlog_domain::page::{PAGE_SIZE, Page, offset};
use benchlog_domain::plan::Provider;
use benchlog_domain::schedule::{PlanState, Schedule};
use chrono::{Months, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{Connection, Row, params_from_iter};

use crate::convert::{date, key_at, opt_text_at, text_at};
use crate::error::Result;

const ITEM_COLUMNS: &str = "plan.id, plan.name, equipment.id, equipment.asset_tag, \
     equipment.name, equipment.location, equipment.department, plan.next_due, \
     plan.due_soon_from, plan.grace_days, plan.paused, plan.assignee, plan.provider";

/// One state's slice of the plans: which rows, in which order.
struct Segment {
    state: PlanState,
    /// The partial index ordered by due date that holds this segment's rows: pages are read
    /// off it in order.
    due_date_index: &'static str,
    /// Rows of this state (with `?` for today where needed; the count of `?` is
    /// `today_params`), including the partial indexes' own terms.
    condition: &'static str,
    today_params: usize,
}

const SEGMENTS: [Segment; 5] = [
    Segment {
        state: PlanState::Overdue,
        due_date_index: "plan_by_next_due",
        condition: "plan.paused = 0 AND plan.equipment_active = 1 AND plan.overdue_from <= ?",
        today_params: 1,
    },
    Segment {
        state: PlanState::NeverDone,
        due_date_index: "plan_by_next_due",
        condition: "plan.paused = 0 AND plan.equipment_active = 1 AND plan.next_due IS NULL",
        today_params: 0,
    },
    Segment {
        state: PlanState::DueSoon,
        due_date_index: "plan_by_next_due",
        condition: "plan.paused = 0 AND plan.equipment_active = 1 AND plan.due_soon_from <= ? \
                    AND plan.overdue_from > ?",
        today_params: 2,
    },
    Segment {
        state: PlanState::Ok,
        due_date_index: "plan_by_next_due",
        condition: "plan.paused = 0 AND plan.equipment_active = 1 AND plan.due_soon_from > ?",
        today_params: 1,
    },
    Segment {
        state: PlanState::Paused,
        due_date_index: "plan_paused",
        condition: "plan.paused = 1 AND plan.equipment_active = 1",
        today_params: 0,
    },
];

/// One page of the due list as of `today`.
pub(crate) fn list(conn: &mut Connection, query: &DueQuery, today: NaiveDate) -> Result<DuePage> {
    let filter = Filter::new(query);
    let tx = conn.transaction()?;
    let wanted = match query.state {
        Some(state) => vec![state],
        // Paused plans are not due: they show only when asked for.
        None => SEGMENTS
            .iter()
            .map(|segment| segment.state)
            .filter(|state| *state != PlanState::Paused)
            .collect(),
    };
    let mut skip = offset(query.page);
    let mut total = 0;
    let mut items = Vec::new();
    for segment in SEGMENTS.iter().filter(|s| wanted.contains(&s.state)) {
        let count = count(&tx, segment, &filter, today)?;
        total += count;
        let room = u64::from(PAGE_SIZE) - items.len() as u64;
        if skip >= count {
            skip -= count;
        } else if room > 0 {
            items.extend(read(&tx, segment, &filter, today, room, skip)?);
            skip = 0;
        }
    }
    tx.finish()?;
    Ok(Page {
        items,
        total,
        total_is_exact: true,
        page: query.page,
    })
}

/// What is due on each day of a month, as of `today`.
pub(crate) fn calendar(
    conn: &mut Connection,
    query: &CalendarQuery,
    today: NaiveDate,
) -> Result<CalendarMonth> {
    let Some(first) = NaiveDate::from_ymd_opt(query.year, query.month, 1) else {
        return Ok(CalendarMonth::default());
    };
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(first);
    let tx = conn.transaction()?;
    let counts: Vec<(NaiveDate, u32)> = tx
        .prepare_cached(
            "SELECT plan.next_due, count(*) FROM plan
             WHERE plan.paused = 0 AND plan.equipment_active = 1
               AND plan.next_due BETWEEN ? AND ?
             GROUP BY plan.next_due ORDER BY plan.next_due",
        )?
        .query_map([date(first), date(last)], |row| {
            Ok((text_at(row, 0)?, row.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut days = Vec::with_capacity(counts.len());
    for (day, total) in counts {
        let items = tx
            .prepare_cached(&format!(
                "SELECT {ITEM_COLUMNS} FROM plan
                 JOIN equipment ON equipment.seq = plan.equipment_seq
                 WHERE plan.paused = 0 AND plan.equipment_active = 1 AND plan.next_due = ?
                 ORDER BY plan.seq LIMIT {}",
                CalendarMonth::ITEMS_PER_DAY
            ))?
            .query_map([date(day)], |row| item_from_row(row, today))?
            .collect::<rusqlite::Result<_>>()?;
        days.push(CalendarDay {
            date: day,
            total,
            items,
        });
    }
    tx.finish()?;
    Ok(CalendarMonth { days })
}

/// The query's filters on the item and the due date, and their parameters.
struct Filter {
    conditions: Vec<&'static str>,
    params: Vec<Value>,
    /// Whether a condition picks items (so the items drive the loop, through their index).
    on_equipment: bool,
    /// Whether a condition bounds the due date (so the due-date index drives it).
    on_due_date: bool,
}

impl Filter {
    fn new(query: &DueQuery) -> Self {
        let mut filter = Filter {
            conditions: Vec::new(),
            params: Vec::new(),
            on_equipment: false,
            on_due_date: false,
        };
        for (condition, value) in [
            ("equipment.location = ? COLLATE NOCASE", &query.location),
            ("equipment.department = ? COLLATE NOCASE", &query.department),
        ] {
            let value = value.trim();
            if !value.is_empty() {
                filter.conditions.push(condition);
                filter.params.push(Value::Text(value.to_owned()));
                filter.on_equipment = true;
            }
        }
        for (condition, day) in [
            ("plan.next_due >= ?", query.due_from),
            ("plan.next_due <= ?", query.due_to),
        ] {
            if let Some(day) = day {
                filter.conditions.push(condition);
                filter.params.push(Value::Text(date(day)));
                filter.on_due_date = true;
            }
        }
        filter
    }

    /// The FROM clause that reads `segment`'s rows: the items chosen by location or
    /// department drive the loop when there are such conditions (few rows, sorted after);
    /// else the due-date index, in the page's order.
    fn from(&self, segment: &Segment) -> String {
        if self.on_equipment {
            "equipment CROSS JOIN plan INDEXED BY plan_by_equipment \
             ON plan.equipment_seq = equipment.seq"
                .to_owned()
        } else {
            format!(
                "plan INDEXED BY {} JOIN equipment ON equipment.seq = plan.equipment_seq",
                segment.due_date_index
            )
        }
    }

    /// The WHERE clause for `segment` and its parameters, today first.
    fn clause(&self, segment: &Segment, today: NaiveDate) -> (String, Vec<Value>) {
        let sql = std::iter::once(segment.condition)
            .chain(self.conditions.iter().copied())
            .collect::<Vec<_>>()
            .join(" AND ");
        let params = std::iter::repeat_n(Value::Text(date(today)), segment.today_params)
            .chain(self.params.iter().cloned())
            .collect();
        (sql, params)
    }
}

fn count(tx: &Connection, segment: &Segment, filter: &Filter, today: NaiveDate) -> Result<u64> {
    let (condition, params) = filter.clause(segment, today);
    // Without conditions on the item, the plan's partial indexes answer alone.
    let from = if filter.on_equipment {
        filter.from(segment)
    } else if filter.on_due_date {
        format!("plan INDEXED BY {}", segment.due_date_index)
    } else {
        "plan".to_owned()
    };
    let count: i64 = tx
        .prepare_cached(&format!("SELECT count(*) FROM {from} WHERE {condition}"))?
        .query_row(params_from_iter(params), |row| row.get(0))?;
    Ok(count as u64)
}

fn read(
    tx: &Connection,
    segment: &Segment,
    filter: &Filter,
    today: NaiveDate,
    limit: u64,
    skip: u64,
) -> Result<Vec<DueItem>> {
    let (condition, mut params) = filter.clause(segment, today);
    params.extend([Value::Integer(limit as i64), Value::Integer(skip as i64)]);
    let items = tx
        .prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM {} WHERE {condition}
             ORDER BY plan.next_due, plan.seq LIMIT ? OFFSET ?",
            filter.from(segment),
        ))?
        .query_map(params_from_iter(params), |row| item_from_row(row, today))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(items)
}

fn item_from_row(row: &Row<'_>, today: NaiveDate) -> rusqlite::Result<DueItem> {
    let next_due: Option<NaiveDate> = opt_text_at(row, 7)?;
    // The stored window already holds an outside lab's lead time.
    let due_soon_from: Option<NaiveDate> = opt_text_at(row, 8)?;
    let window = next_due
        .zip(due_soon_from)
        .map_or(0, |(due, soon)| (due - soon).num_days());
    let schedule = Schedule {
        next_due,
        due_soon_days: u32::try_from(window).unwrap_or(0),
        grace_days: row.get(9)?,
        paused: row.get(10)?,
    };
    Ok(DueItem {
        plan_id: text_at(row, 0)?,
        plan_name: row.get(1)?,
        equipment_id: text_at(row, 2)?,
        asset_tag: row.get(3)?,
        equipment_name: row.get(4)?,
        location: row.get(5)?,
        department: row.get(6)?,
        next_due,
        state: schedule.state_on(today),
        assignee: row.get(11)?,
        provider: key_at(row, 12, Provider::from_key)?,
    })
}
