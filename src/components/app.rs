//! The page shell: header, the calculators, and the language context; or, embedded in another
//! page, one calculator alone.

use leptos::prelude::*;

use crate::app::locale::Choice;
use crate::app::sessions::{provide_sessions, Start};
use crate::app::state::{
    provide_data, provide_locale, provide_teaching, provide_theme, use_strings,
};
use crate::components::calculators::conversion_panel::ConversionPanel;
use crate::components::calculators::funnel_panel::FunnelPanel;
use crate::components::calculators::ltv_panel::LtvPanel;
use crate::components::calculators::period_panel::PeriodPanel;
use crate::components::calculators::projection_panel::ProjectionPanel;
use crate::components::calculators::ror_panel::RorPanel;
use crate::components::calculators::sbg_panel::SbgPanel;
use crate::components::calculators::winback_panel::WinbackPanel;
use crate::components::data::data_panel::DataPanel;
use crate::components::session::session_bar::SessionBar;
use crate::components::session::session_notice::{LinkError, SessionNotice};
use crate::components::widgets::language_switch::LanguageSwitch;
use crate::components::widgets::teaching_switches::TeachingSwitches;
use crate::core::panel::Panel;
use crate::core::share;
use crate::i18n::Strings;
use crate::web::address::page_address;

/// The whole page, or the one panel an embedding page asked for.
#[component]
pub fn App(
    /// The language to start in.
    choice: Choice,
    /// Its strings, already read.
    strings: &'static Strings,
    /// A shared session or an embedded panel, from the page's address.
    mut start: Start,
) -> impl IntoView {
    provide_locale(choice, strings);
    provide_teaching();
    provide_data();
    provide_theme();
    let strings = use_strings();
    // An unknown panel shows the whole page.
    start.embed = start
        .embed
        .filter(|k| Panel::embeddable_by_key(k).is_some());
    let link_error = start.link_error.take();
    // Embedded, the page is the same but shows only the chosen panel (the style sheet hides
    // the rest by the document's `data-embed`), and the link to the full page under it.
    let full = start.embed.as_deref().map(|key| {
        let _ = document()
            .document_element()
            .map(|html| html.set_attribute("data-embed", key));
        match &start.data {
            Some(data) => format!("{}#s={data}", page_address()),
            None => page_address(),
        }
    });
    provide_sessions(strings().session_default_name, start);
    // A share link opened in this tab while the page is open (only the part after `#`
    // changed, so the browser does not load the page again): load it, to open the link. Other
    // fragments (the skip link's) are the browser's own.
    let reopen = window_event_listener(leptos::ev::hashchange, |_| {
        if let Some(location) = web_sys::window().map(|w| w.location()) {
            let fragment = share::fragment(&location.hash().unwrap_or_default());
            if fragment.data.is_some() || fragment.embed.is_some() {
                let _ = location.reload();
            }
        }
    });
    on_cleanup(move || reopen.remove());
    // The skip link leads keyboard users past the header and the session bar to the first
    // calculator's heading.
    view! {
        <header class="app-header">
            <a class="skip-link" href="#ror-heading" data-testid="skip-link">
                {move || strings().skip_to_calculators}
            </a>
            <h1>{move || strings().app_title}</h1>
            <p class="tagline">{move || strings().app_tagline}</p>
            <p class="privacy" data-testid="privacy">{move || strings().privacy}</p>
            <div class="header-switches">
                <LanguageSwitch />
                <TeachingSwitches />
            </div>
            <SessionNotice />
        </header>
        <main class="app-main">
            <LinkError error=link_error />
            <SessionBar />
            <RorPanel />
            <PeriodPanel />
            <DataPanel />
            <ProjectionPanel />
            <SbgPanel />
            <LtvPanel />
            <ConversionPanel />
            <WinbackPanel />
            <FunnelPanel />
            {full.map(|href| view! {
                <p class="embed-open">
                    <a href=href target="_blank" rel="noopener" data-testid="embed-open">
                        {move || strings().embed_open}
                    </a>
                </p>
            })}
        </main>
    }
}
