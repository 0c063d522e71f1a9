//! Lists of rows that keep their views while rows are added, removed or moved.

use std::sync::Arc;

use leptos::prelude::*;

/// The rows whose keys `keys` returns, in that order, like Leptos' `<For>`: `row` builds the
/// view of a key when it first appears, and a row keeps its view for as long as its key
/// stays. `row` runs outside tracking, so what it reads to find its row does not rebuild the
/// list. Every list on the page shares this one copy of the keyed-list code.
pub fn keyed_rows(
    keys: impl Fn() -> Vec<u64> + Send + Sync + 'static,
    row: impl Fn(u64) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    rows(Box::new(keys), Arc::new(row))
}

fn rows(
    keys: Box<dyn Fn() -> Vec<u64> + Send + Sync>,
    row: Arc<dyn Fn(u64) -> AnyView + Send + Sync>,
) -> AnyView {
    view! { <For each=move || keys() key=|k: &u64| *k children=move |k| untrack(|| row(k)) /> }
        .into_any()
}
