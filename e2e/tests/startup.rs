//! Starting the real app on a database it must not touch: the window opens and says why.

use benchlog_e2e::Desktop;

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_database_is_explained_and_kept() {
    let data = tempfile::tempdir().unwrap();
    let database = data.path().join("benchlog.sqlite3");
    let garbage = b"this is not a database".repeat(100);
    std::fs::write(&database, &garbage).unwrap();
    let desktop = Desktop::start(data.path());

    let app = desktop.launch().await;
    app.wait_for_text(".notice.error", "damaged or is not a Benchlog database")
        .await;
    app.wait_for_text(".notice.error", "benchlog.sqlite3").await;
    app.screenshot("06-damaged-database").await;
    app.quit().await;

    assert_eq!(std::fs::read(&database).unwrap(), garbage);
}
