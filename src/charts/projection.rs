//! The projection chart's scene, in the page's words.

use crate::core::chart::projection::{layout, Line, Words};
use crate::core::chart::scene::Scene;
use crate::core::figure::PeriodUnit;
use crate::i18n::Strings;

/// One line per scenario (`None` for a scenario with errors), on a linear or log axis.
pub fn scene(
    lines: &[Option<Line>],
    log: bool,
    unit: PeriodUnit,
    width: f32,
    s: &Strings,
) -> Scene {
    let periods = s.unit(unit, false);
    let mut title = periods.to_string();
    if let Some(first) = title.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    let words = Words {
        periods: &title,
        multiple: s.charts.multiple_axis,
        base: s.charts.starting_base,
    };
    layout(lines, log, width, &s.number_style, words)
}
