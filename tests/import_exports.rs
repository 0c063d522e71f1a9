//! The downloads, byte for byte, against files written by hand from docs/metrics.md section 2's
//! export rules: UTF-8 without BOM, LF, a final newline, no quoting, rates as one f64
//! division printed with `{}`, blank where undefined, an `average` row that leaves out an
//! incomplete last period.

use retention_lab::core::import::importer::{import_text, Dataset, Options, Outcome};
use retention_lab::core::import::tables::{cohort_csv, results_csv, Granularity, PeriodTable};

fn dataset(bytes: &[u8], options: Options) -> Dataset {
    match import_text(bytes, options) {
        Outcome::Done(d) => *d,
        other => panic!("expected a dataset, got {other:?}"),
    }
}

fn table(d: &Dataset, g: Granularity) -> &PeriodTable {
    d.table(g).unwrap_or_else(|| panic!("no {g:?} table"))
}

/// Compares line by line first, so that a failure names the line.
fn assert_file(got: &str, want: &str, what: &str) {
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "{what}: line {}", i + 1);
    }
    assert_eq!(got, want, "{what}");
    assert!(!got.starts_with('\u{feff}'), "{what}: no BOM");
    assert!(!got.contains('\r'), "{what}: LF only");
    assert!(got.ends_with('\n'), "{what}: final newline");
    assert!(!got.contains('"'), "{what}: no quoting");
    assert!(got.is_ascii(), "{what}: ASCII digits");
}

/// (granularity, results, cohort shares, cohort counts)
type Expected = (Granularity, &'static str, &'static str, &'static str);

fn assert_transaction_exports(d: &Dataset, expected: &[Expected], what: &str) {
    for &(g, results, shares, counts) in expected {
        let t = table(d, g);
        let cohorts = t.cohorts.as_ref().expect("cohorts");
        let what = format!("{what}, {g:?}");
        assert_file(&results_csv(t), results, &format!("{what} results"));
        assert_file(
            &cohort_csv(cohorts, false),
            shares,
            &format!("{what} cohort"),
        );
        assert_file(
            &cohort_csv(cohorts, true),
            counts,
            &format!("{what} cohort counts"),
        );
    }
}

const TX_ISO: &[Expected] = &[
    (
        Granularity::Month,
        include_str!("data/expected/tx_iso.month.results.csv"),
        include_str!("data/expected/tx_iso.month.cohort.csv"),
        include_str!("data/expected/tx_iso.month.cohort-counts.csv"),
    ),
    (
        Granularity::Quarter,
        include_str!("data/expected/tx_iso.quarter.results.csv"),
        include_str!("data/expected/tx_iso.quarter.cohort.csv"),
        include_str!("data/expected/tx_iso.quarter.cohort-counts.csv"),
    ),
    (
        Granularity::Year,
        include_str!("data/expected/tx_iso.year.results.csv"),
        include_str!("data/expected/tx_iso.year.cohort.csv"),
        include_str!("data/expected/tx_iso.year.cohort-counts.csv"),
    ),
];

#[test]
fn transactions_month_quarter_and_year() {
    let d = dataset(include_bytes!("data/tx_iso.csv"), Options::default());
    assert_transaction_exports(&d, TX_ISO, "tx_iso");
}

#[test]
fn exports_do_not_follow_the_input_spelling() {
    // A semicolon file with day-first dates, decimal commas and CRLF exports the very same
    // bytes as the plain one.
    let cases: &[(&str, &[u8], Options)] = &[
        (
            "semicolon, day first",
            include_bytes!("data/tx_semicolon_day_first.csv"),
            Options {
                decimal_comma: true,
                ..Options::default()
            },
        ),
        (
            "BOM, CRLF",
            include_bytes!("data/tx_bom_crlf.csv"),
            Options::default(),
        ),
        (
            "times and offsets",
            include_bytes!("data/tx_offsets.csv"),
            Options::default(),
        ),
    ];
    for (what, bytes, options) in cases {
        let d = dataset(bytes, options.clone());
        assert_transaction_exports(&d, TX_ISO, what);
    }
}

#[test]
fn an_incomplete_last_month_stays_in_the_rows_but_not_in_the_average() {
    let d = dataset(include_bytes!("data/tx_incomplete.csv"), Options::default());
    assert_transaction_exports(
        &d,
        &[(
            Granularity::Month,
            include_str!("data/expected/tx_incomplete.month.results.csv"),
            include_str!("data/expected/tx_incomplete.month.cohort.csv"),
            include_str!("data/expected/tx_incomplete.month.cohort-counts.csv"),
        )],
        "tx_incomplete",
    );
}

#[test]
fn years_with_a_gap_and_an_incomplete_last_year() {
    let d = dataset(include_bytes!("data/tx_years.csv"), Options::default());
    assert_transaction_exports(
        &d,
        &[(
            Granularity::Year,
            include_str!("data/expected/tx_years.year.results.csv"),
            include_str!("data/expected/tx_years.year.cohort.csv"),
            include_str!("data/expected/tx_years.year.cohort-counts.csv"),
        )],
        "tx_years",
    );
}

#[test]
fn counts_and_series_results() {
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "counts",
            include_bytes!("data/counts.csv"),
            include_str!("data/expected/counts.results.csv"),
        ),
        (
            "counts, tab, four columns",
            include_bytes!("data/counts_tab_minimal.csv"),
            include_str!("data/expected/counts_tab_minimal.results.csv"),
        ),
        (
            "series",
            include_bytes!("data/series.csv"),
            include_str!("data/expected/series.results.csv"),
        ),
        (
            "series, semicolon, grouped",
            include_bytes!("data/series_semicolon.csv"),
            include_str!("data/expected/series.results.csv"),
        ),
    ];
    for (what, bytes, want) in cases {
        let d = dataset(bytes, Options::default());
        assert_eq!(d.tables.len(), 1, "{what}");
        assert!(d.tables[0].cohorts.is_none(), "{what}");
        assert_file(&results_csv(&d.tables[0]), want, what);
    }
}

#[test]
fn rates_print_as_rust_prints_one_f64_division() {
    // Retention is retained / start, not 1 - churn: for 2 of 3 the two differ in the last
    // digit (1 - 1/3 prints 0.6666666666666667).
    let text =
        "customer_id,date\n1,2024-01-01\n2,2024-01-01\n3,2024-01-01\n1,2024-02-01\n2,2024-02-01\n";
    let d = dataset(text.as_bytes(), Options::default());
    let csv = results_csv(table(&d, Granularity::Month));
    let feb = csv.lines().nth(2).unwrap();
    assert_eq!(
        feb,
        "2024-02,2,3,2,0,0,1,0.3333333333333333,0.6666666666666666,-0.3333333333333333"
    );
}
