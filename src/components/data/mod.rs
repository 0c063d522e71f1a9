//! The data view: importing a file or pasted text, and its tables.

pub mod cohort_table;
pub mod column_mapping;
pub mod data_panel;
pub mod date_order;
pub mod flows_table;
pub mod import_status;
