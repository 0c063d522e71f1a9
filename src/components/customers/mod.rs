//! The customer-value view (`#/customers`, docs/metrics.md section 9).

pub mod clv_charts;
pub mod customers_lookup;
pub mod customers_panel;
pub mod customers_results;
