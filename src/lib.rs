//! Retention Lab: churn, retention, ROR and lifetime-value calculators that run in the browser.
//!
//! The layers, top to bottom (each uses only those below it; see `docs/architecture.md`):
//! - [`components`]: the views, in folders by area;
//! - [`app`]: page state, sessions, the import flow, the language choice;
//! - [`charts`]: a prepared chart scene drawn with plotters;
//! - [`web`]: the browser's edges, each call returning a `Result`;
//! - [`i18n`]: the string tables and the language files' reader;
//! - [`core`]: the maths and the formats, pure Rust, tested natively.

pub mod app;
pub mod charts;
pub mod components;
pub mod core;
pub mod i18n;
pub mod web;

pub use components::app::App;
