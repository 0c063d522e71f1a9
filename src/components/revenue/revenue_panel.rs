//! Revenue retention (docs/metrics.md section 8): one period typed, with GRR, NRR, revenue
//! churn and the revenue at end; then the revenue of the imported data per period, in the
//! period chosen in the data view.

use leptos::prelude::*;

use crate::app::router::use_router;
use crate::app::state::{tr, use_data, use_strings};
use crate::components::calculators::presets::{Preset, Presets};
use crate::components::calculators::scenario_row::RateSignals;
use crate::components::revenue::revenue_charts::RevenueCharts;
use crate::components::revenue::revenue_cohorts::RevenueCohorts;
use crate::components::revenue::revenue_table::RevenueFlows;
use crate::components::widgets::currency_select::CurrencySelect;
use crate::components::widgets::figure_card::FigureCard;
use crate::components::widgets::keep::keep_typed;
use crate::components::widgets::number_field::{field_error, NumberField};
use crate::components::widgets::texts::{h3, para};
use crate::components::widgets::when::when_else;
use crate::core::error::Field;
use crate::core::figure::{Currency, FigureId};
use crate::core::panel::Panel;
use crate::core::revenue::{self, RevenueText};
use crate::core::route;
use crate::i18n::fill;

/// The revenue view.
#[component]
pub fn RevenuePanel() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="revenue-heading" data-testid="revenue-panel">
            <h2 id="revenue-heading" tabindex="-1">{tr(|s| s.revenue_heading)}</h2>
            {para("intro", |s| s.revenue_intro)}
            <RevenueCalculator />
            // Embedded in another page, the calculator has no data to show.
            {(!use_router().embedded()).then(|| view! { <RevenueOfData /> })}
        </section>
    }
}

#[derive(Clone, Copy)]
struct RevenueState {
    start: RateSignals,
    expansion: RateSignals,
    contraction: RateSignals,
    churned: RateSignals,
    new_revenue: RateSignals,
    currency: RwSignal<Currency>,
}

impl RevenueState {
    fn new(text: &RevenueText) -> Self {
        RevenueState {
            start: RateSignals::new(&text.start),
            expansion: RateSignals::new(&text.expansion),
            contraction: RateSignals::new(&text.contraction),
            churned: RateSignals::new(&text.churned),
            new_revenue: RateSignals::new(&text.new_revenue),
            currency: RwSignal::new(text.currency),
        }
    }

    /// Puts `text`'s amounts in the fields; the currency stays as chosen.
    fn fill(&self, text: &RevenueText) {
        self.start.set(&text.start);
        self.expansion.set(&text.expansion);
        self.contraction.set(&text.contraction);
        self.churned.set(&text.churned);
        self.new_revenue.set(&text.new_revenue);
    }

    fn read(&self) -> RevenueText {
        RevenueText {
            start: self.start.read(),
            expansion: self.expansion.read(),
            contraction: self.contraction.read(),
            churned: self.churned.read(),
            new_revenue: self.new_revenue.read(),
            currency: self.currency.get(),
        }
    }
}

/// One period typed: the five amounts and the four figures.
#[component]
fn RevenueCalculator() -> impl IntoView {
    let strings = use_strings();
    let state = RevenueState::new(&revenue::saas_month(&strings().number_style));
    keep_typed(
        Panel::Revenue,
        move || state.read(),
        move |text: RevenueText| {
            state.fill(&text);
            state.currency.set(text.currency);
        },
    );
    let report = Memo::new(move |_| revenue::evaluate(&state.read(), &strings().number_style));
    let error = move |field: Field| field_error(report, field);
    let presets = vec![Preset {
        label: |s| s.revenue_preset,
        apply: Box::new(move || state.fill(&revenue::saas_month(&strings().number_style))),
    }];
    let clear = move || state.fill(&RevenueText::default());
    view! {
        <div class="revenue-calculator" data-testid="revenue-calculator">
            {h3(|s| s.revenue_calc_heading)}
            <Presets presets clear=Box::new(clear) />
            <div class="fields">
                <CurrencySelect id="revenue-currency" value=state.currency />
                <NumberField label=|s| s.revenue_start_label id="revenue-start" value=state.start.text error=error(Field::RevenueStart) decimal=true />
                <NumberField label=|s| s.expansion_label id="revenue-expansion" value=state.expansion.text error=error(Field::Expansion) decimal=true />
                <NumberField label=|s| s.contraction_label id="revenue-contraction" value=state.contraction.text error=error(Field::Contraction) decimal=true />
                <NumberField label=|s| s.churned_revenue_label id="revenue-churned" value=state.churned.text error=error(Field::ChurnedRevenue) decimal=true />
                <NumberField label=|s| s.new_revenue_label id="revenue-new" value=state.new_revenue.text error=error(Field::NewRevenue) hint=|s| s.new_revenue_hint decimal=true />
            </div>
            {para("note", |s| s.revenue_symbols)}
            <div class="figures">
                <FigureCard report id=FigureId::Grr />
                <FigureCard report id=FigureId::Nrr />
                <FigureCard report id=FigureId::RevenueChurn />
                <FigureCard report id=FigureId::RevenueEnd />
            </div>
            {para("note", |s| s.revenue_note)}
        </div>
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
                move || view! { <p class="note">{by}</p> <RevenueFlows /> <RevenueCharts /> <RevenueCohorts /> }.into_any(),
                || para("note", |s| s.revenue_data_none),
            )}
            <p class="open-in">
                <a href=route::href(Panel::Data) data-testid="revenue-data-link">{tr(|s| s.revenue_data_link)}</a>
            </p>
        </div>
    }
}
