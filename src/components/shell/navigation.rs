//! The navigation: every calculator, grouped by what a user comes for, the one shown marked
//! as the current page. On a narrow screen it folds into a menu behind one button.

use leptos::ev;
use leptos::prelude::*;

use crate::app::router::use_router;
use crate::app::state::{tr, use_strings};
use crate::core::panel::Group;
use crate::core::route;

/// The navigation between the calculators.
#[component]
pub fn Navigation() -> impl IntoView {
    let strings = use_strings();
    let router = use_router();
    // Whether the menu is unfolded, on a screen narrow enough to fold it.
    let open = RwSignal::new(false);
    let close = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            let _ = crate::web::focus::focus_id("nav-toggle");
        }
    };
    let groups = Group::ALL
        .into_iter()
        .map(|group| {
            let heading = format!("nav-group-{}", group.panels().next().map_or("", |p| p.key()));
            let links = group
                .panels()
                .map(|panel| {
                    let current = move || (router.shown() == panel).then_some("page");
                    view! {
                        <li>
                            <a
                                href=route::href(panel)
                                aria-current=current
                                data-testid=format!("nav-{}", panel.route())
                                on:click=move |_| open.set(false)
                            >
                                {move || strings().nav_name(panel)}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="nav-group">
                    <p class="nav-group-name" id=heading.clone()>{move || strings().group_name(group)}</p>
                    <ul aria-labelledby=heading>{links}</ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <nav class="app-nav" aria-label=tr(|s| s.nav_label) data-testid="app-nav" on:keydown=close>
            <button
                type="button"
                id="nav-toggle"
                class="nav-toggle"
                data-testid="nav-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="nav-groups"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                // Read as "Calculators: One period" (the style sheet gives the ear its colon).
                <span class="nav-toggle-label">{tr(|s| s.nav_menu)}</span>
                <span class="nav-toggle-current">{move || strings().nav_name(router.shown())}</span>
            </button>
            <div id="nav-groups" class="nav-groups" class:open=move || open.get()>
                {groups}
            </div>
        </nav>
    }
}
