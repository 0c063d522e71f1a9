//! The "∑" button of a table's row: shows that row's working under the table, or hides it.

use leptos::prelude::*;

/// Row `index`'s "∑": pressed while `picked` holds `index`; a press picks the row, or un-picks
/// it when it is picked. `label` names the row for screen readers ("Working for 2024-02").
#[component]
pub fn WorkingToggle(
    index: usize,
    picked: RwSignal<Option<usize>>,
    label: String,
    #[prop(into)] testid: String,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="link-button"
            aria-label=label
            aria-pressed=move || (picked.get() == Some(index)).to_string()
            data-testid=testid
            on:click=move |_| picked.update(|p| *p = if *p == Some(index) { None } else { Some(index) })
        >
            "∑"
        </button>
    }
}
