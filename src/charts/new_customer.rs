//! The new customer's expected transactions over time, in the page's words.

use crate::core::chart::new_customer::{layout, Words};
use crate::core::chart::scene::Scene;
use crate::core::clv::Unit;
use crate::i18n::Strings;

/// E[X(t)] for t = 0 to the horizon, in units of `unit`.
pub fn scene(curve: &[f64], unit: Unit, width: f32, s: &Strings) -> Scene {
    let words = Words {
        units: s.clv_unit(unit, false),
        expected: s.charts.expected_axis,
    };
    layout(curve, width, &s.number_style, words)
}
