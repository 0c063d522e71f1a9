//! Saving text the page made as a file on the user's machine (no request leaves the page).

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` for download as `name` with the given MIME type.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &bag).map_err(|_| "blob")?;
    save_blob(name, &blob)
}

/// Offers `blob` for download as `name`.
pub fn save_blob(name: &str, blob: &Blob) -> Result<(), String> {
    let url = Url::create_object_url_with_blob(blob).map_err(|_| "url")?;
    let document = leptos::prelude::document();
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "element")?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download reads the URL after this call returns; release it a little later.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
