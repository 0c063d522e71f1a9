//! Moving the keyboard focus to an element the page drew, once it is drawn.

use wasm_bindgen::{JsCast, JsValue};

/// Focuses the element whose `data-testid` is `testid`: an error when there is none, or it
/// cannot take the focus.
pub fn focus_testid(testid: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let element = document
        .query_selector(&format!("[data-testid=\"{testid}\"]"))?
        .ok_or_else(|| JsValue::from_str("no such element"))?;
    element.dyn_into::<web_sys::HtmlElement>()?.focus()
}

/// Focuses `testid` after the next frame, when what a click changed has been drawn.
pub fn focus_testid_soon(testid: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        let _ = focus_testid(testid);
    });
}
