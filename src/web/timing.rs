//! Marks on the page's performance timeline, which the load benchmark reads
//! (`scripts/bench-load.sh`) and the offline set-up waits for (`index.html`).

use wasm_bindgen::JsValue;

/// The mark made when the view the page opened on first shows its headline figure.
pub const FIRST_FIGURE: &str = "first-figure";

/// Marks `name` on the performance timeline, now, unless it is marked already.
pub fn mark_once(name: &str) -> Result<(), JsValue> {
    let timeline = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsValue::from_str("no performance timeline"))?;
    if timeline.get_entries_by_name(name).length() == 0 {
        timeline.mark(name)?;
    }
    Ok(())
}
