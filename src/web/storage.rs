//! The browser's `localStorage`, through gloo-storage, reached only after one availability
//! probe: gloo's `LocalStorage::raw()` panics where storage is missing or refused (a private
//! window, storage turned off), so nothing calls it before the probe found storage usable,
//! and every call after returns a `Result`.
//!
//! Values are texts, read and written as they are (`raw().get_item` and `set_item`, never
//! JSON-encoded again): the open session's id and the language are plain text, and a
//! session's stored text is already JSON (see [`crate::core::store`] for every key).

use std::cell::OnceCell;

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsValue;

use crate::core::store::{KeyValue, StorageError};

/// Written and removed again by the probe.
const PROBE_KEY: &str = "retention-lab.probe";

thread_local! {
    /// Whether the probe found storage usable; probed once per page.
    static USABLE: OnceCell<bool> = const { OnceCell::new() };
}

/// The browser's storage, as the probe found it usable; only [`local`] makes one.
#[derive(Clone, Copy, Debug)]
pub struct Local {
    _probed: (),
}

/// The browser's storage, when the page may use it.
pub fn local() -> Option<Local> {
    USABLE
        .with(|usable| *usable.get_or_init(probe))
        .then_some(Local { _probed: () })
}

/// Whether storage is there and answers: some browsers hand out a storage object that refuses
/// every call, so one read and one write are tried.
fn probe() -> bool {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return false;
    };
    if storage.get_item(PROBE_KEY).is_err() {
        return false;
    }
    match storage.set_item(PROBE_KEY, "") {
        Ok(()) => storage.remove_item(PROBE_KEY).is_ok(),
        // Full, but readable: the sessions stored there still open.
        Err(e) => error(&e) == StorageError::Full,
    }
}

/// What a storage call's exception means.
fn error(e: &JsValue) -> StorageError {
    let name = js_sys::Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string());
    match name.as_deref() {
        // Firefox's older name for the same.
        Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") => StorageError::Full,
        _ => StorageError::Refused,
    }
}

impl KeyValue for Local {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        LocalStorage::raw().get_item(key).map_err(|e| error(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        LocalStorage::raw()
            .set_item(key, value)
            .map_err(|e| error(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        LocalStorage::raw().remove_item(key).map_err(|e| error(&e))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let raw = LocalStorage::raw();
        let length = raw.length().map_err(|e| error(&e))?;
        Ok((0..length)
            .filter_map(|i| raw.key(i).ok().flatten())
            .collect())
    }
}
