//! Entry point: panic hook, then mount the app.

fn main() {
    retention_lab::crash::install_panic_hook();
    leptos::mount::mount_to_body(retention_lab::App);
}
