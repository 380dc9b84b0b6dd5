//! The window's menu bar. Its items ask the UI to act, so each action has one
//! implementation, reachable from the menu and from the page alike.

use tauri::menu::{
    Menu, MenuBuilder, MenuEvent, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder,
};
use tauri::{AppHandle, Emitter, Runtime};

use crate::events;

const CHECK_CERTIFICATES: &str = "tools.check-certificates";

/// File (quit) and Tools (check certificate files).
pub(crate) fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let file = SubmenuBuilder::new(app, "File")
        .item(&PredefinedMenuItem::quit(app, Some("Quit Benchlog"))?)
        .build()?;
    let check =
        MenuItemBuilder::with_id(CHECK_CERTIFICATES, "Check certificate files…").build(app)?;
    let tools = SubmenuBuilder::new(app, "Tools").item(&check).build()?;
    MenuBuilder::new(app).items(&[&file, &tools]).build()
}

/// Passes a chosen menu item on to the window.
pub(crate) fn handle<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    if event.id() == CHECK_CERTIFICATES
        && let Err(error) = app.emit(events::CHECK_CERTIFICATES, ())
    {
        eprintln!("benchlog: passing on a menu choice: {error}");
    }
}
