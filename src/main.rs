//! Entry point: panic hook, the language's strings, the calculator and the shared session the
//! address names, then mount the app.

use leptos::prelude::*;
use retention_lab::app::locale::{self, Choice};
use retention_lab::app::sessions::Start;
use retention_lab::app::share_link;
use retention_lab::core::route;
use retention_lab::web::{address, timing};
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
        // A fragment that is no address (a place in the page) opens the bare address.
        let address = route::read(&address::fragment()).unwrap_or_default();
        let mut start = Start {
            embed: address.embed.clone(),
            data: address.data.clone(),
            ..Start::default()
        };
        if let Some(data) = &start.data {
            match share_link::open(data).await {
                Ok(session) => start.shared = Some(session),
                Err(e) => start.link_error = Some(e),
            }
        }
        leptos::mount::mount_to_body(move || view! { <App choice strings address start /> });
        // The view's figures are on the page: the mark goes just before they are painted.
        request_animation_frame(|| {
            if let Err(e) = timing::mark(timing::FIRST_FIGURE) {
                web_sys::console::warn_1(&e);
            }
        });
    });
}
