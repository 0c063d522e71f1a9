//! Entry point: panic hook, the language's strings, a shared session if the address holds
//! one, then mount the app.

use leptos::prelude::*;
use retention_lab::app::locale::{self, Choice};
use retention_lab::app::sessions::Start;
use retention_lab::app::share_link;
use retention_lab::core::share;
use retention_lab::App;

fn main() {
    retention_lab::web::crash::install_panic_hook(|| locale::current().crash_notice);
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
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let fragment = share::fragment(&hash);
        let mut start = Start {
            embed: fragment.embed,
            data: fragment.data,
            ..Start::default()
        };
        if let Some(data) = &start.data {
            match share_link::open(data).await {
                Ok(session) => start.shared = Some(session),
                Err(e) => start.link_error = Some(e),
            }
        }
        leptos::mount::mount_to_body(move || view! { <App choice strings start /> });
    });
}
