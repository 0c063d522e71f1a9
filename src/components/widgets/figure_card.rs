//! One figure: its name, the formatted value (or "—" and why), and its working.

use leptos::prelude::*;

use crate::app::state::{use_strings, use_teaching};
use crate::core::figure::{Figure, FigureId, Report};
use crate::i18n::Strings;

/// The figure's value as the page writes it, or the "—" mark.
pub fn value_text(strings: &Strings, figure: &Figure) -> String {
    match figure.value {
        Ok(v) => strings.value(v),
        Err(_) => strings.undefined_mark.to_string(),
    }
}

/// A formula with its constants in the language's digits: "1 − (1 − c)^12".
pub fn formula(strings: &Strings, figure: &Figure) -> String {
    strings
        .number_style
        .localize(strings.in_words(figure.working.formula))
}

/// The working on one line: "H / R = 1,000 / 350 = 2.857" (or "p = 3 / 20, z = 1.96 → 5.24%"
/// where the numbers are inputs rather than an equal expression).
pub fn working_line(strings: &Strings, figure: &Figure) -> String {
    let w = &figure.working;
    match &w.substituted {
        Some(terms) if w.equation => format!(
            "{} = {} = {}",
            formula(strings, figure),
            strings.terms(terms),
            value_text(strings, figure)
        ),
        Some(terms) => format!("{} → {}", strings.terms(terms), value_text(strings, figure)),
        None => formula(strings, figure),
    }
}

/// The value alone in an element carrying the figure's `data-testid`.
#[component]
pub fn FigureValue(report: Memo<Report>, id: FigureId) -> impl IntoView {
    let strings = use_strings();
    let text = move || {
        report.with(|r| {
            r.figure(id)
                .map(|f| value_text(strings(), f))
                .unwrap_or_default()
        })
    };
    view! { <span class="value" data-testid=id.testid()>{text}</span> }
}

/// The working of a figure: one line normally; in teacher mode, the formula, the user's
/// numbers, the result and the source as separate steps.
#[component]
pub fn FigureWorking(report: Memo<Report>, id: FigureId) -> impl IntoView {
    let strings = use_strings();
    let teaching = use_teaching();
    let with_figure = move |f: &dyn Fn(&Figure) -> AnyView| report.with(|r| r.figure(id).map(f));
    move || {
        let s = strings();
        if !teaching.show_working.get() {
            return with_figure(&|fig| {
                view! { <p class="working-line">{working_line(s, fig)}</p> }.into_any()
            });
        }
        with_figure(&|fig| {
            let w = &fig.working;
            let numbers = w.substituted.as_ref().map(|t| s.terms(t));
            let result = fig.value.is_ok().then(|| value_text(s, fig));
            view! {
                <dl class="working-steps">
                    <dt>{s.step_formula}</dt>
                    <dd class="formula">{formula(s, fig)}</dd>
                    {numbers.map(|n| view! { <dt>{s.step_numbers}</dt><dd class="numbers">{n}</dd> })}
                    {result.map(|v| view! { <dt>{s.step_result}</dt><dd class="result">{v}</dd> })}
                    <dt>{s.source_label}</dt>
                    <dd class="source">{s.source(w.source)}</dd>
                </dl>
            }
            .into_any()
        })
    }
}

/// A card with a figure's name, value, the reason when it has none, its working, and any notes
/// passed as children.
#[component]
pub fn FigureCard(
    /// The calculator's report that holds the figure.
    report: Memo<Report>,
    /// Which figure of the report.
    id: FigureId,
    /// A name to show instead of the figure's own (e.g. built from the user's stage names).
    #[prop(optional, into)]
    name: Option<Signal<String>>,
    /// Notes or sub-figures shown under the working.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let strings = use_strings();
    let name_id = format!("fig-{}", id.testid());
    let why = move || {
        report.with(|r| {
            r.figure(id)
                .and_then(|f| f.value.err())
                .map(|why| strings().undefined(why))
        })
    };
    let labelled_by = name_id.clone();
    view! {
        <div class="figure" role="group" aria-labelledby=labelled_by>
            <p class="figure-name" id=name_id>
                {move || name.map(|n| n.get()).unwrap_or_else(|| strings().figure(id).to_string())}
            </p>
            <FigureValue report id />
            <p class="figure-why" data-testid=format!("{}-why", id.testid())>{why}</p>
            <FigureWorking report id />
            {children.map(|c| c())}
        </div>
    }
}

/// Figures of one period of a file, each with its name, its value (`data-testid`
/// `<prefix>-<figure>`) and its working line, as a list of terms.
#[component]
pub fn WorkingList(figures: Vec<Figure>, prefix: &'static str) -> impl IntoView {
    let strings = use_strings();
    view! {
        <dl class="working-list">
            {figures
                .into_iter()
                .map(|f| {
                    let id = f.id;
                    let f2 = f.clone();
                    view! {
                        <dt>{move || strings().figure(id)}</dt>
                        <dd>
                            <span class="value" data-testid=format!("{prefix}-{}", id.testid())>
                                {move || value_text(strings(), &f)}
                            </span>
                            <span class="working-line">{move || working_line(strings(), &f2)}</span>
                        </dd>
                    }
                })
                .collect_view()}
        </dl>
    }
}
