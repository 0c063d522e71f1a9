//! What the customer-value view needs of a transactions file (docs/metrics.md section 9):
//! every dated row as a [`Purchase`], and the customer ids in the order the importer numbers
//! them. The importer keeps these only when asked ([`super::importer::Importer::keeping`]):
//! the tables of the data view do not need them, and an import without them is faster.

use crate::core::clv::{Day, Purchase};
use crate::core::import::dates::Ymd;
use crate::core::import::revenue::Amount;

/// The rows and ids of one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Purchases {
    /// One per row the import kept, in the order the rows were read.
    pub rows: Vec<Purchase>,
    /// Each customer's id as written (trimmed), by the index the rows carry: the order in
    /// which customers first appear in the file.
    pub ids: Vec<Box<str>>,
    /// Whether the file has an amount column (else every row's amount is 0).
    pub amounts: bool,
    /// The most decimals the file's amounts are written with.
    pub decimals: u32,
    /// Rows whose date gives a month but no day: the models count days, so these rows are
    /// left out of them, and the view says how many.
    pub month_only: u64,
}

impl Purchases {
    /// The id of customer `index`.
    pub fn id(&self, index: u32) -> &str {
        self.ids.get(index as usize).map_or("", |id| id)
    }

    /// The index of the customer whose id is `id` (trimmed).
    pub fn index_of(&self, id: &str) -> Option<u32> {
        let id = id.trim();
        self.ids.iter().position(|i| &**i == id).map(|i| i as u32)
    }

    /// The first and last days of the rows, when there are any.
    pub fn span(&self) -> Option<(Day, Day)> {
        let first = self.rows.iter().map(|p| p.day).min()?;
        let last = self.rows.iter().map(|p| p.day).max()?;
        Some((first, last))
    }

    /// Notes a customer that the importer numbered `index` just now.
    pub(crate) fn customer(&mut self, index: u32, id: &[u8]) {
        if index as usize == self.ids.len() {
            self.ids.push(String::from_utf8_lossy(id).into());
        }
    }

    /// Keeps a row the import kept.
    pub(crate) fn row(&mut self, customer: u32, date: Ymd, amount: Option<(Amount, u32)>) {
        let day = (date.day > 0)
            .then(|| {
                Day::from_ymd(
                    i32::from(date.year),
                    u32::from(date.month),
                    u32::from(date.day),
                )
            })
            .flatten();
        let Some(day) = day else {
            self.month_only += 1;
            return;
        };
        let (amount, decimals) = amount.unwrap_or((Amount(0), 0));
        self.decimals = self.decimals.max(decimals);
        self.rows.push(Purchase {
            customer,
            day,
            amount,
        });
    }
}
