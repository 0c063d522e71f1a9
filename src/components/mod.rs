//! One panel or widget per file.

pub mod chart_frame;
pub mod churn_chart;
pub mod cohort_heatmap;
pub mod cohort_table;
pub mod column_mapping;
pub mod conversion_panel;
pub mod data_panel;
pub mod date_order;
pub mod figure_card;
pub mod flows_chart;
pub mod flows_table;
pub mod funnel_panel;
pub mod import_status;
pub mod ltv_panel;
pub mod number_field;
pub mod period_panel;
pub mod period_working;
pub mod presets;
pub mod projection_chart;
pub mod projection_panel;
pub mod projection_table;
pub mod radio_group;
pub mod ror_panel;
pub mod scenario_row;
pub mod teaching_switches;
pub mod winback_panel;
