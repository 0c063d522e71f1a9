//! The page-wide teacher switches: "Show the working" and "Large type".

use leptos::prelude::*;

use crate::state::{use_strings, use_teaching};

/// Two checkboxes that expand every figure into its steps and enlarge the type.
#[component]
pub fn TeachingSwitches() -> impl IntoView {
    let strings = use_strings();
    let teaching = use_teaching();
    // The type size lives on <html> so that every rem-based size follows it.
    Effect::new(move |_| {
        let large = teaching.large_type.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.class_list().toggle_with_force("large-type", large);
        }
    });
    view! {
        <div class="teaching" role="group" aria-label=move || strings().show_working>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="show-working"
                    prop:checked=move || teaching.show_working.get()
                    on:change=move |ev| teaching.show_working.set(event_target_checked(&ev))
                />
                {move || strings().show_working}
            </label>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="large-type"
                    prop:checked=move || teaching.large_type.get()
                    on:change=move |ev| teaching.large_type.set(event_target_checked(&ev))
                />
                {move || strings().large_type}
            </label>
        </div>
    }
}
