//! The page's address.

use wasm_bindgen::JsValue;

/// The page's address without its fragment.
pub fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((page, _)) => page.to_string(),
        None => href,
    }
}

/// The part of the page's address after `#`, with the `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Puts `fragment` in the address bar in place of the one there, without reloading or a new
/// entry in the history: after a shared session is saved, so that a reload opens the saved
/// sessions instead of the link again.
pub fn replace_fragment(fragment: &str) -> Result<(), JsValue> {
    let history = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .history()?;
    let address = format!("{}{fragment}", page_address());
    history.replace_state_with_url(&JsValue::NULL, "", Some(&address))
}

/// Loads the page again, at the address it has now.
pub fn reload() -> Result<(), JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .location()
        .reload()
}

/// Goes to `fragment` (`#/data`, say), as a link to it would: a new entry in the history.
pub fn go(fragment: &str) -> Result<(), JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .location()
        .set_hash(fragment)
}
