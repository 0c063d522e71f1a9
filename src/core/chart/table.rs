//! The data behind a chart as a table of texts, for the "Show data" view.

/// Column headings, then rows whose first cell names the row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataTable {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl DataTable {
    /// A table with the headings `head` over `rows`.
    pub fn new(head: &[&str], rows: Vec<Vec<String>>) -> Self {
        DataTable {
            head: head.iter().map(|h| h.to_string()).collect(),
            rows,
        }
    }
}
