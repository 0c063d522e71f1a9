//! A labelled group of radio buttons that picks one of a few fixed options.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::state::use_strings;
use crate::i18n::{Strings, Text};

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
    value: RwSignal<T>,
    /// Called with the option the user picks.
    on_pick: impl Fn(T) + Send + Sync + 'static,
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
    // The options by position: the group's own code is then the same for every `T`.
    let group = Group {
        name,
        legend,
        keys: options.iter().map(|&(_, key)| key).collect(),
        label: Arc::new(move |s, i| label(s, options[i].0)),
        checked: Arc::new(move |i| value.get() == options[i].0),
        pick: Arc::new(move |i| on_pick(options[i].0)),
        disabled,
        class,
    };
    group.view(children)
}

/// A radio group with its options by position.
struct Group {
    name: &'static str,
    legend: Text,
    keys: Vec<&'static str>,
    label: Arc<dyn Fn(&'static Strings, usize) -> &'static str + Send + Sync>,
    checked: Arc<dyn Fn(usize) -> bool + Send + Sync>,
    pick: Arc<dyn Fn(usize) + Send + Sync>,
    disabled: Signal<bool>,
    class: &'static str,
}

impl Group {
    fn view(self, children: Option<Children>) -> AnyView {
        let strings = use_strings();
        let Group {
            name,
            legend,
            keys,
            label,
            checked,
            pick,
            disabled,
            class,
        } = self;
        view! {
            <fieldset class=format!("switch {class}") disabled=disabled>
                <legend>{move || legend(strings())}</legend>
                {keys
                    .into_iter()
                    .enumerate()
                    .map(|(i, key)| {
                        let (label, checked, pick) = (label.clone(), checked.clone(), pick.clone());
                        view! {
                            <label class="radio">
                                <input
                                    type="radio"
                                    name=name
                                    value=key
                                    prop:checked=move || checked(i)
                                    on:change=move |_| pick(i)
                                />
                                {move || label(strings(), i)}
                            </label>
                        }
                    })
                    .collect_view()}
                {children.map(|c| c())}
            </fieldset>
        }
        .into_any()
    }
}
