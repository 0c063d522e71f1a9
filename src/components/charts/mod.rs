//! Charts on the page: a canvas, its table and its downloads, one component per chart.

pub mod chart_frame;
pub mod churn_chart;
pub mod cohort_heatmap;
pub mod flows_chart;
pub mod forecast_chart;
pub mod projection_chart;
