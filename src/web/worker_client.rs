//! The page's side of the import worker: starts it, sends it imports and the customers view's
//! requests, and turns its messages into [`WorkerEvent`]s for whoever asked. Cancelling ends
//! the worker at once (it may be in the middle of a chunk); the next request starts a fresh
//! one.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::clv::ClvAsk;
use crate::core::customers::{CustomerRow, CustomersDone, CustomersFailed};
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
    /// The worker was ended on purpose ([`cancel`]) while on this request.
    Stopped,
    /// The customers view's analysis.
    Customers {
        result: Result<Box<CustomersDone>, CustomersFailed>,
        ms: f64,
    },
    /// A customer looked up; `held`: the worker had an analysis to look in.
    Customer {
        id: String,
        held: bool,
        found: Option<CustomerRow>,
    },
}

/// Who hears the worker's news: `import` of imports, `customers` of the customers view's
/// requests; each is the one given with the latest request of its kind.
type Handler = Rc<dyn Fn(u32, WorkerEvent)>;

struct Running {
    worker: Worker,
    /// The worker has loaded its wasm and listens; messages sent before would be lost.
    ready: bool,
    /// The requests waiting for the worker to be ready, with their runs and whether they are
    /// the customers view's.
    queued: Vec<(u32, Object, bool)>,
    /// The customers view's run the worker is on, told when the worker stops.
    customers_run: Option<u32>,
    // Kept alive while the worker may call them.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CURRENT: RefCell<Option<Running>> = const { RefCell::new(None) };
    static IMPORT: RefCell<Option<Handler>> = const { RefCell::new(None) };
    static CUSTOMERS: RefCell<Option<Handler>> = const { RefCell::new(None) };
}

/// The worker script Trunk writes beside the page (not hashed).
const WORKER_URL: &str = "./worker_loader.js";

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn tell(customers: bool, run: u32, event: WorkerEvent) {
    let slot = if customers { &CUSTOMERS } else { &IMPORT };
    if let Some(handler) = slot.with(|h| h.borrow().clone()) {
        handler(run, event);
    }
}

/// Starts the worker now, so that the first import does not wait for it to load.
pub fn warm_up(on_event: impl Fn(u32, WorkerEvent) + 'static) {
    IMPORT.with(|h| *h.borrow_mut() = Some(Rc::new(on_event)));
    CURRENT.with(|c| {
        if c.borrow().is_none() {
            if let Ok(r) = spawn() {
                *c.borrow_mut() = Some(r);
            }
        }
    });
}

fn spawn() -> Result<Running, JsValue> {
    let worker = Worker::new(WORKER_URL)?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let bytes = data
            .dyn_ref::<Uint8Array>()
            .map(Uint8Array::to_vec)
            .unwrap_or_default();
        let reply = match message::decode::<Reply>(&bytes) {
            Ok(reply) => reply,
            Err(e) => {
                tell(false, 0, WorkerEvent::Failed(e.to_string()));
                return;
            }
        };
        let run = reply.run();
        let (customers, event) = match reply {
            Reply::Ready => {
                // Sent outside the borrow: a failure reaches the page, which may cancel.
                let failed = CURRENT.with(|c| {
                    let mut current = c.borrow_mut();
                    let r = current.as_mut()?;
                    r.ready = true;
                    let queued = std::mem::take(&mut r.queued);
                    queued.into_iter().find_map(|(run, msg, customers)| {
                        let sent = r.worker.post_message(&msg);
                        sent.err().map(|e| (customers, run, js_text(e)))
                    })
                });
                if let Some((customers, run, text)) = failed {
                    tell(customers, run, WorkerEvent::Failed(text));
                }
                return;
            }
            Reply::Progress { done, total, .. } => (false, WorkerEvent::Progress { done, total }),
            Reply::Done {
                outcome,
                memory,
                ms,
                ..
            } => (
                false,
                WorkerEvent::Done {
                    outcome: Box::new(outcome),
                    memory,
                    ms,
                },
            ),
            Reply::Failed { message, .. } => (false, WorkerEvent::Failed(message)),
            Reply::Customers { result, ms, .. } => {
                finished_customers(run);
                (true, WorkerEvent::Customers { result, ms })
            }
            Reply::Customer {
                id, held, found, ..
            } => (true, WorkerEvent::Customer { id, held, found }),
        };
        tell(customers, run, event);
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        let text = get(&e, "message")
            .as_string()
            .unwrap_or_else(|| "worker error".into());
        tell(false, 0, WorkerEvent::Failed(text.clone()));
        tell(true, 0, WorkerEvent::Failed(text));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Running {
        worker,
        ready: false,
        queued: Vec::new(),
        customers_run: None,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The customers view's run `run` is answered.
fn finished_customers(run: u32) {
    CURRENT.with(|c| {
        if let Some(r) = c.borrow_mut().as_mut() {
            if r.customers_run == Some(run) {
                r.customers_run = None;
            }
        }
    });
}

/// Sends `request` (and the file of `source`, when it is one) to the worker, starting one if
/// needed.
fn send(request: &Request, source: Option<&Source>, customers: bool) -> Result<(), String> {
    let run = request.run();
    let bytes = message::encode(request).map_err(|e| e.to_string())?;
    CURRENT.with(|c| {
        let mut current = c.borrow_mut();
        if current.is_none() {
            *current = Some(spawn().map_err(js_text)?);
        }
        let Some(r) = current.as_mut() else {
            return Err("no worker".into());
        };
        let msg = Object::new();
        let set = |k: &str, v: &JsValue| Reflect::set(&msg, &JsValue::from_str(k), v).map(|_| ());
        set("request", &Uint8Array::from(bytes.as_slice())).map_err(js_text)?;
        if let Some(Source::File(f)) = source {
            set("file", f.as_ref()).map_err(js_text)?;
        }
        if matches!(request, Request::Customers { .. }) {
            r.customers_run = Some(run);
        }
        if r.ready {
            r.worker.post_message(&msg).map_err(js_text)
        } else {
            // A newer import makes an older one waiting here pointless.
            if !customers {
                r.queued.retain(|q| q.2);
            }
            r.queued.push((run, msg, customers));
            Ok(())
        }
    })
}

fn text_of(source: &Source) -> Option<String> {
    match source {
        Source::Text(t) => Some(t.clone()),
        Source::File(_) => None,
    }
}

/// Sends import run `run` to the worker (starting one if needed).
pub fn start(
    run: u32,
    source: &Source,
    options: &Options,
    on_event: impl Fn(u32, WorkerEvent) + 'static,
) -> Result<(), String> {
    IMPORT.with(|h| *h.borrow_mut() = Some(Rc::new(on_event)));
    let request = Request::Import {
        run,
        options: options.clone(),
        text: text_of(source),
    };
    send(&request, Some(source), false)
}

/// Asks for the customers view's analysis of import `data`, read from `source` with
/// `options` when the worker does not hold its rows.
pub fn customers(
    run: u32,
    data: u32,
    source: &Source,
    options: &Options,
    ask: ClvAsk,
    on_event: impl Fn(u32, WorkerEvent) + 'static,
) -> Result<(), String> {
    CUSTOMERS.with(|h| *h.borrow_mut() = Some(Rc::new(on_event)));
    let request = Request::Customers {
        run,
        data,
        options: options.clone(),
        text: text_of(source),
        ask,
    };
    send(&request, Some(source), true)
}

/// Asks for one customer's figures in the last analysis.
pub fn lookup(run: u32, id: String) -> Result<(), String> {
    send(&Request::Lookup { run, id }, None, true)
}

/// Stops the worker at once; a customers request it was on is told so.
pub fn cancel() {
    let stopped = CURRENT.with(|c| {
        let r = c.borrow_mut().take()?;
        r.worker.terminate();
        r.customers_run
    });
    if let Some(run) = stopped {
        tell(true, run, WorkerEvent::Stopped);
    }
}

fn js_text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
