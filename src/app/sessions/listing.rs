//! The list of stored sessions as the views read it: its length and a window of its rows,
//! without copying ten thousand of them on every read.

use std::ops::Range;
use std::time::Duration;

use leptos::prelude::*;

use super::{Sessions, Summary};

/// How long after another tab's first write the list is read again.
const REFRESH_DELAY: Duration = Duration::from_millis(100);

impl Sessions {
    /// How many sessions are stored.
    pub fn count(&self) -> usize {
        self.list.with(Vec::len)
    }

    /// The stored sessions at `rows` of the list (last changed first), each with its place.
    pub fn rows(&self, rows: Range<usize>) -> Vec<(usize, Summary)> {
        self.list.with(|list| {
            let end = rows.end.min(list.len());
            let start = rows.start.min(end);
            (start..end).zip(list[start..end].iter().cloned()).collect()
        })
    }

    /// Reads the list again shortly: another tab's storage events come one per key written
    /// (ten thousand for a large import there), and one reading of the list answers them all.
    pub(super) fn refresh_soon(&self) {
        if self.refresh_due.get_value() {
            return;
        }
        self.refresh_due.set_value(true);
        let sessions = *self;
        set_timeout(
            move || {
                sessions.refresh_due.set_value(false);
                sessions.refresh();
            },
            REFRESH_DELAY,
        );
    }
}
