//! The day/month question, asked only when every slashed date in a file reads both ways.

use leptos::prelude::*;

use crate::app::import_flow;
use crate::app::state::{tr, use_data, use_strings};
use crate::core::import::dates::DateOrder;
use crate::core::import::importer::DateQuestion;
use crate::i18n::fill;

/// Asks whether 05/03/2024 is 5 March or May 3.
#[component]
pub fn DateOrderQuestion(question: DateQuestion) -> impl IntoView {
    let strings = use_strings();
    let data = use_data();
    let choice = RwSignal::new(DateOrder::DayFirst);
    let examples = move || {
        let s = strings();
        question
            .examples
            .iter()
            .map(|(row, text)| {
                let row = s.number_style.count(*row as i64);
                fill(
                    s.import.date_order_example,
                    &[("text", text), ("row", &row)],
                )
            })
            .collect::<Vec<_>>()
            .join(s.import.list_separator)
    };
    let options = [
        (DateOrder::DayFirst, "day-first"),
        (DateOrder::MonthFirst, "month-first"),
    ];
    view! {
        <fieldset class="date-order" data-testid="date-order">
            <legend>{tr(|s| s.import.date_order_heading)}</legend>
            <p>{move || fill(strings().import.date_order_intro, &[("examples", &examples())])}</p>
            {options
                .into_iter()
                .map(|(o, key)| view! {
                    <label class="radio">
                        <input
                            type="radio"
                            name="date-order"
                            value=key
                            data-testid=format!("date-order-{key}")
                            prop:checked=move || choice.get() == o
                            on:change=move |_| choice.set(o)
                        />
                        {move || match o {
                            DateOrder::DayFirst => strings().import.day_first,
                            DateOrder::MonthFirst => strings().import.month_first,
                        }}
                    </label>
                })
                .collect_view()}
            <button
                type="button"
                data-testid="date-order-apply"
                on:click=move |_| {
                    let order = choice.get_untracked();
                    import_flow::again(data, move |o| o.date_order = Some(order));
                }
            >
                {tr(|s| s.import.date_order_apply)}
            </button>
        </fieldset>
    }
}
