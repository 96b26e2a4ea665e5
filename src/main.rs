//! Госпаблики: the browser app. Mounts the root component and nothing else.

mod app;
mod browser;
mod catalog_loader;
mod components;
mod i18n;
mod load;
mod preferences;
mod service_worker;
mod timing;
mod url_state;
mod views;

fn main() {
    // A panic reaches the browser console with its message, not "unreachable", and the
    // reader gets a screen that says what happened and how to go on, not a frozen page.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_crash(&info.to_string());
    }));
    // An old widget link leaves for the widget's own page before anything renders.
    if url_state::leave_old_widget_address() {
        return;
    }
    leptos::mount::mount_to_body(app::App);
}

/// Panics on purpose, to show the crash screen: for the end-to-end test and for anyone who
/// wants to see it in a deployment (`wasmBindings.show_crash_screen()` in the console).
/// It can do nothing a script on the page could not do anyway.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn show_crash_screen() {
    panic!("the crash screen was asked for (wasmBindings.show_crash_screen)");
}
