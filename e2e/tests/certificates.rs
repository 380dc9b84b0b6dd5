//! Certificates end to end in the real app: a too-large file is refused with its name, a
//! certificate attached through the native file dialog is listed and opens in the
//! system's viewer, a faked drop is refused, an unreachable mirror is reported, and the
//! menu's integrity check runs.

use std::net::TcpListener;

use benchlog_e2e::Desktop;
use serde_json::json;

/// A loopback port nothing listens on: the mirror there cannot be reached.
fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test(flavor = "multi_thread")]
async fn attach_list_open_and_mirror_status() {
    let data = tempfile::tempdir().unwrap();
    // A folder whose name no sibling shares a prefix with, so the dialog's completion of a
    // typed path has only one way to go.
    let inbox = tempfile::Builder::new()
        .prefix("benchlog-e2e-inbox-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap();
    let certificate = inbox.path().join("Kalibrierschein 0107 (2026).pdf");
    std::fs::write(&certificate, b"%PDF-1.7 calibration certificate").unwrap();
    let scan = inbox.path().join("scan.png");
    std::fs::write(&scan, b"\x89PNG scan of the display").unwrap();
    let huge = inbox.path().join("huge-scan.tiff");
    std::fs::write(&huge, vec![0u8; 1_500_000]).unwrap();

    let desktop = Desktop::start(data.path());
    let app = desktop.launch().await;

    // Settings: a 1 MB limit, and a mirror that is not there.
    app.click("#nav-settings").await;
    app.wait_for("#settings-form").await;
    app.fill("#settings-max_certificate_mb", "1").await;
    app.click("#settings-enabled").await;
    app.fill("#settings-bucket", "lab-certificates").await;
    app.fill("#settings-region", "eu-central-1").await;
    app.fill(
        "#settings-endpoint",
        &format!("http://127.0.0.1:{}", closed_port()),
    )
    .await;
    app.click("#settings-path_style").await;
    app.click("#save-settings").await;
    app.wait_for_text(".mirror-destination", "s3://lab-certificates/")
        .await;
    app.scroll_to("#settings-form").await;
    app.screenshot("16-settings-form").await;

    // An item with one calibration record.
    app.click("#nav-equipment").await;
    app.add_equipment("0107", "Pressure gauge", "Lab 3").await;
    app.click("tr[data-asset-tag='0107'] .row-open").await;
    app.click("#add-plan").await;
    app.wait_for("#plan-form").await;
    app.click("#save-plan").await;
    app.wait_for("tr[data-plan-name='Calibration']").await;
    app.fill_record_form("10.004", "", "Pass", "Pass").await;
    app.click("#save-record").await;
    app.click("tr[data-record-id] .record-expand").await;
    app.wait_for(".certificates-panel .empty-state").await;
    app.scroll_to(".certificates-panel").await;
    app.screenshot("17-certificates-empty").await;

    // Through the native dialog: a file over the limit is refused, by name.
    app.click("button.attach-certificates").await;
    desktop.answer_file_dialog("Attach certificates", &huge);
    app.wait_for_text(
        ".attach-errors",
        "“huge-scan.tiff” is larger than the 1 MB limit",
    )
    .await;
    assert_eq!(app.count(".certificate-row").await, 0);

    // A certificate attaches and is listed.
    app.click("button.attach-certificates").await;
    desktop.answer_file_dialog("Attach certificates", &certificate);
    app.wait_for_text(".certificate-row", "Kalibrierschein 0107 (2026).pdf")
        .await;
    app.scroll_to(".certificates-panel").await;
    app.screenshot("13-certificate-attached").await;

    // It opens with the system's viewer: a read-only copy under its own name.
    app.click(".certificate-row .open-certificate").await;
    app.eventually("the certificate to be opened", || async {
        !desktop.opened_files().is_empty()
    })
    .await;
    let opened = desktop.opened_files().remove(0);
    assert_eq!(
        opened.file_name().unwrap(),
        "Kalibrierschein 0107 (2026).pdf"
    );
    assert_eq!(
        std::fs::read(&opened).unwrap(),
        b"%PDF-1.7 calibration certificate"
    );
    assert!(std::fs::metadata(&opened).unwrap().permissions().readonly());

    // "Save a copy…" writes a verified copy where the user says in the native dialog.
    let exported = inbox.path().join("for the auditor.pdf");
    app.click(".certificate-row .export-certificate").await;
    desktop.answer_file_dialog("Save a copy of the certificate", &exported);
    app.wait_for_text(".toasts", "Saved a copy").await;
    assert_eq!(
        std::fs::read(&exported).unwrap(),
        b"%PDF-1.7 calibration certificate"
    );

    // A second one; the history row counts them.
    app.click("button.attach-certificates").await;
    desktop.answer_file_dialog("Attach certificates", &scan);
    app.wait_for("li.certificate-row[data-file-name='scan.png']")
        .await;
    app.wait_for_text("tr[data-record-id] .attachment-count", "2 files")
        .await;

    // A drop the window never saw (a script faking one) attaches nothing: the shell takes
    // only paths really dropped on it.
    let database = data.path().join("benchlog.sqlite3");
    app.emit(
        "tauri://drag-drop",
        json!({ "paths": [database], "position": { "x": 0, "y": 0 } }),
    )
    .await;
    app.wait_for_text(".attach-errors", "was not dropped on Benchlog")
        .await;
    assert_eq!(app.count(".certificate-row").await, 2);

    // The mirror cannot be reached: each file says so, and the sidebar warns.
    app.wait_for_text(".certificate-row .mirror-failure", "cannot be reached")
        .await;
    app.wait_for(".mirror-indicator.tone-warning").await;
    app.scroll_to(".certificates-panel").await;
    app.screenshot("14-certificates-mirror-failed").await;
    app.click(".mirror-indicator").await;
    app.wait_for_text(".mirror-last-error", "cannot be reached")
        .await;
    // Tools › Check certificate files… sends the window this event.
    app.emit("check-certificates", json!(null)).await;
    app.wait_for_text(".integrity-report", "All 2 files are intact")
        .await;
    app.screenshot("15-settings").await;
    app.quit().await;
}
