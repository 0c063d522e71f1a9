//! The revenue view (`#/revenue`): the one-period revenue calculator, then the revenue of the
//! imported data when its file has amounts.

pub mod revenue_charts;
pub mod revenue_cohorts;
pub mod revenue_data;
pub mod revenue_heatmap;
pub mod revenue_panel;
pub mod revenue_table;
