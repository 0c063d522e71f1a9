//! The import worker: runs inside a dedicated Web Worker, reads a file in 4 MiB chunks
//! (asking for the next chunk before parsing the current one) and posts progress and the
//! outcome back to the page.
//!
//! A message in is `{ request, file }`: `request` the bytes of a [`Request`], `file` the file
//! to read when the request carries no text. Each message out is the bytes of a [`Reply`]
//! (its buffer transferred, not copied): [`Reply::Ready`] once it listens, then for each run
//! progress and its outcome or failure.

use crate::core::import::importer::{Importer, Outcome};
use crate::core::import::message::{self, Reply, Request};
use js_sys::{Array, Reflect, Uint8Array};
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

/// Sends `reply` to the page; a reply that cannot be written becomes a failure of its run.
fn post(reply: &Reply) {
    let bytes = message::encode(reply).or_else(|e| {
        message::encode(&Reply::Failed {
            run: reply.run(),
            message: e.to_string(),
        })
    });
    if let Ok(bytes) = bytes {
        let array = Uint8Array::from(bytes.as_slice());
        let _ = scope().post_message_with_transfer(&array, &Array::of1(&array.buffer()));
    }
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
    post(&Reply::Ready);
}

async fn handle(data: JsValue) {
    let started = js_sys::Date::now();
    WAITED.with(|w| w.set(0.0));
    let request = Reflect::get(&data, &"request".into())
        .ok()
        .filter(|b| b.is_instance_of::<Uint8Array>())
        .map(|b| Uint8Array::new(&b).to_vec())
        .unwrap_or_default();
    let request: Request = match message::decode(&request) {
        Ok(request) => request,
        Err(e) => {
            // Run 0: no run of the page's can be named, so the page takes it as the worker's.
            post(&Reply::Failed {
                run: 0,
                message: e.to_string(),
            });
            return;
        }
    };
    let run = request.run;
    let reply = match import(request, &data).await {
        Ok(outcome) => Reply::Done {
            run,
            memory: wasm_bindgen::memory()
                .dyn_into::<js_sys::WebAssembly::Memory>()
                .map(|m| {
                    m.buffer()
                        .unchecked_into::<js_sys::ArrayBuffer>()
                        .byte_length()
                })
                .map_or(0.0, f64::from),
            ms: js_sys::Date::now() - started,
            wait_ms: WAITED.with(|w| w.get()),
            outcome,
        },
        Err(e) => Reply::Failed {
            run,
            message: e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "unknown error".into()),
        },
    };
    post(&reply);
}

fn read(blob: &Blob, from: f64, to: f64) -> Result<js_sys::Promise, JsValue> {
    Ok(blob.slice_with_f64_and_f64(from, to)?.array_buffer())
}

async fn import(request: Request, data: &JsValue) -> Result<Outcome, JsValue> {
    let run = request.run;
    let mut importer = Importer::new(request.options);
    if let Some(text) = request.text {
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
            post(&Reply::Progress {
                run,
                done: offset,
                total: size,
            });
            if !more {
                break;
            }
        }
    }
    Ok(importer.finish())
}
