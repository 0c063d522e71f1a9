//! Retention Lab: churn, retention, ROR and lifetime-value calculators that run in the browser.

pub mod app;
pub mod components;
pub mod core;
pub mod crash;
pub mod i18n;
pub mod state;

pub use app::App;
