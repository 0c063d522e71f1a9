//! The churn trend's scene, in the page's words.

use crate::core::chart::churn::{layout, ChurnPoint, Words};
use crate::core::chart::scene::Scene;
use crate::core::period::ChurnDefinition;
use crate::i18n::Strings;

/// Churn per period under `definition`, with its band when the points carry one.
pub fn scene(points: &[ChurnPoint], definition: ChurnDefinition, width: f32, s: &Strings) -> Scene {
    let words = Words {
        churn: s.churn_chart_name(definition),
        band: s.charts.band,
        incomplete: s.charts.incomplete,
    };
    layout(points, width, &s.number_style, words)
}
