//! The P(alive) histogram's scene, in the page's words.

use crate::core::chart::p_alive::{layout, Words};
use crate::core::chart::scene::Scene;
use crate::i18n::Strings;

/// Customers per bin of P(alive).
pub fn scene(counts: &[u64], width: f32, s: &Strings) -> Scene {
    let c = s.charts;
    let words = Words {
        customers: c.customers,
        p_alive: c.p_alive_axis,
    };
    layout(counts, width, &s.number_style, words)
}
