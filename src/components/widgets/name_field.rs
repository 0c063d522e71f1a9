//! A labelled one-line text field for a name (of a scenario, a funnel stage, a cohort): any
//! text is acceptable, so it has no error message.

use leptos::prelude::*;

use crate::app::state::tr;
use crate::i18n::Text;

/// A labelled name input.
#[component]
pub fn NameField(
    /// The visible label, which is also the input's accessible name.
    label: Text,
    #[prop(into)] id: String,
    /// The text as typed.
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{tr(label)}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}
