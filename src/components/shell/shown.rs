//! The calculator the address names, alone: only it is built, and what it holds stays in the
//! session while another is shown. It ends with the link to the next one in the story.

use leptos::prelude::*;

use crate::app::router::use_router;
use crate::app::state::use_strings;
use crate::components::calculators::conversion_panel::ConversionPanel;
use crate::components::calculators::funnel_panel::FunnelPanel;
use crate::components::calculators::ltv_panel::LtvPanel;
use crate::components::calculators::period_panel::PeriodPanel;
use crate::components::calculators::projection_panel::ProjectionPanel;
use crate::components::calculators::ror_panel::RorPanel;
use crate::components::calculators::sbg_panel::SbgPanel;
use crate::components::calculators::winback_panel::WinbackPanel;
use crate::components::data::data_panel::DataPanel;
use crate::core::panel::Panel;
use crate::core::route;
use crate::i18n::fill;
use crate::web::focus;

/// The calculator `panel`.
pub fn calculator(panel: Panel) -> AnyView {
    match panel {
        Panel::Ror => view! { <RorPanel /> }.into_any(),
        Panel::Period => view! { <PeriodPanel /> }.into_any(),
        Panel::Data => view! { <DataPanel /> }.into_any(),
        Panel::Projection => view! { <ProjectionPanel /> }.into_any(),
        Panel::Sbg => view! { <SbgPanel /> }.into_any(),
        Panel::Ltv => view! { <LtvPanel /> }.into_any(),
        Panel::Conversion => view! { <ConversionPanel /> }.into_any(),
        Panel::Winback => view! { <WinbackPanel /> }.into_any(),
        Panel::Funnel => view! { <FunnelPanel /> }.into_any(),
    }
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
    Effect::new(move |before: Option<Panel>| {
        let now = shown.get();
        if before.is_some_and(|b| b != now) {
            request_animation_frame(move || {
                let _ = focus::focus_id_from_top(&heading_id(now));
            });
        }
        now
    });
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
        {move || calculator(shown.get())}
        {next}
    }
}
