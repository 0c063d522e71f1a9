//! Entry point: panic hook, the language's strings, the calculator and the shared session the
//! address names, then mount the app. Also which calculators' code the page holds from the
//! start, and which is fetched when first shown.

use leptos::prelude::*;
use retention_lab::app::locale::{self, Choice};
use retention_lab::app::sessions::Start;
use retention_lab::app::share_link;
use retention_lab::components::calculators::conversion_panel::ConversionPanel;
use retention_lab::components::calculators::funnel_panel::FunnelPanel;
use retention_lab::components::calculators::ltv_panel::LtvPanel;
use retention_lab::components::calculators::period_panel::PeriodPanel;
use retention_lab::components::calculators::projection_panel::ProjectionPanel;
use retention_lab::components::calculators::ror_panel::RorPanel;
use retention_lab::components::calculators::sbg_panel::SbgPanel;
use retention_lab::components::calculators::winback_panel::WinbackPanel;
use retention_lab::components::customers::customers_panel::CustomersPanel;
use retention_lab::components::data::data_panel::DataPanel;
use retention_lab::components::revenue::revenue_panel::RevenuePanel;
use retention_lab::components::shell::shown::{CalculatorView, CodeNotFetched};
use retention_lab::core::panel::Panel;
use retention_lab::core::route;
use retention_lab::web::address;
use retention_lab::App;
use wasm_split_helpers::wasm_split;

fn main() {
    retention_lab::web::crash::install_panic_hook(|| locale::current().crash_notice);
    wasm_bindgen_futures::spawn_local(async {
        let wanted = locale::preferred();
        // A language whose file cannot be read (a broken deployment) falls back to English,
        // and the console says why.
        let (choice, strings) = match locale::load(wanted).await {
            Ok(strings) => (wanted, strings),
            Err(e) => {
                web_sys::console::error_1(&e.into());
                (Choice::default(), locale::english())
            }
        };
        // A fragment that is no address (a place in the page) opens the bare address.
        let address = route::read(&address::fragment()).unwrap_or_default();
        let mut start = Start {
            embed: address.embed.clone(),
            data: address.data.clone(),
            ..Start::default()
        };
        if let Some(data) = &start.data {
            match share_link::open(data).await {
                Ok(session) => start.shared = Some(session),
                Err(e) => start.link_error = Some(e),
            }
        }
        leptos::mount::mount_to_body(move || view! { <App choice strings address start load /> });
    });
}

/// A calculator's view. The default calculator's code is in the page's module, so that its
/// figures show as the page opens; every other calculator is called through a split point,
/// which `scripts/split-wasm.sh` cuts out with the code only it uses into a module fetched the
/// first time it is shown (docs/architecture.md, "Code fetched when first shown").
fn load(panel: Panel) -> CalculatorView {
    match panel {
        Panel::Ror => Box::pin(async { Ok(view! { <RorPanel /> }.into_any()) }),
        Panel::Period => Box::pin(period_view()),
        Panel::Data => Box::pin(data_view()),
        Panel::Projection => Box::pin(projection_view()),
        Panel::Sbg => Box::pin(sbg_view()),
        Panel::Ltv => Box::pin(ltv_view()),
        Panel::Conversion => Box::pin(conversion_view()),
        Panel::Winback => Box::pin(winback_view()),
        Panel::Funnel => Box::pin(funnel_view()),
        Panel::Revenue => Box::pin(revenue_view()),
        Panel::Customers => Box::pin(customers_view()),
    }
}

#[wasm_split(period, fallible)]
fn period_view() -> Result<AnyView, CodeNotFetched> {
    Ok(view! { <PeriodPanel /> }.into_any())
}

#[wasm_split(data, fallible)]
fn data_view() -> Result<AnyView, CodeNotFetched> {
    Ok(view! { <DataPanel /> }.into_any())
}

#[wasm_split(compounding, fallible)]
fn projection_view() -> Result<AnyView, CodeNotFetched> {
    Ok(view! { <ProjectionPanel /> }.into_any())
}

#[wasm_split(forecast, fallible)]
fn sbg_view() -> Result<AnyView, CodeNotFetched> {
    Ok(view! { <SbgPanel /> }.into_any())
}

#[wasm_split(ltv, fallible)]
fn ltv_view() -> Result<AnyView, CodeNotFetched> {
    Ok(view! { <LtvPanel /> }.into_any())
}

#[wasm_split(conversion, fallible)]
fn conversion_view() -> Result<AnyView, CodeNotFetched> {
    Ok(view! { <ConversionPanel /> }.into_any())
}

#[wasm_split(winback, fallible)]
fn winback_view() -> Result<AnyView, CodeNotFetched> {
    Ok(view! { <WinbackPanel /> }.into_any())
}

#[wasm_split(funnel, fallible)]
fn funnel_view() -> Result<AnyView, CodeNotFetched> {
    Ok(view! { <FunnelPanel /> }.into_any())
}

#[wasm_split(revenue, fallible)]
fn revenue_view() -> Result<AnyView, CodeNotFetched> {
    Ok(view! { <RevenuePanel /> }.into_any())
}

#[wasm_split(customers, fallible)]
fn customers_view() -> Result<AnyView, CodeNotFetched> {
    Ok(view! { <CustomersPanel /> }.into_any())
}
