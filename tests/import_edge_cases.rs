//! Awkward files and what the exports make of them (issue 19, items 1, 2, 3 and 6): labels
//! that need quotes or the formula guard, NUL bytes, an unclosed quote, a bare CR in quotes.

mod common;

use csv_core::{ReadRecordResult, Reader};
use proptest::prelude::*;
use retention_lab::core::import::importer::{Dataset, Options, Outcome};
use retention_lab::core::import::problem::{ProblemKind, Problems};
use retention_lab::core::import::tables::results_csv;
use retention_lab::i18n::EN;

fn read(text: &[u8], options: &Options) -> Outcome {
    common::read_in_chunks(text, options, &[1, 2, 7])
}

fn done(text: &[u8], options: &Options) -> Dataset {
    match read(text, options) {
        Outcome::Done(d) => *d,
        other => panic!("expected a dataset, got {other:?}"),
    }
}

fn failed(text: &[u8], options: &Options) -> (Problems, u64) {
    match read(text, options) {
        Outcome::Failed { problems, rows, .. } => (problems, rows),
        other => panic!("expected problems, got {other:?}"),
    }
}

fn skip() -> Options {
    Options {
        skip_bad_rows: true,
        ..Options::default()
    }
}

/// Every record of a CSV text, read with csv-core's own reader.
fn records(text: &str) -> Vec<Vec<String>> {
    let mut reader = Reader::new();
    let mut input = text.as_bytes();
    let (mut out, mut ends) = (vec![0u8; 1 << 16], vec![0usize; 64]);
    let mut all = Vec::new();
    loop {
        let (res, nin, _, nend) = reader.read_record(input, &mut out, &mut ends);
        input = &input[nin..];
        match res {
            ReadRecordResult::Record => {
                let mut start = 0;
                let fields = ends[..nend]
                    .iter()
                    .map(|&end| {
                        let f = String::from_utf8(out[start..end].to_vec()).unwrap();
                        start = end;
                        f
                    })
                    .collect();
                all.push(fields);
            }
            ReadRecordResult::End => return all,
            ReadRecordResult::InputEmpty => {}
            other => panic!("buffers too small: {other:?}"),
        }
    }
}

/// A counts file whose period labels are `labels`, each quoted as RFC 4180 says.
fn counts_file(labels: &[String]) -> String {
    let mut text = String::from("period,start,new,lost\n");
    for label in labels {
        text.push_str(&format!("\"{}\",10,0,0\n", label.replace('"', "\"\"")));
    }
    text
}

fn guarded(label: &str) -> String {
    if label.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{label}")
    } else {
        label.to_string()
    }
}

#[test]
fn item_1_every_export_quotes_and_guards_text_but_never_numbers() {
    let labels = [
        "Q1, 2024",
        "say \"hi\"",
        "two\nlines",
        "-3",
        "=1+1",
        "@x",
        "+1",
        "plain",
    ];
    let labels: Vec<String> = labels.iter().map(|s| s.to_string()).collect();
    let d = done(counts_file(&labels).as_bytes(), &Options::default());
    let csv = results_csv(&d.tables[0]);
    let rows = records(&csv);
    assert_eq!(rows.len(), labels.len() + 1, "{csv}");
    for row in &rows {
        assert_eq!(row.len(), 10, "{row:?} in {csv}");
    }
    let got: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    let want: Vec<String> = labels.iter().map(|l| guarded(l)).collect();
    assert_eq!(got, want);
    assert!(csv.contains("\n\"Q1, 2024\",10,"), "{csv}");
    assert!(csv.contains("\n'-3,10,"), "{csv}");
    // A negative number in a numeric column is written as it is.
    let text = "period,customers\nJan,10\nFeb,5\n";
    let csv = results_csv(&done(text.as_bytes(), &Options::default()).tables[0]);
    assert!(csv.ends_with("Feb,5,10,,,,,,,-0.5\n"), "{csv}");
}

/// Labels the import keeps as written: no NUL, no space at either end, not empty.
fn label() -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        4 => any::<char>(),
        4 => prop::sample::select(vec![',', '"', '\r', '\n', '=', '+', '-', '@', '\t', ';', '\'']),
    ];
    prop::collection::vec(chars, 1..12)
        .prop_map(|cs| cs.into_iter().filter(|&c| c != '\0').collect::<String>())
        .prop_map(|s| s.trim().to_string())
        .prop_filter("a label", |s| !s.is_empty() && !s.starts_with('\u{feff}'))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Arbitrary labels imported, exported and read back by a standard CSV reader are the
    /// labels, apart from the formula guard.
    #[test]
    fn item_1_arbitrary_labels_round_trip_through_the_export(
        labels in prop::collection::btree_set(label(), 1..8),
    ) {
        let labels: Vec<String> = labels.into_iter().collect();
        let d = match read(counts_file(&labels).as_bytes(), &Options::default()) {
            Outcome::Done(d) => d,
            other => return Err(TestCaseError::fail(format!("{other:?}"))),
        };
        let csv = results_csv(&d.tables[0]);
        let rows = records(&csv);
        prop_assert_eq!(rows.len(), labels.len() + 1);
        for (row, label) in rows[1..].iter().zip(&labels) {
            prop_assert_eq!(row.len(), 10);
            prop_assert_eq!(&row[0], &guarded(label));
        }
    }
}

#[test]
fn item_2_a_nul_byte_is_an_error_with_its_row_and_column() {
    let text = b"customer_id,date\nA,2024-01-01\nB\x00C,2024-01-02\nD,2024-01\x00-03\n";
    let (problems, rows) = failed(text, &Options::default());
    assert_eq!(rows, 3);
    let got: Vec<_> = problems
        .listed
        .iter()
        .map(|p| (p.row, p.column.as_deref(), &p.kind))
        .collect();
    assert_eq!(
        got,
        [
            (Some(3), Some("customer_id"), &ProblemKind::Nul),
            (Some(4), Some("date"), &ProblemKind::Nul),
        ]
    );
    let words = EN.problem(&problems.listed[0]);
    assert!(
        words.starts_with("Row 3, column \u{201c}customer_id\u{201d}: \u{201c}B\\0C\u{201d}: the cell holds a NUL byte (shown as \\0)"),
        "{words}"
    );
    // In a counts file's label too: a NUL never reaches a label or an export.
    let (problems, _) = failed(b"period,customers\nJan,1\nF\x00b,2\n", &Options::default());
    assert_eq!(problems.listed[0].row, Some(3));
    assert_eq!(problems.listed[0].column.as_deref(), Some("period"));
    let d = done(b"period,customers\nJan,1\nF\x00b,2\n", &skip());
    assert_eq!(d.tables[0].rows.len(), 1);
    assert!(!results_csv(&d.tables[0]).contains('\0'));
    // In the header: a problem of the whole file, not a row to leave out.
    let header = b"period,cust\x00omers\nJan,1\n";
    let Outcome::NeedLayout(preview) = read(header, &Options::default()) else {
        panic!("the header names no known column");
    };
    let options = Options {
        layout: Some(preview.guess),
        ..skip()
    };
    let (problems, _) = failed(header, &options);
    assert!(problems.file_problem);
    assert_eq!(problems.listed[0].kind, ProblemKind::Nul);
    assert_eq!(problems.listed[0].column.as_deref(), Some("cust\\0omers"));
}

#[test]
fn item_3_leaving_rows_out_names_every_row_and_kept_plus_left_out_is_all() {
    let mut text = String::from("customer_id,date\n");
    let mut bad = Vec::new();
    for i in 0..300u64 {
        let row = i + 2;
        if i % 7 == 3 {
            text.push_str(&format!("C{i},2024-13-01\n"));
            bad.push(row);
        } else {
            text.push_str(&format!("C{i},2024-01-{:02}\n", i % 28 + 1));
        }
    }
    let (problems, rows) = failed(text.as_bytes(), &Options::default());
    assert!(problems.can_leave_out(rows));
    assert_eq!(problems.first_bad_rows, bad, "every row it would leave out");
    let listed = problems.row_list(|r| r.to_string());
    assert_eq!(listed.split(", ").count(), bad.len());
    let d = done(text.as_bytes(), &skip());
    assert_eq!(d.skipped.first_bad_rows, bad);
    let kept = d.table(Default::default()).unwrap().rows[0].active;
    assert_eq!(
        kept + d.skipped.bad_rows,
        d.rows,
        "rows kept + rows left out = all rows"
    );
    assert_eq!(d.rows, 300);
}

#[test]
fn item_3_an_unclosed_quote_is_an_error_for_the_whole_file() {
    // The quote opened on row 3 is never closed: rows 4 to 6 would be read into its value.
    let text = "customer_id,date\nA,2024-01-01\nB,\"2024-01-02\nC,2024-01-03\nD,2024-01-04\nE,2024-01-05\n";
    let (problems, _) = failed(text.as_bytes(), &skip());
    let first = &problems.listed[0];
    assert_eq!(first.kind, ProblemKind::UnclosedQuote { rows_after: 3 });
    assert_eq!(
        (first.row, first.column.as_deref()),
        (Some(3), Some("date"))
    );
    assert!(problems.file_problem, "a problem of the whole file");
    assert!(
        !problems.can_leave_out(5),
        "leaving rows out is not offered"
    );
    assert_eq!(
        EN.problem(first),
        "Row 3, column \u{201c}date\u{201d}: \u{201c}2024-01-02\u{201d}: the quote that opens this value is never closed, so the 3 rows after it would all be read as part of this one value; add the closing quote (\")."
    );
    // At the very end, and after a quoted value that spans lines but is closed.
    let text = "customer_id,date\n\"A\nB\",2024-01-01\nC,\"2024-01-02";
    let (problems, _) = failed(text.as_bytes(), &Options::default());
    assert_eq!(
        problems.listed[0].kind,
        ProblemKind::UnclosedQuote { rows_after: 0 }
    );
    // Row 3: the value spanning two lines is one row, as in a spreadsheet.
    assert_eq!(problems.listed[0].row, Some(3));
    // Closed quotes, doubled quotes and a quote inside an unquoted value are no problem.
    let d = done(
        b"customer_id,date\n\"A \"\"B\"\"\",2024-01-01\nC\"D,2024-01-02\n\"E\",\"2024-01-03\"",
        &Options::default(),
    );
    assert_eq!(d.rows, 3);
}

#[test]
fn item_6_a_bare_cr_inside_quotes_is_part_of_the_field() {
    for end in ["\n", "\r\n", "\r"] {
        let text = format!("period,customers{end}\"a\rb\",5{end}c,6{end}");
        let d = done(text.as_bytes(), &Options::default());
        let labels: Vec<&str> = d.tables[0].rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["a\rb", "c"], "{end:?}");
        assert_eq!(d.rows, 2);
        // A row after it keeps its spreadsheet number.
        let bad = format!("period,customers{end}\"a\rb\",5{end}c,x{end}");
        let (problems, _) = failed(bad.as_bytes(), &Options::default());
        assert_eq!(problems.listed[0].row, Some(3), "{end:?}");
        // And the export keeps it inside the field.
        let rows = records(&results_csv(&d.tables[0]));
        assert_eq!(rows[1][0], "a\rb");
        assert_eq!(rows.len(), 3);
    }
}
