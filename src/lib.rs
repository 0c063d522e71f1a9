//! Retention Lab: churn, retention, ROR and lifetime-value calculators that run in the browser.
//!
//! The layers, top to bottom (each uses only those below it; see `docs/architecture.md`):
//! - [`components`]: the views, in folders by area;
//! - [`app`]: page state, sessions, the import flow, the language choice;
//! - [`charts`]: a prepared chart scene drawn with plotters;
//! - [`web`]: the browser's edges, each call returning a `Result`;
//! - [`i18n`]: the string tables and the language files' reader;
//! - [`core`]: the maths and the formats, pure Rust, tested natively.
//!
//! Everything but [`core`] and [`web::worker`] is the page's, behind the `page` feature (on by
//! default): the import worker is built without it, so that its build compiles neither the
//! page's code nor the crates only the page uses (Leptos, plotters and the rest).

#[cfg(feature = "page")]
pub mod app;
#[cfg(feature = "page")]
pub mod charts;
#[cfg(feature = "page")]
pub mod components;
pub mod core;
#[cfg(feature = "page")]
pub mod i18n;
pub mod web;

#[cfg(feature = "page")]
pub use components::app::App;
