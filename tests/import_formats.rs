//! Every file format, separator, date form and spelling of a header the import takes, each
//! checked against flows and cohorts worked out by hand from docs/metrics.md section 2.
//!
//! Most transaction fixtures write one and the same thirteen orders in a different way:
//!
//! ```text
//! A: Jan 5, Jan 25, Feb 3, May 2     B: Jan 20, Mar 1     C: Jan 31, May 9
//! D: Feb 14, Mar 15                  E: Mar 30, May 10    F: May 31
//! ```
//!
//! so every one of them must give the same tables. April has no orders (a gap period), the
//! data ends on May 31 (the month is complete, the quarter and the year are not), and the dates
//! on month ends sit where a time zone conversion would move them into the next month.

mod common;

use retention_lab::core::import::dates::DateOrder;
use retention_lab::core::import::importer::{Dataset, Options, Outcome};
use retention_lab::core::import::layout::{Format, Role};
use retention_lab::core::import::tables::{Granularity, PeriodTable};

/// (period, active, start, retained, new, returning, lost)
type Flow = (&'static str, u64, u64, u64, u64, u64, u64);
/// (cohort, size, active at k = 0.., survivors at k = 0..)
type Cohort = (&'static str, u64, &'static [u64], &'static [u64]);

/// Reads a file whole, byte by byte and in odd-sized chunks; all three must agree.
fn read(bytes: &[u8], options: &Options) -> Outcome {
    common::read_in_chunks(bytes, options, &[1, 7, 64])
}

fn dataset(bytes: &[u8], options: &Options) -> Dataset {
    match read(bytes, options) {
        Outcome::Done(d) => *d,
        other => panic!("expected a dataset, got {other:?}"),
    }
}

fn table(d: &Dataset, g: Granularity) -> &PeriodTable {
    d.table(g).unwrap_or_else(|| panic!("no {g:?} table"))
}

fn flows(t: &PeriodTable) -> Vec<(String, u64, u64, u64, u64, u64, u64)> {
    t.rows
        .iter()
        .map(|r| {
            let n = |v: Option<u64>| v.unwrap_or_else(|| panic!("{}: a count is blank", r.label));
            (
                r.label.clone(),
                r.active,
                r.start,
                n(r.retained),
                n(r.new),
                n(r.returning),
                n(r.lost),
            )
        })
        .collect()
}

fn assert_flows(t: &PeriodTable, want: &[Flow], what: &str) {
    let want: Vec<_> = want
        .iter()
        .map(|&(l, a, s, r, n, ret, lost)| (l.to_string(), a, s, r, n, ret, lost))
        .collect();
    assert_eq!(flows(t), want, "{what}: flows");
    for r in &t.rows {
        // Section 1's end E = S + N + Ret - L - J (J is 0 for transactions).
        let (s, n, ret, l) = (
            r.start,
            r.new.unwrap(),
            r.returning.unwrap(),
            r.lost.unwrap(),
        );
        let j = r.joined_left.unwrap_or(0);
        assert_eq!(
            s + n + ret - l - j,
            r.active,
            "{what}: identity in {}",
            r.label
        );
    }
}

fn assert_cohorts(t: &PeriodTable, want: &[Cohort], what: &str) {
    let cohorts = t.cohorts.as_ref().expect("transactions have cohorts");
    let got: Vec<(String, u64, Vec<u64>, Vec<u64>)> = cohorts
        .rows
        .iter()
        .map(|r| {
            (
                r.label.clone(),
                r.size,
                r.active.clone(),
                r.survivors.clone(),
            )
        })
        .collect();
    let want: Vec<(String, u64, Vec<u64>, Vec<u64>)> = want
        .iter()
        .map(|&(l, s, a, v)| (l.to_string(), s, a.to_vec(), v.to_vec()))
        .collect();
    assert_eq!(got, want, "{what}: cohorts");
    assert_eq!(cohorts.periods, t.rows.len(), "{what}: cohort columns");
}

fn incomplete(t: &PeriodTable) -> Vec<bool> {
    t.rows.iter().map(|r| r.incomplete).collect()
}

fn revenue(t: &PeriodTable) -> Vec<Option<f64>> {
    t.rows
        .iter()
        .map(|r| r.revenue.map(|d| d.to_f64()))
        .collect()
}

const BASE_MONTHS: &[Flow] = &[
    ("2024-01", 3, 0, 0, 3, 0, 0),
    ("2024-02", 2, 3, 1, 1, 0, 2),
    ("2024-03", 3, 2, 1, 1, 1, 1),
    ("2024-04", 0, 3, 0, 0, 0, 3),
    ("2024-05", 4, 0, 0, 1, 3, 0),
];
const BASE_QUARTERS: &[Flow] = &[("2024-Q1", 5, 0, 0, 5, 0, 0), ("2024-Q2", 4, 5, 3, 1, 0, 2)];
const BASE_YEARS: &[Flow] = &[("2024", 6, 0, 0, 6, 0, 0)];

const BASE_MONTH_COHORTS: &[Cohort] = &[
    ("2024-01", 3, &[3, 1, 1, 0, 2], &[3, 3, 3, 2, 2]),
    ("2024-02", 1, &[1, 1, 0, 0], &[1, 1, 0, 0]),
    ("2024-03", 1, &[1, 0, 1], &[1, 1, 1]),
    ("2024-05", 1, &[1], &[1]),
];
const BASE_QUARTER_COHORTS: &[Cohort] =
    &[("2024-Q1", 5, &[5, 3], &[5, 3]), ("2024-Q2", 1, &[1], &[1])];
const BASE_YEAR_COHORTS: &[Cohort] = &[("2024", 6, &[6], &[6])];

/// Checks everything the thirteen orders imply, at every granularity.
fn assert_base(d: &Dataset, what: &str) {
    assert_eq!(d.layout.format, Format::Transactions, "{what}");
    assert_eq!(d.rows, 13, "{what}: data rows");
    assert_eq!(d.customers, Some(6), "{what}: customers");
    assert!(d.skipped.is_empty(), "{what}: {:?}", d.skipped);
    assert!(d.warnings.is_empty(), "{what}");
    assert_eq!(d.tables.len(), 3, "{what}: month, quarter and year");

    let month = table(d, Granularity::Month);
    assert_flows(month, BASE_MONTHS, what);
    assert_cohorts(month, BASE_MONTH_COHORTS, what);
    assert_eq!(incomplete(month), [false; 5], "{what}: May 31 ends May");

    let quarter = table(d, Granularity::Quarter);
    assert_flows(quarter, BASE_QUARTERS, what);
    assert_cohorts(quarter, BASE_QUARTER_COHORTS, what);
    assert_eq!(
        incomplete(quarter),
        [false, true],
        "{what}: Q2 ends in June"
    );

    let year = table(d, Granularity::Year);
    assert_flows(year, BASE_YEARS, what);
    assert_cohorts(year, BASE_YEAR_COHORTS, what);
    assert_eq!(incomplete(year), [true], "{what}: 2024 ends in December");
}

fn decimal_comma() -> Options {
    Options {
        decimal_comma: true,
        ..Options::default()
    }
}

#[test]
fn every_spelling_of_the_same_orders_gives_the_same_tables() {
    type Case = (&'static str, &'static [u8], Options);
    let cases: Vec<Case> = vec![
        (
            "iso, comma",
            include_bytes!("data/tx_iso.csv"),
            Options::default(),
        ),
        (
            "semicolon, day first, decimal comma",
            include_bytes!("data/tx_semicolon_day_first.csv"),
            decimal_comma(),
        ),
        (
            "tab, 20240105",
            include_bytes!("data/tx_tab_compact.csv"),
            Options::default(),
        ),
        (
            "dotted, month first, 12-hour times",
            include_bytes!("data/tx_dotted_month_first.csv"),
            Options::default(),
        ),
        (
            "month only",
            include_bytes!("data/tx_month_only.csv"),
            Options::default(),
        ),
        (
            "times and offsets",
            include_bytes!("data/tx_offsets.csv"),
            Options::default(),
        ),
        (
            "quoted",
            include_bytes!("data/tx_quoted.csv"),
            Options::default(),
        ),
        (
            "BOM, CRLF, blank lines",
            include_bytes!("data/tx_bom_crlf.csv"),
            Options::default(),
        ),
        (
            "header synonyms, case and spacing",
            include_bytes!("data/tx_header_variants.csv"),
            Options::default(),
        ),
        (
            "every date form in one file",
            include_bytes!("data/tx_mixed_forms.csv"),
            Options::default(),
        ),
    ];
    for (what, bytes, options) in &cases {
        assert_base(&dataset(bytes, options), what);
    }
}

#[test]
fn iso_comma_layout_and_revenue() {
    let d = dataset(include_bytes!("data/tx_iso.csv"), &Options::default());
    assert_eq!(d.layout.delimiter, b',');
    assert!(d.layout.has_header);
    assert_eq!(
        d.layout.columns,
        [(Role::CustomerId, 0), (Role::Date, 1), (Role::Amount, 2)]
    );
    assert_eq!(d.date_order, None, "no 05/03/2024-style dates");
    // 10 + 20 + 5.50 + 1 in January; nothing in April; 10 + 5.50 + 3 + 8 in May.
    let months = [Some(36.5), Some(17.0), Some(30.0), Some(0.0), Some(26.5)];
    assert_eq!(revenue(table(&d, Granularity::Month)), months);
    assert_eq!(
        revenue(table(&d, Granularity::Quarter)),
        [Some(83.5), Some(26.5)]
    );
    assert_eq!(revenue(table(&d, Granularity::Year)), [Some(110.0)]);
}

#[test]
fn semicolon_day_first_is_decided_by_a_day_above_12() {
    let d = dataset(
        include_bytes!("data/tx_semicolon_day_first.csv"),
        &decimal_comma(),
    );
    assert_eq!(d.layout.delimiter, b';');
    assert_eq!(d.layout.names, ["Customer", "Order date", "Total"]);
    // Row 2 (05/01/2024) reads both ways; row 3's day 20 shows the day comes first.
    assert_eq!(
        d.date_order,
        Some((
            DateOrder::DayFirst,
            Some((3, "20/01/2024 14:02".to_string()))
        ))
    );
    let months = [Some(36.5), Some(17.0), Some(30.0), Some(0.0), Some(26.5)];
    assert_eq!(revenue(table(&d, Granularity::Month)), months);
}

#[test]
fn dotted_month_first_is_decided_by_a_day_above_12() {
    let d = dataset(
        include_bytes!("data/tx_dotted_month_first.csv"),
        &Options::default(),
    );
    assert_eq!(
        d.date_order,
        Some((
            DateOrder::MonthFirst,
            Some((3, "01.20.2024 10:15 PM".to_string()))
        ))
    );
}

#[test]
fn mixed_forms_follow_the_order_one_row_shows() {
    let d = dataset(
        include_bytes!("data/tx_mixed_forms.csv"),
        &Options::default(),
    );
    assert_eq!(
        d.date_order,
        Some((DateOrder::DayFirst, Some((3, "20/01/2024".to_string()))))
    );
}

#[test]
fn tab_compact_dates_without_amounts() {
    let d = dataset(
        include_bytes!("data/tx_tab_compact.csv"),
        &Options::default(),
    );
    assert_eq!(d.layout.delimiter, b'\t');
    assert_eq!(d.layout.columns, [(Role::CustomerId, 0), (Role::Date, 1)]);
    assert_eq!(revenue(table(&d, Granularity::Month)), [None; 5]);
}

#[test]
fn quoted_ids_are_unquoted_and_trimmed() {
    let d = dataset(include_bytes!("data/tx_quoted.csv"), &Options::default());
    // " B " and "  B  " are the same customer, so six customers in all, as in the plain file;
    // the quoted "1,000.00" is one thousand.
    assert_eq!(d.customers, Some(6));
    assert_eq!(
        revenue(table(&d, Granularity::Month))[0],
        Some(1000.0 + 20.0 + 5.5 + 1.0)
    );
}

#[test]
fn header_names_are_kept_for_messages_and_unused_columns_listed() {
    let d = dataset(
        include_bytes!("data/tx_header_variants.csv"),
        &Options::default(),
    );
    assert_eq!(
        d.layout.names,
        ["Customer ID", "ORDER-DATE", "Total", "Order No"]
    );
    assert_eq!(d.layout.ignored(), ["Order No"]);
}

#[test]
fn bom_and_crlf_do_not_reach_names_or_ids() {
    let d = dataset(include_bytes!("data/tx_bom_crlf.csv"), &Options::default());
    assert_eq!(d.layout.names, ["customer_id", "date", "amount"]);
    let months = [Some(36.5), Some(17.0), Some(30.0), Some(0.0), Some(26.5)];
    assert_eq!(revenue(table(&d, Granularity::Month)), months);
}

#[test]
fn years_with_a_gap_year_and_a_leap_day() {
    let d = dataset(include_bytes!("data/tx_years.csv"), &Options::default());
    let year = table(&d, Granularity::Year);
    assert_flows(
        year,
        &[
            ("2021", 2, 0, 0, 2, 0, 0),
            ("2022", 0, 2, 0, 0, 0, 2),
            ("2023", 2, 0, 0, 1, 1, 0),
            ("2024", 1, 2, 0, 0, 1, 2),
        ],
        "years",
    );
    assert_cohorts(
        year,
        &[
            ("2021", 2, &[2, 0, 1, 1], &[2, 2, 2, 1]),
            ("2023", 1, &[1, 0], &[1, 0]),
        ],
        "years",
    );
    assert_eq!(incomplete(year), [false, false, false, true]);

    // Twelve quarters from 2021-Q2 to 2024-Q1, most of them empty.
    let quarter = table(&d, Granularity::Quarter);
    assert_flows(
        quarter,
        &[
            ("2021-Q2", 1, 0, 0, 1, 0, 0),
            ("2021-Q3", 0, 1, 0, 0, 0, 1),
            ("2021-Q4", 1, 0, 0, 1, 0, 0),
            ("2022-Q1", 0, 1, 0, 0, 0, 1),
            ("2022-Q2", 0, 0, 0, 0, 0, 0),
            ("2022-Q3", 0, 0, 0, 0, 0, 0),
            ("2022-Q4", 0, 0, 0, 0, 0, 0),
            ("2023-Q1", 1, 0, 0, 0, 1, 0),
            ("2023-Q2", 0, 1, 0, 0, 0, 1),
            ("2023-Q3", 0, 0, 0, 0, 0, 0),
            ("2023-Q4", 1, 0, 0, 1, 0, 0),
            ("2024-Q1", 1, 1, 0, 0, 1, 1),
        ],
        "quarters",
    );
    let last = quarter.rows.len() - 1;
    assert!(quarter.rows[last].incomplete, "Feb 29 is before Mar 31");
    assert_cohorts(
        quarter,
        &[
            (
                "2021-Q2",
                1,
                &[1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
                &[1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0],
            ),
            ("2021-Q4", 1, &[1, 0, 0, 0, 0, 0, 0, 0, 0, 1], &[1; 10]),
            ("2023-Q4", 1, &[1, 0], &[1, 0]),
        ],
        "quarters",
    );
    // 2021-06 to 2024-02: 7 + 12 + 12 + 2 months.
    let month = table(&d, Granularity::Month);
    assert_eq!(month.rows.len(), 33);
    assert_eq!(month.rows[0].label, "2021-06");
    assert_eq!(month.rows[32].label, "2024-02");
    assert_eq!(month.rows.iter().map(|r| r.active).sum::<u64>(), 5);
    assert!(!month.rows[32].incomplete, "Feb 29 ends February 2024");
}

#[test]
fn data_ending_on_the_12th_leaves_its_last_period_incomplete() {
    let d = dataset(
        include_bytes!("data/tx_incomplete.csv"),
        &Options::default(),
    );
    let month = table(&d, Granularity::Month);
    assert_flows(
        month,
        &[
            ("2024-01", 2, 0, 0, 2, 0, 0),
            ("2024-02", 2, 2, 1, 1, 0, 1),
            ("2024-03", 2, 2, 1, 0, 1, 1),
        ],
        "months",
    );
    assert_eq!(incomplete(month), [false, false, true]);
    let cohorts = month.cohorts.as_ref().unwrap();
    assert!(cohorts.incomplete_last);
    // Cohort 2024-01 is {1, 2}: 1 in February, both in March. Cohort 2024-02 is {3}.
    assert_cohorts(
        month,
        &[
            ("2024-01", 2, &[2, 1, 2], &[2, 2, 2]),
            ("2024-02", 1, &[1, 0], &[1, 0]),
        ],
        "months",
    );
    // March cells stay in the rows but out of the average: k0 = 3 / 3, k1 = 1 / 2 (cohort
    // 2024-02's k1 is March), k2 only March.
    assert_eq!(cohorts.average_share(0), Some(1.0));
    assert_eq!(cohorts.average_share(1), Some(0.5));
    assert_eq!(cohorts.average_share(2), None);
    assert_eq!(cohorts.average_count(1), Some(1));
    assert!(cohorts.cell_incomplete(0, 2));
    assert!(cohorts.cell_incomplete(1, 1));
    assert!(!cohorts.cell_incomplete(0, 1));

    assert_eq!(incomplete(table(&d, Granularity::Quarter)), [true]);
    assert_eq!(incomplete(table(&d, Granularity::Year)), [true]);
}

#[test]
fn a_last_period_is_complete_when_the_data_reaches_its_last_day() {
    // (file, month, quarter, year)
    let cases: &[(&str, bool, bool, bool)] = &[
        ("customer_id,date\n1,2024-03-12\n", true, true, true),
        ("customer_id,date\n1,2024-03-31\n", false, false, true),
        ("customer_id,date\n1,2024-03\n", false, false, true),
        (
            "customer_id,date\n1,2024-02-29T23:59:59+14:00\n",
            false,
            true,
            true,
        ),
        ("customer_id,date\n1,2023-02-28\n", false, true, true),
        (
            "customer_id,date\n1,2024-12-31\n1,2024-01-01\n",
            false,
            false,
            false,
        ),
        ("customer_id,date\n1,31/12/2024\n", false, false, false),
        // A month-only date covers its month, whatever dated rows of that month say.
        (
            "customer_id,date\n1,2024-03-12\n2,2024-03\n",
            false,
            false,
            true,
        ),
        (
            "customer_id,date\n2,2024-03\n1,2024-03-12\n",
            false,
            false,
            true,
        ),
    ];
    for &(text, m, q, y) in cases {
        let d = dataset(text.as_bytes(), &Options::default());
        let last = |g| table(&d, g).rows.last().unwrap().incomplete;
        assert_eq!(
            (
                last(Granularity::Month),
                last(Granularity::Quarter),
                last(Granularity::Year)
            ),
            (m, q, y),
            "{text:?}"
        );
    }
}

#[test]
fn counts_with_every_optional_column() {
    let d = dataset(include_bytes!("data/counts.csv"), &Options::default());
    assert_eq!(d.layout.format, Format::Counts);
    assert_eq!(d.customers, None);
    assert_eq!(d.tables.len(), 1);
    let t = &d.tables[0];
    assert_eq!(t.granularity, None);
    assert!(t.cohorts.is_none());
    // E = S + N + Ret - L - J: 1000 + 400 + 100 - 200 - 50 = 1250, then
    // 1250 + 300 + 0 - 250 - 50 = 1250, then 1250 + 0 + 0 - 125 - 0 = 1125.
    assert_flows(
        t,
        &[
            ("Jan 2024", 1250, 1000, 800, 400, 100, 200),
            ("Feb 2024", 1250, 1250, 1000, 300, 0, 250),
            ("Mar 2024", 1125, 1250, 1125, 0, 0, 125),
        ],
        "counts",
    );
    let joined: Vec<_> = t.rows.iter().map(|r| r.joined_left).collect();
    assert_eq!(joined, [Some(50), Some(50), Some(0)]);
    assert!(d.warnings.is_empty(), "the given ends agree");
    assert_eq!(t.rows[0].churn(), Some(0.2));
    assert_eq!(t.rows[1].retention(), Some(0.8));
    assert_eq!(t.rows[2].net_growth(), Some(-125.0 / 1250.0));
}

#[test]
fn counts_semicolon_synonyms_and_grouped_numbers() {
    let d = dataset(
        include_bytes!("data/counts_semicolon.csv"),
        &Options::default(),
    );
    assert_eq!(d.layout.format, Format::Counts);
    assert_eq!(d.layout.delimiter, b';');
    assert_eq!(d.layout.columns.len(), 7);
    assert_flows(
        &d.tables[0],
        &[
            ("2024-01", 1250, 1000, 800, 400, 100, 200),
            ("2024-02", 1250, 1250, 1000, 300, 0, 250),
            ("2024-03", 1125, 1250, 1125, 0, 0, 125),
        ],
        "counts with synonyms",
    );
    assert!(d.warnings.is_empty());
}

#[test]
fn counts_tab_with_the_four_required_columns() {
    let d = dataset(
        include_bytes!("data/counts_tab_minimal.csv"),
        &Options::default(),
    );
    assert_eq!(d.layout.delimiter, b'\t');
    // 1000 + 400 - 200 = 1200; 1200 + 300 - 240 = 1260; 1260 + 0 - 126 = 1134.
    assert_flows(
        &d.tables[0],
        &[
            ("Q1 2024", 1200, 1000, 800, 400, 0, 200),
            ("Q2 2024", 1260, 1200, 960, 300, 0, 240),
            ("Q3 2024", 1134, 1260, 1134, 0, 0, 126),
        ],
        "minimal counts",
    );
    assert!(d.tables[0].rows.iter().all(|r| r.joined_left.is_none()));
}

#[test]
fn counts_warn_about_a_given_end_or_start_that_disagrees() {
    use retention_lab::core::import::counts::Warning;
    let d = dataset(
        include_bytes!("data/counts_bom_crlf_warnings.csv"),
        &Options::default(),
    );
    assert_eq!(d.layout.names[0], "period");
    // Row 3 is blank, so W2 is on row 4 and W3 on row 5.
    assert_flows(
        &d.tables[0],
        &[
            ("W1", 105, 100, 95, 10, 0, 5),
            ("W2", 115, 105, 95, 20, 0, 10),
            ("W3", 108, 120, 108, 0, 0, 12),
        ],
        "counts with warnings",
    );
    assert_eq!(
        d.warnings,
        [
            Warning::EndDiffers {
                row: 4,
                period: "W2".into(),
                given: 999,
                computed: 115
            },
            Warning::StartDiffers {
                row: 5,
                period: "W3".into(),
                given: 120,
                previous_end: 115
            },
        ]
    );
    let en = &retention_lab::i18n::EN;
    assert_eq!(
        en.import_warning(&d.warnings[0]),
        "Row 4 (W2): the given end 999 differs from start + new + returning − lost − joined and left = 115; the computed end is used."
    );
}

/// (period, active, start) of a series; every other count is blank.
fn series(t: &PeriodTable) -> Vec<(String, u64, u64)> {
    for r in &t.rows {
        assert_eq!(
            (r.retained, r.new, r.returning, r.lost, r.joined_left),
            (None, None, None, None, None),
            "{}",
            r.label
        );
        assert_eq!((r.churn(), r.retention()), (None, None));
    }
    t.rows
        .iter()
        .map(|r| (r.label.clone(), r.active, r.start))
        .collect()
}

#[test]
fn series_in_every_separator() {
    let cases: &[(&str, &[u8], u8, [&str; 3])] = &[
        (
            "comma",
            include_bytes!("data/series.csv"),
            b',',
            ["2024-01", "2024-02", "2024-03"],
        ),
        (
            "semicolon, grouped",
            include_bytes!("data/series_semicolon.csv"),
            b';',
            ["2024-01", "2024-02", "2024-03"],
        ),
        (
            "tab, quoted",
            include_bytes!("data/series_tab_quoted.csv"),
            b'\t',
            ["2024-01", "2024-02", "2024-03"],
        ),
        (
            "no period column",
            include_bytes!("data/series_no_period.csv"),
            b',',
            ["1", "2", "3"],
        ),
    ];
    for (what, bytes, delimiter, labels) in cases {
        let d = dataset(bytes, &Options::default());
        assert_eq!(d.layout.format, Format::Series, "{what}");
        assert_eq!(d.layout.delimiter, *delimiter, "{what}");
        let want: Vec<(String, u64, u64)> = labels
            .iter()
            .zip([(1000, 0), (1100, 1000), (990, 1100)])
            .map(|(l, (a, s))| (l.to_string(), a, s))
            .collect();
        assert_eq!(series(&d.tables[0]), want, "{what}");
        let growth: Vec<_> = d.tables[0].rows.iter().map(|r| r.net_growth()).collect();
        assert_eq!(growth, [None, Some(0.1), Some(-0.1)], "{what}");
    }
}

#[test]
fn dates_that_all_read_both_ways_ask_for_the_order() {
    let text = b"customer_id,date\nA,05/03/2024\nB,01/02/2024\n\nC,11.12.2024\nD,02/01/2024\n";
    let Outcome::NeedDateOrder(q) = read(text, &Options::default()) else {
        panic!("expected the day/month question");
    };
    assert_eq!(
        q.examples,
        [
            (2, "05/03/2024".to_string()),
            (3, "01/02/2024".to_string()),
            (5, "11/12/2024".to_string()),
        ]
    );
    for (order, months) in [
        (DateOrder::DayFirst, ["2024-01", "2024-12"]),
        (DateOrder::MonthFirst, ["2024-01", "2024-11"]),
    ] {
        let d = dataset(
            text,
            &Options {
                date_order: Some(order),
                ..Options::default()
            },
        );
        assert_eq!(d.date_order, Some((order, None)), "the user chose");
        let m = table(&d, Granularity::Month);
        assert_eq!(m.rows.first().unwrap().label, months[0], "{order:?}");
        assert_eq!(m.rows.last().unwrap().label, months[1], "{order:?}");
        let active: u64 = m.rows.iter().map(|r| r.active).sum();
        assert_eq!(active, 4, "{order:?}");
    }
}

#[test]
fn equal_day_and_month_need_no_order() {
    let d = dataset(
        b"customer_id,date\nA,05/05/2024\nB,07.07.2024\n",
        &Options::default(),
    );
    assert_eq!(d.date_order, None);
    let m = table(&d, Granularity::Month);
    assert_eq!(m.rows.len(), 3, "May to July");
}

#[test]
fn unclear_columns_ask_and_the_answer_is_used() {
    let text = b"customer,month\nA,2024-01-05\nB,2024-02-05\nA,2024-02-10\n";
    let Outcome::NeedLayout(preview) = read(text, &Options::default()) else {
        panic!("expected the column question");
    };
    assert_eq!(preview.delimiter, b',');
    assert_eq!(preview.rows[0], ["customer", "month"]);
    assert_eq!(preview.rows.len(), 4);
    let guess = preview.guess;
    assert!(guess.has_header);
    assert_eq!(guess.format, Format::Transactions);
    assert_eq!(guess.columns, [(Role::CustomerId, 0), (Role::Date, 1)]);
    let d = dataset(
        text,
        &Options {
            layout: Some(guess),
            ..Options::default()
        },
    );
    assert_flows(
        table(&d, Granularity::Month),
        &[("2024-01", 1, 0, 0, 1, 0, 0), ("2024-02", 2, 1, 1, 1, 0, 0)],
        "mapped columns",
    );
}
