//! Files fetched from the page's own server: the language files.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestInit, Response};

/// Why a file could not be fetched: its address and what went wrong, in English words for the
/// console and, quoted, in the page's message.
pub type FetchError = String;

/// The text of the file at `url`, asking the server each time whether it changed (so that a
/// new build's file is used at once).
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or("no window")?;
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoCache);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|e| format!("{url}: {}", describe(&e)))?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: no response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| describe(&e))?)
        .await
        .map_err(|e| format!("{url}: {}", describe(&e)))?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

/// A JavaScript error's message.
pub fn describe(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
