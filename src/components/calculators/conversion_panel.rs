//! Churn per month, quarter and year, converted by compounding.

use leptos::prelude::*;

use crate::app::sessions::{field, use_sessions, Fields};

use crate::app::state::{tr, use_strings};
use crate::components::calculators::presets::{Preset, Presets};
use crate::components::widgets::figure_card::FigureCard;
use crate::components::widgets::number_field::{field_error, NumberField};
use crate::components::widgets::radio_group::RadioGroup;
use crate::components::widgets::texts::para;
use crate::core::conversion;
use crate::core::error::Field;
use crate::core::figure::{FigureId, PeriodUnit};
use crate::core::panel::Panel;
use crate::core::rate::RateText;

/// The churn conversion panel.
#[component]
pub fn ConversionPanel() -> impl IntoView {
    let strings = use_strings();
    let churn = RwSignal::new(conversion::SEED_MONTHLY.to_string());
    let unit = RwSignal::new(PeriodUnit::Months);
    use_sessions().keep(
        Panel::Conversion,
        Fields(vec![field("churn", churn), field("unit", unit)]),
    );
    let report = Memo::new(move |_| {
        conversion::evaluate(
            &RateText::typed(&churn.read()),
            unit.get(),
            &strings().number_style,
        )
    });
    let error = field_error(report, Field::ConvertChurn);
    let presets = vec![Preset {
        label: |s| s.conversion_preset,
        apply: Box::new(move || {
            churn.set(conversion::SEED_MONTHLY.to_string());
            unit.set(PeriodUnit::Months);
        }),
    }];
    view! {
        <section class="panel" aria-labelledby="conversion-heading" data-testid="conversion-panel">
            <h2 id="conversion-heading" tabindex="-1">{tr(|s| s.conversion_heading)}</h2>
            {para("intro", |s| s.conversion_intro)}
            <Presets presets clear=Box::new(move || churn.set(String::new())) />
            <div class="fields">
                <NumberField label=|s| s.conversion_churn_label id="conversion-churn" value=churn error decimal=true />
                <RadioGroup
                    name="conversion-unit"
                    legend=|s| s.conversion_unit_label
                    options=&PeriodUnit::KEYED
                    label=|s, u| s.unit(u, true)
                    value=unit
                    on_pick=move |u| unit.set(u)
                />
            </div>
            <div class="figures">
                <FigureCard report id=FigureId::ChurnMonthly />
                <FigureCard report id=FigureId::ChurnQuarterly />
                <FigureCard report id=FigureId::ChurnAnnual />
            </div>
            {para("note", |s| s.conversion_note)}
        </section>
    }
}
