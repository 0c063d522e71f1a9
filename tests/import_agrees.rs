//! Every imported period, put through the one-period calculator (docs/metrics.md section 1 with
//! S = start, N = new, L = lost, Ret = returning, J = joined and left), gives the same end,
//! churn, retention and net growth as the period table's own rates (`FlowRow::churn` etc.,
//! computed separately): the working a user opens can never disagree with the table.

use proptest::prelude::*;
use retention_lab::core::figure::FigureId;
use retention_lab::core::import::importer::{import_text, Options, Outcome};
use retention_lab::core::import::tables::{FlowRow, Granularity};

/// Checks one table row against the calculator; returns a description of the first mismatch.
fn agrees(row: &FlowRow) -> Result<(), String> {
    let report = row.period_report();
    let raw = |id| report.figure(id).and_then(|f| f.raw());
    let checks = [
        ("end", raw(FigureId::End), Some(row.active as f64)),
        ("churn", raw(FigureId::Churn), row.churn()),
        ("retention", raw(FigureId::Retention), row.retention()),
        ("net growth", raw(FigureId::NetGrowth), row.net_growth()),
    ];
    for (name, calculator, table) in checks {
        let same = match (calculator, table) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-12 * b.abs().max(1.0),
            (None, None) => true,
            _ => false,
        };
        if !same {
            return Err(format!(
                "{}: {name} is {calculator:?} in the calculator, {table:?} in the table",
                row.label
            ));
        }
    }
    Ok(())
}

fn tables(text: &str) -> Vec<Vec<FlowRow>> {
    match import_text(text.as_bytes(), Options::default()) {
        Outcome::Done(d) => d.tables.iter().map(|t| t.rows.clone()).collect(),
        other => panic!("import did not finish: {other:?}"),
    }
}

#[test]
fn counts_file_periods_agree_with_the_calculator() {
    let text = "period,start,new,lost,returning,joined_left\n\
                2024-Q1,17000000,680000,170000,0,0\n\
                2024-Q2,,700000,180000,5000,2000\n\
                2024-Q3,,0,18033000,0,0\n\
                2024-Q4,,10,0,0,10\n";
    let rows = &tables(text)[0];
    assert_eq!(rows.len(), 4);
    // Q3 loses everyone, so Q4 starts at 0 and its rates are undefined in both views.
    assert_eq!(rows[3].start, 0);
    for row in rows {
        agrees(row).unwrap();
    }
}

#[test]
fn transaction_periods_agree_with_the_calculator() {
    let text = "customer_id,date\na,2024-01-05\nb,2024-01-20\nc,2024-01-31\na,2024-02-02\n\
                b,2024-02-28\nd,2024-02-10\na,2024-03-05\nc,2024-03-09\nd,2024-03-31\n";
    for rows in tables(text) {
        for row in &rows {
            agrees(row).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_imported_period_agrees_with_the_calculator(
        orders in prop::collection::vec((0u32..40, 0u32..30, 1u32..29), 1..200),
    ) {
        let mut text = String::from("customer_id,date\n");
        for (customer, month, day) in &orders {
            text.push_str(&format!(
                "c{customer},{}-{:02}-{day:02}\n",
                2022 + month / 12,
                month % 12 + 1
            ));
        }
        let all = tables(&text);
        prop_assert_eq!(all.len(), Granularity::ALL.len());
        for rows in all {
            for row in &rows {
                if let Err(e) = agrees(row) {
                    prop_assert!(false, "{}", e);
                }
            }
        }
    }
}
