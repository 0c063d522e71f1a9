//! The GRR and NRR chart's scene, in the page's words.

use crate::core::chart::revenue_rates::{layout, RatePoint, Words};
use crate::core::chart::scene::Scene;
use crate::i18n::Strings;

/// GRR and NRR over the periods.
pub fn scene(points: &[RatePoint], width: f32, s: &Strings) -> Scene {
    let c = s.charts;
    let words = Words {
        grr: c.grr,
        nrr: c.nrr,
        incomplete: c.incomplete,
    };
    layout(points, width, &s.number_style, words)
}
