//! The "something went wrong" notice: a panic must never leave a silently frozen page.

/// Installs a panic hook that logs the panic to the console and shows the crash notice, with
/// the text `notice` gives (in the page's language at the time).
pub fn install_panic_hook(notice: fn() -> &'static str) {
    std::panic::set_hook(Box::new(move |info| {
        console_error_panic_hook::hook(info);
        show_notice(notice());
    }));
}

/// Reveals the page's crash notice (`#crash-notice` in index.html) with `text`.
fn show_notice(text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(notice) = document.get_element_by_id("crash-notice") {
        notice.set_text_content(Some(text));
        let _ = notice.remove_attribute("hidden");
    }
}
