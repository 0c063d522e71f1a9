//! The page's side of the import worker: starts it, sends a file or text with the options,
//! and turns its messages into [`WorkerEvent`]s. Cancelling ends the worker at once (it may be
//! in the middle of a chunk); the next import starts a fresh one.

use std::cell::RefCell;

use crate::core::import::importer::{Options, Outcome};
use crate::core::import::message::{self, Reply, Request};
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, MessageEvent, Worker};

/// What the import reads: an uploaded or dropped file, or pasted text.
#[derive(Clone)]
pub enum Source {
    File(File),
    Text(String),
}

/// News from the worker about run `run`.
pub enum WorkerEvent {
    Progress {
        done: f64,
        total: f64,
    },
    /// `memory`: the worker's wasm memory in bytes; `ms`: the time the worker took.
    Done {
        outcome: Box<Outcome>,
        memory: f64,
        ms: f64,
    },
    /// The worker could not read the file or could not start.
    Failed(String),
}

struct Running {
    worker: Worker,
    /// The worker has loaded its wasm and listens; messages sent before would be lost.
    ready: bool,
    /// The request waiting for the worker to be ready (only the latest counts), with its run.
    queued: Option<(u32, Object)>,
    // Kept alive while the worker may call them.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CURRENT: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// The worker script Trunk writes beside the page (not hashed).
const WORKER_URL: &str = "./worker_loader.js";

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Starts the worker now, so that the first import does not wait for it to load.
pub fn warm_up(on_event: impl Fn(u32, WorkerEvent) + 'static) {
    CURRENT.with(|c| {
        if c.borrow().is_none() {
            if let Ok(r) = spawn(on_event) {
                *c.borrow_mut() = Some(r);
            }
        }
    });
}

fn spawn(on_event: impl Fn(u32, WorkerEvent) + 'static) -> Result<Running, JsValue> {
    let worker = Worker::new(WORKER_URL)?;
    let on_event = std::rc::Rc::new(on_event);
    let events = on_event.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let bytes = data
            .dyn_ref::<Uint8Array>()
            .map(Uint8Array::to_vec)
            .unwrap_or_default();
        let reply = match message::decode::<Reply>(&bytes) {
            Ok(reply) => reply,
            Err(e) => {
                events(0, WorkerEvent::Failed(e.to_string()));
                return;
            }
        };
        let run = reply.run();
        let event = match reply {
            Reply::Ready => {
                // Sent outside the borrow: a failure reaches the page, which may cancel.
                let failed = CURRENT.with(|c| {
                    let mut current = c.borrow_mut();
                    let r = current.as_mut()?;
                    r.ready = true;
                    let (run, msg) = r.queued.take()?;
                    r.worker.post_message(&msg).err().map(|e| (run, js_text(e)))
                });
                if let Some((run, text)) = failed {
                    events(run, WorkerEvent::Failed(text));
                }
                return;
            }
            Reply::Progress { done, total, .. } => WorkerEvent::Progress { done, total },
            Reply::Done {
                outcome,
                memory,
                ms,
                ..
            } => WorkerEvent::Done {
                outcome: Box::new(outcome),
                memory,
                ms,
            },
            Reply::Failed { message, .. } => WorkerEvent::Failed(message),
        };
        events(run, event);
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        let text = get(&e, "message")
            .as_string()
            .unwrap_or_else(|| "worker error".into());
        on_event(0, WorkerEvent::Failed(text));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Running {
        worker,
        ready: false,
        queued: None,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Sends run `run` to the worker (starting one if needed).
pub fn start(
    run: u32,
    source: &Source,
    options: &Options,
    on_event: impl Fn(u32, WorkerEvent) + 'static,
) -> Result<(), String> {
    let request = Request {
        run,
        options: options.clone(),
        text: match source {
            Source::Text(t) => Some(t.clone()),
            Source::File(_) => None,
        },
    };
    let request = message::encode(&request).map_err(|e| e.to_string())?;
    CURRENT.with(|c| {
        let mut current = c.borrow_mut();
        if current.is_none() {
            *current = Some(spawn(on_event).map_err(js_text)?);
        }
        let Some(r) = current.as_mut() else {
            return Err("no worker".into());
        };
        let msg = Object::new();
        let set = |k: &str, v: &JsValue| Reflect::set(&msg, &JsValue::from_str(k), v).map(|_| ());
        set("request", &Uint8Array::from(request.as_slice())).map_err(js_text)?;
        if let Source::File(f) = source {
            set("file", f.as_ref()).map_err(js_text)?;
        }
        if r.ready {
            r.worker.post_message(&msg).map_err(js_text)
        } else {
            r.queued = Some((run, msg));
            Ok(())
        }
    })
}

/// Stops the current import at once.
pub fn cancel() {
    CURRENT.with(|c| {
        if let Some(r) = c.borrow_mut().take() {
            r.worker.terminate();
        }
    });
}

fn js_text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
