//! The paper's check on the CDNOW sample, the fits' failures, the exports and the identities.

use super::*;
use crate::core::import::revenue::Amount;
use crate::core::number::parse_plain_decimal;
use proptest::prelude::*;

const CDNOW: &str = include_str!("../../../public/samples/cdnow-sample.csv");

/// The sample's rows (`customer_id,date,amount`, ids 1 to 2357 in file order) as purchases of
/// customers 0 to 2356.
fn cdnow() -> Vec<Purchase> {
    CDNOW
        .lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            let id: u32 = f[0].parse().unwrap();
            let date = chrono::NaiveDate::parse_from_str(f[1], "%Y-%m-%d").unwrap();
            Purchase {
                customer: id - 1,
                day: Day::of(date),
                amount: Amount::of(parse_plain_decimal(f[2], '.').unwrap()).unwrap(),
            }
        })
        .collect()
}

fn paper_settings() -> ClvSettings {
    ClvSettings {
        calibration_end: Day::from_ymd(1997, 9, 30).unwrap(),
        unit: Unit::Weeks,
        value: ValueSettings::defaults(Unit::Weeks),
        winback_threshold: DEFAULT_THRESHOLD,
    }
}

fn paper_summary() -> Summary {
    summarise(&cdnow(), paper_settings().calibration_end, Unit::Weeks).unwrap()
}

#[test]
fn cdnow_summary_as_the_paper_describes_it() {
    let s = paper_summary();
    assert_eq!(s.customers.len(), 2357);
    assert_eq!(s.later_customers, 0);
    // The paper's sample: 1,411 of the 2,357 made no repeat purchase in the 39 weeks.
    assert_eq!(s.customers.iter().filter(|c| c.x == 0).count(), 1411);
    // Customer 1 (sample id 0001): 1 Jan, 18 Jan and 2 Aug 1997 in calibration.
    let c = &s.customers[0];
    assert_eq!(c.x, 2);
    assert_eq!(format!("{:.2} {:.2}", s.t_x(c), s.age(c)), "30.43 38.86");
    assert_eq!(c.m_x(), Some((29.73 + 14.96) / 2.0));
    assert_eq!(s.holdout_units.len(), 39);
}

#[test]
fn bgnbd_reproduces_the_paper_on_the_cdnow_sample() {
    let f = fit_bgnbd(&paper_summary()).unwrap();
    let m = f.model;
    let got = format!(
        "r = {:.3}, alpha = {:.3}, a = {:.3}, b = {:.3}, LL = {:.1}",
        m.r, m.alpha, m.a, m.b, f.log_likelihood
    );
    assert_eq!(
        got,
        "r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4"
    );
}

#[test]
fn gamma_gamma_reproduces_the_paper_on_the_cdnow_sample() {
    let f = fit_gamma_gamma(&paper_summary()).unwrap();
    let m = f.model;
    assert_eq!(f.customers, 946);
    let got = format!("p = {:.2}, q = {:.2}, gamma = {:.2}", m.p, m.q, m.gamma);
    assert_eq!(got, "p = 6.25, q = 3.74, gamma = 15.44");
}

#[test]
fn the_fit_does_not_depend_on_where_it_starts() {
    // The same likelihood maximised from the fit itself, moved: the printed digits agree.
    let s = paper_summary();
    let data = BgNbdData::new(&s);
    let f = fit_bgnbd_data(&data).unwrap();
    let mut scratch = Scratch::default();
    let ll = data.log_likelihood(&f.model, &mut scratch);
    for (dr, da) in [(1.5, 0.7), (0.6, 1.8)] {
        let m = BgNbd::new(f.model.r * dr, f.model.alpha * da, f.model.a, f.model.b).unwrap();
        assert!(data.log_likelihood(&m, &mut scratch) < ll);
    }
    // Grouped evaluation equals the per-customer sum of equation 6.
    let direct: f64 = s
        .customers
        .iter()
        .map(|c| {
            f.model.log_likelihood(History {
                x: c.x,
                t_x: s.t_x(c),
                t: s.age(c),
            })
        })
        .sum();
    assert!((direct - ll).abs() < 1e-8, "{direct} vs {ll}");
    assert!(data.groups() < s.customers.len());
}

#[test]
fn holdout_totals_on_the_cdnow_sample() {
    let a = analyse(&cdnow(), &paper_settings()).unwrap();
    let h = a.results.holdout.as_ref().unwrap();
    assert_eq!(h.units.len(), 39);
    assert_eq!(h.last_unit_days, 7);
    let actual: u64 = a
        .summary
        .customers
        .iter()
        .map(|c| u64::from(c.holdout))
        .sum();
    assert_eq!((h.actual, actual), (1882, 1882));
    // The sum of the conditional expectations E[Y(39) | x, t_x, T] falls about 12% short of
    // the actual count on this sample.
    assert_eq!(format!("{:.0}", h.predicted), "1653");
    let by_unit: f64 = h.units.iter().map(|u| u.predicted).sum();
    assert!((by_unit - h.predicted).abs() < 1e-9);
    assert_eq!(a.results.p_alive_histogram.iter().sum::<u64>(), 2357);
    assert_eq!(a.results.new_customer_curve.len(), 53);
    assert_eq!(a.results.new_customer_curve[0], 0.0);
    assert!(a.results.new_customer_curve.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn conditional_expectations_against_an_independent_evaluation() {
    // Σ over the sample's customers of E[Y(39) | x, t_x, T] (equation 10) with the paper's
    // printed parameters, and E[X(39)] (equation 9), as evaluated with mpmath's hyp2f1 at
    // 15 digits.
    let s = paper_summary();
    let m = BgNbd::new(0.243, 4.414, 0.793, 2.426).unwrap();
    let sum: f64 = s
        .customers
        .iter()
        .map(|c| {
            let h = History {
                x: c.x,
                t_x: s.t_x(c),
                t: s.age(c),
            };
            m.expected(h, 39.0).unwrap()
        })
        .sum();
    assert!((sum - 1653.941259313345).abs() < 1e-8, "{sum}");
    let new = m.expected_new(39.0).unwrap();
    assert!((new - 1.1967231933208151).abs() < 1e-13, "{new}");
}

fn buy(customer: u32, day: u32, amount: i64) -> Purchase {
    Purchase {
        customer,
        day: Day(730_000 + day as i32),
        amount: Amount::whole(amount),
    }
}

#[test]
fn fit_errors_table() {
    // (rows, BG/NBD's error, Gamma-Gamma's error)
    type Check = fn(&Result<Fitted<BgNbd>, FitError>) -> bool;
    type Case = (Vec<Purchase>, Check, Option<FitError>);
    let too_few = |found| Some(FitError::TooFewRepeatBuyers { found });
    let cases: Vec<Case> = vec![
        // Nobody came back.
        (
            (0..50).map(|c| buy(c, c % 20, 10)).collect(),
            |f| f == &Err(FitError::TooFewRepeatBuyers { found: 0 }),
            too_few(0),
        ),
        // One repeat buyer.
        (
            (0..50)
                .map(|c| buy(c, c % 20, 10))
                .chain([buy(3, 40, 10)])
                .collect(),
            |f| f == &Err(FitError::TooFewRepeatBuyers { found: 1 }),
            too_few(1),
        ),
        // Two repeat buyers, one of whose repeat purchase is a refund: Gamma-Gamma has only
        // one customer with a repeat value above 0. Two of 50 buying once more, alike, show
        // no spread of purchase rates: BG/NBD runs to its boundary (r, α → ∞ with r/α
        // fixed).
        (
            (0..50)
                .map(|c| buy(c, c % 20, 10))
                .chain([buy(3, 40, 10), buy(4, 41, -5)])
                .collect(),
            |f| matches!(f, Err(FitError::Boundary { .. })),
            too_few(1),
        ),
    ];
    let end = Day(730_000 + 60);
    for (i, (rows, bg, gg)) in cases.into_iter().enumerate() {
        let s = summarise(&rows, end, Unit::Days).unwrap();
        let got = fit_bgnbd(&s);
        assert!(bg(&got), "case {i} BG/NBD: {got:?}");
        assert_eq!(fit_gamma_gamma(&s).err(), gg, "case {i} Gamma-Gamma");
    }
}

#[test]
fn customers_who_never_drop_out_run_to_the_boundary() {
    // Every customer buys every week, steadily, to the calibration end: the likelihood keeps
    // rising as the dropout probability goes to 0 (a → 0 or b → ∞).
    let rows: Vec<Purchase> = (0..40)
        .flat_map(|c| (0..30).map(move |w| buy(c, (c % 7) + 7 * w, 10)))
        .collect();
    let s = summarise(&rows, Day(730_000 + 7 * 30), Unit::Weeks).unwrap();
    match fit_bgnbd(&s) {
        Err(FitError::Boundary { parameter, toward }) => {
            assert!(
                matches!(
                    (parameter, toward),
                    (Parameter::A, Toward::Zero)
                        | (Parameter::B, Toward::Infinity)
                        | (Parameter::R, Toward::Infinity)
                        | (Parameter::Alpha, Toward::Infinity)
                ),
                "{parameter:?} {toward:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    // Every repeat transaction worth the same: the spend has no spread across transactions,
    // so p → ∞.
    match fit_gamma_gamma(&s) {
        Err(FitError::Boundary { .. }) => {}
        other => panic!("{other:?}"),
    }
}

fn small_analysis() -> Analysis {
    // Five customers (file ids in `IDS`), calibration to day 60, days.
    let rows = vec![
        buy(0, 0, 10),
        buy(0, 0, 5),
        buy(0, 30, 20),
        buy(1, 10, 7),
        buy(2, 5, 40),
        buy(2, 50, 30),
        buy(2, 55, 1),
        buy(3, 1, 12),
        buy(3, 3, 12),
        buy(4, 20, 9),
        buy(4, 59, 9),
        buy(0, 70, 3),
    ];
    let settings = ClvSettings {
        calibration_end: Day(730_060),
        unit: Unit::Days,
        value: ValueSettings {
            horizon: 30,
            annual_discount: 0.1,
            margin: 0.5,
        },
        winback_threshold: 0.9,
    };
    let mut a = analyse(&rows, &settings).unwrap();
    // The exports are tested on fixed figures, so that they test the writing, not the fit.
    a.values = [
        (1.0 / 3.0, 0.25, Mean::Finite(14.5), Mean::Finite(1.8125)),
        (1.0, 0.1, Mean::NotFinite, Mean::NotFinite),
        (0.5, 2.0, Mean::Finite(15.0), Mean::Finite(15.0)),
        (0.125, 0.0, Mean::Finite(12.0), Mean::Finite(0.0)),
        (0.95, 1.5, Mean::Finite(9.0), Mean::Finite(6.75)),
    ]
    .map(|(p_alive, expected, mean, value)| CustomerValue {
        p_alive,
        expected,
        mean,
        value,
    })
    .to_vec();
    let p: Vec<f64> = a.values.iter().map(|v| v.p_alive).collect();
    a.winback = winback(&a.summary, &p, 0.9);
    a
}

const IDS: [&str; 5] = ["C1", "=2+2", "Smith, J", "c\"4", "-5"];

#[test]
fn customer_values_csv_byte_for_byte() {
    let a = small_analysis();
    let got = customer_values_csv(&a, &|i| IDS[i as usize]);
    let want = "customer_id,x,t_x,T,m_x,p_alive,expected_transactions,expected_mean_value,value\n\
        C1,1,30,60,20,0.3333333333333333,0.25,14.5,1.8125\n\
        '=2+2,0,0,50,,1,0.1,,\n\
        \"Smith, J\",2,50,55,15.5,0.5,2,15,15\n\
        \"c\"\"4\",1,2,59,12,0.125,0,12,0\n\
        '-5,1,39,40,9,0.95,1.5,9,6.75\n";
    assert_eq!(got, want);
}

#[test]
fn winback_csv_byte_for_byte() {
    let a = small_analysis();
    let got = winback_csv(&a, &|i| IDS[i as usize]);
    // P(alive) below 0.9 with two transactions or more: C1 (35), Smith (71), c"4 (24);
    // customer 2 bought once, customer 5 is at 0.95.
    let want = "customer_id,last_purchase,transactions,total_spend,p_alive\n\
        \"Smith, J\",1999-10-28,3,71,0.5\n\
        C1,1999-10-03,2,35,0.3333333333333333\n\
        \"c\"\"4\",1999-09-06,2,24,0.125\n";
    assert_eq!(got, want);
}

proptest! {
    #[test]
    fn p_alive_is_one_without_repeat_purchases(
        r in 0.01f64..10.0, alpha in 0.01f64..100.0, a in 0.01f64..10.0, b in 0.01f64..10.0,
        t in 0.0f64..500.0,
    ) {
        let m = BgNbd::new(r, alpha, a, b).unwrap();
        prop_assert_eq!(m.p_alive(History { x: 0, t_x: 0.0, t }), 1.0);
    }

    #[test]
    fn p_alive_falls_as_t_grows(
        r in 0.01f64..10.0, alpha in 0.01f64..100.0, a in 0.01f64..10.0, b in 0.01f64..10.0,
        x in 1u32..50, t_x in 0.0f64..100.0, gap in 0.0f64..100.0, more in 0.01f64..100.0,
    ) {
        let m = BgNbd::new(r, alpha, a, b).unwrap();
        let t = t_x + gap;
        let now = m.p_alive(History { x, t_x, t });
        let later = m.p_alive(History { x, t_x, t: t + more });
        prop_assert!(later <= now, "{} then {}", now, later);
        // Strictly, unless both have underflowed to 0.
        prop_assert!(later < now || now == 0.0, "{} then {}", now, later);
    }
}
