//! A view shown while a condition holds, like Leptos' `<Show>`, with one copy of its code for
//! the whole page rather than one per use.

use leptos::prelude::*;

type Cond = Box<dyn Fn() -> bool + Send + Sync>;
type ViewFn = Box<dyn Fn() -> AnyView + Send + Sync>;

/// `view` while `cond` holds, nothing otherwise.
pub fn when(
    cond: impl Fn() -> bool + Send + Sync + 'static,
    view: impl Fn() -> AnyView + Send + Sync + 'static,
) -> AnyView {
    switch(Box::new(cond), Box::new(view), None)
}

/// `view` while `cond` holds, `other` otherwise.
pub fn when_else(
    cond: impl Fn() -> bool + Send + Sync + 'static,
    view: impl Fn() -> AnyView + Send + Sync + 'static,
    other: impl Fn() -> AnyView + Send + Sync + 'static,
) -> AnyView {
    switch(Box::new(cond), Box::new(view), Some(Box::new(other)))
}

/// The condition is memoised, so the view is built again only when it flips.
fn switch(cond: Cond, view: ViewFn, other: Option<ViewFn>) -> AnyView {
    let on = Memo::new(move |_| cond());
    (move || match (on.get(), &other) {
        (true, _) => view(),
        (false, Some(other)) => other(),
        (false, None) => ().into_any(),
    })
    .into_any()
}
