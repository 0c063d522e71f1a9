//! Starting, re-running and cancelling imports, and taking in the worker's news.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::app::state::{DataState, ImportStatus, Kept, RAW_BUDGET};
use crate::core::import::importer::{Options, Outcome};
use crate::core::import::tables::Granularity;
use crate::core::import::wire;
use crate::web::worker_client::{self, Source, WorkerEvent};

fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// What the page does with the worker's messages.
fn on_event(state: DataState) -> impl Fn(u32, WorkerEvent) + 'static {
    move |run, event| {
        // Run 0 is the worker itself failing; other runs must be the latest.
        if run != 0 && run != state.run.get_untracked() {
            return;
        }
        match event {
            WorkerEvent::Progress { done, total } => {
                state.status.set(ImportStatus::Running { done, total })
            }
            WorkerEvent::Done {
                outcome,
                wire,
                memory,
                ms,
            } => {
                state.elapsed_ms.set(now() - state.started_at.get_value());
                state.memory.set(memory);
                state.worker_ms.set(ms);
                let status = match *outcome {
                    Outcome::Done(dataset) => {
                        state.dataset.set(Some(Arc::new(*dataset)));
                        keep(state, wire);
                        ImportStatus::Done
                    }
                    Outcome::NeedLayout(preview) => ImportStatus::NeedLayout(preview),
                    Outcome::NeedDateOrder(q) => ImportStatus::NeedDateOrder(q),
                    Outcome::Failed { problems, rows, .. } => {
                        ImportStatus::Failed { problems, rows }
                    }
                };
                state.status.set(status);
            }
            WorkerEvent::Failed(message) => {
                worker_client::cancel();
                state.status.set(ImportStatus::WorkerFailed(message));
            }
        }
    }
}

/// Keeps the finished import for the session: its tables, and the data itself when it is
/// within the budget (a file is read again for that, after the import).
fn keep(state: DataState, tables: String) {
    let micros = (state.elapsed_ms.get_untracked() * 1000.0).round() as u64;
    let tables: Arc<str> = tables.into();
    let kept = move |size: usize, raw: Option<String>| {
        Some(Kept {
            tables,
            micros,
            size: size as u64,
            raw: raw.map(Into::into),
        })
    };
    match state.source.get_value() {
        Some(Source::Text(text)) => {
            let size = text.len();
            state
                .kept
                .set(kept(size, (size <= RAW_BUDGET).then_some(text)));
        }
        Some(Source::File(file)) => {
            let size = file.size() as usize;
            if size > RAW_BUDGET {
                state.kept.set(kept(size, None));
                return;
            }
            let shown = state.dataset.get_untracked();
            spawn_local(async move {
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string());
                // Only while this import's tables are still the ones shown: another import,
                // or another session opened meanwhile, has its own.
                let same = state.dataset.with_untracked(|d| match (d, &shown) {
                    (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                    _ => false,
                });
                if same {
                    state.kept.set(kept(size, text));
                }
            });
        }
        None => {}
    }
}

/// Loads the worker ahead of the first import.
pub fn warm_up(state: DataState) {
    worker_client::warm_up(on_event(state));
}

/// Reads a new file or text with fresh options (the page's decimal sign kept).
pub fn begin(state: DataState, source: Source) {
    let options = Options {
        decimal_comma: state.options.with_untracked(|o| o.decimal_comma),
        ..Options::default()
    };
    state.source.set_value(Some(source));
    run_with(state, options);
}

/// Reads the current source again with changed options (a confirmed mapping, a date order,
/// skipping bad rows).
pub fn again(state: DataState, change: impl FnOnce(&mut Options)) {
    let mut options = state.options.get_untracked();
    change(&mut options);
    run_with(state, options);
}

fn run_with(state: DataState, options: Options) {
    let Some(source) = state.source.get_value() else {
        return;
    };
    let run = state.run.get_untracked() + 1;
    state.run.set(run);
    state.options.set(options.clone());
    let total = match &source {
        Source::File(f) => f.size(),
        Source::Text(t) => t.len() as f64,
    };
    state.status.set(ImportStatus::Running { done: 0.0, total });
    state.started_at.set_value(now());
    if let Err(message) = worker_client::start(run, &source, &options, on_event(state)) {
        state.status.set(ImportStatus::WorkerFailed(message));
    }
}

/// Stops the import in progress; the data shown before stays.
pub fn cancel(state: DataState) {
    worker_client::cancel();
    state.run.update(|r| *r += 1);
    state.status.set(ImportStatus::Cancelled);
}

/// The data panel's key in a session.
pub const SESSION_KEY: &str = "data";

/// The data panel's part of the session: the pasted text, the period, and the last import's
/// tables with its data when within the budget (when that data is the pasted text, a mark
/// says so rather than a second copy). Reading it tracks all of them.
pub fn saved(state: DataState) -> Value {
    let paste = state.paste.get();
    let mut members = vec![("period", Value::from(state.granularity.get().key()))];
    state.kept.with(|kept| {
        if let Some(k) = kept {
            members.push(("tables", Value::from(&*k.tables)));
            members.push(("format", Value::from(wire::VERSION)));
            members.push(("micros", Value::from(k.micros as i64)));
            members.push(("size", Value::from(k.size as i64)));
            match &k.raw {
                Some(raw) if **raw == *paste => members.push(("raw_is_paste", Value::Bool(true))),
                Some(raw) => members.push(("raw", Value::from(&**raw))),
                None => {}
            }
        }
    });
    if !paste.is_empty() && paste.len() <= RAW_BUDGET {
        members.push(("paste", Value::String(paste)));
    }
    Value::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// Puts the data panel's part of a session back: without tables, the panel is emptied.
pub fn restore(state: DataState, saved: &Value) {
    let text = |key| saved.get(key).and_then(Value::as_str);
    if matches!(state.status.get_untracked(), ImportStatus::Running { .. }) {
        cancel(state);
    }
    state
        .paste
        .set(text("paste").unwrap_or_default().to_string());
    if let Some(g) = text("period").and_then(Granularity::from_key) {
        state.granularity.set(g);
    }
    let Some(tables) = text("tables") else {
        state.dataset.set(None);
        state.kept.set(None);
        state.source.set_value(None);
        state.status.set(ImportStatus::Idle);
        return;
    };
    let raw: Option<Arc<str>> = if saved.get("raw_is_paste") == Some(&Value::Bool(true)) {
        text("paste").map(Into::into)
    } else {
        text("raw").map(Into::into)
    };
    let read = (saved.get("format").and_then(Value::as_i64) == Some(wire::VERSION))
        .then(|| wire::decode::<Outcome>(tables).ok())
        .flatten();
    let Some(Outcome::Done(dataset)) = read else {
        // Tables written by another version of the page: read the data again if the
        // session has it; else say so.
        state.dataset.set(None);
        state.kept.set(None);
        match raw {
            Some(raw) => begin(state, Source::Text(raw.to_string())),
            None => state.status.set(ImportStatus::Unreadable),
        }
        return;
    };
    let number = |key| saved.get(key).and_then(Value::as_i64).unwrap_or(0).max(0) as u64;
    let micros = number("micros");
    state.dataset.set(Some(Arc::new(*dataset)));
    state.elapsed_ms.set(micros as f64 / 1000.0);
    state
        .source
        .set_value(raw.as_deref().map(|r| Source::Text(r.to_string())));
    state.kept.set(Some(Kept {
        tables: tables.into(),
        micros,
        size: number("size"),
        raw,
    }));
    state.status.set(ImportStatus::Done);
}
