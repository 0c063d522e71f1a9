//! The customers view's work through the real importer (docs/metrics.md section 9): the rows
//! the import keeps, the CDNOW sample reproducing the paper, lookups, the files and what goes
//! wrong.

use retention_lab::core::clv::{
    read_input, ClvAsk, ClvInput, Day, FitError, Mean, Purchase, Unit, ValueSettings,
};
use retention_lab::core::customers::{CustomersFailed, Held, WINBACK_SHOWN};
use retention_lab::core::import::importer::{Importer, Options, Outcome};
use retention_lab::core::import::purchases::Purchases;
use retention_lab::core::import::revenue::Amount;
use retention_lab::core::number::NumberStyle;

const CDNOW: &str = include_str!("../public/samples/cdnow-sample.csv");

/// The rows an import keeps, fed in chunks of `chunk` bytes.
fn kept(text: &str, options: Options, chunk: usize) -> (Outcome, Option<Purchases>) {
    let mut importer = Importer::keeping(options);
    for part in text.as_bytes().chunks(chunk) {
        importer.feed(part);
    }
    importer.finish_keeping()
}

fn day(y: i32, m: u32, d: u32) -> Day {
    Day::from_ymd(y, m, d).unwrap()
}

fn paper() -> ClvAsk {
    ClvAsk {
        calibration_end: Some(day(1997, 9, 30)),
        unit: Unit::Weeks,
        value: ValueSettings::defaults(Unit::Weeks),
        winback_threshold: 0.5,
    }
}

#[test]
fn the_import_keeps_every_dated_row_with_ids_in_file_order() {
    let text = "customer_id,date,amount\n b7 ,2024-01-03,10.5\na1,2024-01-03,2\nb7,2024-02-01,-1.25\na1,2024-03,4\n";
    let (outcome, purchases) = kept(text, Options::default(), 7);
    assert!(matches!(outcome, Outcome::Done(_)));
    let p = purchases.unwrap();
    assert_eq!(p.ids, ["b7".into(), "a1".into()] as [Box<str>; 2]);
    assert!(p.amounts);
    assert_eq!(p.decimals, 2);
    // The month-only row is counted, not kept.
    assert_eq!(p.month_only, 1);
    let rows = [
        (0, day(2024, 1, 3), 105_000),
        (1, day(2024, 1, 3), 20_000),
        (0, day(2024, 2, 1), -12_500),
    ]
    .map(|(customer, day, units)| Purchase {
        customer,
        day,
        amount: Amount(units),
    });
    assert_eq!(p.rows, rows);
    assert_eq!(p.index_of(" a1 "), Some(1));
    assert_eq!(p.span(), Some((day(2024, 1, 3), day(2024, 2, 1))));
}

#[test]
fn rows_held_back_for_their_date_order_are_kept_too() {
    // 05/03 reads both ways until 25/03 shows the day comes first.
    let text = "customer_id,date\nx,05/03/2024\ny,25/03/2024\n";
    let (_, purchases) = kept(text, Options::default(), 1 << 20);
    let p = purchases.unwrap();
    let mut days: Vec<(u32, Day)> = p.rows.iter().map(|r| (r.customer, r.day)).collect();
    days.sort();
    assert_eq!(days, [(0, day(2024, 3, 5)), (1, day(2024, 3, 25))]);
    assert!(!p.amounts);
}

#[test]
fn an_ordinary_import_keeps_nothing_and_period_counts_have_no_rows() {
    let mut plain = Importer::new(Options::default());
    plain.feed(CDNOW.as_bytes());
    assert!(plain.finish_keeping().1.is_none());
    let counts = "period,customers\n2024-01,10\n2024-02,12\n";
    let (outcome, purchases) = kept(counts, Options::default(), 1 << 20);
    assert!(matches!(outcome, Outcome::Done(_)));
    assert!(purchases.is_none());
}

#[test]
fn a_failed_import_keeps_nothing() {
    let (outcome, purchases) = kept("customer_id,date\na,2024-13-01\n", Options::default(), 64);
    assert!(matches!(outcome, Outcome::Failed { .. }));
    assert!(purchases.is_none());
}

/// The paper's parameters (Fader, Hardie & Lee 2005) from the sample read as a user's file.
#[test]
fn the_cdnow_sample_through_the_importer_reproduces_the_paper() {
    let (_, purchases) = kept(CDNOW, Options::default(), 4 << 20);
    let mut held = Held::new(3, purchases.unwrap());
    let done = held.analyse(&paper()).unwrap();
    assert_eq!(done.data, 3);
    assert_eq!(done.span, (day(1997, 1, 1), day(1998, 6, 30)));
    assert_eq!((done.amounts, done.month_only, done.decimals), (true, 0, 2));
    let r = &done.results;
    assert_eq!((r.customers, r.repeat_buyers), (2357, 946));
    let b = r.bgnbd.as_ref().unwrap().model;
    let printed = [b.r, b.alpha, b.a, b.b].map(|v| format!("{v:.3}"));
    assert_eq!(printed, ["0.243", "4.414", "0.793", "2.426"]);
    assert_eq!(
        format!("{:.1}", r.bgnbd.as_ref().unwrap().log_likelihood),
        "-9582.4"
    );
    let g = r.gamma_gamma.as_ref().unwrap().model;
    assert_eq!(
        [
            format!("{:.2}", g.p),
            format!("{:.2}", g.q),
            format!("{:.2}", g.gamma)
        ],
        ["6.25", "3.74", "15.44"]
    );
    // The files: a header and one row per customer; the win-back list and its top.
    assert_eq!(done.values_csv.lines().count(), 2358);
    assert!(done.values_csv.starts_with(
        "customer_id,x,t_x,T,m_x,p_alive,expected_transactions,expected_mean_value,value\n"
    ));
    assert_eq!(done.winback_csv.lines().count(), r.winback + 1);
    assert_eq!(done.winback_top.len(), r.winback.min(WINBACK_SHOWN));
    let spends: Vec<f64> = done
        .winback_top
        .iter()
        .map(|w| w.total_spend.to_f64())
        .collect();
    assert!(spends.windows(2).all(|w| w[0] >= w[1]), "{spends:?}");
    assert!(done
        .winback_top
        .iter()
        .all(|w| w.p_alive < 0.5 && w.transactions >= 2));
}

#[test]
fn a_lookup_answers_from_the_last_analysis() {
    let (_, purchases) = kept(CDNOW, Options::default(), 1 << 16);
    let mut held = Held::new(1, purchases.unwrap());
    assert_eq!(held.lookup("1"), None, "nothing analysed yet");
    held.analyse(&paper()).unwrap();
    // Customer 1 of the sample: 1997-01-01, 1997-01-18, 1997-08-02, 1997-12-12 (holdout).
    let c = held.lookup(" 1 ").unwrap();
    assert_eq!((c.id.as_str(), c.x), ("1", 2));
    let days = |d: Day| f64::from(d.0 - day(1997, 1, 1).0) / 7.0;
    assert_eq!(c.t_x, days(day(1997, 8, 2)));
    assert_eq!(c.age, days(day(1997, 9, 30)));
    let p = c.p_alive.unwrap();
    assert!(p > 0.0 && p < 1.0);
    assert!(matches!(c.mean, Some(Mean::Finite(m)) if m > 0.0));
    assert!(matches!(c.value, Some(Mean::Finite(v)) if v > 0.0));
    assert_eq!(held.lookup("no such id"), None);
    // Its row of the file agrees with the lookup.
    let line = held
        .analyse(&paper())
        .unwrap()
        .values_csv
        .lines()
        .find(|l| l.starts_with("1,"))
        .unwrap()
        .to_string();
    assert!(
        line.starts_with(&format!("1,2,{},{},", c.t_x, c.age)),
        "{line}"
    );
}

#[test]
fn a_file_without_amounts_fits_bgnbd_only() {
    let plain: String = CDNOW
        .lines()
        .map(|l| l.rsplit_once(',').unwrap().0.to_string() + "\n")
        .collect();
    let (_, purchases) = kept(&plain, Options::default(), 1 << 20);
    let mut held = Held::new(1, purchases.unwrap());
    let done = held.analyse(&paper()).unwrap();
    assert!(!done.amounts);
    assert!(done.results.bgnbd.is_ok());
    assert!(matches!(
        done.results.gamma_gamma,
        Err(FitError::TooFewRepeatBuyers { .. })
    ));
}

#[test]
fn settings_that_do_not_fit_the_data_are_refused() {
    let text = "customer_id,date\na,2024-01-03\na,2024-02-03\nb,2024-01-10\n";
    let (_, purchases) = kept(text, Options::default(), 1 << 20);
    let mut held = Held::new(1, purchases.unwrap());
    let early = ClvAsk {
        calibration_end: Some(day(2023, 12, 31)),
        ..paper()
    };
    assert_eq!(
        held.analyse(&early),
        Err(CustomersFailed::Outside {
            first: day(2024, 1, 3),
            last: day(2024, 2, 3)
        })
    );
    // Too few repeat buyers: the fit says so rather than giving numbers.
    let done = held
        .analyse(&ClvAsk {
            calibration_end: None,
            ..paper()
        })
        .unwrap();
    assert_eq!(
        done.results.bgnbd,
        Err(FitError::TooFewRepeatBuyers { found: 1 })
    );
    let month_only = "customer_id,date\na,2024-01\n";
    let (_, purchases) = kept(month_only, Options::default(), 1 << 20);
    let mut held = Held::new(2, purchases.unwrap());
    assert_eq!(
        held.analyse(&paper()),
        Err(CustomersFailed::NoDays { month_only: 1 })
    );
}

#[test]
fn the_view_fields_read_into_what_the_worker_is_asked() {
    let input = ClvInput {
        calibration_end: "1997-09-30".into(),
        ..ClvInput::default()
    };
    let ask = read_input(&input, &NumberStyle::ENGLISH, None).unwrap();
    assert_eq!(ask, paper());
}

/// A new horizon, discount, margin or threshold reuses the fits of the same calibration end
/// and unit; the results are those of an analysis made afresh.
#[test]
fn new_value_settings_reuse_the_fits_and_agree_with_a_fresh_analysis() {
    let (_, purchases) = kept(CDNOW, Options::default(), 1 << 20);
    let purchases = purchases.unwrap();
    let mut held = Held::new(1, purchases.clone());
    held.analyse(&paper()).unwrap();
    let longer = ClvAsk {
        value: ValueSettings {
            horizon: 104,
            margin: 0.3,
            ..ValueSettings::defaults(Unit::Weeks)
        },
        winback_threshold: 0.3,
        ..paper()
    };
    let reused = held.analyse(&longer).unwrap();
    let fresh = Held::new(1, purchases.clone()).analyse(&longer).unwrap();
    assert_eq!(reused, fresh);
    assert_eq!(reused.results.settings.value.horizon, 104);
    // Another calibration end is fitted again, and agrees with a fresh analysis too.
    let earlier = ClvAsk {
        calibration_end: Some(day(1997, 6, 30)),
        ..paper()
    };
    let refitted = held.analyse(&earlier).unwrap();
    assert_eq!(refitted, Held::new(1, purchases).analyse(&earlier).unwrap());
    assert_ne!(refitted.results.bgnbd, reused.results.bgnbd);
}
