//! The calculator's maths: pure Rust, no web or UI imports, tested natively with `cargo test`.

pub mod chart;
pub mod clv;
pub mod conversion;
pub mod customers;
pub mod error;
pub mod figure;
pub(crate) mod form;
pub mod funnel;
pub mod import;
pub mod ltv;
pub mod number;
pub mod optimize;
pub mod panel;
pub mod period;
pub mod projection;
pub mod rate;
pub mod revenue;
pub mod ror;
pub mod route;
pub mod saved;
pub mod sbg;
pub mod session;
pub mod share;
pub mod stats;
pub mod store;
pub mod winback;
