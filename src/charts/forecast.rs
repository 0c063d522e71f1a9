//! The retention forecast's scene, in the page's words.

use crate::core::chart::forecast::{layout, Curve, Words};
use crate::core::chart::scene::Scene;
use crate::core::figure::PeriodUnit;
use crate::i18n::Strings;

/// Every cohort's counted, sBG and constant-churn shares over periods of `unit`.
pub fn scene(curves: &[Curve], unit: PeriodUnit, width: f32, s: &Strings) -> Scene {
    let words = Words {
        periods: s.unit(unit, false),
        share: s.sbg.chart_share,
        fitted: s.sbg.stage_fitted,
        forecast: s.sbg.stage_forecast,
        actual: s.sbg.actual,
        model: s.sbg.model,
        constant: s.sbg.constant_churn,
    };
    layout(curves, width, &s.number_style, words)
}
