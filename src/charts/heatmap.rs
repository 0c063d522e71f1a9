//! The cohort heatmaps' scenes, in the page's words.

use crate::core::chart::heatmap::{layout, Heat, Laid, Words};
use crate::core::import::tables::Granularity;
use crate::i18n::Strings;

/// The heatmap for a view `width` pixels wide.
pub fn scene(heat: &Heat, granularity: Option<Granularity>, width: f32, s: &Strings) -> Laid {
    let offsets = s.offsets_title(granularity);
    let words = Words {
        offsets: &offsets,
        average: s.charts.average,
        key: s.charts.heat_key,
    };
    layout(heat, width, &s.number_style, words)
}

/// The revenue cohort heatmap for a view `width` pixels wide.
pub fn revenue_scene(heat: &Heat, granularity: Granularity, width: f32, s: &Strings) -> Laid {
    let offsets = s.offsets_title(Some(granularity));
    let words = Words {
        offsets: &offsets,
        average: s.charts.average,
        key: s.import.revenue_heat_key,
    };
    layout(heat, width, &s.number_style, words)
}
