//! The import worker: runs inside a dedicated Web Worker, reads a file in 4 MiB chunks
//! (asking for the next chunk before parsing the current one) and posts progress and the
//! outcome back to the page.
//!
//! A message in is `{ request, file }`: `request` the bytes of a [`Request`], `file` the file
//! to read when the request carries no text. Each message out is the bytes of a [`Reply`]
//! (its buffer transferred, not copied): [`Reply::Ready`] once it listens, then for each run
//! progress and its outcome or failure. The customers view's requests are answered from the
//! rows of one file held between them (`crate::core::customers`).

use crate::core::customers::{CustomersFailed, Held};
use crate::core::import::importer::{Importer, Options, Outcome};
use crate::core::import::message::{self, Reply, Request};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

thread_local! {
    /// Milliseconds the last import spent waiting for the browser to read chunks.
    static WAITED: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
    /// The rows the customers view asked for last, and their analysis.
    static HELD: std::cell::RefCell<Option<Held>> = const { std::cell::RefCell::new(None) };
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
    let run = request.run();
    let reply = match request {
        Request::Import { options, text, .. } => {
            // New data: the rows held for the old are not needed again.
            HELD.with(|h| h.borrow_mut().take());
            WAITED.with(|w| w.set(0.0));
            let mut importer = Importer::new(options);
            match read(&mut importer, text, &data, Some(run)).await {
                Ok(()) => Reply::Done {
                    run,
                    memory: memory(),
                    ms: js_sys::Date::now() - started,
                    wait_ms: WAITED.with(|w| w.get()),
                    outcome: importer.finish(),
                },
                Err(e) => Reply::Failed {
                    run,
                    message: js_text(e),
                },
            }
        }
        Request::Customers {
            data: id,
            options,
            text,
            ask,
            ..
        } => {
            let held = HELD.with(|h| h.borrow().as_ref().is_some_and(|h| h.data == id));
            let read_again = if held {
                Ok(())
            } else {
                hold(id, options, text, &data).await
            };
            let result = read_again.and_then(|()| {
                HELD.with(|h| match h.borrow_mut().as_mut() {
                    Some(held) => held.analyse(&ask).map(Box::new),
                    None => Err(CustomersFailed::NotTransactions),
                })
            });
            Reply::Customers {
                run,
                ms: js_sys::Date::now() - started,
                result,
            }
        }
        Request::Lookup { id, .. } => HELD.with(|h| {
            let held = h.borrow();
            Reply::Customer {
                run,
                held: held.as_ref().is_some_and(Held::analysed),
                found: held.as_ref().and_then(|h| h.lookup(&id)),
                id,
            }
        }),
    };
    post(&reply);
}

/// Reads the source of import `id` again, keeping its rows for the customers view.
async fn hold(
    id: u32,
    options: Options,
    text: Option<String>,
    data: &JsValue,
) -> Result<(), CustomersFailed> {
    HELD.with(|h| h.borrow_mut().take());
    let mut importer = Importer::keeping(options);
    read(&mut importer, text, data, None)
        .await
        .map_err(|e| CustomersFailed::Unread(js_text(e)))?;
    match importer.finish_keeping() {
        (Outcome::Done(_), Some(purchases)) => {
            HELD.with(|h| *h.borrow_mut() = Some(Held::new(id, purchases)));
            Ok(())
        }
        (Outcome::Done(_), None) => Err(CustomersFailed::NotTransactions),
        _ => Err(CustomersFailed::Changed),
    }
}

/// The worker's wasm memory in bytes.
fn memory() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length()
        })
        .map_or(0.0, f64::from)
}

fn js_text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn slice(blob: &Blob, from: f64, to: f64) -> Result<js_sys::Promise, JsValue> {
    Ok(blob.slice_with_f64_and_f64(from, to)?.array_buffer())
}

/// Feeds `text`, or the file beside the message, to `importer`; with `progress`, posts the
/// bytes read so far for that run after each chunk.
async fn read(
    importer: &mut Importer,
    text: Option<String>,
    data: &JsValue,
    progress: Option<u32>,
) -> Result<(), JsValue> {
    if let Some(text) = text {
        importer.feed(text.as_bytes());
        return Ok(());
    }
    let blob: Blob = Reflect::get(data, &"file".into())?.dyn_into()?;
    let size = blob.size();
    let mut buf: Vec<u8> = Vec::new();
    let mut offset = 0.0;
    let mut next = (size > 0.0)
        .then(|| slice(&blob, 0.0, CHUNK as f64))
        .transpose()?;
    while let Some(pending) = next.take() {
        let waiting = js_sys::Date::now();
        let chunk = Uint8Array::new(&JsFuture::from(pending).await?);
        WAITED.with(|w| w.set(w.get() + js_sys::Date::now() - waiting));
        let end = offset + f64::from(chunk.length());
        if end < size {
            next = Some(slice(&blob, end, end + CHUNK as f64)?);
        }
        buf.resize(chunk.length() as usize, 0);
        chunk.copy_to(&mut buf);
        offset = end;
        let more = importer.feed(&buf);
        if let Some(run) = progress {
            post(&Reply::Progress {
                run,
                done: offset,
                total: size,
            });
        }
        if !more {
            break;
        }
    }
    Ok(())
}
