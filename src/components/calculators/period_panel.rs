//! One period from counts, docs/metrics.md section 1: end, churn with its interval, retention,
//! acquisition, net growth, and the three churn definitions side by side.

use leptos::prelude::*;

use crate::app::sessions::{field, use_sessions, Fields, Sessions};

use crate::app::state::tr;
use crate::components::calculators::presets::{Preset, Presets};
use crate::components::widgets::figure_card::{FigureCard, FigureValue, FigureWorking};
use crate::components::widgets::number_field::{field_error, NumberField};
use crate::components::widgets::radio_group::RadioGroup;
use crate::components::widgets::texts::{h3, para};
use crate::components::widgets::when::when_else;
use crate::core::error::Field;
use crate::core::figure::FigureId;
use crate::core::panel::Panel;
use crate::core::period::{self, ChurnDefinition, PeriodText, DEFINITIONS};

/// The fields of the period calculator, as typed.
#[derive(Clone, Copy)]
struct PeriodFields {
    start: RwSignal<String>,
    new: RwSignal<String>,
    lost: RwSignal<String>,
    returning: RwSignal<String>,
    joined_left: RwSignal<String>,
}

impl PeriodFields {
    fn new(text: &PeriodText) -> Self {
        let s = |t: &str| RwSignal::new(t.to_string());
        PeriodFields {
            start: s(text.start),
            new: s(text.new),
            lost: s(text.lost),
            returning: s(text.returning),
            joined_left: s(text.joined_left),
        }
    }

    fn fill(&self, text: &PeriodText) {
        self.start.set(text.start.to_string());
        self.new.set(text.new.to_string());
        self.lost.set(text.lost.to_string());
        self.returning.set(text.returning.to_string());
        self.joined_left.set(text.joined_left.to_string());
    }
}

/// The names the counts are saved under: start, new, lost, returning, joined and left.
const COUNTS: [&str; 5] = ["start", "new", "lost", "returning", "joined_left"];

/// Puts `counts` (start, new, lost, returning, joined and left, as typed) into the period
/// calculator's fields, for a link that opens it on them; its churn definition stays.
pub fn put_counts(sessions: Sessions, counts: [String; 5]) {
    let inputs = COUNTS
        .into_iter()
        .zip(counts)
        .map(|(name, text)| (name.to_string(), text.into()))
        .collect();
    sessions.put(Panel::Period, inputs);
}

/// The period calculator.
#[component]
pub fn PeriodPanel() -> impl IntoView {
    let fields = PeriodFields::new(&period::TELECOM_QUARTER);
    let definition = RwSignal::new(ChurnDefinition::default());
    let [start, new, lost, returning, joined_left] = COUNTS;
    use_sessions().keep(
        Panel::Period,
        Fields(vec![
            field(start, fields.start),
            field(new, fields.new),
            field(lost, fields.lost),
            field(returning, fields.returning),
            field(joined_left, fields.joined_left),
            field("definition", definition),
        ]),
    );
    let report = Memo::new(move |_| {
        let text = PeriodText {
            start: &fields.start.read(),
            new: &fields.new.read(),
            lost: &fields.lost.read(),
            returning: &fields.returning.read(),
            joined_left: &fields.joined_left.read(),
        };
        period::evaluate(&text, definition.get())
    });
    let error = move |field: Field| field_error(report, field);
    let presets = vec![
        Preset {
            label: |s| s.telecom_preset,
            apply: Box::new(move || fields.fill(&period::TELECOM_QUARTER)),
        },
        Preset {
            label: |s| s.variants_preset,
            apply: Box::new(move || fields.fill(&period::CHURN_VARIANTS_EXAMPLE)),
        },
    ];
    let default_definition = move || definition.get() == ChurnDefinition::Start;

    view! {
        <section class="panel" aria-labelledby="period-heading" data-testid="period-panel">
            <h2 id="period-heading" tabindex="-1">{tr(|s| s.period_heading)}</h2>
            {para("intro", |s| s.period_intro)}
            <Presets presets clear=Box::new(move || fields.fill(&PeriodText::default())) />
            <div class="fields">
                <NumberField label=|s| s.customers_at_start id="period-start" value=fields.start error=error(Field::Start) />
                <NumberField label=|s| s.new_customers id="period-new" value=fields.new error=error(Field::New) />
                <NumberField label=|s| s.lost_customers id="period-lost" value=fields.lost error=error(Field::Lost) />
                <NumberField label=|s| s.returning_customers id="period-returning" value=fields.returning error=error(Field::Returning) hint=|s| s.returning_hint />
                <NumberField label=|s| s.joined_and_left id="period-joined-left" value=fields.joined_left error=error(Field::JoinedLeft) hint=|s| s.joined_left_hint />
            </div>
            {para("legend", |s| s.period_legend)}
            <RadioGroup
                name="churn-definition"
                legend=|s| s.churn_definition
                options=&DEFINITIONS
                label=|s, d| s.definition(d)
                value=definition
                on_pick=move |d| definition.set(d)
            />
            <div class="figures">
                <FigureCard report id=FigureId::End />
                <FigureCard report id=FigureId::Churn>
                    {when_else(default_definition, move || view! {
                        <div class="interval">
                            <p>
                                {tr(|s| s.interval_caption)} ": "
                                <FigureValue report id=FigureId::ChurnLow />
                                " .. "
                                <FigureValue report id=FigureId::ChurnHigh />
                            </p>
                            <FigureWorking report id=FigureId::ChurnLow />
                        </div>
                    }.into_any(), || para("note", |s| s.interval_other_definition))}
                </FigureCard>
                <FigureCard report id=FigureId::Retention />
                <FigureCard report id=FigureId::GrossAcquisition />
                <FigureCard report id=FigureId::NetGrowth />
            </div>
            {h3(|s| s.churn_variants_heading)}
            <div class="figures variants">
                <FigureCard report id=FigureId::ChurnStart />
                <FigureCard report id=FigureId::ChurnStartNew />
                <FigureCard report id=FigureId::ChurnAverage />
                <FigureCard report id=FigureId::ChurnSpread />
            </div>
        </section>
    }
}
