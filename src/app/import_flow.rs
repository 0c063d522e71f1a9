//! Starting, re-running and cancelling imports, taking in the worker's news, and the data
//! panel's part of a session.

use std::sync::Arc;

use serde_json::{json, Value};
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::app::state::{DataState, Kept, Run, RAW_BUDGET};
use crate::core::import::importer::Dataset;
use crate::core::import::stored;
use crate::core::import::tables::Granularity;
use crate::web::worker_client::{self, Source, WorkerEvent};

/// What the page does with the worker's messages.
fn on_event(state: DataState) -> impl Fn(u32, WorkerEvent) + 'static {
    move |run, event| {
        if !state.is_current_untracked(run) {
            return;
        }
        match event {
            WorkerEvent::Progress { done, total } => state.progress(done, total),
            WorkerEvent::Done {
                outcome,
                memory,
                ms,
            } => {
                if let Some(dataset) = state.finish(*outcome, memory, ms) {
                    keep(state, dataset);
                }
            }
            WorkerEvent::Failed(message) => {
                worker_client::cancel();
                state.worker_failed(message);
            }
            // The customers view's news goes to its own handler.
            WorkerEvent::Customers { .. } | WorkerEvent::Customer { .. } | WorkerEvent::Stopped => {
            }
        }
    }
}

/// Keeps the finished import for the session: its tables, and the data itself when it is
/// within the budget (a file is read again for that, after the import).
fn keep(state: DataState, tables: Arc<Dataset>) {
    let micros = (state.elapsed_ms_untracked() * 1000.0).round() as u64;
    let kept = move |tables: Arc<Dataset>, size: usize, raw: Option<String>| Kept {
        tables,
        micros,
        size: size as u64,
        raw: raw.map(Into::into),
    };
    match state.source_untracked() {
        Some(Source::Text(text)) => {
            let size = text.len();
            state.keep(kept(tables, size, (size <= RAW_BUDGET).then_some(text)));
        }
        Some(Source::File(file)) => {
            let size = file.size() as usize;
            if size > RAW_BUDGET {
                state.keep(kept(tables, size, None));
                return;
            }
            spawn_local(async move {
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string());
                // Only while this import's tables are still the ones shown: another import,
                // or another session opened meanwhile, has its own.
                if state.shows_untracked(&tables) {
                    state.keep(kept(tables, size, text));
                }
            });
        }
        None => {}
    }
}

/// Hands a started run to the worker.
fn send(state: DataState, run: Option<Run>) {
    let Some(run) = run else {
        return;
    };
    if let Err(message) = worker_client::start(run.run, &run.source, &run.options, on_event(state))
    {
        state.worker_failed(message);
    }
}

/// Loads the worker ahead of the first import.
pub fn warm_up(state: DataState) {
    worker_client::warm_up(on_event(state));
}

/// Reads a new file or text with fresh options (the page's decimal sign kept).
pub fn begin(state: DataState, source: Source) {
    send(state, state.begin(source));
}

/// Reads the current source again with changed options (a confirmed mapping, a date order,
/// skipping bad rows).
pub fn again(state: DataState, change: impl FnOnce(&mut crate::core::import::importer::Options)) {
    send(state, state.again(change));
}

/// Stops the import in progress; the data shown before stays.
pub fn cancel(state: DataState) {
    worker_client::cancel();
    state.cancel();
}

/// The data panel's part of the session: the pasted text, the period, and the last import's
/// tables (under their format's version) with its data when within the budget (when that
/// data is the pasted text, a mark says so rather than a second copy). Reading it tracks all
/// of them.
pub fn saved(state: DataState) -> Value {
    let paste = state.paste();
    let mut part = serde_json::Map::new();
    part.insert("period".into(), state.granularity().key().into());
    state.with_kept(|kept| {
        if let Some(k) = kept {
            part.insert("tables".into(), stored::to_json(&k.tables));
            part.insert("format".into(), stored::VERSION.into());
            part.insert("micros".into(), k.micros.into());
            part.insert("size".into(), k.size.into());
            match &k.raw {
                Some(raw) if **raw == *paste => {
                    part.insert("raw_is_paste".into(), true.into());
                }
                Some(raw) => {
                    part.insert("raw".into(), json!(&**raw));
                }
                None => {}
            }
        }
    });
    if !paste.is_empty() && paste.len() <= RAW_BUDGET {
        part.insert("paste".into(), paste.into());
    }
    Value::Object(part)
}

/// Puts the data panel's part of a session back: without tables, the panel is emptied.
/// Tables of another version (or that do not read) are read again from the session's data
/// when it has it; else the panel says they could not be read.
pub fn restore(state: DataState, saved: &Value) {
    let text = |key| saved.get(key).and_then(Value::as_str);
    if state.is_running_untracked() {
        cancel(state);
    }
    state.restore_inputs(
        text("paste").unwrap_or_default().to_string(),
        text("period").and_then(Granularity::from_key),
    );
    let Some(tables) = saved.get("tables") else {
        state.restore_nothing();
        return;
    };
    let raw: Option<Arc<str>> = if saved.get("raw_is_paste") == Some(&Value::Bool(true)) {
        text("paste").map(Into::into)
    } else {
        text("raw").map(Into::into)
    };
    let version = saved.get("format").and_then(Value::as_i64);
    let Some(dataset) = stored::from_json(version, tables) else {
        match raw {
            Some(raw) => {
                state.forget();
                begin(state, Source::Text(raw.to_string()));
            }
            None => state.restore_unreadable(),
        }
        return;
    };
    let number = |key| saved.get(key).and_then(Value::as_u64).unwrap_or(0);
    state.restore(Kept {
        tables: Arc::new(dataset),
        micros: number("micros"),
        size: number("size"),
        raw,
    });
}
