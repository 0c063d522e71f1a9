//! The page-wide teacher switches: "Show the working" and "Large type".

use leptos::prelude::*;

use crate::app::state::{use_strings, use_teaching};
use crate::i18n::Text;

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
        <div class="teaching" role="group" aria-label=move || strings().show_working.to_string()>
            <Toggle value=teaching.show_working testid="show-working" label=|s| s.show_working />
            <Toggle value=teaching.large_type testid="large-type" label=|s| s.large_type />
        </div>
    }
}

/// One labelled checkbox bound to a boolean signal.
#[component]
fn Toggle(value: RwSignal<bool>, testid: &'static str, label: Text) -> impl IntoView {
    let strings = use_strings();
    view! {
        <label class="check">
            <input
                type="checkbox"
                data-testid=testid
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
            />
            {move || label(strings())}
        </label>
    }
}
