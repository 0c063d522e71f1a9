//! One customer looked up, the view's two files and the win-back list.

use leptos::prelude::*;

use crate::app::customers::{use_customers, Lookup};
use crate::app::sessions::use_sessions;
use crate::app::state::{tr, use_strings};
use crate::components::customers::customers_results::{
    figure_list, horizon_words, mean_text, Figure,
};
use crate::core::panel::Panel;
use crate::core::route;
use crate::i18n::{file_name, fill};
use crate::web::download::save_text;

/// The lookup field and the customer's figures.
#[component]
pub fn CustomerLookup() -> impl IntoView {
    let strings = use_strings();
    let state = use_customers();
    let answer = move || {
        let s = strings();
        let st = &s.number_style;
        let t = s.clv;
        match state.lookup() {
            Lookup::None => None,
            Lookup::Asking => Some(view! { <p class="note" role="status">{t.lookup_asking}</p> }.into_any()),
            Lookup::NeedsData => Some(view! { <p class="note" role="status" data-testid="customer-needs-data">{t.lookup_needs_data}</p> }.into_any()),
            Lookup::NotFound(id) => Some(
                view! { <p class="note" role="status" data-testid="customer-not-found">{fill(t.lookup_not_found, &[("id", &id)])}</p> }
                    .into_any(),
            ),
            Lookup::Found(c) => {
                let a = state.analysed()?;
                let (h, unit) = horizon_words(s, &a.results);
                let units = s.clv_unit(a.results.settings.unit, false);
                let with = |text: &str| fill(text, &[("h", &h), ("unit", unit)]);
                let of_unit = |text: &str| fill(text, &[("unit", units)]);
                let dash = || s.undefined_mark.to_string();
                let plain = |v: f64| st.plain(v, 3);
                let f = |label: String, id: &'static str, value: String, words: bool| Figure {
                    label,
                    id,
                    value,
                    words,
                };
                let mut figures = vec![
                    f(t.lookup_x.into(), "customer-x", st.count(i64::from(c.x)), false),
                    f(of_unit(t.lookup_t_x), "customer-t-x", plain(c.t_x), false),
                    f(of_unit(t.lookup_age), "customer-age", plain(c.age), false),
                    f(t.lookup_m_x.into(), "customer-m-x", c.m_x.map_or_else(dash, |m| st.fixed(m, 2)), false),
                    f(t.lookup_p_alive.into(), "customer-p-alive", c.p_alive.map_or_else(dash, |p| st.percent(p, 1)), false),
                    f(with(t.lookup_expected), "customer-expected", c.expected.map_or_else(dash, |e| st.fixed(e, 3)), false),
                ];
                if a.amounts {
                    for (label, id, m) in [
                        (t.lookup_mean.to_string(), "customer-mean", c.mean),
                        (with(t.lookup_value), "customer-value", c.value),
                    ] {
                        let (value, words) = m.map_or_else(|| (dash(), false), |m| mean_text(s, m, 2));
                        figures.push(f(label, id, value, words));
                    }
                }
                Some(view! {
                    <h4>{c.id.clone()}</h4>
                    {figure_list(figures, "customer-figures")}
                }.into_any())
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.look_up();
    };
    move || {
        state.analysed().map(|_| view! {
            <div class="customer-lookup" data-testid="customer-lookup">
                <h3>{tr(|s| s.clv.lookup_heading)}</h3>
                <form class="lookup-form" on:submit=submit>
                    <div class="field">
                        <label for="customer-id">{tr(|s| s.clv.lookup_label)}</label>
                        <input
                            id="customer-id"
                            type="text"
                            autocomplete="off"
                            spellcheck="false"
                            prop:value=move || state.lookup_id.get()
                            on:input=move |ev| state.lookup_id.set(event_target_value(&ev))
                        />
                    </div>
                    <button type="submit" data-testid="customer-look-up">{tr(|s| s.clv.lookup_button)}</button>
                </form>
                <div aria-live="polite">{answer}</div>
            </div>
        })
    }
}

/// "Download customer values CSV" and "Download win-back list CSV".
#[component]
pub fn Downloads() -> impl IntoView {
    let strings = use_strings();
    let state = use_customers();
    let save = move |which: usize| {
        let Some(files) = state.files_untracked() else {
            return;
        };
        let s = strings();
        let (words, text) = match which {
            0 => (s.clv.file_values, &files.0),
            _ => (s.clv.file_winback, &files.1),
        };
        let _ = save_text(
            &format!("{}.csv", file_name(&[words])),
            "text/csv;charset=utf-8",
            text,
        );
    };
    move || {
        state.analysed().map(|_| {
            let live = state.live();
            view! {
                <div class="downloads">
                    <button type="button" data-testid="download-customer-values" disabled=!live on:click=move |_| save(0)>
                        {tr(|s| s.clv.download_values)}
                    </button>
                    <button type="button" data-testid="download-winback" disabled=!live on:click=move |_| save(1)>
                        {tr(|s| s.clv.download_winback)}
                    </button>
                    {(!live).then(|| view! { <p class="note">{tr(|s| s.clv.downloads_need_data)}</p> })}
                </div>
            }
        })
    }
}

/// The win-back list: how many, what winning some back brings, and who spent most.
#[component]
pub fn WinbackList() -> impl IntoView {
    let strings = use_strings();
    let state = use_customers();
    let sessions = use_sessions();
    move || {
        let a = state.analysed()?;
        a.results.bgnbd.as_ref().ok()?;
        let s = strings();
        let st = &s.number_style;
        let t = s.clv;
        let n = a.results.winback;
        let threshold = format!(
            "{}{}",
            st.plain(a.results.settings.winback_threshold * 100.0, 2),
            st.percent
        );
        if n == 0 {
            return Some(view! {
                <div class="winback-list" data-testid="winback-list">
                    <h3>{t.winback_heading}</h3>
                    <p class="note" data-testid="winback-count">{fill(t.winback_none, &[("threshold", &threshold)])}</p>
                </div>
            }.into_any());
        }
        // The win-back calculator's range: 25% to 60% of the dormant customers.
        let share = |pct: f64| st.count((n as f64 * pct / 100.0).round() as i64);
        let count = fill(
            t.winback_count,
            &[("n", &st.count(n as i64)), ("threshold", &threshold)],
        );
        let range = fill(
            t.winback_range,
            &[("low", &share(25.0)), ("high", &share(60.0))],
        );
        let top = &a.winback_top;
        let table = (!top.is_empty()).then(|| {
            let rows = top
                .iter()
                .map(|w| {
                    view! {
                        <tr>
                            <th scope="row" dir="auto">{w.id.clone()}</th>
                            <td>{s.clv_day(w.last_purchase)}</td>
                            <td>{st.count(i64::from(w.transactions))}</td>
                            <td>{st.money(w.total_spend, a.decimals)}</td>
                            <td>{st.percent(w.p_alive, 1)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <p>{fill(t.winback_top, &[("n", &st.count(top.len() as i64))])}</p>
                <div class="table-scroll">
                    <table class="data" data-testid="winback-table">
                        <thead>
                            <tr>
                                <th scope="col">{t.col_id}</th>
                                <th scope="col">{t.col_last_purchase}</th>
                                <th scope="col">{t.col_transactions}</th>
                                <th scope="col">{t.col_spend}</th>
                                <th scope="col">{t.col_p_alive}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        });
        Some(
            view! {
                <div class="winback-list" data-testid="winback-list">
                    <h3>{t.winback_heading}</h3>
                    <p data-testid="winback-count">{count}</p>
                    <p data-testid="winback-range">{range}</p>
                    <p class="open-in">
                        // The win-back calculator opens on this list's count.
                        <a
                            href=route::href(Panel::Winback)
                            data-testid="winback-link"
                            on:click=move |_| {
                                let mut inputs = serde_json::Map::new();
                                inputs.insert("dormant".into(), st.count(n as i64).into());
                                sessions.put(Panel::Winback, inputs);
                            }
                        >
                            {fill(t.winback_link, &[("n", &st.count(n as i64))])}
                        </a>
                    </p>
                    {table}
                </div>
            }
            .into_any(),
        )
    }
}
