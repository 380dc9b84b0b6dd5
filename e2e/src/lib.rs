//! A harness that drives the real Benchlog app: a private X display (Xvfb), tauri-driver in
//! front of WebKitWebDriver, and one WebDriver session per app launch.
//!
//! `cargo xtask test` builds the app and runs these tests under `dbus-run-session`; the app
//! binary is taken from `BENCHLOG_APP` or `target/debug/benchlog`.

use std::future::Future;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

/// How long any expected state may take to appear.
const PATIENCE: Duration = Duration::from_secs(20);

/// The WebDriver key code of Enter.
pub const ENTER: &str = "\u{E007}";

/// Xvfb and tauri-driver, running for the length of one test; both stop on drop.
pub struct Desktop {
    xvfb: Child,
    driver: Child,
    port: u16,
    display: String,
    /// Holds the stand-in `xdg-open` and the list of files it was asked to open.
    opener: tempfile::TempDir,
}

impl Desktop {
    /// Starts a display and the driver. Every app launched from it keeps its data in
    /// `data_dir`.
    pub fn start(data_dir: &Path) -> Desktop {
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb did not start: run the tests with `cargo xtask test`");
        let mut display = String::new();
        BufReader::new(xvfb.stdout.take().unwrap())
            .read_line(&mut display)
            .expect("Xvfb did not report its display");
        let display = format!(":{}", display.trim());
        let opener = stand_in_opener();
        let path = format!(
            "{}:{}",
            opener.path().display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let port = free_port();
        let driver = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &(port + 1).to_string(),
            ])
            .env("DISPLAY", &display)
            .env("BENCHLOG_DATA_DIR", data_dir)
            .env("PATH", path)
            // Credentials in the environment, as the AWS chain reads them first; a mirror
            // set up by a test must never reach out to a cloud metadata endpoint.
            .env("AWS_ACCESS_KEY_ID", "AKIABENCHLOGE2E")
            .env("AWS_SECRET_ACCESS_KEY", "benchlog-e2e-secret")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .stdout(Stdio::null())
            .spawn()
            .expect("tauri-driver did not start: run the tests with `cargo xtask test`");
        let desktop = Desktop {
            xvfb,
            driver,
            port,
            display,
            opener,
        };
        let deadline = Instant::now() + PATIENCE;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver never listened");
            std::thread::sleep(Duration::from_millis(50));
        }
        desktop
    }

    /// Launches the app and waits for its first screen.
    pub async fn launch(&self) -> App {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), "wry".into());
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_binary() }),
        );
        let client = ClientBuilder::native()
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("no WebDriver session on the app");
        let app = App { client };
        app.wait_for("#equipment-search").await;
        app
    }
}

impl Desktop {
    /// Answers the native file dialog titled `title` by typing `path` into its location
    /// field, as a user would, then pressing Enter. (In GTK a typed `/` opens the field;
    /// Ctrl+A first selects what a field left open from last time holds, so typing
    /// replaces it.)
    pub fn answer_file_dialog(&self, title: &str, path: &Path) {
        let window = self.xdotool(&["search", "--sync", "--onlyvisible", "--name", title]);
        let window = window
            .lines()
            .next()
            .expect("the dialog has a window")
            .to_owned();
        // Keys typed before the dialog took them are lost: answer again while it is open.
        for _ in 0..3 {
            // Each step may fail once the dialog has closed by itself meanwhile.
            let _ = self.try_xdotool(&["windowfocus", "--sync", &window]);
            std::thread::sleep(Duration::from_millis(800));
            let _ = self.try_xdotool(&["key", "ctrl+a"]);
            let _ = self.try_xdotool(&["type", "--delay", "60", &path.display().to_string()]);
            // Let the location field's completion settle before Enter accepts it.
            std::thread::sleep(Duration::from_millis(500));
            let _ = self.try_xdotool(&["key", "Return"]);
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline {
                if !self.is_visible(&window) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        panic!("the file dialog {title:?} did not take {}", path.display());
    }

    fn is_visible(&self, window: &str) -> bool {
        self.try_xdotool(&["search", "--onlyvisible", "--name", "."])
            .is_some_and(|windows| windows.lines().any(|line| line == window))
    }

    /// The files the app asked the system to open, in order.
    pub fn opened_files(&self) -> Vec<PathBuf> {
        std::fs::read_to_string(self.opener.path().join(OPENED))
            .unwrap_or_default()
            .lines()
            .map(PathBuf::from)
            .collect()
    }

    fn xdotool(&self, args: &[&str]) -> String {
        self.try_xdotool(args)
            .unwrap_or_else(|| panic!("xdotool {args:?} failed"))
    }

    /// Runs xdotool on the test's display, returning what it printed if it succeeded.
    fn try_xdotool(&self, args: &[&str]) -> Option<String> {
        let output = Command::new("timeout")
            .arg(PATIENCE.as_secs().to_string())
            .arg("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .expect("xdotool did not run: run the tests with `cargo xtask test`");
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

/// The file the stand-in opener lists what it was asked to open in.
const OPENED: &str = "opened.txt";

/// A folder with an `xdg-open` that records its argument instead of starting a viewer.
/// It comes first on the app's `PATH`, so the app's real call to open a file is seen.
fn stand_in_opener() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let script = folder.path().join("xdg-open");
    let list = folder.path().join(OPENED);
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", list.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    folder
}

impl Drop for Desktop {
    fn drop(&mut self) {
        for child in [&mut self.driver, &mut self.xvfb] {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// One running app, seen through WebDriver.
pub struct App {
    client: Client,
}

impl App {
    /// The element matching `css`, once it exists.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|error| panic!("{css} never appeared: {error}"))
    }

    /// Waits until no element matches `css`.
    pub async fn wait_gone(&self, css: &str) {
        self.eventually(&format!("{css} to disappear"), || async {
            self.client
                .find_all(Locator::Css(css))
                .await
                .unwrap()
                .is_empty()
        })
        .await;
    }

    /// Waits until `check` holds, failing the test with `what` after a while.
    pub async fn eventually<F, Fut>(&self, what: &str, check: F)
    where
        F: Fn() -> Fut,
        Fut: Future<Output = bool>,
    {
        let deadline = Instant::now() + PATIENCE;
        while !check().await {
            assert!(Instant::now() < deadline, "gave up waiting for {what}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the element matching `css` shows text containing `expected`.
    pub async fn wait_for_text(&self, css: &str, expected: &str) {
        self.eventually(&format!("{css} to show {expected:?}"), || async {
            self.text(css)
                .await
                .is_some_and(|text| text.contains(expected))
        })
        .await;
    }

    /// The visible text of the first element matching `css`, if there is one.
    pub async fn text(&self, css: &str) -> Option<String> {
        let element = self.client.find(Locator::Css(css)).await.ok()?;
        element.text().await.ok()
    }

    /// The current value of the form control matching `css`.
    pub async fn value(&self, css: &str) -> String {
        let element = self.wait_for(css).await;
        element.prop("value").await.unwrap().unwrap_or_default()
    }

    /// The element matching `css`, once it exists and can be used: shown and enabled
    /// (a form may render disabled while it loads or saves).
    pub async fn wait_usable(&self, css: &str) -> Element {
        self.eventually(&format!("{css} to be usable"), || async {
            match self.client.find(Locator::Css(css)).await {
                Ok(element) => {
                    element.is_displayed().await.unwrap_or(false)
                        && element.is_enabled().await.unwrap_or(false)
                }
                Err(_) => false,
            }
        })
        .await;
        self.wait_for(css).await
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) {
        self.wait_usable(css).await.click().await.unwrap();
    }

    /// Replaces the text in the input matching `css` by typing `text`.
    pub async fn fill(&self, css: &str, text: &str) {
        let input = self.wait_usable(css).await;
        input.clear().await.unwrap();
        input.send_keys(text).await.unwrap();
    }

    /// Types `keys` into the input matching `css`, after what it holds.
    pub async fn type_into(&self, css: &str, keys: &str) {
        self.wait_for(css).await.send_keys(keys).await.unwrap();
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> usize {
        self.client.find_all(Locator::Css(css)).await.unwrap().len()
    }

    /// Adds an item through the form and waits for it in the list.
    pub async fn add_equipment(&self, tag: &str, name: &str, location: &str) {
        self.click("#add-equipment").await;
        self.fill("#field-asset_tag", tag).await;
        self.fill("#field-name", name).await;
        self.fill("#field-location", location).await;
        self.click("#save-equipment").await;
        self.wait_for(&format!("tr[data-asset-tag='{tag}']")).await;
    }

    /// Opens the record form of the item's "Calibration" plan and fills one 10 V point
    /// read `found` (and `left`, when adjusted), waiting for the badges to judge the
    /// readings as `expect_found` and `expect_left`.
    pub async fn fill_record_form(
        &self,
        found: &str,
        left: &str,
        expect_found: &str,
        expect_left: &str,
    ) {
        self.click("tr[data-plan-name='Calibration'] .record-calibration")
            .await;
        self.wait_for("#record-form").await;
        if self.count("tr.point-row").await == 0 {
            self.click("#add-point").await;
        }
        self.fill("#record-field-performed_by", "Ana Souza").await;
        self.fill("#point-0-description", "10 V DC").await;
        self.fill("#point-0-nominal", "10").await;
        self.fill("#point-0-unit", "V").await;
        self.fill("#point-0-tolerance", "0.01").await;
        self.fill("#point-0-as_found", found).await;
        if !left.is_empty() {
            self.fill("#point-0-as_left", left).await;
        }
        self.wait_for_text(".verdict-found", expect_found).await;
        self.wait_for_text(".verdict-left", expect_left).await;
    }

    /// Scrolls the element matching `css` to the middle of the window, e.g. before a
    /// screenshot.
    pub async fn scroll_to(&self, css: &str) {
        self.wait_for(css).await;
        self.client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
                vec![css.into()],
            )
            .await
            .expect("the page scrolled");
    }

    /// Sends the window an event as the shell would (e.g. `tauri://drag-drop`).
    pub async fn emit(&self, event: &str, payload: serde_json::Value) {
        self.client
            .execute(
                "window.__TAURI__.event.emit(arguments[0], arguments[1]);",
                vec![event.into(), payload],
            )
            .await
            .expect("the event was sent");
    }

    /// Saves a screenshot as a test artefact, `target/e2e-artifacts/<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        // WebDriver screenshots can lag behind the page: give it a moment to paint.
        tokio::time::sleep(Duration::from_millis(400)).await;
        let png = self.client.screenshot().await.unwrap();
        let dir = workspace_root().join("target/e2e-artifacts");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Ends the session, which quits the app.
    pub async fn quit(self) {
        self.client.close().await.unwrap();
    }
}

fn app_binary() -> PathBuf {
    let app = std::env::var_os("BENCHLOG_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/benchlog"));
    assert!(
        app.exists(),
        "no app at {}: build it with `cargo xtask test`",
        app.display()
    );
    app
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A loopback port that was free a moment ago, with the next one free too (the driver's
/// native port).
fn free_port() -> u16 {
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        if port < u16::MAX && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return port;
        }
    }
}
