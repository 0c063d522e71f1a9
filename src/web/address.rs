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

/// Removes the fragment from the address bar without reloading, so that a reload opens the
/// saved sessions instead of the link again.
pub fn forget_fragment() -> Result<(), JsValue> {
    let history = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .history()?;
    history.replace_state_with_url(&JsValue::NULL, "", Some(&page_address()))
}
