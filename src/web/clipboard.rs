//! The system clipboard.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Puts `text` on the clipboard: an error where the browser refuses (no permission, or the
/// page is not focused).
pub async fn write_text(text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    JsFuture::from(window.navigator().clipboard().write_text(text)).await?;
    Ok(())
}
