//! The import worker: runs inside a dedicated Web Worker, reads a file in 4 MiB chunks
//! (asking for the next chunk before parsing the current one) and posts progress and the
//! outcome back to the page.
//!
//! Messages in: `{ run, options, file }` or `{ run, options, text }` (`options` is
//! [`Options`] in the text form of [`wire`]). Messages out: `{ kind: "ready" }` once it listens, `{ kind: "progress", run, done, total }`, then
//! `{ kind: "done", run, outcome, memory, ms }` (`outcome` is the import's outcome in that text form,
//! `memory` the worker's wasm memory in bytes, `ms` the time the worker took) or `{ kind: "failed", run, message }`.

use crate::core::import::importer::{Importer, Options};
use crate::core::import::wire;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

thread_local! {
    /// Milliseconds the last import spent waiting for the browser to read chunks.
    static WAITED: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Bytes per read: fewer, larger reads are much faster than many small ones.
pub const CHUNK: usize = 4 << 20;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn message(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn post(pairs: &[(&str, JsValue)]) {
    let _ = scope().post_message(&message(pairs));
}

/// Listens for import requests.
pub fn start() {
    console_error_panic_hook::set_once();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        wasm_bindgen_futures::spawn_local(handle(e.data()));
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its handler.
    on_message.forget();
    // Messages that arrive before the handler is set are dropped, so the page waits for this.
    post(&[("kind", "ready".into())]);
}

async fn handle(data: JsValue) {
    let run = Reflect::get(&data, &"run".into()).unwrap_or(JsValue::from(0));
    let started = js_sys::Date::now();
    WAITED.with(|w| w.set(0.0));
    match import(&data, &run).await {
        Ok(outcome) => {
            let memory = wasm_bindgen::memory()
                .dyn_into::<js_sys::WebAssembly::Memory>()
                .map(|m| {
                    m.buffer()
                        .unchecked_into::<js_sys::ArrayBuffer>()
                        .byte_length()
                })
                .unwrap_or(0);
            post(&[
                ("kind", "done".into()),
                ("run", run),
                ("outcome", outcome.into()),
                ("memory", memory.into()),
                ("ms", (js_sys::Date::now() - started).into()),
                ("wait_ms", WAITED.with(|w| w.get()).into()),
            ]);
        }
        Err(e) => {
            let text = e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "unknown error".into());
            post(&[
                ("kind", "failed".into()),
                ("run", run),
                ("message", text.into()),
            ]);
        }
    }
}

fn read(blob: &Blob, from: f64, to: f64) -> Result<js_sys::Promise, JsValue> {
    Ok(blob.slice_with_f64_and_f64(from, to)?.array_buffer())
}

async fn import(data: &JsValue, run: &JsValue) -> Result<String, JsValue> {
    let options_text = Reflect::get(data, &"options".into())?
        .as_string()
        .unwrap_or_default();
    let options: Options =
        wire::decode(&options_text).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let mut importer = Importer::new(options);
    let text = Reflect::get(data, &"text".into())?;
    if let Some(text) = text.as_string() {
        importer.feed(text.as_bytes());
    } else {
        let blob: Blob = Reflect::get(data, &"file".into())?.dyn_into()?;
        let size = blob.size();
        let mut buf: Vec<u8> = Vec::new();
        let mut offset = 0.0;
        let mut next = (size > 0.0)
            .then(|| read(&blob, 0.0, CHUNK as f64))
            .transpose()?;
        while let Some(pending) = next.take() {
            let waiting = js_sys::Date::now();
            let chunk = Uint8Array::new(&JsFuture::from(pending).await?);
            WAITED.with(|w| w.set(w.get() + js_sys::Date::now() - waiting));
            let end = offset + f64::from(chunk.length());
            if end < size {
                next = Some(read(&blob, end, end + CHUNK as f64)?);
            }
            buf.resize(chunk.length() as usize, 0);
            chunk.copy_to(&mut buf);
            offset = end;
            let more = importer.feed(&buf);
            post(&[
                ("kind", "progress".into()),
                ("run", run.clone()),
                ("done", offset.into()),
                ("total", size.into()),
            ]);
            if !more {
                break;
            }
        }
    }
    let outcome = importer.finish();
    Ok(wire::encode(&outcome))
}
