//! The customers view's two CSV files, written under the export rules of docs/metrics.md
//! §2.8 (the project's `CsvFile`: ids are text, guarded and quoted; numbers in Rust's shortest
//! round-trip form; blank where a figure has no value; money with the file's decimals).

use super::gamma_gamma::Mean;
use super::report::Analysis;
use crate::core::import::writer::CsvFile;

/// `customer_id,x,t_x,T,m_x,p_alive,expected_transactions,expected_mean_value,value`: one row
/// per customer of the summary, in file order. `id(i)` is the id of the customer with file
/// index i, as written in the file. m_x is blank when x = 0; a mean or value that is not
/// finite is blank. Without a BG/NBD fit, only the summary's columns are filled.
pub fn customer_values_csv<'a>(analysis: &Analysis, id: &dyn Fn(u32) -> &'a str) -> String {
    let s = &analysis.summary;
    let mut f = CsvFile::new();
    f.header(&[
        "customer_id",
        "x",
        "t_x",
        "T",
        "m_x",
        "p_alive",
        "expected_transactions",
        "expected_mean_value",
        "value",
    ]);
    for (i, c) in s.customers.iter().enumerate() {
        let v = analysis.values.get(i);
        f.text(id(c.customer))
            .number(Some(c.x))
            .number(Some(s.t_x(c)))
            .number(Some(s.age(c)))
            .number(c.m_x())
            .number(v.map(|v| v.p_alive))
            .number(v.map(|v| v.expected).filter(|e| e.is_finite()))
            .number(v.and_then(|v| Mean::finite(v.mean)))
            .number(v.and_then(|v| Mean::finite(v.value)));
        f.end_row();
    }
    f.finish()
}

/// `customer_id,last_purchase,transactions,total_spend,p_alive`: the win-back list in its
/// order (highest spend first); the last purchase as `YYYY-MM-DD`, spend in calibration with
/// the file's decimals.
pub fn winback_csv<'a>(analysis: &Analysis, id: &dyn Fn(u32) -> &'a str) -> String {
    let s = &analysis.summary;
    let mut f = CsvFile::new();
    f.header(&[
        "customer_id",
        "last_purchase",
        "transactions",
        "total_spend",
        "p_alive",
    ]);
    for &i in &analysis.winback {
        let c = &s.customers[i];
        f.text(id(c.customer))
            .number(Some(c.last_purchase.iso()))
            .number(Some(c.transactions()))
            .number(Some(c.total_spend.to_text(s.decimals)))
            .number(analysis.values.get(i).map(|v| v.p_alive));
        f.end_row();
    }
    f.finish()
}
