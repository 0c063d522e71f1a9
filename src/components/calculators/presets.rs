//! A row of example buttons that fill a panel's fields.

use leptos::prelude::*;

use crate::app::state::{tr, use_strings};
use crate::i18n::Text;

/// One example: its button label and what pressing it does.
pub struct Preset {
    pub label: Text,
    pub apply: Box<dyn Fn() + Send + Sync>,
}

/// The example buttons of a panel, then "Clear".
#[component]
pub fn Presets(
    /// The examples, in order.
    presets: Vec<Preset>,
    /// Empties every field of the panel.
    clear: Box<dyn Fn() + Send + Sync>,
) -> impl IntoView {
    let strings = use_strings();
    let buttons = presets
        .into_iter()
        .map(|p| {
            let apply = p.apply;
            view! {
                <button type="button" class="preset" on:click=move |_| apply()>
                    {move || (p.label)(strings())}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="presets" role="group" aria-label=move || strings().presets.to_string()>
            {buttons}
            <button type="button" class="clear" on:click=move |_| clear()>
                {tr(|s| s.clear)}
            </button>
        </div>
    }
}
