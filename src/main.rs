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
    // A panic then reaches the browser console with its message, not "unreachable".
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
