//! Measures the equipment list query the UI runs (search + filter + sort + one page of 50,
//! with its total count) on a real database file seeded with 100,000 items.
//!
//! Run with `cargo xtask bench` (or `cargo bench -p benchlog-storage`). Target: every
//! median under 10 ms. Set `BENCHLOG_BENCH_ITEMS` to seed another number of items.

use std::time::{Duration, Instant};

mod seed;

use benchlog_domain::equipment::{
    EquipmentFields, EquipmentQuery, EquipmentStatus, SortColumn, SortDirection,
};
use benchlog_storage::Store;

use crate::seed::{Lcg, seed_item};

const RUNS: usize = 200;
const TARGET: Duration = Duration::from_millis(10);

fn measure(store: &Store, label: &str, query: &EquipmentQuery) -> bool {
    for _ in 0..10 {
        store.list_equipment(query).unwrap();
    }
    let mut times = Vec::with_capacity(RUNS);
    let mut total = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let page = store.list_equipment(query).unwrap();
        times.push(start.elapsed());
        total = page.total;
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = times[RUNS / 2];
    let p95 = times[RUNS * 95 / 100];
    let ok = median < TARGET;
    println!(
        "{label:<44} {:>8.2} {:>8.2} {:>8.2} {total:>9} {}",
        ms(median),
        ms(p95),
        ms(times[RUNS - 1]),
        if ok { "ok" } else { "OVER TARGET" }
    );
    ok
}

fn main() {
    let items: usize = std::env::var("BENCHLOG_BENCH_ITEMS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("benchlog.sqlite3");
    let store = Store::open(&path).unwrap();

    let start = Instant::now();
    let mut rng = Lcg(42);
    let seed: Vec<EquipmentFields> = (0..items).map(|n| seed_item(n, &mut rng)).collect();
    for chunk in seed.chunks(10_000) {
        store.create_equipment_batch(chunk).unwrap();
    }
    let size = std::fs::metadata(&path).unwrap().len()
        + std::fs::metadata(path.with_extension("sqlite3-wal")).map_or(0, |m| m.len());
    println!(
        "seeded {items} items in {:.1} s; database {:.1} MB",
        start.elapsed().as_secs_f64(),
        size as f64 / 1e6
    );
    println!(
        "{:<44} {:>8} {:>8} {:>8} {:>9}",
        "list query (count + page of 50)", "median", "p95", "max", "matches"
    );
    println!("{:<44} {:>8} {:>8} {:>8}", "", "ms", "ms", "ms");

    let query = |search: &str, status, sort, direction, page| EquipmentQuery {
        search: search.to_owned(),
        status,
        reference_standards_only: false,
        sort,
        direction,
        page,
    };
    use SortColumn::*;
    use SortDirection::*;
    let cases = [
        (
            "first page, by asset tag",
            query("", None, AssetTag, Ascending, 0),
        ),
        ("page 1000, by name", query("", None, Name, Ascending, 1000)),
        (
            "last change first",
            query("", None, UpdatedAt, Descending, 0),
        ),
        (
            "status out of service, by location",
            query(
                "",
                Some(EquipmentStatus::OutOfService),
                Location,
                Ascending,
                0,
            ),
        ),
        (
            "barcode scan \"EQ-073421\"",
            query("EQ-073421", None, AssetTag, Ascending, 0),
        ),
        (
            "search \"oscillo\", by name",
            query("oscillo", None, Name, Ascending, 0),
        ),
        (
            "search \"fluke\" (no match field), by tag",
            query("fluke", None, AssetTag, Ascending, 0),
        ),
        (
            "search \"room 12\", by location",
            query("room 12", None, Location, Descending, 0),
        ),
        (
            "search \"building\" (every item), by tag",
            query("building", None, AssetTag, Ascending, 0),
        ),
        (
            "search \"7\" (one letter: rows tested)",
            query("7", None, AssetTag, Ascending, 0),
        ),
        (
            "search \"qz\" (two letters, no match: full scan)",
            query("qz", None, AssetTag, Ascending, 0),
        ),
        (
            "search \"meter\" + active, by status",
            query("meter", Some(EquipmentStatus::Active), Status, Ascending, 0),
        ),
    ];
    let mut all_ok = true;
    for (label, query) in &cases {
        all_ok &= measure(&store, label, query);
    }
    println!(
        "{}",
        if all_ok {
            "every median is under the 10 ms target"
        } else {
            "SOME MEDIANS ARE OVER THE 10 ms TARGET"
        }
    );
}
