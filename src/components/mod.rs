//! One panel or widget per file.

pub mod figure_card;
pub mod number_field;
pub mod period_panel;
pub mod presets;
pub mod projection_panel;
pub mod projection_table;
pub mod scenario_row;
pub mod ror_panel;
pub mod teaching_switches;
