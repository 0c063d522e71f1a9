//! The "something went wrong" notice: a panic must never leave a silently frozen page.

use crate::i18n::Lang;

/// Installs a panic hook that logs the panic to the console and shows the crash notice.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice(Lang::default());
    }));
}

/// Reveals the page's crash notice (`#crash-notice` in index.html), worded in `lang`.
pub fn show_notice(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(notice) = document.get_element_by_id("crash-notice") {
        notice.set_text_content(Some(lang.strings().crash_notice));
        let _ = notice.remove_attribute("hidden");
    }
}
