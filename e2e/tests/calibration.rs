//! Calibration scheduling, end to end in the real app: a plan, a passing calibration that
//! rolls the due date, a failing one that flags the item, and the due item on the calendar.

use benchlog_domain::schedule::{Interval, IntervalUnit};
use benchlog_e2e::Desktop;
use chrono::Local;

#[tokio::test(flavor = "multi_thread")]
async fn plan_record_and_find_it_on_the_calendar() {
    let data = tempfile::tempdir().unwrap();
    let desktop = Desktop::start(data.path());
    let app = desktop.launch().await;
    app.add_equipment("0042", "Digital multimeter", "Lab 2")
        .await;

    // A yearly calibration plan, never done so far.
    app.click("tr[data-asset-tag='0042'] .row-open").await;
    app.click("#add-plan").await;
    app.wait_for("#plan-form").await;
    app.fill("#plan-field-interval_count", "0").await;
    app.click("#save-plan").await;
    app.wait_for_text("#plan-error-interval_count", "at least 1")
        .await;
    app.screenshot("07-plan-form").await;
    app.fill("#plan-field-interval_count", "12").await;
    app.click("#save-plan").await;
    app.wait_for_text("tr[data-plan-name='Calibration'] .plan-state", "Never done")
        .await;

    // A passing calibration rolls the due date a year on from today.
    app.fill_record_form("10.004", "", "Pass", "Pass").await;
    app.screenshot("08-record-form").await;
    app.click("#save-record").await;
    let today = Local::now().date_naive();
    let next_due = Interval::new(12, IntervalUnit::Months)
        .unwrap()
        .after(today)
        .format("%Y-%m-%d")
        .to_string();
    app.wait_for_text("tr[data-plan-name='Calibration']", &next_due)
        .await;
    app.wait_for_text("tr[data-plan-name='Calibration'] .plan-state", "OK")
        .await;

    // A failing one keeps the date, flags the item and offers to take it out of service.
    app.fill_record_form("10.03", "10.02", "Fail", "Fail").await;
    app.click("#save-record").await;
    app.wait_for_text("#confirm-dialog", "out of service").await;
    app.click("#confirm-cancel").await;
    app.wait_for("#out-of-tolerance").await;
    app.wait_for_text("tr[data-plan-name='Calibration']", &next_due)
        .await;
    app.wait_for_text(".history-table", "Fail").await;
    app.screenshot("09-equipment-detail").await;

    // The as-left reading was mistyped: an amendment with a reason corrects the record,
    // keeps the first version in its history, and clears the flag.
    app.click("tr[data-record-id] .amend-record").await;
    app.wait_for("#record-field-reason").await;
    app.fill("#point-0-as_left", "10.001").await;
    app.wait_for_text(".verdict-left", "Pass").await;
    app.click("#save-record").await;
    app.wait_for_text("#record-error-reason", "Reason is required")
        .await;
    app.fill("#record-field-reason", "As-left reading mistyped")
        .await;
    app.click("#save-record").await;
    app.wait_gone("#out-of-tolerance").await;
    app.wait_for_text(".history-table .amended-tag", "Amended")
        .await;
    app.wait_for_text(".history-table", "Adjusted").await;
    app.click("tr[data-record-id] .record-expand").await;
    app.wait_for_text(".amendments", "As-left reading mistyped")
        .await;
    app.screenshot("10-amended-record").await;

    // The calendar shows it on its due day, a year ahead.
    app.click("#nav-calibrations").await;
    app.wait_for(".due-table").await;
    app.screenshot("11-due-list").await;
    app.click("#tab-calendar").await;
    app.wait_for("#month-title").await;
    for _ in 0..12 {
        app.click("#month-next").await;
    }
    let due = Interval::new(12, IntervalUnit::Months)
        .unwrap()
        .after(today);
    let title = due.format("%B %Y").to_string();
    app.wait_for_text("#month-title", &title).await;
    let cell = format!("[data-date='{}'] .calendar-item", due.format("%Y-%m-%d"));
    app.wait_for_text(&cell, "0042").await;
    app.screenshot("12-calendar").await;
    app.quit().await;
}
