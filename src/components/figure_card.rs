//! One figure: its name, the formatted value (or "—" and why), and its working.

use leptos::prelude::*;

use crate::core::figure::{Figure, FigureId, Report};
use crate::i18n::Strings;
use crate::state::use_strings;

/// The figure's value as the page writes it, or the "—" mark.
pub fn value_text(strings: &Strings, figure: &Figure) -> String {
    match figure.value {
        Ok(v) => strings.value(v),
        Err(_) => strings.undefined_mark.to_string(),
    }
}

/// The working written out: the formula, then the user's numbers and the result.
pub fn working_lines(strings: &Strings, figure: &Figure) -> (String, Option<String>) {
    let w = &figure.working;
    let substituted = w.substituted.as_ref().map(|terms| {
        let numbers = strings.terms(terms);
        let joiner = if w.equation { " = " } else { " → " };
        format!("{numbers}{joiner}{}", value_text(strings, figure))
    });
    (w.formula.to_string(), substituted)
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

/// The working of a figure: formula, substitution, source.
#[component]
pub fn FigureWorking(report: Memo<Report>, id: FigureId) -> impl IntoView {
    let strings = use_strings();
    let lines = move || report.with(|r| r.figure(id).map(|f| working_lines(strings(), f)));
    let source = move || {
        report.with(|r| {
            r.figure(id).map(|f| {
                format!(
                    "{}: {}",
                    strings().source_label,
                    strings().source(f.working.source)
                )
            })
        })
    };
    view! {
        <div class="working">
            <p class="formula">{move || lines().map(|l| l.0)}</p>
            <p class="substituted">{move || lines().and_then(|l| l.1)}</p>
            <p class="source">{source}</p>
        </div>
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
            <p class="figure-name" id=name_id>{move || strings().figure(id)}</p>
            <FigureValue report id />
            <p class="figure-why" data-testid=format!("{}-why", id.testid())>{why}</p>
            <FigureWorking report id />
            {children.map(|c| c())}
        </div>
    }
}
