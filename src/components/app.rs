//! The page shell: the header, the session bar, the navigation and the calculator the address
//! names; or, embedded in another page, one calculator alone.

use leptos::ev;
use leptos::prelude::*;

use crate::app::customers::provide_customers;
use crate::app::import_flow;
use crate::app::locale::Choice;
use crate::app::router::{provide_router, use_router};
use crate::app::sessions::{provide_sessions, Start};
use crate::app::state::{
    provide_data, provide_locale, provide_teaching, provide_theme, tr, use_data, use_strings,
};
use crate::components::session::session_bar::SessionBar;
use crate::components::session::session_notice::{LinkError, SessionNotice};
use crate::components::shell::file_drop::FileDrop;
use crate::components::shell::navigation::Navigation;
use crate::components::shell::shown::{
    heading_id, provide_loader, Calculator, LoadCalculator, ShownCalculator,
};
use crate::components::widgets::keep::keep_custom;
use crate::components::widgets::language_switch::LanguageSwitch;
use crate::components::widgets::teaching_switches::TeachingSwitches;
use crate::core::panel::Panel;
use crate::core::route::{self, Address};
use crate::i18n::Strings;
use crate::web::address::page_address;
use crate::web::focus;

/// The whole page, or the one calculator an embedding page asked for.
#[component]
pub fn App(
    /// The language to start in.
    choice: Choice,
    /// Its strings, already read.
    strings: &'static Strings,
    /// The page's address as it opened.
    address: Address,
    /// A shared session or an embedded panel, from the page's address.
    mut start: Start,
    /// How a calculator's view is got when it is shown.
    load: LoadCalculator,
) -> impl IntoView {
    provide_loader(load);
    provide_locale(choice, strings);
    provide_teaching();
    let data = provide_data();
    provide_customers(data);
    provide_theme();
    // An embed address naming no calculator that can be embedded shows the whole page.
    let embedded = start.embed.as_deref().and_then(Panel::embeddable_by_key);
    start.embed = embedded.map(|panel| panel.key().to_string());
    let link_error = start.link_error.take();
    // Embedded, the link under the calculator opens the whole page on the same calculator and
    // the same session.
    let full = embedded.map(|panel| {
        let _ = document()
            .document_element()
            .map(|html| html.set_attribute("data-embed", panel.key()));
        let view = route::href(panel);
        let full = match &start.data {
            Some(data) => format!("{}{view}&s={data}", page_address()),
            None => format!("{}{view}", page_address()),
        };
        (panel, full)
    });
    provide_router(&address, embedded.is_some());
    provide_sessions(use_strings()().session_default_name, start);
    match full {
        Some((panel, full)) => view! { <Embedded panel full /> }.into_any(),
        None => view! { <Page link_error /> }.into_any(),
    }
}

/// One calculator alone, inside another page, and the link to the whole page under it.
#[component]
fn Embedded(panel: Panel, full: String) -> impl IntoView {
    view! {
        <main class="app-main">
            <Calculator panel />
            <p class="embed-open">
                <a href=full target="_blank" rel="noopener" data-testid="embed-open">
                    {tr(|s| s.embed_open)}
                </a>
            </p>
        </main>
    }
}

/// The whole page.
#[component]
fn Page(link_error: Option<crate::app::share_link::OpenError>) -> impl IntoView {
    // The imported data belongs to every view of it, so the session keeps it whichever
    // calculator is shown.
    let data = use_data();
    keep_custom(
        Panel::Data,
        move || import_flow::saved(data),
        move |saved| import_flow::restore(data, saved),
    );
    let router = use_router();
    // The skip link leads keyboard users past the header, the session bar and the
    // navigation to the heading of the calculator shown, leaving the address as it is.
    let skip = move |ev: ev::MouseEvent| {
        ev.prevent_default();
        let _ = focus::focus_id(&heading_id(router.shown_untracked()));
    };
    view! {
        <header class="app-header">
            <a class="skip-link" href="#main" data-testid="skip-link" on:click=skip>
                {tr(|s| s.skip_to_calculators)}
            </a>
            <h1>{tr(|s| s.app_title)}</h1>
            <p class="tagline">{tr(|s| s.app_tagline)}</p>
            <p class="privacy" data-testid="privacy">{tr(|s| s.privacy)}</p>
            <div class="header-switches">
                <LanguageSwitch />
                <TeachingSwitches />
            </div>
            <SessionNotice />
        </header>
        <div class="app-body">
            <Navigation />
            <main class="app-main" id="main">
                <LinkError error=link_error />
                <SessionBar />
                <ShownCalculator />
            </main>
        </div>
        <FileDrop />
    }
}
