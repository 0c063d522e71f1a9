//! Random transaction files against the definitions of docs/metrics.md section 2.
//!
//! The model here is deliberately naive: a set of customer ids per period, straight from the
//! definitions, with its own date arithmetic and its own CSV printing. The importer (bitsets,
//! dense id tables, streaming in chunks) must agree with it on every period, cohort cell,
//! survivor count, average and exported byte.

use proptest::prelude::*;
use retention_lab::core::import::dates::DateOrder;
use retention_lab::core::import::importer::{Dataset, Importer, Options, Outcome};
use retention_lab::core::import::tables::{cohort_csv, results_csv, Granularity, PeriodTable};
use retention_lab::core::number::Decimal;
use std::collections::{HashMap, HashSet};

// ---------------------------------------------------------------------------------------------
// Random files

#[derive(Clone, Copy, Debug)]
struct Date {
    year: u32,
    month: u32,
    /// 0 when the file gives the month only.
    day: u32,
}

fn leap(y: u32) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in(y: u32, m: u32) -> u32 {
    match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How a date is written. Day/month forms are day first; the import is told so.
#[derive(Clone, Copy, Debug)]
enum Form {
    Iso,
    Compact,
    YearSlash,
    MonthOnly,
    /// With a time and an offset that could move the date in UTC.
    IsoOffset {
        hour: u32,
        minute: u32,
        offset: i32,
    },
    DaySlash,
    DayDotTime {
        hour: u32,
        minute: u32,
    },
}

fn write_date(d: Date, form: Form) -> String {
    let Date { year, month, day } = d;
    match form {
        Form::Iso => format!("{year:04}-{month:02}-{day:02}"),
        Form::Compact => format!("{year:04}{month:02}{day:02}"),
        Form::YearSlash => format!("{year:04}/{month:02}/{day:02}"),
        Form::MonthOnly => format!("{year:04}-{month:02}"),
        Form::IsoOffset {
            hour,
            minute,
            offset,
        } => {
            let sign = if offset < 0 { '-' } else { '+' };
            let o = offset.unsigned_abs();
            format!(
                "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:00{sign}{:02}:{:02}",
                o / 60,
                o % 60
            )
        }
        Form::DaySlash => format!("{day:02}/{month:02}/{year:04}"),
        Form::DayDotTime { hour, minute } => {
            format!("{day}.{month}.{year:04} {hour:02}:{minute:02}")
        }
    }
}

#[derive(Clone, Debug)]
struct Row {
    /// The id as the model compares it (no surrounding spaces).
    id: String,
    /// Spaces written before and after it, and whether it is quoted.
    pad: (usize, usize),
    quote: bool,
    date: Date,
    form: Form,
    cents: i64,
    /// Blank lines written before this row.
    blank_before: usize,
}

#[derive(Clone, Debug)]
struct File {
    rows: Vec<Row>,
    delimiter: u8,
    crlf: bool,
    bom: bool,
    amounts: bool,
}

impl File {
    fn bytes(&self) -> Vec<u8> {
        let d = self.delimiter as char;
        let eol = if self.crlf { "\r\n" } else { "\n" };
        let mut out = String::new();
        if self.bom {
            out.push('\u{feff}');
        }
        out.push_str(&format!("customer_id{d}date"));
        if self.amounts {
            out.push_str(&format!("{d}amount"));
        }
        out.push_str(eol);
        for r in &self.rows {
            for _ in 0..r.blank_before {
                out.push_str(eol);
            }
            let raw = format!("{}{}{}", " ".repeat(r.pad.0), r.id, " ".repeat(r.pad.1));
            let special = raw.contains([d, '"', '\n', '\r']);
            if r.quote || special {
                out.push('"');
                out.push_str(&raw.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&raw);
            }
            out.push(d);
            out.push_str(&write_date(r.date, r.form));
            if self.amounts {
                let sign = if r.cents < 0 { "-" } else { "" };
                let c = r.cents.unsigned_abs();
                out.push_str(&format!("{d}{sign}{}.{:02}", c / 100, c % 100));
            }
            out.push_str(eol);
        }
        out.into_bytes()
    }
}

/// Characters of free-text ids: separators, quotes, line breaks (a bare CR too) and non-ASCII
/// included; never NUL, which is an error in any cell.
const ID_CHARS: &[char] = &[
    'a', 'b', 'Z', '0', '7', ' ', ',', ';', '\t', '"', '\n', '\r', '.', '-', '@', 'é', 'ß', '√',
];
/// Characters an id may start or end with (no spaces: those are trimmed).
const ID_EDGE: &[char] = &['a', 'q', 'Z', '0', '9', ',', '"', '.', 'é', '√'];

/// An id of one of the shapes exports use.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        // Plain numbers, sometimes with a leading zero (a different id from the number).
        (0u32..3000).prop_map(|n| n.to_string()),
        (0u32..3000).prop_map(|n| format!("0{n}")),
        // Zero-padded with a prefix, in two widths (C0042 and C000042 differ).
        (0u32..3000).prop_map(|n| format!("C{n:06}")),
        (0u32..3000).prop_map(|n| format!("C{n:04}")),
        (0u32..50).prop_map(|n| format!("CUST-{n}")),
        // Long ids go through another table than ids of up to 8 bytes.
        (0u32..50).prop_map(|n| format!("customer-number-{n}@example.com")),
        (
            prop::sample::select(ID_EDGE),
            prop::collection::vec(prop::sample::select(ID_CHARS), 0..10),
            prop::sample::select(ID_EDGE),
        )
            .prop_map(|(a, mid, b)| {
                let mut s = String::new();
                s.push(a);
                s.extend(mid);
                s.push(b);
                s
            }),
        prop::sample::select(ID_EDGE).prop_map(|c| c.to_string()),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (2021u32..=2024, 1u32..=12, 1u32..=31).prop_map(|(year, month, day)| Date {
        year,
        month,
        day: day.min(days_in(year, month)),
    })
}

fn form() -> impl Strategy<Value = Form> {
    prop_oneof![
        4 => Just(Form::Iso),
        1 => Just(Form::Compact),
        1 => Just(Form::YearSlash),
        1 => Just(Form::MonthOnly),
        1 => (0u32..24, 0u32..60, -12i32 * 60..=14 * 60).prop_map(|(hour, minute, o)| {
            Form::IsoOffset { hour, minute, offset: o - o % 15 }
        }),
        1 => Just(Form::DaySlash),
        1 => (0u32..24, 0u32..60).prop_map(|(hour, minute)| Form::DayDotTime { hour, minute }),
    ]
}

fn file() -> impl Strategy<Value = File> {
    let rows = prop::collection::vec(id(), 1..25).prop_flat_map(|ids| {
        let ids = dedup(ids);
        let n = ids.len();
        prop::collection::vec(
            (
                0..n,
                (0usize..3, 0usize..3),
                any::<bool>(),
                date(),
                form(),
                -5_000i64..200_000,
                prop_oneof![6 => Just(0usize), 1 => 1usize..3],
            ),
            1..120,
        )
        .prop_map(move |rows| {
            rows.into_iter()
                .map(|(i, pad, quote, date, form, cents, blank_before)| Row {
                    id: ids[i].clone(),
                    pad,
                    quote,
                    date: match form {
                        Form::MonthOnly => Date { day: 0, ..date },
                        _ => date,
                    },
                    form,
                    cents,
                    blank_before,
                })
                .collect::<Vec<_>>()
        })
    });
    (
        rows,
        prop::sample::select(vec![b',', b';', b'\t']),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(rows, delimiter, crlf, bom, amounts)| File {
            rows,
            delimiter,
            crlf,
            bom,
            amounts,
        })
}

fn dedup(ids: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    ids.into_iter().filter(|s| seen.insert(s.clone())).collect()
}

/// Feeds `bytes` in chunks of the given sizes, cycling through them.
fn import_chunked(bytes: &[u8], sizes: &[usize], options: &Options) -> Outcome {
    let mut importer = Importer::new(options.clone());
    let mut at = 0;
    for &size in sizes.iter().cycle() {
        if at >= bytes.len() {
            break;
        }
        let end = (at + size).min(bytes.len());
        if !importer.feed(&bytes[at..end]) {
            break;
        }
        at = end;
    }
    importer.finish()
}

fn day_first() -> Options {
    Options {
        date_order: Some(DateOrder::DayFirst),
        ..Options::default()
    }
}

fn done(outcome: Outcome) -> Result<Dataset, TestCaseError> {
    match outcome {
        Outcome::Done(d) => Ok(*d),
        other => Err(TestCaseError::fail(format!("not imported: {other:?}"))),
    }
}

// ---------------------------------------------------------------------------------------------
// The model

/// What the definitions give for one granularity.
struct Model {
    results: String,
    shares: String,
    counts: String,
    /// (cohort label, survivors at k = 0..)
    survivors: Vec<(String, Vec<u64>)>,
    incomplete: Vec<bool>,
    /// Cents per period.
    revenue: Vec<i64>,
}

fn months_per(g: Granularity) -> u32 {
    match g {
        Granularity::Month => 1,
        Granularity::Quarter => 3,
        Granularity::Year => 12,
    }
}

fn label(g: Granularity, p: u32) -> String {
    match g {
        Granularity::Month => format!("{:04}-{:02}", p / 12, p % 12 + 1),
        Granularity::Quarter => format!("{:04}-Q{}", p / 4, p % 4 + 1),
        Granularity::Year => format!("{p:04}"),
    }
}

fn rate(num: u64, den: u64) -> String {
    if den == 0 {
        String::new()
    } else {
        format!("{}", num as f64 / den as f64)
    }
}

fn model(rows: &[Row], g: Granularity) -> Model {
    let div = months_per(g);
    let period = |d: Date| (d.year * 12 + d.month - 1) / div;
    let p0 = rows.iter().map(|r| period(r.date)).min().unwrap();
    let p_last = rows.iter().map(|r| period(r.date)).max().unwrap();
    let n = (p_last - p0 + 1) as usize;

    let mut active: Vec<HashSet<&str>> = vec![HashSet::new(); n];
    let mut revenue = vec![0i64; n];
    for r in rows {
        let p = (period(r.date) - p0) as usize;
        active[p].insert(r.id.as_str());
        revenue[p] += r.cents;
    }
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut last: HashMap<&str, usize> = HashMap::new();
    for (p, set) in active.iter().enumerate() {
        for &id in set {
            first.entry(id).or_insert(p);
            last.insert(id, p);
        }
    }

    // The data ends before its last period does when its latest day (a month-only date
    // covering its whole month) comes before that period's last day.
    let end_of = |d: Date| {
        let day = if d.day == 0 {
            days_in(d.year, d.month)
        } else {
            d.day
        };
        (d.year, d.month, day)
    };
    let data_end = rows.iter().map(|r| end_of(r.date)).max().unwrap();
    let last_month = (p_last + 1) * div - 1;
    let (ly, lm) = (last_month / 12, last_month % 12 + 1);
    let incomplete_last = data_end < (ly, lm, days_in(ly, lm));

    let mut results = String::from(
        "period,active,start,retained,new,returning,lost,churn,retention,net_growth\n",
    );
    for t in 0..n {
        let a = active[t].len() as u64;
        let (start, retained, returning) = if t == 0 {
            (0, 0, 0)
        } else {
            let prev = &active[t - 1];
            let retained = active[t].intersection(prev).count() as u64;
            let returning = active[t]
                .iter()
                .filter(|id| !prev.contains(*id) && first[*id] + 1 < t)
                .count() as u64;
            (prev.len() as u64, retained, returning)
        };
        let new = first.values().filter(|&&f| f == t).count() as u64;
        let lost = start - retained;
        let growth = if start == 0 {
            String::new()
        } else {
            format!("{}", (a as f64 - start as f64) / start as f64)
        };
        results.push_str(&format!(
            "{},{a},{start},{retained},{new},{returning},{lost},{},{},{growth}\n",
            label(g, p0 + t as u32),
            rate(lost, start),
            rate(retained, start),
        ));
    }

    let header: String = (0..n).map(|k| format!(",k{k}")).collect();
    let mut shares = format!("cohort,size{header}\n");
    let mut counts = shares.clone();
    let mut survivors = Vec::new();
    let mut sums = vec![(0u64, 0u64, false); n];
    for c in 0..n {
        let members: Vec<&str> = first
            .iter()
            .filter(|(_, &f)| f == c)
            .map(|(&id, _)| id)
            .collect();
        let size = members.len() as u64;
        if size == 0 {
            continue;
        }
        let name = label(g, p0 + c as u32);
        shares.push_str(&format!("{name},{size}"));
        counts.push_str(&format!("{name},{size}"));
        let mut surv = Vec::new();
        for (k, sum) in sums.iter_mut().enumerate() {
            if c + k >= n {
                shares.push(',');
                counts.push(',');
                continue;
            }
            let cell = members
                .iter()
                .filter(|id| active[c + k].contains(*id))
                .count() as u64;
            shares.push_str(&format!(",{}", rate(cell, size)));
            counts.push_str(&format!(",{cell}"));
            surv.push(members.iter().filter(|id| last[*id] >= c + k).count() as u64);
            if !(incomplete_last && c + k == n - 1) {
                *sum = (sum.0 + cell, sum.1 + size, true);
            }
        }
        shares.push('\n');
        counts.push('\n');
        survivors.push((name, surv));
    }
    shares.push_str(&format!("average,{}", first.len()));
    counts.push_str(&format!("average,{}", first.len()));
    for (cells, sizes, any) in sums {
        if any {
            shares.push_str(&format!(",{}", rate(cells, sizes)));
            counts.push_str(&format!(",{cells}"));
        } else {
            shares.push(',');
            counts.push(',');
        }
    }
    shares.push('\n');
    counts.push('\n');

    let mut incomplete = vec![false; n];
    incomplete[n - 1] = incomplete_last;
    Model {
        results,
        shares,
        counts,
        survivors,
        incomplete,
        revenue,
    }
}

fn compare(d: &Dataset, file: &File) -> Result<(), TestCaseError> {
    let customers: HashSet<&str> = file.rows.iter().map(|r| r.id.as_str()).collect();
    prop_assert_eq!(d.customers, Some(customers.len() as u64));
    prop_assert_eq!(d.rows, file.rows.len() as u64);
    for g in Granularity::ALL {
        let m = model(&file.rows, g);
        let t: &PeriodTable = d.table(g).expect("every granularity");
        let c = t.cohorts.as_ref().expect("cohorts");
        prop_assert_eq!(&results_csv(t), &m.results, "{:?} results", g);
        prop_assert_eq!(&cohort_csv(c, false), &m.shares, "{:?} cohort shares", g);
        prop_assert_eq!(&cohort_csv(c, true), &m.counts, "{:?} cohort counts", g);
        let survivors: Vec<(String, Vec<u64>)> = c
            .rows
            .iter()
            .map(|r| (r.label.clone(), r.survivors.clone()))
            .collect();
        prop_assert_eq!(&survivors, &m.survivors, "{:?} survivors", g);
        for s in &m.survivors {
            prop_assert!(s.1.windows(2).all(|w| w[0] >= w[1]), "survivors never rise");
        }
        let incomplete: Vec<bool> = t.rows.iter().map(|r| r.incomplete).collect();
        prop_assert_eq!(&incomplete, &m.incomplete, "{:?} incomplete", g);
        prop_assert_eq!(c.incomplete_last, m.incomplete[m.incomplete.len() - 1]);
        for (r, &cents) in t.rows.iter().zip(&m.revenue) {
            match r.revenue {
                None => prop_assert!(!file.amounts, "{} has no revenue", r.label),
                Some(sum) => {
                    prop_assert!(file.amounts);
                    let want = Decimal {
                        units: i128::from(cents),
                        scale: 2,
                    };
                    prop_assert_eq!(
                        sum.cmp_exact(want),
                        Some(std::cmp::Ordering::Equal),
                        "{} revenue {:?}, want {} cents",
                        r.label,
                        sum,
                        cents
                    );
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// The importer, fed in random chunks, against the model.
    #[test]
    fn importer_matches_the_definitions(
        file in file(),
        sizes in prop::collection::vec(1usize..200, 1..12),
    ) {
        let bytes = file.bytes();
        let d = done(import_chunked(&bytes, &sizes, &day_first()))?;
        compare(&d, &file)?;
        // Chunking must not matter at all.
        let whole = done(import_chunked(&bytes, &[bytes.len()], &day_first()))?;
        prop_assert_eq!(&d, &whole);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// active(t) = start(t) - lost(t) + new(t) + returning(t), and lost = start - retained.
    #[test]
    fn flows_add_up_in_every_period(
        rows in prop::collection::vec((0u32..40, date()), 1..150),
    ) {
        let mut text = String::from("customer_id,date\n");
        for (id, d) in &rows {
            text.push_str(&format!("{id},{:04}-{:02}-{:02}\n", d.year, d.month, d.day));
        }
        let d = done(import_chunked(text.as_bytes(), &[4096], &Options::default()))?;
        for g in Granularity::ALL {
            let t = d.table(g).expect("every granularity");
            for r in &t.rows {
                let (retained, new) = (r.retained.unwrap(), r.new.unwrap());
                let (returning, lost) = (r.returning.unwrap(), r.lost.unwrap());
                prop_assert_eq!(r.active + lost, r.start + new + returning, "{}", r.label);
                prop_assert_eq!(lost + retained, r.start, "{}", r.label);
            }
            let total: u64 = t.rows.iter().map(|r| r.new.unwrap()).sum();
            prop_assert_eq!(Some(total), d.customers, "{:?}", g);
        }
    }

    /// Day/month dates with a day above 12 somewhere read as the same dates written ISO.
    #[test]
    fn the_order_one_row_shows_holds_for_the_whole_file(
        rows in prop::collection::vec((0u32..20, date()), 1..60),
        decider in (2021u32..=2024, 1u32..=12, 13u32..=28),
        at in any::<prop::sample::Index>(),
        month_first in any::<bool>(),
        dotted in any::<bool>(),
    ) {
        let mut rows = rows;
        let (y, m, day) = decider;
        rows.insert(at.index(rows.len() + 1), (99, Date { year: y, month: m, day }));
        let sep = if dotted { '.' } else { '/' };
        let mut written = String::from("customer_id,date\n");
        let mut iso = written.clone();
        for (id, d) in &rows {
            let (a, b) = if month_first { (d.month, d.day) } else { (d.day, d.month) };
            written.push_str(&format!("{id},{a:02}{sep}{b:02}{sep}{:04}\n", d.year));
            iso.push_str(&format!("{id},{:04}-{:02}-{:02}\n", d.year, d.month, d.day));
        }
        let got = done(import_chunked(written.as_bytes(), &[97], &Options::default()))?;
        let want = done(import_chunked(iso.as_bytes(), &[97], &Options::default()))?;
        prop_assert_eq!(&got.tables, &want.tables);
        let order = if month_first { DateOrder::MonthFirst } else { DateOrder::DayFirst };
        prop_assert_eq!(got.date_order.map(|(o, _)| o), Some(order));
    }

    /// Bad rows are reported on the row a spreadsheet shows, whatever the blank lines, line
    /// endings, line breaks inside quotes and chunk boundaries.
    #[test]
    fn problems_carry_spreadsheet_rows(
        lines in prop::collection::vec((0usize..3, any::<bool>(), any::<bool>()), 1..30),
        crlf in any::<bool>(),
        sizes in prop::collection::vec(1usize..50, 1..6),
    ) {
        let eol = if crlf { "\r\n" } else { "\n" };
        let mut text = format!("customer_id,date{eol}");
        let mut row = 1u64;
        let mut bad_rows = Vec::new();
        for (i, &(blanks, multiline, bad)) in lines.iter().enumerate() {
            for _ in 0..blanks {
                text.push_str(eol);
                row += 1;
            }
            row += 1;
            let id = if multiline { format!("\"id{eol}{i}\"") } else { format!("id{i}") };
            let date = if bad { "2024-02-30" } else { "2024-02-01" };
            text.push_str(&format!("{id},{date}{eol}"));
            if bad {
                bad_rows.push(row);
            }
        }
        let outcome = import_chunked(text.as_bytes(), &sizes, &Options::default());
        match outcome {
            Outcome::Failed { problems, rows, .. } => {
                prop_assert_eq!(rows, lines.len() as u64);
                prop_assert_eq!(problems.total, bad_rows.len() as u64);
                let got: Vec<u64> = problems.listed.iter().filter_map(|p| p.row).collect();
                let listed = bad_rows.len().min(20);
                prop_assert_eq!(&got[..], &bad_rows[..listed]);
            }
            Outcome::Done(d) => {
                prop_assert!(bad_rows.is_empty());
                prop_assert_eq!(d.rows, lines.len() as u64);
            }
            other => prop_assert!(false, "unexpected {:?}", other),
        }
    }
}
