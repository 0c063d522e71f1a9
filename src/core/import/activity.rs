//! Who was active when: one bit per customer per month, from which the flows and cohort
//! tables of every granularity follow.

use super::dates::{month_days, Ymd};
use super::revenue::Span;
use super::tables::{CohortRow, Cohorts, FlowRow, Granularity, PeriodTable};
use rustc_hash::FxHashMap;

/// The most months a file's dates may span (the table would otherwise grow without bound
/// from one mistyped year).
pub const SPAN_LIMIT_YEARS: u32 = 50;

/// Why a date cannot be added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanTooLong {
    /// The earliest and latest dates kept so far, with their rows.
    pub first: (Ymd, u64),
    pub last: (Ymd, u64),
}

/// Customers' active months. Each customer has `width` 64-bit words of months starting at
/// word `base` (months since year 0, divided by 64); the range grows as dates arrive.
#[derive(Default)]
pub struct Activity {
    /// Ids that are a fixed prefix and a number (`C000123`, `10482`): the number indexes
    /// this table directly (one memory access per row instead of a hash probe).
    dense: Vec<u32>,
    dense_key: Option<DenseKey>,
    /// Ids of up to 8 bytes without a zero byte, packed into one number (zero-padded, so the
    /// length is implied): small buckets and no byte compares.
    short_ids: FxHashMap<u64, u32>,
    long_ids: FxHashMap<Box<[u8]>, u32>,
    count: usize,
    words: Vec<u64>,
    width: usize,
    base: u32,
    first: Option<(Ymd, u64)>,
    last: Option<(Ymd, u64)>,
    /// Rows of dense ids not marked yet: (slot, date, row). See [`Activity::queue`].
    queue: Vec<(u32, Ymd, u64)>,
}

/// Rows marked together: enough for their memory reads to overlap, few enough to stay in the
/// fastest cache.
const BATCH: usize = 64;

/// The shape of ids the dense table takes, set by the first id: its non-digit prefix, and
/// either a fixed digit count (zero-padded ids) or "no leading zero". Either rule makes the
/// number identify the id exactly; other ids go through the hash maps.
#[derive(Clone, Copy)]
struct DenseKey {
    prefix: [u8; 8],
    prefix_len: usize,
    /// `Some(w)`: exactly `w` digits (zero-padded); `None`: no leading zero.
    width: Option<usize>,
}

/// The dense table stays below this many slots (16 MiB).
const DENSE_LIMIT: u64 = 1 << 22;
const EMPTY: u32 = u32::MAX;

impl DenseKey {
    fn of(id: &[u8]) -> Option<DenseKey> {
        let digits = id.iter().rev().take_while(|b| b.is_ascii_digit()).count();
        let prefix_len = id.len() - digits;
        if digits == 0 || digits > 9 || prefix_len > 8 {
            return None;
        }
        let mut prefix = [0u8; 8];
        prefix[..prefix_len].copy_from_slice(&id[..prefix_len]);
        let padded = digits > 1 && id[prefix_len] == b'0';
        Some(DenseKey {
            prefix,
            prefix_len,
            width: padded.then_some(digits),
        })
    }

    /// The slot of an id of this shape.
    #[inline]
    fn slot(&self, id: &[u8]) -> Option<u64> {
        let digits = id.len().checked_sub(self.prefix_len)?;
        if digits == 0 || digits > 9 || id[..self.prefix_len] != self.prefix[..self.prefix_len] {
            return None;
        }
        let number = &id[self.prefix_len..];
        match self.width {
            Some(w) if w != digits => return None,
            None if digits > 1 && number[0] == b'0' => return None,
            _ => {}
        }
        let mut v: u64 = 0;
        for &b in number {
            if !b.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u64::from(b - b'0');
        }
        (v < DENSE_LIMIT).then_some(v)
    }
}

impl Activity {
    /// Takes a row whose id is dense (see [`DenseKey`]) to be marked with the next
    /// [`BATCH`] - 1 such rows, and says whether it did; the caller reads any other row with
    /// [`Activity::customer`] and [`Activity::mark`], after [`Activity::flush`]. With many
    /// customers, each row's two reads (its id's slot, then its months) miss the caches;
    /// marking rows in batches lets those of a whole batch be under way at once, rather than
    /// one row's after another's (docs/performance.md, "Ten times the rows").
    #[inline]
    pub fn queue(&mut self, id: &[u8], date: Ymd, row: u64) -> bool {
        if self.count == 0 && self.dense_key.is_none() && self.queue.is_empty() {
            self.dense_key = DenseKey::of(id);
        }
        let Some(slot) = self.dense_key.and_then(|k| k.slot(id)) else {
            return false;
        };
        self.queue.push((slot as u32, date, row));
        true
    }

    /// Whether a batch of rows is waiting to be marked.
    #[inline]
    pub fn batch_full(&self) -> bool {
        self.queue.len() >= BATCH
    }

    /// Marks the rows taken by [`Activity::queue`], in their order (which numbers new
    /// customers as [`Activity::customer`] would); `failed` hears of each row whose date
    /// cannot be added.
    pub fn flush(&mut self, failed: &mut dyn FnMut(u64, SpanTooLong)) {
        if self.queue.is_empty() {
            return;
        }
        let queue = std::mem::take(&mut self.queue);
        if let Some(max) = queue.iter().map(|q| q.0 as usize).max() {
            if max >= self.dense.len() {
                let len = (max + 1).next_power_of_two().max(1024);
                self.dense.resize(len, EMPTY);
            }
        }
        // First every row's slot, all reads independent of each other; then, in order, the
        // customers new in this batch and every row's months.
        let mut known = [EMPTY; BATCH];
        for (c, q) in known.iter_mut().zip(&queue) {
            *c = self.dense[q.0 as usize];
        }
        for (i, &(slot, date, row)) in queue.iter().enumerate() {
            let mut c = known.get(i).copied().unwrap_or(EMPTY);
            if c == EMPTY {
                c = self.dense[slot as usize];
            }
            if c == EMPTY {
                c = self.count as u32;
                self.dense[slot as usize] = c;
                self.added();
            }
            if let Err(e) = self.mark_now(c, date, row) {
                failed(row, e);
            }
        }
        let mut queue = queue;
        queue.clear();
        self.queue = queue;
    }

    /// The dense index of a customer id (already trimmed), adding it when new.
    #[inline]
    pub fn customer(&mut self, id: &[u8]) -> u32 {
        debug_assert!(self.queue.is_empty(), "flush before reading another way");
        let next = self.count as u32;
        if self.count == 0 && self.dense_key.is_none() {
            self.dense_key = DenseKey::of(id);
        }
        if let Some(slot) = self.dense_key.and_then(|k| k.slot(id)) {
            let slot = slot as usize;
            if slot >= self.dense.len() {
                let len = (slot + 1).next_power_of_two().max(1024);
                self.dense.resize(len, EMPTY);
            }
            let c = self.dense[slot];
            if c != EMPTY {
                return c;
            }
            self.dense[slot] = next;
            self.added();
            return next;
        }
        let c = if id.len() <= 8 && !id.contains(&0) {
            let mut key = [0u8; 8];
            key[..id.len()].copy_from_slice(id);
            *self
                .short_ids
                .entry(u64::from_le_bytes(key))
                .or_insert(next)
        } else if let Some(&c) = self.long_ids.get(id) {
            c
        } else {
            self.long_ids.insert(id.into(), next);
            next
        };
        if c == next {
            self.added();
        }
        c
    }

    fn added(&mut self) {
        self.count += 1;
        self.words.resize(self.words.len() + self.width, 0);
    }

    /// Customers seen.
    pub fn customers(&self) -> usize {
        self.count
    }

    /// Marks `customer` active in the month of `date` (found on spreadsheet row `row`).
    #[inline]
    pub fn mark(&mut self, customer: u32, date: Ymd, row: u64) -> Result<(), SpanTooLong> {
        debug_assert!(self.queue.is_empty(), "flush before marking another way");
        self.mark_now(customer, date, row)
    }

    #[inline]
    fn mark_now(&mut self, customer: u32, date: Ymd, row: u64) -> Result<(), SpanTooLong> {
        let month = date.month_index();
        if let (Some(first), Some(last)) = (self.first, self.last) {
            let (lo, hi) = (first.0.month_index(), last.0.month_index());
            // Checked on every date that widens the range, not only on those that need more
            // words: the words already held reach up to 63 months past either end.
            if (month < lo || month > hi) && hi.max(month) - lo.min(month) >= SPAN_LIMIT_YEARS * 12
            {
                let (first, last) = if month < lo {
                    ((date, row), last)
                } else {
                    (first, (date, row))
                };
                return Err(SpanTooLong { first, last });
            }
        }
        let word = month / 64;
        if self.width == 0 || word < self.base || word >= self.base + self.width as u32 {
            self.cover(date);
        }
        let at = customer as usize * self.width + (word - self.base) as usize;
        self.words[at] |= 1u64 << (month % 64);
        match self.first {
            Some((d, _)) if d <= date => {}
            _ => self.first = Some((date, row)),
        }
        match self.last {
            // A month-only date covers its whole month: it ends after any day of that month,
            // else a dated row would make a month that a month-only row covers look incomplete.
            Some((d, _)) if d.covering() >= date.covering() => {}
            _ => self.last = Some((date, row)),
        }
        Ok(())
    }

    /// Widens the words held per customer to include `date`'s month.
    #[cold]
    fn cover(&mut self, date: Ymd) {
        let month = date.month_index();
        let word = month / 64;
        let (base, end) = if self.width == 0 {
            (word, word + 1)
        } else {
            (
                self.base.min(word),
                (self.base + self.width as u32).max(word + 1),
            )
        };
        let width = (end - base) as usize;
        let mut words = vec![0u64; self.count * width];
        let shift = self.base.saturating_sub(base) as usize;
        for c in (0..self.count).filter(|_| self.width > 0) {
            let old = &self.words[c * self.width..(c + 1) * self.width];
            words[c * width + shift..c * width + shift + self.width].copy_from_slice(old);
        }
        self.words = words;
        self.width = width;
        self.base = base;
    }

    /// The months (since year 0) a customer was active in, ascending.
    fn months_of(&self, c: usize, out: &mut Vec<u32>) {
        out.clear();
        for (w, &bits) in self.words[c * self.width..(c + 1) * self.width]
            .iter()
            .enumerate()
        {
            let mut b = bits;
            while b != 0 {
                let bit = b.trailing_zeros();
                out.push((self.base + w as u32) * 64 + bit);
                b &= b - 1;
            }
        }
    }

    /// The latest date seen.
    pub fn last_date(&self) -> Option<Ymd> {
        self.last.map(|(d, _)| d)
    }

    /// Flows and cohorts at one granularity; `None` when no date was kept.
    pub fn table(&self, g: Granularity) -> Option<PeriodTable> {
        debug_assert!(self.queue.is_empty(), "flush first");
        let (first, last) = (self.first?.0, self.last?.0);
        debug_assert!(first <= last);
        let div = g.months();
        let p0 = first.month_index() / div;
        let p_last = last.month_index() / div;
        let n = (p_last - p0 + 1) as usize;
        let mut active = vec![0u64; n];
        let mut new = vec![0u64; n];
        let mut retained = vec![0u64; n];
        let mut returning = vec![0u64; n];
        let mut cells: Vec<Vec<u64>> = (0..n).map(|c| vec![0; n - c]).collect();
        let mut last_seen: Vec<Vec<u64>> = (0..n).map(|c| vec![0; n - c]).collect();
        let mut months = Vec::new();
        let mut periods: Vec<usize> = Vec::new();
        for c in 0..self.count {
            self.months_of(c, &mut months);
            periods.clear();
            for &m in &months {
                let p = (m / div - p0) as usize;
                if periods.last() != Some(&p) {
                    periods.push(p);
                }
            }
            let Some(&cohort) = periods.first() else {
                continue;
            };
            new[cohort] += 1;
            let mut prev: Option<usize> = None;
            for &p in &periods {
                active[p] += 1;
                cells[cohort][p - cohort] += 1;
                match prev {
                    Some(q) if q + 1 == p => retained[p] += 1,
                    Some(_) => returning[p] += 1,
                    None => {}
                }
                prev = Some(p);
            }
            if let Some(&l) = periods.last() {
                last_seen[cohort][l - cohort] += 1;
            }
        }
        let incomplete = self.ends_early(g);
        let label = |p: usize| g.label(p0 + p as u32);
        let rows = (0..n)
            .map(|p| {
                let start = if p == 0 { 0 } else { active[p - 1] };
                FlowRow {
                    label: label(p),
                    active: active[p],
                    start,
                    retained: Some(retained[p]),
                    new: Some(new[p]),
                    returning: Some(returning[p]),
                    lost: Some(start - retained[p]),
                    joined_left: None,
                    // Filled from the revenue table, when the file has amounts.
                    revenue: None,
                    incomplete: incomplete && p + 1 == n,
                }
            })
            .collect();
        let cohort_rows = cells
            .into_iter()
            .zip(last_seen)
            .enumerate()
            .filter(|(c, _)| new[*c] > 0)
            .map(|(c, (active, ends))| {
                let mut survivors = ends;
                for k in (0..survivors.len().saturating_sub(1)).rev() {
                    survivors[k] += survivors[k + 1];
                }
                CohortRow {
                    label: label(c),
                    period: c,
                    size: new[c],
                    active,
                    survivors,
                }
            })
            .collect();
        Some(PeriodTable {
            granularity: Some(g),
            rows,
            cohorts: Some(Cohorts {
                rows: cohort_rows,
                periods: n,
                incomplete_last: incomplete,
            }),
        })
    }
}

/// The last day of period `p` (in units of `g` since year 0); a month-only date counts as
/// its month's last day.
fn period_end(g: Granularity, p: u32) -> Ymd {
    let last_month = (p + 1) * g.months() - 1;
    let (year, month) = ((last_month / 12) as u16, (last_month % 12 + 1) as u8);
    Ymd {
        year,
        month,
        day: month_days(year, month),
    }
}

/// A date compared with a period's end: month-only dates cover their whole month.
impl Ymd {
    fn covering(self) -> Ymd {
        if self.day == 0 {
            Ymd {
                day: month_days(self.year, self.month),
                ..self
            }
        } else {
            self
        }
    }
}

impl Activity {
    /// Whether the data ends before the end of its last period at granularity `g`.
    /// Where the periods of the tables of granularity `g` run, for the revenue table.
    pub fn span(&self, g: Granularity) -> Option<Span> {
        Some(Span {
            first_month: self.first?.0.month_index(),
            last_month: self.last?.0.month_index(),
            ends_early: self.ends_early(g),
        })
    }

    pub fn ends_early(&self, g: Granularity) -> bool {
        self.last
            .is_some_and(|(d, _)| d.covering() < period_end(g, d.month_index() / g.months()))
    }
}
