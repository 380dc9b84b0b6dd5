//! The equipment register, end to end in the real app: a technician's first session, with
//! mistakes, and the data still there after restarts.

use benchlog_e2e::{Desktop, ENTER};

const ROWS: &str = "table.equipment-table tbody tr[data-asset-tag]";

#[tokio::test(flavor = "multi_thread")]
async fn keep_the_register_across_restarts() {
    let data = tempfile::tempdir().unwrap();
    let desktop = Desktop::start(data.path());

    // A first start: an empty register that says so.
    let app = desktop.launch().await;
    app.wait_for(".empty-state").await;
    app.screenshot("01-empty-register").await;

    // An invalid form shows what to fix next to each field and keeps what was typed.
    app.click("#add-equipment").await;
    app.wait_for("#equipment-form").await;
    app.click("#save-equipment").await;
    app.wait_for_text("#error-asset_tag", "Asset tag is required")
        .await;
    app.wait_for_text("#error-name", "Name is required").await;
    app.fill("#field-name", "Digital multimeter").await;
    app.fill("#field-serial_number", "SN-9981").await;
    app.click("#save-equipment").await;
    app.wait_for_text("#error-asset_tag", "Asset tag is required")
        .await;
    assert_eq!(app.value("#field-name").await, "Digital multimeter");
    assert_eq!(
        app.count("#error-name").await,
        0,
        "the fixed field's error is gone"
    );
    app.screenshot("02-form-with-errors").await;

    // Fixed, it saves; leading zeros survive.
    app.fill("#field-asset_tag", "0042").await;
    app.fill("#field-location", "Lab 2").await;
    app.click("#save-equipment").await;
    app.wait_for("tr[data-asset-tag='0042']").await;
    app.wait_for_text(".notice.success", "0042").await;
    app.add_equipment("0043", "Oscilloscope", "Lab 1").await;
    app.add_equipment("Q-9", "Pressure gauge", "Workshop").await;
    app.screenshot("03-equipment-list").await;

    // A duplicate asset tag is refused at the field, nothing else lost.
    app.click("#add-equipment").await;
    app.fill("#field-asset_tag", "0042").await;
    app.fill("#field-name", "Second multimeter").await;
    app.click("#save-equipment").await;
    app.wait_for_text("#error-asset_tag", "already used").await;
    assert_eq!(app.value("#field-name").await, "Second multimeter");
    app.click("#cancel-edit").await;

    // A barcode scanner types the tag and Enter: the list narrows to that item.
    app.type_into("#equipment-search", &format!("0042{ENTER}"))
        .await;
    app.eventually("the search to leave one row", || async {
        app.count(ROWS).await == 1
    })
    .await;
    app.wait_for("tr[data-asset-tag='0042']").await;

    // Edit it: the form opens with its data; the change shows in the list.
    app.click("tr[data-asset-tag='0042'] .row-open").await;
    app.click("#edit-equipment").await;
    app.wait_for("#equipment-form").await;
    app.eventually("the item to load", || async {
        app.value("#field-asset_tag").await == "0042"
    })
    .await;
    app.fill("#field-location", "Lab 3").await;
    app.screenshot("04-edit-form").await;
    app.click("#save-equipment").await;
    app.wait_for_text("tr[data-asset-tag='0042']", "Lab 3")
        .await;
    app.quit().await;

    // After a restart everything is still there.
    let app = desktop.launch().await;
    app.eventually("three rows after the restart", || async {
        app.count(ROWS).await == 3
    })
    .await;
    app.wait_for_text("tr[data-asset-tag='0042']", "Lab 3")
        .await;

    // Retiring keeps the item in the register; the status filter finds it.
    app.click("tr[data-asset-tag='Q-9'] .row-open").await;
    app.click("#edit-equipment").await;
    app.eventually("Q-9 to load", || async {
        app.value("#field-asset_tag").await == "Q-9"
    })
    .await;
    app.click("#retire-equipment").await;
    app.wait_for_text("tr[data-asset-tag='Q-9']", "Retired")
        .await;
    app.click("#status-filter option[value='retired']").await;
    app.eventually("the filter to leave the retired item", || async {
        app.count(ROWS).await == 1
    })
    .await;
    app.wait_for("tr[data-asset-tag='Q-9']").await;
    app.click("#status-filter option[value='']").await;
    app.eventually("all three rows again", || async {
        app.count(ROWS).await == 3
    })
    .await;

    // Delete asks first; cancelling keeps the item.
    app.click("tr[data-asset-tag='0043'] .row-open").await;
    app.click("#edit-equipment").await;
    app.wait_for("#delete-equipment").await;
    app.click("#delete-equipment").await;
    app.wait_for("#confirm-dialog").await;
    app.screenshot("05-confirm-delete").await;
    app.click("#confirm-cancel").await;
    app.wait_gone("#confirm-dialog").await;
    app.click("#delete-equipment").await;
    app.click("#confirm-ok").await;
    app.wait_gone("#equipment-form").await;
    app.wait_for("tr[data-asset-tag='0042']").await;
    assert_eq!(app.count("tr[data-asset-tag='0043']").await, 0);
    app.eventually("two rows after the delete", || async {
        app.count(ROWS).await == 2
    })
    .await;
    app.quit().await;

    let app = desktop.launch().await;
    app.eventually("the delete to survive a restart", || async {
        app.count(ROWS).await == 2
    })
    .await;
    assert_eq!(app.count("tr[data-asset-tag='0043']").await, 0);
    app.quit().await;
}
