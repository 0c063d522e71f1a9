//! Which calculator the page shows, kept in step with the address (see
//! [`crate::core::route`]): a link to `#/<route>` (the navigation's, a "next" link's), back
//! and forward, or an address typed in, change the calculator shown, and the document's
//! title names it.

use leptos::prelude::*;

use crate::app::state::use_strings;
use crate::core::panel::Panel;
use crate::core::route::{self, Address, View};
use crate::web::address;

/// The calculator shown, provided by the app.
#[derive(Clone, Copy)]
pub struct Router {
    shown: RwSignal<Panel>,
    /// The address names no view: the page's title is its own name.
    bare: RwSignal<bool>,
    /// The route of an address that names no calculator, while it is the page's address.
    unknown: RwSignal<Option<String>>,
    /// The page is one calculator embedded in another page: it has no data view.
    embedded: bool,
}

impl Router {
    /// The calculator shown.
    pub fn shown(&self) -> Panel {
        self.shown.get()
    }

    /// The calculator shown, read without tracking it.
    pub fn shown_untracked(&self) -> Panel {
        self.shown.get_untracked()
    }

    /// The route of an address that names no calculator, while it is the page's address.
    pub fn unknown(&self) -> Option<String> {
        self.unknown.get()
    }

    /// Whether the page is one calculator embedded in another page.
    pub fn embedded(&self) -> bool {
        self.embedded
    }

    /// Shows what `address` asks for.
    fn show(&self, address: &Address) {
        set_if_new(self.shown, address.panel());
        set_if_new(self.bare, address.is_bare());
        set_if_new(self.unknown, unknown_route(address));
    }

    /// The fragment that shows the calculator shown now, for the address bar.
    pub fn href(&self) -> String {
        route::href(self.shown.get_untracked())
    }
}

/// The route of `address` when it names no calculator, for the notice.
fn unknown_route(address: &Address) -> Option<String> {
    match &address.view {
        View::Unknown(route) => Some(route.clone()),
        _ => None,
    }
}

/// Sets `signal` to `value` unless it holds it already, so that what reads it is not run
/// again for nothing (the calculator shown built anew, say).
fn set_if_new<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

/// Starts on what `start` (the page's address as it opened) asks for, and follows the
/// address from then on. A change to a share or embed address other than the one the page
/// opened with loads the page again, to open it as a link; the addresses of places in the
/// page change nothing.
pub fn provide_router(start: &Address, embedded: bool) -> Router {
    let router = Router {
        shown: RwSignal::new(start.panel()),
        bare: RwSignal::new(start.is_bare()),
        unknown: RwSignal::new(unknown_route(start)),
        embedded,
    };
    let opened = (start.data.clone(), start.embed.clone());
    let follow = window_event_listener(leptos::ev::hashchange, move |_| {
        let Some(address) = route::read(&address::fragment()) else {
            return;
        };
        let link = (address.data.clone(), address.embed.clone());
        // A link opened in this tab while the page is open (only the part after `#` changed,
        // so the browser did not load the page): load it, to open the link. Back to the
        // address the page opened with, or one without a link, is only a change of view.
        if embedded || (link != opened && link != (None, None)) {
            let _ = address::reload();
            return;
        }
        router.show(&address);
    });
    on_cleanup(move || follow.remove());
    let strings = use_strings();
    Effect::new(move |_| {
        let s = strings();
        let title = if router.bare.get() {
            s.app_title.to_string()
        } else {
            format!(
                "{} \u{2014} {}",
                s.nav_name(router.shown.get()),
                s.app_title
            )
        };
        document().set_title(&title);
    });
    provide_context(router);
    router
}

/// The page's router.
pub fn use_router() -> Router {
    use_context::<Router>().expect("App provides the Router context")
}
