//! The language switch in the page's header, and for Persian the Latin-digits switch.

use leptos::prelude::*;

use crate::app::locale::{self, Choice};
use crate::app::state::{tr, use_locale, use_strings};
use crate::components::widgets::when::when;
use crate::i18n::{fill, Lang};

/// Picks the page's language; the choice is remembered for the next visit.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale();
    let strings = use_strings();
    let failed = RwSignal::new(None::<String>);
    let select = NodeRef::<leptos::html::Select>::new();
    let pick = move |choice: Choice| {
        leptos::task::spawn_local(async move {
            match locale::load(choice).await {
                Ok(s) => {
                    failed.set(None);
                    locale.set(choice, s);
                    locale::remember(choice);
                }
                Err(e) => {
                    // The page stays in its language, and so does the switch.
                    if let Some(el) = select.get_untracked() {
                        el.set_value(locale.choice().lang.tag());
                    }
                    failed.set(Some(e));
                }
            }
        });
    };
    let on_lang = move |ev| {
        let tag = event_target_value(&ev);
        if let Some(lang) = Lang::from_tag(&tag) {
            pick(Choice {
                lang,
                ..locale.choice()
            });
        }
    };
    let on_digits = move |ev| {
        pick(Choice {
            latin_digits: event_target_checked(&ev),
            ..locale.choice()
        });
    };
    view! {
        <div class="language-switch">
            <label for="language">{tr(|s| s.language_label)}</label>
            <select id="language" data-testid="language-select" node_ref=select on:change=on_lang>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        // Only this switch changes the language, so the option chosen at
                        // start stays right; a failed change puts the old value back.
                        let chosen = untrack(|| locale.choice().lang) == l;
                        view! { <option value=l.tag() lang=l.tag() selected=chosen>{l.name()}</option> }
                    })
                    .collect_view()}
            </select>
            {when(move || locale.choice().lang == Lang::Fa, move || view! {
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="latin-digits"
                        prop:checked=move || locale.choice().latin_digits
                        on:change=on_digits
                    />
                    {tr(|s| s.latin_digits)}
                </label>
            }.into_any())}
            <p class="field-error" role="alert" data-testid="language-failed" hidden=move || failed.with(Option::is_none)>
                {move || failed.get().map(|e| fill(strings().language_failed, &[("error", &e)]))}
            </p>
        </div>
    }
}
