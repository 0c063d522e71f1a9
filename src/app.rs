//! The page shell: header, the calculators, and the language context.

use leptos::prelude::*;

use crate::components::conversion_panel::ConversionPanel;
use crate::components::data_panel::DataPanel;
use crate::components::funnel_panel::FunnelPanel;
use crate::components::language_switch::LanguageSwitch;
use crate::components::ltv_panel::LtvPanel;
use crate::components::period_panel::PeriodPanel;
use crate::components::projection_panel::ProjectionPanel;
use crate::components::ror_panel::RorPanel;
use crate::components::sbg_panel::SbgPanel;
use crate::components::session_notice::SessionNotice;
use crate::components::teaching_switches::TeachingSwitches;
use crate::components::winback_panel::WinbackPanel;
use crate::i18n::Strings;
use crate::locale::Choice;
use crate::sessions::provide_sessions;
use crate::state::{provide_data, provide_locale, provide_teaching, provide_theme, use_strings};

/// The whole page.
#[component]
pub fn App(
    /// The language to start in.
    choice: Choice,
    /// Its strings, already read.
    strings: &'static Strings,
) -> impl IntoView {
    provide_locale(choice, strings);
    provide_teaching();
    provide_data();
    provide_theme();
    let strings = use_strings();
    provide_sessions(strings().session_default_name);
    view! {
        <header class="app-header">
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
            <RorPanel />
            <PeriodPanel />
            <DataPanel />
            <ProjectionPanel />
            <SbgPanel />
            <LtvPanel />
            <ConversionPanel />
            <WinbackPanel />
            <FunnelPanel />
        </main>
    }
}
