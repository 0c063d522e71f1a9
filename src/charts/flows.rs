//! The periods chart's scene (new and returning up, lost down, net change line), in the
//! page's words.

use crate::core::chart::flows::{layout, FlowBar, Words};
use crate::core::chart::scene::Scene;
use crate::i18n::Strings;

/// The bars of every period.
pub fn scene(bars: &[FlowBar], width: f32, s: &Strings) -> Scene {
    let c = s.charts;
    let words = Words {
        new: c.new,
        returning: c.returning,
        lost: c.lost,
        net: c.net_change,
        incomplete: c.incomplete,
        customers: c.customers,
    };
    layout(bars, width, &s.number_style, words)
}
