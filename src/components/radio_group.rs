//! A labelled group of radio buttons that picks one of a few fixed options.

use leptos::prelude::*;

use crate::i18n::{Strings, Text};
use crate::state::use_strings;

/// A `<fieldset>` of radio inputs named `name`, one per option. Each option's `value`
/// attribute is its key, which automated checks rely on; its label follows the language.
#[component]
pub fn RadioGroup<T>(
    /// The inputs' `name`, unique on the page.
    name: &'static str,
    /// The group's legend.
    legend: Text,
    /// The options in order, each with its stable key.
    options: &'static [(T, &'static str)],
    /// An option's label.
    label: fn(&'static Strings, T) -> &'static str,
    /// The option checked now.
    #[prop(into)]
    value: Signal<T>,
    /// Called with the option the user picks.
    on_pick: impl Fn(T) + Copy + Send + Sync + 'static,
    /// Greys the whole group out.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Class added to `switch`.
    #[prop(optional)]
    class: &'static str,
    /// Shown after the options, inside the group.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let strings = use_strings();
    view! {
        <fieldset class=format!("switch {class}") disabled=disabled>
            <legend>{move || legend(strings())}</legend>
            {options
                .iter()
                .map(|&(option, key)| {
                    view! {
                        <label class="radio">
                            <input
                                type="radio"
                                name=name
                                value=key
                                prop:checked=move || value.get() == option
                                on:change=move |_| on_pick(option)
                            />
                            {move || label(strings(), option)}
                        </label>
                    }
                })
                .collect_view()}
            {children.map(|c| c())}
        </fieldset>
    }
}
