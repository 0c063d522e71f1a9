//! One cohort's forecast: the fitted a and b, the error of the fit, lifetimes and value, the
//! comparison with constant churn, the working, and the table of counted, fitted and
//! forecast survivors.

use leptos::prelude::*;

use crate::app::state::{use_strings, use_teaching};
use crate::components::widgets::plain_view::{Plain, PlainView};
use crate::core::number::parse_decimal;
use crate::core::sbg::{Extent, Forecast, Model, NoForecast, SbgReport};
use crate::i18n::{fill, Strings};

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
    let tree = move || {
        let s = strings();
        let card = Plain::el("article")
            .attr("class", "sbg-result")
            .attr("data-testid", format!("sbg-result-{index}"))
            .nest([Plain::with_text("h3", name.get())]);
        report.with(|r| match r.cohorts.get(index) {
            None => card,
            Some(Err(NoForecast::NeedsInputs)) => card.nest([note(s.sbg.needs_inputs)]),
            Some(Err(NoForecast::Fit(e))) => card.nest([note(s.sbg_fit_error(*e))
                .attr("role", "status")
                .attr("data-testid", format!("sbg-no-fit-{index}"))]),
            Some(Ok(f)) => card.nest(figures(
                index,
                f,
                s,
                &discount.get(),
                teaching.show_working.get(),
            )),
        })
    };
    view! { <PlainView tree /> }
}

fn note(text: &str) -> Plain {
    Plain::with_text("p", text).attr("class", "note")
}

fn figures(
    i: usize,
    f: &Forecast,
    s: &'static Strings,
    discount: &str,
    working: bool,
) -> Vec<Plain> {
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
    // The figure given as a sentence rather than a number, set in text size.
    let in_words = match f.mean_lifetime {
        Extent::Infinite => "lifetime",
        Extent::Finite(_) => "",
    };
    let dash = || s.undefined_mark.to_string();
    // The rate as typed, written again in the page's digits (it reads: there is a DEL).
    let rate = parse_decimal(discount, st)
        .map_or_else(|_| discount.trim().to_string(), |d| st.plain(d, 4));
    let del_label = fill(t.del, &[("rate", &format!("{rate}{}", st.percent))]);
    let mut figures = vec![
        (t.alpha.to_string(), "alpha", a),
        (t.beta.to_string(), "beta", b),
        (
            t.log_likelihood.to_string(),
            "ll",
            st.fixed(f.fitted.log_likelihood, 2),
        ),
        (
            t.mape.to_string(),
            "mape",
            f.mape.map_or_else(dash, |m| st.percent(m, 2)),
        ),
        (t.mean_lifetime.to_string(), "lifetime", lifetime),
        (del_label, "del", f.del.map_or_else(dash, |d| extent(d, 3))),
    ];
    if let Some(v) = f.value {
        figures.push((t.value.to_string(), "value", extent(v, 2)));
    }
    let list = Plain::el("dl")
        .attr("class", "sbg-figures")
        .nest(figures.into_iter().map(|(label, id, value)| {
            Plain::el("div").nest([
                Plain::with_text("dt", label),
                Plain::with_text("dd", value)
                    .attr("data-testid", format!("sbg-{id}-{i}"))
                    .attr("class", if id == in_words { "words" } else { "" }),
            ])
        }));
    let comparison = fill(
        t.comparison,
        &[
            ("churn", &st.percent(f.fitted.geometric.churn, 2)),
            ("ll", &st.fixed(f.fitted.geometric_log_likelihood, 2)),
            ("sbg", &st.fixed(f.fitted.log_likelihood, 2)),
        ],
    );
    let steps = f.working.iter().map(|step| {
        Plain::el("li").nest([
            Plain::with_text("span", s.sbg_step(step.id)).attr("class", "step-name"),
            Plain::text_node(": "),
            Plain::with_text("code", st.localize(step.formula)).attr("dir", "ltr"),
            Plain::text_node(" "),
            // The numbers are the language's already; the constants around them follow.
            Plain::with_text("span", st.localize(&step.substituted))
                .attr("class", "substituted")
                .attr("dir", "ltr"),
        ])
    });
    let mut details = Plain::el("details").attr("class", "working");
    if working {
        details = details.attr("open", "");
    }
    let details = details.nest([
        Plain::with_text("summary", t.working),
        Plain::el("ul").nest(steps),
    ]);
    let head = Plain::el("tr").nest(
        [t.period, t.actual, t.model, t.constant_churn, ""]
            .map(|h| Plain::with_text("th", h).attr("scope", "col")),
    );
    let rows = f.rows.iter().map(|r| {
        let (class, stage) = if r.in_fit {
            ("fitted", t.stage_fitted)
        } else {
            ("forecast", t.stage_forecast)
        };
        Plain::el("tr").attr("class", class).nest([
            Plain::with_text("th", st.count(r.period as i64)).attr("scope", "row"),
            Plain::with_text("td", r.actual.map_or_else(dash, |n| st.count(n as i64))),
            Plain::with_text("td", st.fixed(r.expected, 1))
                .attr("data-testid", format!("sbg-survival-{i}-{}", r.period)),
            Plain::with_text("td", st.fixed(r.geometric, 1)),
            Plain::with_text("td", stage),
        ])
    });
    let table = Plain::el("table")
        .attr("class", "data sbg-table")
        .attr("data-testid", format!("sbg-table-{i}"))
        .nest([
            Plain::el("thead").nest([head]),
            Plain::el("tbody").nest(rows),
        ]);
    let mut out: Vec<Plain> = limit
        .map(|l| note(&l).attr("data-testid", format!("sbg-limit-{i}")))
        .into_iter()
        .collect();
    out.extend([
        list,
        note(&comparison).attr("data-testid", format!("sbg-comparison-{i}")),
        details,
        Plain::with_text(
            "p",
            fill(t.fitted_on, &[("t", &st.count(f.fit_periods as i64))]),
        )
        .attr("class", "legend"),
        Plain::el("div").attr("class", "table-scroll").nest([table]),
    ]);
    out
}
