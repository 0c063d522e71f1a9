//! The calculator's maths: pure Rust, no web or UI imports, tested natively with `cargo test`.

pub mod error;
pub mod figure;
pub(crate) mod form;
pub mod number;
pub mod period;
pub mod projection;
pub mod ror;
pub mod stats;
