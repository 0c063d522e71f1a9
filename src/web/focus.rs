//! Moving the keyboard focus to an element the page drew, once it is drawn.

use wasm_bindgen::{JsCast, JsValue};

/// Focuses the element whose `data-testid` is `testid`: an error when there is none, or it
/// cannot take the focus.
pub fn focus_testid(testid: &str) -> Result<(), JsValue> {
    focus_selector(&format!("[data-testid=\"{testid}\"]"))
}

/// Focuses the element whose `id` is `id`, as a link to `#<id>` would, but without changing
/// the page's address.
pub fn focus_id(id: &str) -> Result<(), JsValue> {
    focus_selector(&format!("#{id}"))
}

/// Scrolls to the top of the page, then focuses the element whose `id` is `id`: a view that
/// replaced another starts at its top, as a new page would.
pub fn focus_id_from_top(id: &str) -> Result<(), JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .scroll_to_with_x_and_y(0.0, 0.0);
    focus_id(id)
}

fn focus_selector(selector: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let element = document
        .query_selector(selector)?
        .ok_or_else(|| JsValue::from_str("no such element"))?;
    element.dyn_into::<web_sys::HtmlElement>()?.focus()
}

/// Focuses `testid` after the next frame, when what a click changed has been drawn.
pub fn focus_testid_soon(testid: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        let _ = focus_testid(testid);
    });
}
