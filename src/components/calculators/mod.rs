//! The calculators: one panel per file, with the pieces only they use.

pub mod conversion_panel;
pub mod funnel_panel;
pub mod ltv_panel;
pub mod period_panel;
pub mod period_working;
pub mod presets;
pub mod projection_panel;
pub mod projection_table;
pub mod ror_panel;
pub mod sbg_panel;
pub mod sbg_result;
pub mod scenario_row;
pub mod winback_panel;
