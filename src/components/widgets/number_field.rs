//! A labelled text field for a count, with its error message beside it. The typed text is
//! always kept as typed; only the message says what is wrong with it.

use leptos::prelude::*;

use crate::app::state::use_strings;
use crate::core::error::Field;
use crate::core::figure::Report;
use crate::i18n::Text;

/// A labelled count input.
#[component]
pub fn NumberField(
    /// The visible label, which is also the input's accessible name.
    label: Text,
    /// The input's id; the error message's id derives from it.
    #[prop(into)]
    id: String,
    /// The text as typed.
    value: RwSignal<String>,
    /// The message when the text is not acceptable.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// A hint shown under the field (e.g. that it is optional).
    #[prop(optional)]
    hint: Option<Text>,
    /// Takes a decimal number (a rate or an amount) rather than a count.
    #[prop(optional)]
    decimal: bool,
) -> impl IntoView {
    let strings = use_strings();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || label(strings())}</label>
            <input
                id=id
                type="text"
                inputmode=if decimal { "decimal" } else { "numeric" }
                autocomplete="off"
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described_by
            />
            {hint.map(|h| view! { <p class="field-hint" id=hint_id>{move || h(strings())}</p> })}
            <p class="field-error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}

/// The message for `field` of a calculator's `report`, in the page's language, for a
/// [`NumberField`]. Every calculator shares this one copy of the code.
pub fn field_error(report: Memo<Report>, field: Field) -> Signal<Option<String>> {
    let strings = use_strings();
    Signal::derive(move || report.with(|r| r.error(field).map(|e| strings().error(e))))
}
