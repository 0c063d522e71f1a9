//! Retention Lab: churn, retention, ROR and lifetime-value calculators that run in the browser.

pub mod app;
pub mod charts;
pub mod components;
pub mod core;
pub mod crash;
pub mod download;
pub mod i18n;
pub mod import_client;
pub mod import_flow;
pub mod locale;
pub mod sessions;
pub mod share_link;
pub mod state;
pub mod worker;

pub use app::App;
