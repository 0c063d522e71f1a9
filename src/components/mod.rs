//! One panel or widget per file.

pub mod figure_card;
pub mod number_field;
pub mod period_panel;
pub mod presets;
pub mod ror_panel;
