//! Entry point: panic hook, the language's strings, then mount the app.

use leptos::prelude::*;
use retention_lab::locale::{self, Choice};
use retention_lab::App;

fn main() {
    retention_lab::crash::install_panic_hook();
    wasm_bindgen_futures::spawn_local(async {
        let wanted = locale::preferred();
        // A language whose file cannot be read (a broken deployment) falls back to English,
        // and the console says why.
        let (choice, strings) = match locale::load(wanted).await {
            Ok(strings) => (wanted, strings),
            Err(e) => {
                web_sys::console::error_1(&e.into());
                (Choice::default(), locale::english())
            }
        };
        leptos::mount::mount_to_body(move || view! { <App choice strings /> });
    });
}
