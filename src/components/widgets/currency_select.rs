//! The currency picker of the money calculators: a symbol for their amounts, or none.

use leptos::prelude::*;

use crate::app::state::{tr, use_strings};
use crate::core::figure::Currency;

/// A "Currency" select over every [`Currency`], writing the choice into `value`.
#[component]
pub fn CurrencySelect(#[prop(into)] id: String, value: RwSignal<Currency>) -> impl IntoView {
    let strings = use_strings();
    view! {
        <div class="field">
            <label for=id.clone()>{tr(|s| s.currency_label)}</label>
            <select
                id=id
                on:change=move |ev| {
                    let key = event_target_value(&ev);
                    if let Some(c) = Currency::ALL.iter().find(|c| c.key() == key) {
                        value.set(*c);
                    }
                }
            >
                {Currency::ALL
                    .into_iter()
                    .map(|c| {
                        let label = move || match c.symbol().0 {
                            "" => strings().currency_none.to_string(),
                            symbol => symbol.to_string(),
                        };
                        view! { <option value=c.key() selected=move || value.get() == c>{label}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
