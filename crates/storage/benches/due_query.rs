//! Measures the due list and the calendar month on a big lab's history: 100,000 items,
//! 150,000 plans and 1,000,000 calibration records in a real database file.
//!
//! Run with `cargo xtask bench`. Target: every median under 20 ms. `BENCHLOG_BENCH_ITEMS`
//! scales the whole history. The file lives in /dev/shm where there is one: seeding makes
//! 150,000 separate plan transactions, each synced to disk by design, and the disk's sync
//! speed is not what this measures (queries run from the page cache either way).

mod seed;

use std::time::{Duration, Instant};

use benchlog_domain::due::{CalendarQuery, DueQuery};
use benchlog_domain::plan::{NewPlan, PlanFields, Provider};
use benchlog_domain::record::{NewRecord, PointFields, RecordFields, RecordQuery};
use benchlog_domain::schedule::{IntervalUnit, PlanState};
use benchlog_storage::Store;
use chrono::{Days, NaiveDate};

use crate::seed::{Lcg, seed_item};

const RUNS: usize = 100;
const TARGET: Duration = Duration::from_millis(20);

fn main() {
    let items: usize = std::env::var("BENCHLOG_BENCH_ITEMS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let shm = std::path::Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm)
    } else {
        tempfile::tempdir()
    }
    .unwrap();
    let path = dir.path().join("benchlog.sqlite3");
    let store = Store::open(&path).unwrap();

    let start = Instant::now();
    let mut rng = Lcg(7);
    let fields: Vec<_> = (0..items).map(|n| seed_item(n, &mut rng)).collect();
    let ids: Vec<_> = fields
        .chunks(10_000)
        .flat_map(|chunk| store.create_equipment_batch(chunk).unwrap())
        .collect();
    let mut plans = Vec::new();
    for (n, id) in ids.iter().enumerate() {
        let mut kinds = vec![("Calibration", 12, IntervalUnit::Months)];
        if n % 2 == 0 {
            kinds.push(("Electrical safety test", 24, IntervalUnit::Months));
        }
        for (name, interval_count, interval_unit) in kinds {
            let fields = PlanFields {
                name: name.to_owned(),
                interval_count,
                interval_unit,
                provider: if n % 5 == 0 {
                    Provider::External
                } else {
                    Provider::Internal
                },
                external_lab: if n % 5 == 0 {
                    "Acme Metrology".into()
                } else {
                    String::new()
                },
                ..PlanFields::default()
            };
            plans.push(
                store
                    .create_plan(&NewPlan {
                        equipment_id: *id,
                        fields,
                    })
                    .unwrap(),
            );
        }
    }
    let seeded_plans = start.elapsed();

    // Ten records per item, 1,000,000 in all: a history of yearly (or two-yearly)
    // calibrations that ends in the last interval, with 3 % failing last and 1 % of plans
    // never done. The first plans get one record more to make up for those.
    let mut records = Vec::new();
    let target = items * 10;
    let history = |n: usize, plan: &benchlog_domain::plan::Plan| match (
        n % 100,
        plan.fields.interval_count,
    ) {
        (0, _) => 0,
        (_, 12) => 7,
        _ => 6,
    };
    let planned: usize = plans
        .iter()
        .enumerate()
        .map(|(n, plan)| history(n, plan))
        .sum();
    let mut top_up = target.saturating_sub(planned);
    let mut made = 0;
    for (n, plan) in plans.iter().enumerate() {
        let mut per_plan = history(n, plan);
        if per_plan > 0 && top_up > 0 {
            per_plan += 1;
            top_up -= 1;
        }
        let months = plan.fields.interval_count;
        let last = today - Days::new(rng.next(30 * months as usize) as u64 + 1);
        for k in (0..per_plan).rev() {
            let performed_on = last - chrono::Months::new(months * k as u32);
            let failing = k == 0 && rng.next(100) < 3;
            records.push(NewRecord {
                plan_id: plan.id,
                fields: RecordFields {
                    performed_on: Some(performed_on),
                    performed_by: "Bench".into(),
                    certificate_number: format!("C-{n}-{k}"),
                    points: vec![PointFields {
                        description: "Mid range".into(),
                        nominal: "10.000".into(),
                        unit: "V".into(),
                        tolerance: "0.010".into(),
                        as_found: if failing { "10.020" } else { "10.003" }.into(),
                        ..PointFields::default()
                    }],
                    ..RecordFields::default()
                },
            });
        }
        made += per_plan;
        if records.len() >= 20_000 {
            store.record_calibration_batch(&records, today).unwrap();
            records.clear();
        }
    }
    store.record_calibration_batch(&records, today).unwrap();
    let size = std::fs::metadata(&path).unwrap().len()
        + std::fs::metadata(path.with_extension("sqlite3-wal")).map_or(0, |m| m.len());
    println!(
        "seeded {items} items and {} plans in {:.1} s, {made} records in {:.1} s more; database {:.0} MB",
        plans.len(),
        seeded_plans.as_secs_f64(),
        (start.elapsed() - seeded_plans).as_secs_f64(),
        size as f64 / 1e6
    );

    println!(
        "{:<44} {:>8} {:>8} {:>8} {:>9}",
        "query", "median", "p95", "max", "rows"
    );
    let due =
        |state, location: &str, from: Option<NaiveDate>, to: Option<NaiveDate>, page| DueQuery {
            state,
            location: location.to_owned(),
            department: String::new(),
            due_from: from,
            due_to: to,
            page,
        };
    let in_30_days = today + Days::new(30);
    let due_cases = [
        ("due list, first page", due(None, "", None, None, 0)),
        ("due list, page 40", due(None, "", None, None, 40)),
        (
            "due list, overdue only",
            due(Some(PlanState::Overdue), "", None, None, 0),
        ),
        (
            "due list, due soon only",
            due(Some(PlanState::DueSoon), "", None, None, 0),
        ),
        (
            "due list, upcoming only, page 100",
            due(Some(PlanState::Ok), "", None, None, 100),
        ),
        (
            "due list, next 30 days",
            due(None, "", Some(today), Some(in_30_days), 0),
        ),
        (
            "due list, location \"Building C / Room 12\"",
            due(None, "building c / room 12", None, None, 0),
        ),
    ];
    let mut all_ok = true;
    for (label, query) in &due_cases {
        all_ok &= measure(label, || store.list_due(query, today).unwrap().total);
    }
    for (label, year, month) in [
        ("calendar, this month", 2026, 11),
        ("calendar, next month", 2026, 12),
    ] {
        let query = CalendarQuery { year, month };
        all_ok &= measure(label, || {
            let month = store.calendar_month(&query, today).unwrap();
            month.days.iter().map(|day| u64::from(day.total)).sum()
        });
    }
    let history = RecordQuery {
        equipment_id: ids[items / 2],
        page: 0,
    };
    all_ok &= measure("history of one item", || {
        store.list_records(&history).unwrap().total
    });
    println!(
        "{}",
        if all_ok {
            "every median is under the 20 ms target"
        } else {
            "SOME MEDIANS ARE OVER THE 20 ms TARGET"
        }
    );
}

/// Runs `query` after a warm-up and prints its timings; whether the median met the target.
fn measure(label: &str, mut query: impl FnMut() -> u64) -> bool {
    for _ in 0..5 {
        query();
    }
    let mut times = Vec::with_capacity(RUNS);
    let mut rows = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        rows = query();
        times.push(start.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = times[RUNS / 2];
    let ok = median < TARGET;
    println!(
        "{label:<44} {:>8.2} {:>8.2} {:>8.2} {rows:>9} {}",
        ms(median),
        ms(times[RUNS * 95 / 100]),
        ms(times[RUNS - 1]),
        if ok { "ok" } else { "OVER TARGET" }
    );
    ok
}
