//! The retention forecast, docs/metrics.md section 6: survivor counts of one or more cohorts in,
//! the shifted-beta-geometric fit and forecast of each out, side by side.

use leptos::prelude::*;

use crate::app::state::{tr, use_data, use_strings};
use crate::components::calculators::presets::{Preset, Presets};
use crate::components::calculators::sbg_result::SbgResult;
use crate::components::charts::forecast_chart::ForecastChart;
use crate::components::data::flows_table::with_table;
use crate::components::widgets::keep::keep_typed;
use crate::components::widgets::keyed_rows::keyed_rows;
use crate::components::widgets::name_field::NameField;
use crate::components::widgets::number_field::NumberField;
use crate::components::widgets::radio_group::RadioGroup;
use crate::components::widgets::texts::para;
use crate::components::widgets::when::when_else;
use crate::core::figure::PeriodUnit;
use crate::core::import::tables::Granularity;
use crate::core::panel::Panel;
use crate::core::route;
use crate::core::sbg::{evaluate, fader_hardie_preset, CohortText, SbgField, SbgInput, SbgReport};
use crate::i18n::Strings;

/// One cohort's fields, with a key that stays with it when others are removed.
#[derive(Clone, Copy)]
struct CohortFields {
    key: u32,
    name: RwSignal<String>,
    counts: RwSignal<String>,
}

/// The panel's fields, as typed.
#[derive(Clone, Copy)]
pub struct SbgFields {
    cohorts: RwSignal<Vec<CohortFields>>,
    next_key: StoredValue<u32>,
    fit: RwSignal<String>,
    horizon: RwSignal<String>,
    discount: RwSignal<String>,
    revenue: RwSignal<String>,
    margin: RwSignal<String>,
    unit: RwSignal<PeriodUnit>,
}

impl SbgFields {
    fn new(input: &SbgInput) -> Self {
        let s = |t: &str| RwSignal::new(t.to_string());
        let fields = SbgFields {
            cohorts: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
            fit: s(&input.fit_periods),
            horizon: s(&input.horizon),
            discount: s(&input.discount),
            revenue: s(&input.revenue),
            margin: s(&input.margin),
            unit: RwSignal::new(input.unit),
        };
        fields.fill(input);
        fields
    }

    fn cohort(&self, c: &CohortText) -> CohortFields {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        CohortFields {
            key,
            name: RwSignal::new(c.name.clone()),
            counts: RwSignal::new(c.counts.clone()),
        }
    }

    fn fill(&self, input: &SbgInput) {
        let rows = input.cohorts.iter().map(|c| self.cohort(c)).collect();
        self.cohorts.set(rows);
        self.fit.set(input.fit_periods.clone());
        self.horizon.set(input.horizon.clone());
        self.discount.set(input.discount.clone());
        self.revenue.set(input.revenue.clone());
        self.margin.set(input.margin.clone());
        self.unit.set(input.unit);
    }

    fn add(&self, c: &CohortText) {
        let row = self.cohort(c);
        self.cohorts.update(|rows| rows.push(row));
    }

    /// The inputs as the core reads them.
    fn input(&self) -> SbgInput {
        SbgInput {
            cohorts: self.cohorts.with(|rows| {
                rows.iter()
                    .map(|c| CohortText {
                        name: c.name.get(),
                        counts: c.counts.get(),
                    })
                    .collect()
            }),
            fit_periods: self.fit.get(),
            horizon: self.horizon.get(),
            discount: self.discount.get(),
            revenue: self.revenue.get(),
            margin: self.margin.get(),
            unit: self.unit.get(),
            ..SbgInput::default()
        }
    }

    /// Cohort i's name, or "Cohort i+1" when it has none.
    fn name(&self, i: usize, s: &Strings) -> String {
        let typed = self
            .cohorts
            .with(|rows| rows.get(i).map(|c| c.name.get()))
            .unwrap_or_default();
        if typed.trim().is_empty() {
            crate::i18n::fill(
                s.sbg.cohort_legend,
                &[("n", &s.number_style.count(i as i64 + 1))],
            )
        } else {
            typed
        }
    }
}

/// The preset with its cohort names in the page's language.
fn preset(s: &Strings) -> SbgInput {
    let mut input = fader_hardie_preset();
    input.cohorts[0].name = s.sbg.regular.to_string();
    input.cohorts[1].name = s.sbg.high_end.to_string();
    input
}

/// The forecast panel.
#[component]
pub fn SbgPanel() -> impl IntoView {
    let strings = use_strings();
    let fields = SbgFields::new(&untrack(|| preset(strings())));
    keep_typed(
        Panel::Sbg,
        move || fields.input(),
        move |input: SbgInput| fields.fill(&input),
    );
    let report: Memo<SbgReport> =
        Memo::new(move |_| evaluate(&fields.input(), &strings().number_style));
    let cohorts = Memo::new(move |_| report.with(|r| r.cohorts.len()));
    let error = move |field: SbgField| {
        Signal::derive(move || {
            let s = strings();
            report.with(|r| {
                let words: Vec<String> = r
                    .errors
                    .iter()
                    .filter(|e| e.field == field)
                    .map(|e| s.sbg_error(e, &|i| fields.name(i, s)))
                    .collect();
                (!words.is_empty()).then(|| words.join(" "))
            })
        })
    };
    let presets = vec![Preset {
        label: |s| s.sbg.preset,
        apply: Box::new(move || fields.fill(&preset(strings()))),
    }];
    let clear = move || {
        fields.fill(&SbgInput::default());
    };

    view! {
        <section class="panel" aria-labelledby="sbg-heading" data-testid="sbg-panel">
            <h2 id="sbg-heading" tabindex="-1">{tr(|s| s.sbg.heading)}</h2>
            {para("intro", |s| s.sbg.intro)}
            <Presets presets clear=Box::new(clear) />
            <div class="sbg-cohorts">
                // Keyed by position too (the high half of the key; the cohort's own key is the low
                // half): a cohort that moves up gets its new number and test id.
                {keyed_rows(
                    move || {
                        fields.cohorts.with(|rows| {
                            rows.iter().enumerate().map(|(i, c)| (i as u64) << 32 | u64::from(c.key)).collect()
                        })
                    },
                    move |key| {
                        let i = (key >> 32) as usize;
                        let Some(c) = fields.cohorts.with(|rows| rows.get(i).copied()) else {
                            return ().into_any();
                        };
                        view! { <CohortInput index=i fields=c all=fields error=error(SbgField::Counts(i)) /> }.into_any()
                    },
                )}
            </div>
            <div class="row-actions">
                <button type="button" data-testid="sbg-add-cohort" on:click=move |_| fields.add(&CohortText::default())>
                    {tr(|s| s.sbg.add_cohort)}
                </button>
            </div>
            <FromData fields />
            <div class="fields">
                <NumberField label=|s| s.sbg.fit_label id="sbg-fit" value=fields.fit error=error(SbgField::FitPeriods) hint=|s| s.sbg.fit_hint />
                <NumberField label=|s| s.sbg.horizon_label id="sbg-horizon" value=fields.horizon error=error(SbgField::Horizon) />
                <NumberField label=|s| s.sbg.discount_label id="sbg-discount" value=fields.discount error=error(SbgField::Discount) decimal=true />
                <NumberField label=|s| s.sbg.revenue_label id="sbg-revenue" value=fields.revenue error=error(SbgField::Revenue) hint=|s| s.sbg.revenue_hint decimal=true />
                <NumberField label=|s| s.sbg.margin_label id="sbg-margin" value=fields.margin error=error(SbgField::Margin) decimal=true />
            </div>
            <RadioGroup
                name="sbg-unit"
                legend=|s| s.sbg.unit_legend
                options=&PeriodUnit::KEYED
                label=|s, u| s.unit(u, true)
                value=fields.unit
                on_pick=move |u| fields.unit.set(u)
            />
            <div class="sbg-results">
                // Keyed by position: a card stays while its cohort does, and follows the report.
                <For each=move || 0..cohorts.get() key=|i| *i let(i)>
                    <SbgResult
                        index=i
                        report
                        name=Signal::derive(move || fields.name(i, strings()))
                        discount=fields.discount
                    />
                </For>
            </div>
            <ForecastChart report names=Signal::derive(move || {
                let n = fields.cohorts.with(Vec::len);
                (0..n).map(|i| fields.name(i, strings())).collect::<Vec<_>>()
            }) unit=fields.unit />
        </section>
    }
}

/// One cohort's name and survivor counts.
#[component]
fn CohortInput(
    index: usize,
    fields: CohortFields,
    all: SbgFields,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let strings = use_strings();
    let counts_id = format!("sbg-counts-{index}");
    let hint_id = format!("{counts_id}-hint");
    let error_id = format!("{counts_id}-error");
    let described = format!("{hint_id} {error_id}");
    let remove = move |_| {
        all.cohorts
            .update(|rows| rows.retain(|c| c.key != fields.key))
    };
    view! {
        <fieldset class="sbg-cohort" data-testid=format!("sbg-cohort-{index}")>
            <legend>{move || {
                let s = strings();
                crate::i18n::fill(s.sbg.cohort_legend, &[("n", &s.number_style.count(index as i64 + 1))])
            }}</legend>
            <NameField label=|s| s.sbg.name_label id=format!("sbg-name-{index}") value=fields.name />
            <div class="field" class:invalid=move || error.with(Option::is_some)>
                <label for=counts_id.clone()>{tr(|s| s.sbg.counts_label)}</label>
                <textarea
                    id=counts_id
                    rows="4"
                    spellcheck="false"
                    prop:value=move || fields.counts.get()
                    on:input=move |ev| fields.counts.set(event_target_value(&ev))
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby=described
                ></textarea>
                <p class="field-hint" id=hint_id>{tr(|s| s.sbg.counts_hint)}</p>
                <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
            </div>
            <button type="button" class="secondary" on:click=remove hidden=move || all.cohorts.with(|r| r.len() < 2)>
                {tr(|s| s.sbg.remove_cohort)}
            </button>
        </fieldset>
    }
}

/// Adds a cohort of the imported data, its survivors as docs/metrics.md section 2 defines them.
#[component]
fn FromData(fields: SbgFields) -> impl IntoView {
    let strings = use_strings();
    let data = use_data();
    let choice = RwSignal::new(0usize);
    let options = move || {
        with_table(|t| {
            let from_dates = t.granularity.is_some();
            t.cohorts.as_ref().map(|c| {
                c.rows
                    .iter()
                    .map(|r| {
                        (
                            strings().period_label(&r.label, from_dates),
                            r.survivors.clone(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
        .flatten()
        .unwrap_or_default()
    };
    let add = move |_| {
        let rows = untrack(options);
        let Some((label, survivors)) = rows.get(choice.get_untracked()) else {
            return;
        };
        let s = strings();
        let counts: Vec<String> = survivors.iter().map(|n| n.to_string()).collect();
        fields.add(&CohortText {
            name: crate::i18n::fill(s.sbg.from_data_name, &[("label", label)]),
            counts: counts.join("\n"),
        });
        fields.unit.set(match data.granularity_untracked() {
            Granularity::Month => PeriodUnit::Months,
            Granularity::Quarter => PeriodUnit::Quarters,
            Granularity::Year => PeriodUnit::Years,
        });
    };
    view! {
        <div class="sbg-from-data" data-testid="sbg-from-data">
            {when_else(move || !options().is_empty(), move || view! {
                <label for="sbg-data-cohort">{tr(|s| s.sbg.from_data_label)}</label>
                <select id="sbg-data-cohort" on:change=move |ev| choice.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {move || {
                        options()
                            .into_iter()
                            .enumerate()
                            .map(|(i, (label, _))| view! { <option value=i.to_string() selected=move || choice.get() == i>{label}</option> })
                            .collect_view()
                    }}
                </select>
                <button type="button" data-testid="sbg-from-data-add" on:click=add>{tr(|s| s.sbg.from_data_add)}</button>
            }.into_any(), || para("note", |s| s.sbg.from_data_none))}
            <p class="open-in">
                <a href=route::href(Panel::Data) data-testid="sbg-data-link">{tr(|s| s.sbg.from_data_link)}</a>
            </p>
        </div>
    }
}
