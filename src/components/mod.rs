//! One panel or widget per file.

pub mod conversion_panel;
pub mod figure_card;
pub mod funnel_panel;
pub mod ltv_panel;
pub mod number_field;
pub mod period_panel;
pub mod presets;
pub mod projection_panel;
pub mod projection_table;
pub mod ror_panel;
pub mod scenario_row;
pub mod teaching_switches;
pub mod winback_panel;
