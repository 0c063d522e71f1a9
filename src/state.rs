//! Page-wide state reached through context: the language.

use leptos::prelude::*;

use crate::i18n::{Lang, Strings};

/// The page's language, provided by [`crate::App`].
#[derive(Clone, Copy)]
pub struct Locale(pub RwSignal<Lang>);

/// Makes the language available to every component below.
pub fn provide_locale(lang: Lang) -> Locale {
    let locale = Locale(RwSignal::new(lang));
    provide_context(locale);
    locale
}

/// The current language's strings, read reactively.
pub fn use_strings() -> impl Fn() -> &'static Strings + Copy {
    let Locale(lang) = use_context::<Locale>().expect("App provides the Locale context");
    move || lang.get().strings()
}

/// Teacher mode: every figure expands into its steps; large type for a projector.
#[derive(Clone, Copy)]
pub struct Teaching {
    pub show_working: RwSignal<bool>,
    pub large_type: RwSignal<bool>,
}

/// Makes teacher mode available to every component below.
pub fn provide_teaching() -> Teaching {
    let teaching = Teaching {
        show_working: RwSignal::new(false),
        large_type: RwSignal::new(false),
    };
    provide_context(teaching);
    teaching
}

/// Teacher mode's switches.
pub fn use_teaching() -> Teaching {
    use_context::<Teaching>().expect("App provides the Teaching context")
}
