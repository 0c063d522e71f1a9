//! The holdout chart's scene (actual and predicted repeat transactions), in the page's words.

use crate::core::chart::holdout::{layout, partial_days, HoldoutView, Words};
use crate::core::chart::scene::Scene;
use crate::core::clv::{Holdout, Unit};
use crate::i18n::{fill, Strings};

/// Both lines, per unit or cumulated.
pub fn scene(h: &Holdout, view: HoldoutView, unit: Unit, width: f32, s: &Strings) -> Scene {
    let c = s.charts;
    let partial =
        partial_days(h, unit).map_or_else(String::new, |days| s.holdout_partial_mark(unit, days));
    let units = fill(c.holdout_units, &[("units", s.clv_unit(unit, false))]);
    let (transactions, actual, predicted) = match view {
        HoldoutView::PerUnit => (c.holdout_axis, c.actual, c.predicted),
        HoldoutView::Cumulative => (
            c.holdout_axis_cumulative,
            c.actual_cumulative,
            c.predicted_cumulative,
        ),
    };
    let words = Words {
        units: &units,
        transactions,
        actual,
        predicted,
        partial: &partial,
    };
    layout(h, view, unit, width, &s.number_style, words)
}
