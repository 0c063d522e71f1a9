//! The customers view's results: the counts, both fits and what follows from them, the
//! working, the holdout check and the charts.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::customers::{use_customers, Analysed};
use crate::app::state::{tr, use_strings, use_teaching};
use crate::components::customers::clv_charts::{HoldoutChart, NewCustomerChart, PAliveChart};
use crate::core::clv::{working, ClvResults, Mean, P_ALIVE_BINS};
use crate::i18n::{fill, Strings};

/// One figure: its label, `data-testid` and value as written; `words` when it is a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Figure {
    pub label: String,
    pub id: &'static str,
    pub value: String,
    pub words: bool,
}

/// A list of figures as the view sets them.
pub(crate) fn figure_list(figures: Vec<Figure>, testid: &'static str) -> impl IntoView {
    view! {
        <dl class="sbg-figures" data-testid=testid>
            {figures
                .into_iter()
                .map(|f| view! {
                    <div>
                        <dt>{f.label}</dt>
                        <dd data-testid=f.id class=if f.words { "words" } else { "" }>{f.value}</dd>
                    </div>
                })
                .collect_view()}
        </dl>
    }
}

fn figure(label: &str, id: &'static str, value: String) -> Figure {
    Figure {
        label: label.to_string(),
        id,
        value,
        words: false,
    }
}

/// A mean value, or the words that say it has none.
pub(crate) fn mean_text(s: &Strings, m: Mean, decimals: usize) -> (String, bool) {
    match m {
        Mean::Finite(v) => (s.number_style.fixed(v, decimals), false),
        Mean::NotFinite => (s.clv.not_finite.to_string(), true),
    }
}

/// "52 weeks", in the language.
pub(crate) fn horizon_words(s: &Strings, r: &ClvResults) -> (String, &'static str) {
    let h = r.settings.value.horizon;
    (
        s.number_style.count(i64::from(h)),
        s.clv_unit(r.settings.unit, h == 1),
    )
}

fn counts(a: &Analysed, s: &Strings) -> Vec<Figure> {
    let r = &a.results;
    let st = &s.number_style;
    let n = |v: usize| st.count(v as i64);
    let t = s.clv;
    let (h, unit) = horizon_words(s, r);
    let with = |text: &str| fill(text, &[("h", &h), ("unit", unit)]);
    let span = fill(
        t.calibration_span,
        &[
            ("first", &s.clv_day(a.span.0)),
            ("last", &s.clv_day(r.settings.calibration_end)),
        ],
    );
    let mut out = vec![
        figure(t.fig_calibration, "customers-calibration", span),
        figure(t.fig_customers, "customers-count", n(r.customers)),
        figure(t.fig_repeat, "customers-repeat", n(r.repeat_buyers)),
    ];
    if r.later_customers > 0 {
        out.push(figure(t.fig_later, "customers-later", n(r.later_customers)));
    }
    if r.bgnbd.is_ok() {
        let alive: u64 = r.p_alive_histogram[P_ALIVE_BINS / 2..].iter().sum();
        out.push(figure(
            t.fig_alive,
            "customers-alive",
            st.count(alive as i64),
        ));
        if let Some(p) = r.average_p_alive {
            out.push(figure(
                t.fig_mean_alive,
                "customers-mean-p-alive",
                st.percent(p, 1),
            ));
        }
        if let Some(e) = r.new_customer_expected {
            out.push(figure(
                &with(t.fig_new_expected),
                "customers-new-expected",
                st.fixed(e, 3),
            ));
        }
    }
    if let (Some(v), true) = (r.average_value, a.amounts) {
        let (value, words) = mean_text(s, v, 2);
        out.push(Figure {
            words,
            ..figure(&with(t.fig_average_value), "customers-average-value", value)
        });
    }
    out
}

fn bgnbd(r: &ClvResults, s: &Strings) -> Result<Vec<Figure>, String> {
    let f = r.bgnbd.as_ref().map_err(|e| s.clv_fit_error(e))?;
    let st = &s.number_style;
    let m = f.model;
    let r3 = |v: f64| st.fixed(v, 3);
    Ok(vec![
        figure("r", "bgnbd-r", r3(m.r)),
        figure("\u{3B1}", "bgnbd-alpha", r3(m.alpha)),
        figure("a", "bgnbd-a", r3(m.a)),
        figure("b", "bgnbd-b", r3(m.b)),
        figure(
            s.clv.log_likelihood,
            "bgnbd-ll",
            st.fixed(f.log_likelihood, 1),
        ),
    ])
}

fn gamma_gamma(a: &Analysed, s: &Strings) -> Result<Vec<Figure>, String> {
    if !a.amounts {
        return Err(s.clv.gg_needs_amounts.to_string());
    }
    let r = &a.results;
    let f = r.gamma_gamma.as_ref().map_err(|e| s.clv_fit_error(e))?;
    let st = &s.number_style;
    let m = f.model;
    let mut out = vec![
        figure("p", "gg-p", st.fixed(m.p, 2)),
        figure("q", "gg-q", st.fixed(m.q, 2)),
        figure("\u{3B3}", "gg-gamma", st.fixed(m.gamma, 2)),
        figure(s.clv.log_likelihood, "gg-ll", st.fixed(f.log_likelihood, 1)),
    ];
    if let Some(mean) = r.population_mean {
        let (value, words) = mean_text(s, mean, 2);
        out.push(Figure {
            words,
            ..figure(s.clv.population_mean, "gg-mean", value)
        });
    }
    Ok(out)
}

/// The results of the analysis shown.
#[component]
pub fn CustomersResults() -> impl IntoView {
    let state = use_customers();
    let results = Signal::derive(move || state.analysed().map(|a| a.results.clone()));
    move || {
        state.analysed().map(|a| {
            // Without a BG/NBD fit there is nothing to chart: its block says why.
            let fitted = a.results.bgnbd.is_ok();
            let charts = fitted.then(|| {
                let holdout = a.results.holdout.is_some();
                view! {
                    <PAliveChart results />
                    <NewCustomerChart results />
                    {holdout.then(|| view! { <HoldoutChart results /> })}
                    <Holdout analysed=a.clone() />
                }
            });
            view! {
                <div class="customers-results" data-testid="customers-results">
                    <Fits analysed=a.clone() />
                    <Working analysed=a.clone() />
                    {charts}
                </div>
            }
        })
    }
}

#[component]
fn Fits(analysed: Arc<Analysed>) -> impl IntoView {
    let strings = use_strings();
    let a = analysed;
    move || {
        let s = strings();
        let block = |fit: Result<Vec<Figure>, String>, id: &'static str| match fit {
            Ok(figures) => figure_list(figures, id).into_any(),
            Err(why) => {
                view! { <p class="note" role="status" data-testid=format!("{id}-none")>{why}</p> }
                    .into_any()
            }
        };
        let left_out = (a.amounts && a.results.gamma_gamma_left_out > 0).then(|| {
            let n = s.number_style.count(a.results.gamma_gamma_left_out as i64);
            view! { <p class="note">{fill(s.clv.gg_left_out, &[("n", &n)])}</p> }
        });
        view! {
            {figure_list(counts(&a, s), "customers-figures")}
            <h3>{s.clv.bgnbd_heading}</h3>
            {block(bgnbd(&a.results, s), "bgnbd-figures")}
            <h3>{s.clv.gg_heading}</h3>
            {block(gamma_gamma(&a, s), "gg-figures")}
            {left_out}
        }
    }
}

#[component]
fn Working(analysed: Arc<Analysed>) -> impl IntoView {
    let strings = use_strings();
    let teaching = use_teaching();
    let a = analysed;
    view! {
        <details class="working" data-testid="customers-working" open=move || teaching.show_working.get()>
            <summary>{tr(|s| s.clv.working)}</summary>
            <ul>
                {move || {
                    let s = strings();
                    let st = &s.number_style;
                    working(&a.results, st)
                        .into_iter()
                        .map(|step| view! {
                            <li>
                                <span class="step-name">{s.clv_step(step.id)}</span>
                                ": "
                                // Formula and numbers read left to right in every language,
                                // the numbers under their formula.
                                <span class="step-maths" dir="ltr">
                                    <code>{st.localize(step.formula)}</code>
                                    <br />
                                    <span class="substituted">{st.localize(&step.substituted)}</span>
                                </span>
                            </li>
                        })
                        .collect_view()
                }}
            </ul>
        </details>
    }
}

/// The holdout check's totals, under its chart (per unit and cumulative, with its table); or
/// why there is no check (a model with a fit, only).
#[component]
fn Holdout(analysed: Arc<Analysed>) -> impl IntoView {
    let strings = use_strings();
    let a = analysed;
    move || {
        let s = strings();
        let st = &s.number_style;
        let t = s.clv;
        let Some(h) = a.results.holdout.as_ref() else {
            return view! {
                <h3>{t.holdout_heading}</h3>
                <p class="note" data-testid="bgnbd-holdout-none">{t.holdout_none}</p>
            }
            .into_any();
        };
        let unit = a.results.settings.unit;
        let length = unit.days();
        let partial = (h.last_unit_days < length).then(|| {
            fill(
                t.holdout_partial,
                &[
                    ("unit", s.clv_unit(unit, true)),
                    ("days", &st.count(i64::from(h.last_unit_days))),
                    ("length", &st.count(i64::from(length))),
                ],
            )
        });
        view! {
            {figure_list(
                vec![
                    figure(t.holdout_actual, "bgnbd-holdout-actual", st.count(h.actual as i64)),
                    figure(t.holdout_predicted, "bgnbd-holdout-predicted", st.fixed(h.predicted, 1)),
                ],
                "holdout-figures",
            )}
            {partial.map(|p| view! { <p class="note">{p}</p> })}
        }
        .into_any()
    }
}
