//! Files the user chose.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The whole text of `file`, read as UTF-8: an error where the browser cannot read it (the
/// file was moved or removed since it was chosen).
pub async fn read_text(file: &web_sys::File) -> Result<String, JsValue> {
    JsFuture::from(file.text())
        .await?
        .as_string()
        .ok_or_else(|| JsValue::from_str("not text"))
}
