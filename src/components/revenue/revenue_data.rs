//! The revenue of the imported data as the revenue view shows it.

use crate::app::state::use_data;
use crate::components::data::flows_table::show_labels;
use crate::core::import::revenue::RevenueTable;
use crate::i18n::Strings;

/// The revenue table of the chosen period with its cohorts labelled as the page shows them
/// (tracked); `None` without amounts.
pub fn shown_revenue(s: &Strings) -> Option<RevenueTable> {
    let data = use_data();
    let g = data.granularity();
    data.with_table(|flows| {
        data.with_dataset(|d| {
            let mut t = d?.revenue(g)?.clone();
            show_labels(s, flows, t.cohorts.iter_mut().map(|c| &mut c.label));
            Some(t)
        })
    })
    .flatten()
}
