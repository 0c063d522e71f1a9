//! The customer-value view (`#/customers`, docs/metrics.md section 9).

pub mod clv_charts;
