//! Revenue retention (docs/metrics.md section 8): the revenue of the imported data per period,
//! in the period chosen in the data view.

use leptos::prelude::*;

use crate::app::state::{tr, use_data, use_strings};
use crate::components::revenue::revenue_cohorts::RevenueCohorts;
use crate::components::revenue::revenue_table::RevenueFlows;
use crate::components::widgets::texts::{h3, para};
use crate::components::widgets::when::when_else;
use crate::core::panel::Panel;
use crate::core::route;
use crate::i18n::fill;

/// The revenue view.
#[component]
pub fn RevenuePanel() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="revenue-heading" data-testid="revenue-panel">
            <h2 id="revenue-heading" tabindex="-1">{tr(|s| s.revenue_heading)}</h2>
            {para("intro", |s| s.revenue_intro)}
            <RevenueOfData />
        </section>
    }
}

/// The imported data's revenue, or how to get it.
#[component]
fn RevenueOfData() -> impl IntoView {
    let strings = use_strings();
    let data = use_data();
    let has_revenue = move || data.with_dataset(|d| d.is_some_and(|d| !d.revenue.is_empty()));
    let by = move || {
        let s = strings();
        fill(
            s.revenue_data_intro,
            &[("period", &s.granularity(data.granularity()).to_lowercase())],
        )
    };
    view! {
        <div class="revenue-of-data" data-testid="revenue-of-data">
            {h3(|s| s.revenue_data_heading)}
            {when_else(
                has_revenue,
                move || view! { <p class="note">{by}</p> <RevenueFlows /> <RevenueCohorts /> }.into_any(),
                || para("note", |s| s.revenue_data_none),
            )}
            <p class="open-in">
                <a href=route::href(Panel::Data) data-testid="revenue-data-link">{tr(|s| s.revenue_data_link)}</a>
            </p>
        </div>
    }
}
