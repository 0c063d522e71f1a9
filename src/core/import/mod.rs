//! Data in: CSV texts of period counts, customer-count series and raw transactions, turned into
//! period flows and cohort tables (docs/metrics.md section 2), streamed in chunks.

pub mod activity;
pub mod counts;
pub mod dates;
pub mod importer;
pub mod layout;
pub mod message;
pub mod problem;
pub mod purchases;
pub mod records;
pub mod revenue;
pub mod samples;
pub mod stored;
pub mod tables;
pub mod transactions;
pub mod writer;
