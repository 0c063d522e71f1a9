//! One cohort's forecast: the fitted a and b, the error of the fit, lifetimes and value, the
//! comparison with constant churn, the working, and the table of counted, fitted and
//! forecast survivors.

use leptos::prelude::*;

use crate::app::state::{use_strings, use_teaching};
use crate::core::number::parse_decimal;
use crate::core::sbg::{Extent, Forecast, Model, NoForecast, SbgReport};
use crate::i18n::{fill, Strings};

/// One figure of the card: its label, the key of its `data-testid`, its value as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Figure {
    label: String,
    id: &'static str,
    value: String,
    /// A sentence rather than a number, set in text size.
    words: bool,
}

/// One line of the working, in words.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct StepText {
    name: &'static str,
    formula: String,
    substituted: String,
}

/// One row of the forecast table, as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct RowText {
    period: usize,
    class: &'static str,
    /// Period, counted, model, constant churn, stage.
    cells: [String; 5],
}

/// What a forecast card shows, written in the page's language. The lists are keyed by their
/// written content, so a change redraws only the rows that read differently.
#[derive(Clone, Debug, PartialEq)]
struct Card {
    limit: Option<String>,
    figures: Vec<Figure>,
    comparison: String,
    steps: Vec<StepText>,
    fitted_on: String,
    rows: Vec<RowText>,
}

/// The result of cohort `index` (0-based, in the order of the inputs).
#[component]
pub fn SbgResult(
    index: usize,
    report: Memo<SbgReport>,
    name: Signal<String>,
    /// The discount rate as typed, in percent.
    discount: RwSignal<String>,
) -> impl IntoView {
    let strings = use_strings();
    let teaching = use_teaching();
    // Which block the card holds; its figures change inside it.
    let shown = Memo::new(move |_| {
        report.with(|r| {
            r.cohorts
                .get(index)
                .map(|c| c.as_ref().map(|_| ()).map_err(|e| *e))
        })
    });
    let card = Memo::new(move |_| {
        let s = strings();
        let discount = discount.get();
        report.with(|r| match r.cohorts.get(index) {
            Some(Ok(f)) => Some(Card::new(f, s, &discount)),
            _ => None,
        })
    });
    let working = Signal::derive(move || teaching.show_working.get());
    let body = move || match shown.get() {
        None => ().into_any(),
        Some(Err(NoForecast::NeedsInputs)) => {
            view! { <p class="note">{move || strings().sbg.needs_inputs}</p> }.into_any()
        }
        Some(Err(NoForecast::Fit(e))) => view! {
            <p class="note" role="status" data-testid=format!("sbg-no-fit-{index}")>
                {move || strings().sbg_fit_error(e)}
            </p>
        }
        .into_any(),
        Some(Ok(())) => forecast(index, card, working).into_any(),
    };
    view! {
        <article class="sbg-result" data-testid=format!("sbg-result-{index}")>
            <h3>{move || name.get()}</h3>
            {body}
        </article>
    }
}

/// The figures, the comparison, the working and the table of cohort `i`.
fn forecast(i: usize, card: Memo<Option<Card>>, working: Signal<bool>) -> impl IntoView {
    let strings = use_strings();
    let limit = move || {
        card.with(|c| c.as_ref().and_then(|c| c.limit.clone()))
            .map(|l| view! { <p class="note" data-testid=format!("sbg-limit-{i}")>{l}</p> })
    };
    let figures = move || card.with(|c| c.as_ref().map(|c| c.figures.clone()).unwrap_or_default());
    let steps = move || card.with(|c| c.as_ref().map(|c| c.steps.clone()).unwrap_or_default());
    let rows = move || card.with(|c| c.as_ref().map(|c| c.rows.clone()).unwrap_or_default());
    let comparison = move || card.with(|c| c.as_ref().map(|c| c.comparison.clone()));
    let fitted_on = move || card.with(|c| c.as_ref().map(|c| c.fitted_on.clone()));
    let head = move |text: fn(&Strings) -> &'static str| move || text(strings());
    view! {
        {limit}
        <dl class="sbg-figures">
            <For each=figures key=Figure::clone let(fig)>
                <div>
                    <dt>{fig.label}</dt>
                    <dd
                        data-testid=format!("sbg-{}-{i}", fig.id)
                        class=if fig.words { "words" } else { "" }
                    >
                        {fig.value}
                    </dd>
                </div>
            </For>
        </dl>
        <p class="note" data-testid=format!("sbg-comparison-{i}")>{comparison}</p>
        <details class="working" open=move || working.get()>
            <summary>{move || strings().sbg.working}</summary>
            <ul>
                <For each=steps key=StepText::clone let(step)>
                    <li>
                        <span class="step-name">{step.name}</span>
                        ": "
                        <code dir="ltr">{step.formula}</code>
                        " "
                        // The numbers are the language's already; the constants around them follow.
                        <span class="substituted" dir="ltr">{step.substituted}</span>
                    </li>
                </For>
            </ul>
        </details>
        <p class="legend">{fitted_on}</p>
        <div class="table-scroll">
            <table class="data sbg-table" data-testid=format!("sbg-table-{i}")>
                <thead>
                    <tr>
                        <th scope="col">{head(|s| s.sbg.period)}</th>
                        <th scope="col">{head(|s| s.sbg.actual)}</th>
                        <th scope="col">{head(|s| s.sbg.model)}</th>
                        <th scope="col">{head(|s| s.sbg.constant_churn)}</th>
                        <th scope="col"></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=rows key=RowText::clone let(row)>
                        <tr class=row.class>
                            <th scope="row">{row.cells[0].clone()}</th>
                            <td>{row.cells[1].clone()}</td>
                            <td data-testid=format!("sbg-survival-{i}-{}", row.period)>
                                {row.cells[2].clone()}
                            </td>
                            <td>{row.cells[3].clone()}</td>
                            <td>{row.cells[4].clone()}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
}

impl Card {
    fn new(f: &Forecast, s: &'static Strings, discount: &str) -> Self {
        let st = &s.number_style;
        let t = s.sbg;
        let r3 = |x: f64| st.fixed(x, 3);
        let extent = |e: Extent, decimals: usize| match e {
            Extent::Finite(x) => st.fixed(x, decimals),
            Extent::Infinite => "\u{221E}".to_string(),
        };
        let infinite = "\u{221E}".to_string();
        let (a, b, limit) = match f.fitted.model {
            Model::Sbg(m) => (r3(m.a()), r3(m.b()), None),
            Model::ConstantChurn(g) => (
                infinite.clone(),
                infinite,
                Some(fill(
                    t.constant_limit,
                    &[("churn", &st.percent(g.churn, 2))],
                )),
            ),
        };
        let lifetime = match f.mean_lifetime {
            Extent::Finite(x) => r3(x),
            Extent::Infinite => fill(t.not_finite, &[("a", &a)]),
        };
        let in_words = match f.mean_lifetime {
            Extent::Infinite => "lifetime",
            Extent::Finite(_) => "",
        };
        let dash = || s.undefined_mark.to_string();
        // The rate as typed, written again in the page's digits (it reads: there is a DEL).
        let rate = parse_decimal(discount, st)
            .map_or_else(|_| discount.trim().to_string(), |d| st.plain(d, 4));
        let del_label = fill(t.del, &[("rate", &format!("{rate}{}", st.percent))]);
        let figure = |label: &str, id: &'static str, value: String| Figure {
            label: label.to_string(),
            id,
            value,
            words: id == in_words,
        };
        let mut figures = vec![
            figure(t.alpha, "alpha", a),
            figure(t.beta, "beta", b),
            figure(t.log_likelihood, "ll", st.fixed(f.fitted.log_likelihood, 2)),
            figure(
                t.mape,
                "mape",
                f.mape.map_or_else(dash, |m| st.percent(m, 2)),
            ),
            figure(t.mean_lifetime, "lifetime", lifetime),
            figure(&del_label, "del", f.del.map_or_else(dash, |d| extent(d, 3))),
        ];
        if let Some(v) = f.value {
            figures.push(figure(t.value, "value", extent(v, 2)));
        }
        let comparison = fill(
            t.comparison,
            &[
                ("churn", &st.percent(f.fitted.geometric.churn, 2)),
                ("ll", &st.fixed(f.fitted.geometric_log_likelihood, 2)),
                ("sbg", &st.fixed(f.fitted.log_likelihood, 2)),
            ],
        );
        let steps = f
            .working
            .iter()
            .map(|step| StepText {
                name: s.sbg_step(step.id),
                formula: st.localize(step.formula),
                substituted: st.localize(&step.substituted),
            })
            .collect();
        let rows = f
            .rows
            .iter()
            .map(|r| {
                let (class, stage) = if r.in_fit {
                    ("fitted", t.stage_fitted)
                } else {
                    ("forecast", t.stage_forecast)
                };
                RowText {
                    period: r.period,
                    class,
                    cells: [
                        st.count(r.period as i64),
                        r.actual.map_or_else(dash, |n| st.count(n as i64)),
                        st.fixed(r.expected, 1),
                        st.fixed(r.geometric, 1),
                        stage.to_string(),
                    ],
                }
            })
            .collect();
        Card {
            limit,
            figures,
            comparison,
            steps,
            fitted_on: fill(t.fitted_on, &[("t", &st.count(f.fit_periods as i64))]),
            rows,
        }
    }
}
