//! A file dropped anywhere on the page is read as the data view's file, whichever calculator
//! is shown: the page goes to the data view, which shows what the file gives.

use leptos::ev;
use leptos::prelude::*;
use web_sys::File;

use crate::app::import_flow;
use crate::app::router::use_router;
use crate::app::state::{tr, use_data};
use crate::core::panel::Panel;
use crate::core::route;
use crate::web::address;
use crate::web::worker_client::Source;

/// Listens for files dragged over the page, and shows where to drop them.
#[component]
pub fn FileDrop() -> impl IntoView {
    let data = use_data();
    let router = use_router();
    let dragging = RwSignal::new(false);
    let has_files = |e: &ev::DragEvent| {
        e.data_transfer().is_some_and(|t| {
            t.types()
                .iter()
                .any(|v| v.as_string().as_deref() == Some("Files"))
        })
    };
    let over = window_event_listener(ev::dragover, move |e: ev::DragEvent| {
        if has_files(&e) {
            e.prevent_default();
            dragging.set(true);
        }
    });
    let left = window_event_listener(ev::dragleave, move |e: ev::DragEvent| {
        if e.related_target().is_none() {
            dragging.set(false);
        }
    });
    let dropped = window_event_listener(ev::drop, move |e: ev::DragEvent| {
        dragging.set(false);
        let file: Option<File> = e
            .data_transfer()
            .and_then(|t| t.files())
            .and_then(|l| l.get(0));
        if let Some(file) = file {
            e.prevent_default();
            if router.shown_untracked() != Panel::Data {
                let _ = address::go(&route::href(Panel::Data));
            }
            import_flow::begin(data, Source::File(file));
        }
    });
    on_cleanup(move || {
        over.remove();
        left.remove();
        dropped.remove();
    });
    view! {
        <div class="drop-overlay" class:visible=move || dragging.get() aria-hidden="true">
            <p>{tr(|s| s.import.drop_overlay)}</p>
        </div>
    }
}
