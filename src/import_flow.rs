//! Starting, re-running and cancelling imports, and taking in the worker's news.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::import::importer::{Options, Outcome};
use crate::import_client::{self, Source, WorkerEvent};
use crate::state::{DataState, ImportStatus};

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
                memory,
                ms,
            } => {
                state.elapsed_ms.set(now() - state.started_at.get_value());
                state.memory.set(memory);
                state.worker_ms.set(ms);
                let status = match *outcome {
                    Outcome::Done(dataset) => {
                        state.dataset.set(Some(Arc::new(*dataset)));
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
                import_client::cancel();
                state.status.set(ImportStatus::WorkerFailed(message));
            }
        }
    }
}

/// Loads the worker ahead of the first import.
pub fn warm_up(state: DataState) {
    import_client::warm_up(on_event(state));
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
    if let Err(message) = import_client::start(run, &source, &options, on_event(state)) {
        state.status.set(ImportStatus::WorkerFailed(message));
    }
}

/// Stops the import in progress; the data shown before stays.
pub fn cancel(state: DataState) {
    import_client::cancel();
    state.run.update(|r| *r += 1);
    state.status.set(ImportStatus::Cancelled);
}
