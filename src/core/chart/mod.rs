//! Charts as data: each chart's layout is worked out here, in pixels, as a [`scene::Scene`] of
//! shapes and texts, with its caption figures and its data table. Nothing here draws: the
//! drawing side (`crate::charts`) walks a scene onto a canvas or into an SVG file.

pub mod churn;
pub mod flows;
pub mod forecast;
pub mod heatmap;
pub mod holdout;
pub mod new_customer;
pub mod p_alive;
pub mod palette;
pub mod projection;
pub mod revenue_movements;
pub mod revenue_rates;
pub mod scale;
pub mod scene;
pub mod table;
pub mod text;
