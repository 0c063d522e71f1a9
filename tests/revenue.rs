//! Revenue retention (docs/metrics.md section 8): the definitions on a small file worked by
//! hand, the identity that ties the flows to each period's revenue on random spending, and
//! the import's tables and file.

use proptest::prelude::*;
use retention_lab::core::import::importer::{import_text, Dataset, Options, Outcome};
use retention_lab::core::import::revenue::{
    revenue_cohort_csv, revenue_csv, revenue_table, Amount, CustomerRevenue, RevenueTable, Span,
    Spend,
};
use retention_lab::core::import::tables::Granularity;
use retention_lab::core::number::Decimal;
use std::collections::BTreeMap;

/// `text` ("12.50", "-20") as an exact amount.
fn money(text: &str) -> Decimal {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let units: i128 = format!("{whole}{frac}").parse().unwrap();
    Decimal {
        units,
        scale: frac.len() as u32,
    }
}

/// `text` as the import holds it, with its decimals.
fn held(text: &str) -> (Amount, u32) {
    let d = money(text);
    (Amount::of(d).unwrap(), d.scale)
}

fn same(a: Decimal, b: Decimal) -> bool {
    a.cmp_exact(b) == Some(std::cmp::Ordering::Equal)
}

fn assert_money(got: Option<Decimal>, want: Option<&str>, what: &str) {
    match (got, want) {
        (None, None) => {}
        (Some(g), Some(w)) => assert!(same(g, money(w)), "{what}: {g:?}, expected {w}"),
        _ => panic!("{what}: {got:?}, expected {want:?}"),
    }
}

fn close(got: Option<f64>, want: Option<f64>, what: &str) {
    match (got, want) {
        (None, None) => {}
        (Some(g), Some(w)) => assert!((g - w).abs() < 1e-12, "{what}: {g}, expected {w}"),
        _ => panic!("{what}: {got:?}, expected {want:?}"),
    }
}

const JAN_2024: u32 = 2024 * 12;

/// GRR, NRR, revenue churn and ARPU of one period.
type Rates = (Option<f64>, Option<f64>, Option<f64>, Option<f64>);

/// Customer `a` expands, contracts, is lost and comes back; `b` has a refund and is lost;
/// `c` joins later and expands; nobody buys in June (a gap month); `d` joins in July.
/// Rows are given out of date order for `a`, as an export may be.
fn worked() -> Vec<Spend> {
    let rows: [(u32, u32, &str); 11] = [
        (0, 0, "60"),
        (1, 0, "50"),
        (0, 1, "150"),
        (1, 1, "50"),
        (1, 1, "-20"),
        (0, 0, "40"),
        (0, 2, "120"),
        (2, 2, "40"),
        (2, 3, "40"),
        (0, 4, "80"),
        (2, 4, "60"),
    ];
    let mut r = CustomerRevenue::default();
    for (customer, month, amount) in rows {
        let (a, decimals) = held(amount);
        r.add(customer, JAN_2024 + month, a, decimals).unwrap();
    }
    let (a, decimals) = held("10.00");
    r.add(3, JAN_2024 + 6, a, decimals).unwrap();
    r.finish().unwrap()
}

fn table(g: Granularity, ends_early: bool) -> RevenueTable {
    let span = Span {
        first_month: JAN_2024,
        last_month: JAN_2024 + 6,
        ends_early,
    };
    revenue_table(&worked(), g, span, 2)
}

#[test]
fn spending_is_one_entry_per_customer_and_month_in_order() {
    let spends = worked();
    let keys: Vec<(u32, u32)> = spends
        .iter()
        .map(|s| (s.customer, s.month - JAN_2024))
        .collect();
    assert_eq!(
        keys,
        [
            (0, 0),
            (0, 1),
            (0, 2),
            (0, 4),
            (1, 0),
            (1, 1),
            (2, 2),
            (2, 3),
            (2, 4),
            (3, 6)
        ]
    );
    // a's two January rows are one sum; b's refund lowers February.
    assert_eq!(spends[0].amount, held("100").0);
    assert_eq!(spends[5].amount, held("30").0);
}

#[test]
fn worked_months_give_every_flow_and_rate() {
    let t = table(Granularity::Month, false);
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07"]
    );
    // label, revenue, start, new, returning, expansion, contraction, churned, active
    type Want = (
        &'static str,
        Option<&'static str>,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        u64,
    );
    let want: [Want; 7] = [
        ("150", None, "150", None, None, None, None, 2),
        (
            "180",
            Some("150"),
            "0",
            Some("0"),
            Some("50"),
            Some("20"),
            Some("0"),
            2,
        ),
        (
            "160",
            Some("180"),
            "40",
            Some("0"),
            Some("0"),
            Some("30"),
            Some("30"),
            2,
        ),
        (
            "40",
            Some("160"),
            "0",
            Some("0"),
            Some("0"),
            Some("0"),
            Some("120"),
            1,
        ),
        (
            "140",
            Some("40"),
            "0",
            Some("80"),
            Some("20"),
            Some("0"),
            Some("0"),
            2,
        ),
        (
            "0",
            Some("140"),
            "0",
            Some("0"),
            Some("0"),
            Some("0"),
            Some("140"),
            0,
        ),
        (
            "10",
            Some("0"),
            "10",
            Some("0"),
            Some("0"),
            Some("0"),
            Some("0"),
            1,
        ),
    ];
    for (row, w) in t.rows.iter().zip(want) {
        let l = &row.label;
        assert_money(Some(row.revenue), Some(w.0), &format!("{l} revenue"));
        assert_money(row.start, w.1, &format!("{l} start"));
        assert_money(Some(row.new), Some(w.2), &format!("{l} new"));
        assert_money(row.returning, w.3, &format!("{l} returning"));
        assert_money(row.expansion, w.4, &format!("{l} expansion"));
        assert_money(row.contraction, w.5, &format!("{l} contraction"));
        assert_money(row.churned, w.6, &format!("{l} churned"));
        assert_eq!(row.active, w.7, "{l} active");
    }
    let rates: Vec<Rates> = t
        .rows
        .iter()
        .map(|r| (r.grr(), r.nrr(), r.revenue_churn(), r.arpu()))
        .collect();
    let want = [
        (None, None, None, Some(75.0)),
        (
            Some(130.0 / 150.0),
            Some(180.0 / 150.0),
            Some(0.0),
            Some(90.0),
        ),
        (
            Some(120.0 / 180.0),
            Some(120.0 / 180.0),
            Some(30.0 / 180.0),
            Some(80.0),
        ),
        (
            Some(40.0 / 160.0),
            Some(40.0 / 160.0),
            Some(120.0 / 160.0),
            Some(40.0),
        ),
        (Some(1.0), Some(1.5), Some(0.0), Some(70.0)),
        (Some(0.0), Some(0.0), Some(1.0), None),
        // Nothing at the start of July: no rate to give.
        (None, None, None, Some(10.0)),
    ];
    for ((got, want), row) in rates.iter().zip(want).zip(&t.rows) {
        let l = &row.label;
        close(got.0, want.0, &format!("{l} grr"));
        close(got.1, want.1, &format!("{l} nrr"));
        close(got.2, want.2, &format!("{l} revenue churn"));
        close(got.3, want.3, &format!("{l} arpu"));
    }
}

#[test]
fn worked_quarters_regroup_the_same_spending() {
    let t = table(Granularity::Quarter, false);
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["2024-Q1", "2024-Q2", "2024-Q3"]);
    let q2 = &t.rows[1];
    // a: 370 then 80 (contraction 290); c: 40 then 100 (expansion 60); b lost (80).
    assert_money(Some(q2.revenue), Some("180"), "Q2 revenue");
    assert_money(q2.expansion, Some("60"), "Q2 expansion");
    assert_money(q2.contraction, Some("290"), "Q2 contraction");
    assert_money(q2.churned, Some("80"), "Q2 churned");
    close(q2.grr(), Some(120.0 / 490.0), "Q2 grr");
    close(q2.nrr(), Some(180.0 / 490.0), "Q2 nrr");
    let q3 = &t.rows[2];
    assert_money(q3.churned, Some("180"), "Q3 churned");
    assert_money(Some(q3.new), Some("10"), "Q3 new");
}

#[test]
fn refunds_can_lift_grr_above_one_hundred_percent_and_a_negative_start_has_no_rate() {
    let month = |rows: &[(u32, u32, &str)], last: u32| {
        let mut r = CustomerRevenue::default();
        for &(c, m, a) in rows {
            let (a, decimals) = held(a);
            r.add(c, JAN_2024 + m, a, decimals).unwrap();
        }
        let span = Span {
            first_month: JAN_2024,
            last_month: JAN_2024 + last,
            ends_early: false,
        };
        revenue_table(&r.finish().unwrap(), Granularity::Month, span, 0)
    };
    // y only had a refund in January and is lost in February: its churned revenue is
    // negative, which lifts GRR above 100%.
    let t = month(&[(0, 0, "100"), (1, 0, "-30"), (0, 1, "100")], 1);
    assert_money(t.rows[1].churned, Some("-30"), "churned");
    close(t.rows[1].grr(), Some(100.0 / 70.0), "grr");
    assert!(t.rows[1].grr().unwrap() > 1.0);
    // A refund that outweighs the purchases leaves a negative start: no rate at all.
    let t = month(&[(0, 0, "-30"), (0, 1, "10")], 1);
    assert_money(t.rows[1].expansion, Some("40"), "expansion");
    assert_eq!((t.rows[1].grr(), t.rows[1].nrr()), (None, None));
}

#[test]
fn cohorts_give_the_value_realised_per_customer() {
    let t = table(Granularity::Month, false);
    let sizes: Vec<(&str, u64)> = t
        .cohorts
        .iter()
        .map(|c| (c.label.as_str(), c.size))
        .collect();
    assert_eq!(sizes, [("2024-01", 2), ("2024-03", 1), ("2024-07", 1)]);
    let jan = &t.cohorts[0];
    let per: Vec<Option<f64>> = (0..8).map(|k| jan.per_customer(k)).collect();
    assert_eq!(
        per,
        [
            Some(75.0),
            Some(165.0),
            Some(225.0),
            Some(225.0),
            Some(265.0),
            Some(265.0),
            Some(265.0),
            None
        ]
    );
    // Past the data, cells are blank.
    assert_eq!(t.cohorts[2].per_customer(1), None);
    // The average row: each cohort that reached k, weighted by its size.
    close(
        t.average_per_customer(0),
        Some((150.0 + 40.0 + 10.0) / 4.0),
        "average k0",
    );
    close(
        t.average_per_customer(2),
        Some((450.0 + 140.0) / 3.0),
        "average k2",
    );
    close(t.average_per_customer(6), Some(530.0 / 2.0), "average k6");
    assert_eq!(t.average_per_customer(7), None);
    // An incomplete last period stays out of the average row.
    let early = table(Granularity::Month, true);
    assert!(early.rows[6].incomplete && !early.rows[5].incomplete);
    close(
        early.average_per_customer(0),
        Some(190.0 / 3.0),
        "average k0, July incomplete",
    );
    close(
        early.average_per_customer(6),
        None,
        "average k6, July incomplete",
    );
}

// ---------------------------------------------------------------------------------------------
// The identity on random spending

fn spending() -> impl Strategy<Value = Vec<(u32, u32, i64, u32)>> {
    // (customer, month offset, units, scale): refunds included.
    prop::collection::vec((0u32..8, 0u32..15, -5_000i64..100_000, 0u32..3), 0..60)
}

proptest! {
    #[test]
    fn revenue_is_start_plus_expansion_less_contraction_and_churn_plus_new_and_returning(
        rows in spending()
    ) {
        let mut r = CustomerRevenue::default();
        let mut naive: BTreeMap<(u32, u32), i64> = BTreeMap::new();
        for &(c, m, units, scale) in &rows {
            let amount = Amount::of(Decimal { units: i128::from(units), scale }).unwrap();
            r.add(c, JAN_2024 + m, amount, scale).unwrap();
            *naive.entry((c, JAN_2024 + m)).or_insert(0) += amount.0;
        }
        let spends = r.finish().unwrap();
        let got: Vec<((u32, u32), i64)> = spends.iter().map(|s| ((s.customer, s.month), s.amount.0)).collect();
        let naive_entries: Vec<((u32, u32), i64)> = naive.iter().map(|(&k, &a)| (k, a)).collect();
        prop_assert_eq!(got, naive_entries);
        let Some((first, last)) = spends.iter().map(|s| s.month).fold(None, |acc: Option<(u32, u32)>, m| {
            Some(acc.map_or((m, m), |(lo, hi)| (lo.min(m), hi.max(m))))
        }) else {
            return Ok(());
        };
        // Ten-thousandths.
        let total = Decimal { units: naive.values().map(|&a| i128::from(a)).sum(), scale: 4 };
        for g in Granularity::ALL {
            let t = revenue_table(&spends, g, Span { first_month: first, last_month: last, ends_early: false }, 2);
            for (p, row) in t.rows.iter().enumerate() {
                if p == 0 {
                    prop_assert!(same(row.new, row.revenue));
                    prop_assert_eq!(row.from_flows(), None);
                } else {
                    let flows = row.from_flows().unwrap();
                    prop_assert!(same(flows, row.revenue), "{:?}: {:?} from the flows", row, flows);
                    prop_assert!(same(row.start.unwrap(), t.rows[p - 1].revenue));
                }
            }
            // Every amount is in exactly one period and one cohort cell.
            let by_period = t.rows.iter().fold(Decimal::whole(0), |a, r| a.checked_add(r.revenue).unwrap());
            let by_cohort = t.cohorts.iter().flat_map(|c| c.revenue.iter()).fold(Decimal::whole(0), |a, &b| a.checked_add(b).unwrap());
            prop_assert!(same(by_period, total) && same(by_cohort, total));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Through the import

/// The worked spending as an order export; July ends on its last day, so no period is
/// incomplete.
const WORKED_CSV: &str = "customer_id,date,amount
a,2024-01-03,60
b,2024-01-09,50
a,2024-02-11,150
b,2024-02-12,50
b,2024-02-20,-20
a,2024-01-28,40
a,2024-03-05,120
c,2024-03-06,40
c,2024-04-02,40
a,2024-05-17,80
c,2024-05-30,60
d,2024-07-31,10.00
";

fn imported() -> Dataset {
    match import_text(WORKED_CSV.as_bytes(), Options::default()) {
        Outcome::Done(d) => *d,
        other => panic!("the file imports: {other:?}"),
    }
}

#[test]
fn the_import_gives_the_same_revenue_tables_for_every_period() {
    let d = imported();
    assert_eq!(d.revenue.len(), 3);
    for (g, want) in [
        (Granularity::Month, table(Granularity::Month, false)),
        (Granularity::Quarter, table(Granularity::Quarter, false)),
    ] {
        let got = d.revenue(g).expect("a revenue table");
        assert_eq!(got.rows.len(), want.rows.len(), "{g:?}");
        for (a, b) in got.rows.iter().zip(&want.rows) {
            assert_eq!(a.label, b.label);
            assert_eq!(a.active, b.active, "{}", a.label);
            assert!(same(a.revenue, b.revenue), "{}", a.label);
            assert_eq!(a.grr(), b.grr(), "{}", a.label);
            assert_eq!(a.nrr(), b.nrr(), "{}", a.label);
        }
        assert_eq!(got.cohorts.len(), want.cohorts.len());
        // The flows table's revenue is the same sum.
        let flows = d.table(g).expect("flows");
        for (f, r) in flows.rows.iter().zip(&got.rows) {
            assert!(same(f.revenue.expect("revenue"), r.revenue), "{}", r.label);
        }
    }
    // Without amounts, there is no revenue table.
    let Outcome::Done(plain) = import_text(b"customer_id,date\na,2024-01-02\n", Options::default())
    else {
        panic!("imports");
    };
    assert!(plain.revenue.is_empty());
}

#[test]
fn the_revenue_file_is_written_byte_for_byte() {
    let d = imported();
    let csv = revenue_csv(d.revenue(Granularity::Month).unwrap());
    let want = "\
period,revenue,start_revenue,new_revenue,returning_revenue,expansion,contraction,churned_revenue,grr,nrr,revenue_churn,arpu
2024-01,150.00,,150.00,,,,,,,,75
2024-02,180.00,150.00,0.00,0.00,50.00,20.00,0.00,0.8666666666666667,1.2,0,90
2024-03,160.00,180.00,40.00,0.00,0.00,30.00,30.00,0.6666666666666666,0.6666666666666666,0.16666666666666666,80
2024-04,40.00,160.00,0.00,0.00,0.00,0.00,120.00,0.25,0.25,0.75,40
2024-05,140.00,40.00,0.00,80.00,20.00,0.00,0.00,1,1.5,0,70
2024-06,0.00,140.00,0.00,0.00,0.00,0.00,140.00,0,0,1,
2024-07,10.00,0.00,10.00,0.00,0.00,0.00,0.00,,,,10
";
    assert_eq!(csv, want);
}

#[test]
fn the_imported_revenue_cohorts_are_the_customer_cohorts_with_their_value_so_far() {
    let d = imported();
    let t = d.revenue(Granularity::Month).unwrap();
    // The same cohorts as the customer cohort table: the period of each customer's first row,
    // sized by its customers.
    let customers = d
        .table(Granularity::Month)
        .unwrap()
        .cohorts
        .clone()
        .unwrap();
    let ours: Vec<(&str, u64)> = t
        .cohorts
        .iter()
        .map(|c| (c.label.as_str(), c.size))
        .collect();
    let theirs: Vec<(&str, u64)> = customers
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.size))
        .collect();
    assert_eq!(ours, theirs);
    assert_eq!((t.offsets(), t.customers()), (7, 4));
    // a (100, 150, 120, –, 80) and b (50, 30 after the refund): 150, 180, 120, 0, 80, 0 (the
    // gap month June), 0, added up and divided by 2.
    let jan: Vec<Option<f64>> = (0..7).map(|k| t.cohorts[0].per_customer(k)).collect();
    let want = [75.0, 165.0, 225.0, 225.0, 265.0, 265.0, 265.0].map(Some);
    assert_eq!(jan, want);
    // c: 40, 40, 60, then nothing; past July the cells are blank.
    let mar: Vec<Option<f64>> = (0..7).map(|k| t.cohorts[1].per_customer(k)).collect();
    let want = [
        Some(40.0),
        Some(80.0),
        Some(140.0),
        Some(140.0),
        Some(140.0),
        None,
        None,
    ];
    assert_eq!(mar, want);
    let jul: Vec<Option<f64>> = (0..2).map(|k| t.cohorts[2].per_customer(k)).collect();
    assert_eq!(jul, [Some(10.0), None]);
    // The average row weighs each cohort by its size, over the cohorts that reached k.
    let avg: Vec<Option<f64>> = (0..8).map(|k| t.average_per_customer(k)).collect();
    let want = [
        Some(200.0 / 4.0),
        Some(410.0 / 3.0),
        Some(590.0 / 3.0),
        Some(590.0 / 3.0),
        Some(670.0 / 3.0),
        Some(530.0 / 2.0),
        Some(530.0 / 2.0),
        None,
    ];
    assert_eq!(avg, want);
    // An unweighted mean of the cohorts' cells would differ.
    assert_ne!(avg[1], Some((165.0 + 80.0) / 2.0));
}

#[test]
fn the_revenue_cohort_file_is_written_byte_for_byte() {
    let d = imported();
    let month = revenue_cohort_csv(d.revenue(Granularity::Month).unwrap());
    let want = "\
cohort,size,k0,k1,k2,k3,k4,k5,k6
2024-01,2,75,165,225,225,265,265,265
2024-03,1,40,80,140,140,140,,
2024-07,1,10,,,,,,
average,4,50,136.66666666666666,196.66666666666666,196.66666666666666,223.33333333333334,265,265
";
    assert_eq!(month, want);
    // Quarters: a, b and c start in Q1 (490, then 180, then 0), d in Q3. The data ends on
    // 31 July, so Q3 is incomplete: in the file, but not in the average row.
    let quarter = revenue_cohort_csv(d.revenue(Granularity::Quarter).unwrap());
    let want = "\
cohort,size,k0,k1,k2
2024-Q1,3,163.33333333333334,223.33333333333334,223.33333333333334
2024-Q3,1,10,,
average,4,163.33333333333334,223.33333333333334,
";
    assert_eq!(quarter, want);
}

#[test]
fn an_incomplete_last_period_is_in_the_file_but_not_in_the_average_row() {
    let t = table(Granularity::Month, true);
    assert!(t.cell_incomplete(0, 6) && t.cell_incomplete(2, 0) && !t.cell_incomplete(0, 5));
    let csv = revenue_cohort_csv(&t);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[3], "2024-07,1,10,,,,,,");
    assert_eq!(
        lines[4],
        // k4 of the March cohort is July: only January's cohort counts there.
        "average,4,63.333333333333336,136.66666666666666,196.66666666666666,196.66666666666666,265,265,"
    );
}

#[test]
fn zeros_past_the_fourth_decimal_are_read_and_the_file_keeps_four() {
    let text = "customer_id,date,amount\na,2024-01-31,2.500000\nb,2024-01-31,1\n";
    let Outcome::Done(d) = import_text(text.as_bytes(), Options::default()) else {
        panic!("imports");
    };
    let t = d.revenue(Granularity::Month).unwrap();
    assert_eq!(t.decimals, 4);
    assert!(revenue_csv(t).contains("\n2024-01,3.5000,"));
}
