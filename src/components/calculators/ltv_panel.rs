//! Lifetime value (docs/metrics.md section 5): the seed's revenue × years, expected lifetime, value
//! from churn and discounted value, in a period unit the user picks, money in a chosen currency.

use leptos::prelude::*;

use crate::app::state::{tr, use_strings};
use crate::components::calculators::presets::{Preset, Presets};
use crate::components::calculators::scenario_row::RateSignals;
use crate::components::widgets::currency_select::CurrencySelect;
use crate::components::widgets::figure_card::FigureCard;
use crate::components::widgets::keep::keep_typed;
use crate::components::widgets::number_field::{field_error, NumberField};
use crate::components::widgets::texts::para;
use crate::core::error::Field;
use crate::core::figure::{Currency, FigureId, PeriodUnit};
use crate::core::ltv::{self, LtvText};
use crate::core::panel::Panel;
use crate::core::rate::RateText;

#[derive(Clone, Copy)]
struct LtvState {
    revenue: RateSignals,
    years: RateSignals,
    margin: RateSignals,
    churn: RateSignals,
    discount: RateSignals,
    unit: RwSignal<PeriodUnit>,
    currency: RwSignal<Currency>,
}

impl LtvState {
    fn new(text: &LtvText) -> Self {
        let state = LtvState {
            revenue: RateSignals::new(&text.revenue),
            years: RateSignals::new(&text.years),
            margin: RateSignals::new(&text.margin),
            churn: RateSignals::new(&text.churn),
            discount: RateSignals::new(&text.discount),
            unit: RwSignal::new(text.unit),
            currency: RwSignal::new(text.currency),
        };
        state.fill(text);
        state
    }

    fn fill(&self, text: &LtvText) {
        self.revenue.set(&text.revenue);
        self.years.set(&text.years);
        self.margin.set(&text.margin);
        self.churn.set(&text.churn);
        self.discount.set(&text.discount);
        self.unit.set(text.unit);
    }

    fn read(&self) -> LtvText {
        LtvText {
            revenue: self.revenue.read(),
            years: self.years.read(),
            margin: self.margin.read(),
            churn: self.churn.read(),
            discount: self.discount.read(),
            unit: self.unit.get(),
            currency: self.currency.get(),
        }
    }
}

/// The lifetime-value panel.
#[component]
pub fn LtvPanel() -> impl IntoView {
    let strings = use_strings();
    let state = LtvState::new(&ltv::seed_preset());
    keep_typed(
        Panel::Ltv,
        move || state.read(),
        move |text: LtvText| {
            state.fill(&text);
            state.currency.set(text.currency);
        },
    );
    let report = Memo::new(move |_| ltv::evaluate(&state.read(), &strings().number_style));
    let error = move |field: Field| field_error(report, field);
    let presets = vec![Preset {
        label: |s| s.ltv_preset,
        apply: Box::new(move || state.fill(&ltv::seed_preset())),
    }];
    let clear = move || {
        state.fill(&LtvText {
            margin: RateText::typed("100"),
            unit: state.unit.get_untracked(),
            ..LtvText::default()
        })
    };
    let switch_unit = move |to: PeriodUnit| {
        let converted = ltv::switch_unit(&state.read(), to, &strings().number_style);
        state.fill(&converted);
    };
    let unit_name = move |u: PeriodUnit| match u {
        PeriodUnit::Months => strings().unit_option_months,
        PeriodUnit::Quarters => strings().unit_option_quarters,
        PeriodUnit::Years => strings().unit_option_years,
    };
    view! {
        <section class="panel" aria-labelledby="ltv-heading" data-testid="ltv-panel">
            <h2 id="ltv-heading" tabindex="-1">{tr(|s| s.ltv_heading)}</h2>
            {para("intro", |s| s.ltv_intro)}
            <Presets presets clear=Box::new(clear) />
            <div class="fields">
                <div class="field">
                    <label for="ltv-unit">{tr(|s| s.ltv_unit_label)}</label>
                    <select
                        id="ltv-unit"
                        on:change=move |ev| {
                            let key = event_target_value(&ev);
                            if let Some(u) = PeriodUnit::ALL.iter().find(|u| u.key() == key) {
                                switch_unit(*u);
                            }
                        }
                    >
                        {PeriodUnit::ALL
                            .into_iter()
                            .map(|u| view! {
                                <option value=u.key() selected=move || state.unit.get() == u>{move || unit_name(u)}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <CurrencySelect id="ltv-currency" value=state.currency />
                <NumberField label=|s| s.revenue_label id="ltv-revenue" value=state.revenue.text error=error(Field::Revenue) decimal=true />
                <NumberField label=|s| s.years_label id="ltv-years" value=state.years.text error=error(Field::Years) decimal=true />
                <NumberField label=|s| s.margin_label id="ltv-margin" value=state.margin.text error=error(Field::Margin) decimal=true />
                <NumberField label=|s| s.ltv_churn_label id="ltv-churn" value=state.churn.text error=error(Field::LtvChurn) decimal=true />
                <NumberField label=|s| s.discount_label id="ltv-discount" value=state.discount.text error=error(Field::Discount) decimal=true />
            </div>
            <div class="figures">
                <FigureCard report id=FigureId::LtvSeed />
                <FigureCard report id=FigureId::Lifetime />
                <FigureCard report id=FigureId::LtvFromChurn />
                <FigureCard report id=FigureId::LtvDiscounted />
            </div>
            {para("note", |s| s.ltv_note)}
        </section>
    }
}
