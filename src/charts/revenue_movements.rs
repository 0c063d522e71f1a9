//! The revenue movements chart's scene (new, returning and expansion up, contraction and
//! churned revenue down, net change line), in the page's words.

use crate::core::chart::revenue_movements::{layout, MovementBar, Words};
use crate::core::chart::scene::Scene;
use crate::i18n::Strings;

/// The bars of every period.
pub fn scene(bars: &[MovementBar], width: f32, s: &Strings) -> Scene {
    let c = s.charts;
    let words = Words {
        new: c.new,
        returning: c.returning,
        expansion: c.expansion,
        contraction: c.contraction,
        churned: c.churned,
        net: c.net_change,
        incomplete: c.incomplete,
        revenue: c.revenue,
    };
    layout(bars, width, &s.number_style, words)
}
