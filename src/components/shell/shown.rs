//! The calculator the address names, alone: only it is built, and what it holds stays in the
//! session while another is shown. It ends with the link to the next one in the story.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::app::router::use_router;
use crate::app::state::use_strings;
use crate::core::panel::Panel;
use crate::core::route;
use crate::i18n::fill;
use crate::web::{focus, timing};

/// A calculator's view, ready once its code is on the page.
pub type CalculatorView = Pin<Box<dyn Future<Output = Result<AnyView, CodeNotFetched>>>>;

/// How the page gets a calculator's view. The page's entry point gives it: there, every
/// calculator but the default one has its code in a module of its own, fetched the first time
/// it is shown (see docs/architecture.md, "Code fetched when first shown").
pub type LoadCalculator = fn(Panel) -> CalculatorView;

/// A calculator's code could not be fetched: the connection dropped, or the page was updated
/// on the server since it opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeNotFetched;

impl From<wasm_split_helpers::SplitLoaderError> for CodeNotFetched {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        CodeNotFetched
    }
}

#[derive(Clone, Copy)]
struct Loader(LoadCalculator);

/// Gives the views below the way to get a calculator's view.
pub fn provide_loader(load: LoadCalculator) {
    provide_context(Loader(load));
}

/// The calculator `panel`: at once when its code is on the page, else a notice while it is
/// fetched, and a message with "Try again" if it cannot be. With `focus_heading`, the focus
/// goes to its heading once it is drawn.
#[component]
pub fn Calculator(panel: Panel, #[prop(optional)] focus_heading: bool) -> impl IntoView {
    let Loader(load) = expect_context::<Loader>();
    let strings = use_strings();
    let name = move || strings().nav_name(panel);
    let attempt = RwSignal::new(0_u32);
    let fallback = move || {
        view! {
            <p class="calculator-loading" role="status" data-testid="calculator-loading">
                {move || fill(strings().calculator_loading, &[("calculator", name())])}
            </p>
        }
    };
    let shown = move || {
        attempt.track();
        // The view and the loader's error are for this thread only, as everything on the
        // page is; the wrapper only lets the view wait for them.
        Suspend::new(SendWrapper::new(async move {
            match load(panel).await {
                Ok(view) => {
                    // The first calculator drawn is the view the page opened on: the mark goes
                    // just before its figures are painted.
                    request_animation_frame(|| {
                        if let Err(e) = timing::mark_once(timing::FIRST_FIGURE) {
                            web_sys::console::warn_1(&e);
                        }
                    });
                    if focus_heading {
                        request_animation_frame(move || {
                            let _ = focus::focus_id_from_top(&heading_id(panel));
                        });
                    }
                    view
                }
                Err(CodeNotFetched) => view! {
                    <div class="calculator-unfetched" role="alert" data-testid="calculator-unfetched">
                        <p>{move || fill(strings().calculator_unfetched, &[("calculator", name())])}</p>
                        <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                            {move || strings().calculator_retry}
                        </button>
                    </div>
                }
                .into_any(),
            }
        }))
    };
    view! { <Suspense fallback>{shown}</Suspense> }
}

/// The id of a calculator's heading, where the focus goes when it is shown.
pub fn heading_id(panel: Panel) -> String {
    format!("{}-heading", panel.key())
}

/// The calculator shown, its "next" link, and the notice for an address that names none.
#[component]
pub fn ShownCalculator() -> impl IntoView {
    let strings = use_strings();
    let router = use_router();
    let shown = Memo::new(move |_| router.shown());
    // Moving to another calculator moves the focus to its heading, as a new page would, once
    // it is drawn; the page as it opens leaves the focus where the browser puts it.
    let before = StoredValue::new(None::<Panel>);
    let calculator = move || {
        let now = shown.get();
        let focus_heading = before.get_value().is_some_and(|b| b != now);
        before.set_value(Some(now));
        view! { <Calculator panel=now focus_heading /> }
    };
    let notice = move || {
        router.unknown().map(|unknown| {
            view! {
                <p class="route-notice" data-testid="route-notice">
                    {move || {
                        let s = strings();
                        fill(
                            s.unknown_route,
                            &[("route", &unknown), ("calculator", s.nav_name(route::DEFAULT))],
                        )
                    }}
                </p>
            }
        })
    };
    let next = move || {
        let next = shown.get().next();
        view! {
            <p class="next-link">
                <a href=route::href(next) data-testid="next-link">
                    {move || fill(strings().next_link, &[("calculator", strings().nav_name(next))])}
                </a>
            </p>
        }
    };
    // The status region is on the page from the start, so that a notice put into it later
    // (an address typed in) is announced.
    view! {
        <div class="route-status" role="status">{notice}</div>
        {calculator}
        {next}
    }
}
