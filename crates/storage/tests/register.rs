//! The equipment register on a real SQLite file: writes, rules, search, sort and paging.

use benchlog_domain::equipment::{
    EquipmentFields, EquipmentQuery, EquipmentStatus, EquipmentUpdate, SortColumn, SortDirection,
};
use benchlog_storage::{Error, Store};
use tempfile::TempDir;

fn new_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("benchlog.sqlite3")).unwrap();
    (dir, store)
}

fn item(asset_tag: &str, name: &str) -> EquipmentFields {
    EquipmentFields {
        asset_tag: asset_tag.into(),
        name: name.into(),
        ..EquipmentFields::default()
    }
}

fn search(store: &Store, text: &str) -> Vec<String> {
    let query = EquipmentQuery {
        search: text.into(),
        ..EquipmentQuery::default()
    };
    tags(store, &query)
}

/// How many items the register holds.
fn total(store: &Store) -> u64 {
    store
        .list_equipment(&EquipmentQuery::default())
        .unwrap()
        .total
}

fn tags(store: &Store, query: &EquipmentQuery) -> Vec<String> {
    let page = store.list_equipment(query).unwrap();
    page.items.into_iter().map(|row| row.asset_tag).collect()
}

#[test]
fn create_then_get_keeps_every_field_cleaned() {
    let (_dir, store) = new_store();
    let fields = EquipmentFields {
        asset_tag: " 000123 ".into(),
        name: "Balance analytique".into(),
        manufacturer: "Mettler Toledo".into(),
        model: "XPR205".into(),
        serial_number: "B412345678".into(),
        location: "Labor 2 – Wägeraum".into(),
        department: "QC".into(),
        owner: "Zoë Ångström".into(),
        status: EquipmentStatus::OutOfService,
        reference_standard: true,
        notes: "Draft shield cracked\r\nreplace before use".into(),
    };
    let created = store.create_equipment(&fields).unwrap();
    assert_eq!(created.revision, 1);
    assert_eq!(created.fields.asset_tag, "000123");
    assert_eq!(
        created.fields.notes,
        "Draft shield cracked\nreplace before use"
    );
    assert_eq!(created.created_at, created.updated_at);

    let loaded = store.get_equipment(created.id).unwrap();
    assert_eq!(loaded, created);
    assert_eq!(loaded.fields.owner, "Zoë Ångström");
    assert!(loaded.fields.reference_standard);
}

#[test]
fn invalid_input_is_refused_and_nothing_is_stored() {
    let (_dir, store) = new_store();
    let error = store.create_equipment(&item("   ", "")).unwrap_err();
    let Error::Invalid(errors) = error else {
        panic!("expected Invalid, got {error:?}");
    };
    assert_eq!(errors.len(), 2);
    assert_eq!(total(&store), 0);
}

#[test]
fn asset_tags_are_unique_ignoring_case_and_leading_zeros_count() {
    let (_dir, store) = new_store();
    store.create_equipment(&item("AB-7", "Caliper")).unwrap();
    let error = store.create_equipment(&item("ab-7", "Gauge")).unwrap_err();
    assert!(
        matches!(&error, Error::DuplicateAssetTag(tag) if tag == "ab-7"),
        "{error:?}"
    );
    store.create_equipment(&item("007", "Scale")).unwrap();
    store.create_equipment(&item("7", "Scale")).unwrap();
    assert_eq!(total(&store), 3);
}

#[test]
fn batch_is_all_or_nothing() {
    let (_dir, store) = new_store();
    let batch = [item("1", "A"), item("2", "B"), item("1", "C")];
    let error = store.create_equipment_batch(&batch).unwrap_err();
    assert!(matches!(error, Error::DuplicateAssetTag(_)), "{error:?}");
    assert_eq!(total(&store), 0);
    assert_eq!(store.create_equipment_batch(&batch[..2]).unwrap().len(), 2);
}

#[test]
fn update_bumps_the_revision_and_refuses_stale_edits() {
    let (_dir, store) = new_store();
    let created = store.create_equipment(&item("T-1", "Thermometer")).unwrap();
    let mut fields = created.fields.clone();
    fields.status = EquipmentStatus::Retired;
    let update = EquipmentUpdate {
        id: created.id,
        revision: created.revision,
        fields,
    };
    let updated = store.update_equipment(&update).unwrap();
    assert_eq!(updated.revision, 2);
    assert_eq!(updated.fields.status, EquipmentStatus::Retired);
    assert!(updated.updated_at >= created.updated_at);
    assert_eq!(updated.created_at, created.created_at);

    // The same edit again starts from revision 1, which is no longer current.
    let error = store.update_equipment(&update).unwrap_err();
    assert!(
        matches!(error, Error::StaleRevision { revision: 1, .. }),
        "{error:?}"
    );
    assert_eq!(store.get_equipment(created.id).unwrap().revision, 2);
}

#[test]
fn update_to_a_taken_asset_tag_is_a_conflict_and_changes_nothing() {
    let (_dir, store) = new_store();
    store.create_equipment(&item("A", "First")).unwrap();
    let second = store.create_equipment(&item("B", "Second")).unwrap();
    let update = EquipmentUpdate {
        id: second.id,
        revision: second.revision,
        fields: item("a", "Second renamed"),
    };
    let error = store.update_equipment(&update).unwrap_err();
    assert!(matches!(error, Error::DuplicateAssetTag(_)), "{error:?}");
    assert_eq!(store.get_equipment(second.id).unwrap(), second);
}

#[test]
fn delete_removes_the_item_and_its_search_entry() {
    let (_dir, store) = new_store();
    let created = store
        .create_equipment(&item("DEL-1", "Torque wrench"))
        .unwrap();
    store.delete_equipment(created.id).unwrap();
    assert!(matches!(
        store.get_equipment(created.id),
        Err(Error::EquipmentNotFound(_))
    ));
    assert!(matches!(
        store.delete_equipment(created.id),
        Err(Error::EquipmentNotFound(_))
    ));
    assert!(search(&store, "torque").is_empty());
}

#[test]
fn search_matches_any_part_of_tag_name_serial_or_location_ignoring_case() {
    let (_dir, store) = new_store();
    let fields = |tag: &str, name: &str, serial: &str, location: &str| EquipmentFields {
        serial_number: serial.into(),
        location: location.into(),
        ..item(tag, name)
    };
    store
        .create_equipment_batch(&[
            fields("0042", "Digital multimeter", "SN-9981", "Lab 1"),
            fields("0043", "Oscilloscope", "XK-1234", "Lab 2"),
            fields("Q-9", "Pressure gauge", "PG-77", "Workshop"),
            fields("Ü-5", "Überdruckventil", "", "Halle Süd"),
        ])
        .unwrap();
    assert_eq!(search(&store, "0042"), ["0042"], "a scanned tag");
    assert_eq!(search(&store, "MULTI"), ["0042"]);
    assert_eq!(search(&store, "k-12"), ["0043"], "part of a serial");
    assert_eq!(search(&store, "workshop"), ["Q-9"]);
    assert_eq!(search(&store, "lab"), ["0042", "0043"]);
    assert_eq!(search(&store, "lab scope"), ["0043"], "words are ANDed");
    assert_eq!(search(&store, "überdruck"), ["Ü-5"], "Unicode case folding");
    assert_eq!(
        search(&store, "Q"),
        ["Q-9"],
        "one letter: every row is tested"
    );
    assert_eq!(search(&store, "nothing like it"), Vec::<String>::new());
    assert_eq!(
        search(&store, "\"; DROP TABLE equipment; --"),
        Vec::<String>::new()
    );
    assert_eq!(search(&store, "50%"), Vec::<String>::new(), "no wildcards");
}

#[test]
fn search_follows_edits() {
    let (_dir, store) = new_store();
    let created = store.create_equipment(&item("E-1", "Hygrometer")).unwrap();
    let update = EquipmentUpdate {
        id: created.id,
        revision: created.revision,
        fields: item("E-1", "Anemometer"),
    };
    store.update_equipment(&update).unwrap();
    assert!(search(&store, "hygro").is_empty());
    assert_eq!(search(&store, "anemo"), ["E-1"]);
}

#[test]
fn status_filter_sort_and_paging_happen_in_the_database() {
    let (_dir, store) = new_store();
    let items: Vec<EquipmentFields> = (0..120)
        .map(|n| EquipmentFields {
            status: if n % 3 == 0 {
                EquipmentStatus::Lost
            } else {
                EquipmentStatus::Active
            },
            location: format!("Room {}", n % 7),
            ..item(&format!("{n:04}"), &format!("Item {}", 119 - n))
        })
        .collect();
    store.create_equipment_batch(&items).unwrap();

    let lost = EquipmentQuery {
        status: Some(EquipmentStatus::Lost),
        ..EquipmentQuery::default()
    };
    let page = store.list_equipment(&lost).unwrap();
    assert_eq!(page.total, 40);
    assert!(
        page.items
            .iter()
            .all(|row| row.status == EquipmentStatus::Lost)
    );

    let by_tag_desc = EquipmentQuery {
        direction: SortDirection::Descending,
        page: 2,
        ..EquipmentQuery::default()
    };
    let page = store.list_equipment(&by_tag_desc).unwrap();
    assert_eq!(
        (page.total, page.items.len(), page.has_next()),
        (120, 20, false)
    );
    assert_eq!(page.items[0].asset_tag, "0019");
    assert_eq!(page.items[19].asset_tag, "0000");

    let by_name = EquipmentQuery {
        sort: SortColumn::Name,
        ..EquipmentQuery::default()
    };
    let names: Vec<String> = store
        .list_equipment(&by_name)
        .unwrap()
        .items
        .into_iter()
        .map(|row| row.name)
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|name| name.to_lowercase());
    assert_eq!(names, sorted);

    // Paging by location visits every item exactly once, ties included.
    let mut seen: Vec<String> = (0..3)
        .flat_map(|page| {
            let query = EquipmentQuery {
                sort: SortColumn::Location,
                page,
                ..EquipmentQuery::default()
            };
            tags(&store, &query)
        })
        .collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 120);
}

#[test]
fn data_survives_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("benchlog.sqlite3");
    let created = Store::open(&path)
        .unwrap()
        .create_equipment(&item("P-1", "Pipette"))
        .unwrap();
    let reopened = Store::open(&path).unwrap();
    assert_eq!(reopened.get_equipment(created.id).unwrap(), created);
}

#[test]
fn broad_searches_count_up_to_the_limit_and_still_page_in_order() {
    let (_dir, store) = new_store();
    let items: Vec<EquipmentFields> = (0..10_100)
        .map(|n| EquipmentFields {
            status: if n % 2 == 0 {
                EquipmentStatus::Active
            } else {
                EquipmentStatus::Retired
            },
            ..item(&format!("G-{n:05}"), "Pressure gauge")
        })
        .collect();
    store.create_equipment_batch(&items).unwrap();
    let query = |search: &str, status, page| EquipmentQuery {
        search: search.into(),
        status,
        page,
        ..EquipmentQuery::default()
    };
    let exact = |search: &str, status, expected: &str| {
        let page = store.list_equipment(&query(search, status, 0)).unwrap();
        let matching = items
            .iter()
            .filter(|i| i.asset_tag.to_lowercase().contains(expected))
            .filter(|i| status.is_none_or(|s| i.status == s))
            .count() as u64;
        assert_eq!(
            (page.total, page.total_is_exact),
            (matching, true),
            "{search}"
        );
        page
    };

    // So many matches that they are counted only up to the limit.
    let broad = store.list_equipment(&query("GAUGE", None, 3)).unwrap();
    assert_eq!((broad.total, broad.total_is_exact), (1_000, false));
    assert_eq!(broad.items[0].asset_tag, "G-00150");
    assert!(broad.has_next());

    // Few matches are exact, also after a status filter or with short words.
    let few = exact("g-0011", None, "g-0011");
    assert_eq!(few.items[9].asset_tag, "G-00119");
    exact("g-001", Some(EquipmentStatus::Active), "g-001");
    let both = store.list_equipment(&query("g-001 7", None, 0)).unwrap();
    let matching = items
        .iter()
        .filter(|i| i.asset_tag.starts_with("G-001") && i.asset_tag.contains('7'))
        .count() as u64;
    assert_eq!((both.total, both.total_is_exact), (matching, true));
    // Only short words: every row is tested, and the count is exact below the limit.
    exact("99", None, "99");
}
