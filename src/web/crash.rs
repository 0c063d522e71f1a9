//! The "something went wrong" notice: a panic must never leave a silently frozen page.

/// Installs a panic hook that logs the panic to the console and shows the crash notice.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

/// Reveals the page's crash notice (`#crash-notice` in index.html), in the page's language.
pub fn show_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(notice) = document.get_element_by_id("crash-notice") {
        notice.set_text_content(Some(crate::app::locale::current().crash_notice));
        let _ = notice.remove_attribute("hidden");
    }
}
