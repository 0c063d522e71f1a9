//! Awkward files and what the import and the exports make of them: labels that need quotes
//! or the formula guard, NUL bytes, an unclosed quote, a bare CR in quotes (items 1, 2, 3
//! and 6); a header too long and a preview of many columns (4), files that are not UTF-8
//! text (5), a single column of dates (7), negative amounts (9) and the wording (10).

mod common;

use csv_core::{ReadRecordResult, Reader};
use proptest::prelude::*;
use retention_lab::core::import::counts::Warning;
use retention_lab::core::import::importer::{import_text, Dataset, Options, Outcome};
use retention_lab::core::import::layout::{Format, Role, PREVIEW_COLUMNS};
use retention_lab::core::import::message::{encode, Reply};
use retention_lab::core::import::problem::{
    NumberErrorText, Problem, ProblemKind, Problems, Signature,
};
use retention_lab::core::import::tables::{results_csv, Granularity};
use retention_lab::core::number::Decimal;
use retention_lab::i18n::file::{build, parse};
use retention_lab::i18n::{Lang, Strings, EN};

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

/// A file too large to read a byte at a time in a test: whole and in larger chunks.
fn read_large(text: &[u8], options: &Options) -> Outcome {
    common::read_in_chunks(text, options, &[4096, 65_543])
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
    // As the page words it: every row, by number.
    let listed = EN.row_numbers(&problems.first_bad_rows, problems.bad_rows);
    assert_eq!(listed.split(", ").count(), bad.len() - 1);
    assert!(
        listed.ends_with(&format!(" and {}", bad[bad.len() - 1])),
        "{listed}"
    );
    assert!(!listed.contains("more"), "{listed}");
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

/// The Persian and Vietnamese strings, as the page reads their files.
fn language(lang: Lang) -> &'static Strings {
    let text = match lang {
        Lang::Fa => include_str!("../public/i18n/fa.txt"),
        Lang::Vi => include_str!("../public/i18n/vi.txt"),
        Lang::En => return &EN,
    };
    build(parse(text).expect("parses"), lang.number_style()).strings
}

/// The problem of a file that fails as a whole.
fn file_problem(text: &[u8]) -> Problem {
    let (problems, _) = failed(text, &Options::default());
    assert!(problems.file_problem, "{problems:?}");
    problems.listed[0].clone()
}

/// A header of `n` columns named `c0`, `c1`… after `first`, and `rows` data rows to match.
fn wide_file(first: &str, n: usize, rows: usize) -> String {
    let fixed = first.split(',').count();
    let mut text = String::from(first);
    for c in fixed..n {
        text.push_str(&format!(",c{c}"));
    }
    text.push('\n');
    for r in 0..rows {
        let mut row = format!("C{r},2024-01-{:02}", r % 28 + 1);
        for _ in 2..n {
            row.push_str(",x");
        }
        text.push_str(&row);
        text.push('\n');
    }
    text
}

#[test]
fn item_4_a_header_longer_than_the_preview_limit_is_an_error_never_cut() {
    // A million columns (about 7 MB of header) and a header the format is recognised from,
    // longer than 64 KiB: neither is cut to the columns that fit.
    let million = wide_file("a", 1_000_000, 0);
    let Outcome::Failed { problems, .. } = import_text(million.as_bytes(), Options::default())
    else {
        panic!("a header of a million columns is refused");
    };
    assert_eq!(problems.total, 1);
    let ProblemKind::HeaderTooLong { limit, columns } = problems.listed[0].kind else {
        panic!("{:?}", problems.listed[0]);
    };
    assert_eq!(limit, 65_536);
    assert!((10_000..1_000_000).contains(&columns), "{columns}");
    let words = EN.problem(&problems.listed[0]);
    assert!(
        words.starts_with("The file has a first row (the header) longer than 65,536 bytes, the most that is read to find the columns; those bytes alone hold more than "),
        "{words}"
    );
    let known = wide_file("customer_id,date", 20_000, 3);
    let outcome = read_large(known.as_bytes(), &Options::default());
    let Outcome::Failed { problems, .. } = outcome else {
        panic!("the header is longer than the limit");
    };
    assert!(matches!(
        problems.listed[0].kind,
        ProblemKind::HeaderTooLong { .. }
    ));
    assert!(
        !problems
            .listed
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::FieldCount { .. })),
        "no row is said to have the wrong number of fields"
    );
    // Just under the limit, every column is read and the rows match the header.
    let wide = wide_file("customer_id,date", 6_000, 3);
    assert!(wide.find('\n').unwrap() < 65_536);
    let Outcome::Done(d) = read_large(wide.as_bytes(), &Options::default()) else {
        panic!("a header within the limit is read");
    };
    assert_eq!(d.rows, 3);
    assert_eq!(d.layout.names.len(), 6_000);
    // The columns not used are named up to ten, the rest counted.
    assert_eq!(
        EN.column_names(&d.layout.ignored()),
        "c2, c3, c4, c5, c6, c7, c8, c9, c10, c11 and 5,988 more"
    );
    assert_eq!(EN.column_names(&["a".into(), "b".into()]), "a, b");
}

#[test]
fn item_4_the_mapping_preview_holds_at_most_50_columns_and_counts_the_rest() {
    let text = wide_file("who,when", 3_000, 4).replace("who,when", "a,b");
    let Outcome::NeedLayout(preview) = read_large(text.as_bytes(), &Options::default()) else {
        panic!("the header names no known column");
    };
    assert_eq!(preview.columns, 3_000);
    assert_eq!(preview.shown(), PREVIEW_COLUMNS);
    assert_eq!(preview.hidden(), 2_950);
    assert!(preview.rows.iter().all(|r| r.len() <= PREVIEW_COLUMNS));
    assert!(preview.guess.names.len() <= PREVIEW_COLUMNS);
    // The message to the page stays small: the cells of 50 columns, not of 3,000.
    let reply = Reply::Done {
        run: 1,
        memory: 0.0,
        ms: 0.0,
        wait_ms: 0.0,
        outcome: Outcome::NeedLayout(preview.clone()),
    };
    assert!(encode(&reply).unwrap().len() < 2_000);
    let t = EN.import;
    let more = EN.counted(
        preview.hidden() as u64,
        t.mapping_more_columns_one,
        t.mapping_more_columns,
    );
    assert_eq!(
        more.replace("{shown}", "50"),
        "The file has 2,950 more columns, not shown here: only the first 50 can be chosen."
    );
    // Columns picked among those shown read the whole file, every column counted.
    let mut layout = preview.guess.clone();
    layout.format = Format::Transactions;
    layout.has_header = true;
    layout.columns = vec![(Role::CustomerId, 0), (Role::Date, 1)];
    let options = Options {
        layout: Some(layout),
        ..Options::default()
    };
    let Outcome::Done(d) = read_large(text.as_bytes(), &options) else {
        panic!("the chosen columns are read");
    };
    assert_eq!(d.rows, 4);
    assert_eq!(d.customers, Some(4));
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn item_5_utf16_with_a_byte_order_mark_gets_the_utf16_message() {
    let text = "customer_id,date\nA,2024-01-01\n";
    for (bom, big) in [([0xFF, 0xFE], false), ([0xFE, 0xFF], true)] {
        let mut bytes = bom.to_vec();
        bytes.extend(utf16(text, big));
        assert_eq!(file_problem(&bytes).kind, ProblemKind::Utf16, "{bom:?}");
    }
    // UTF-8's byte-order mark is read.
    let d = done(format!("\u{feff}{text}").as_bytes(), &Options::default());
    assert_eq!(d.rows, 1);
}

#[test]
fn item_5_utf16_without_bom_gets_the_utf16_message() {
    let latin = "customer_id,date\nA,2024-01-01\nB,2024-02-01\n";
    let persian = "period,customers\nفروردین,۱۲۰\nاردیبهشت,۱۳۵\nخرداد,۱۴۰\n";
    for text in [latin, persian] {
        for big in [false, true] {
            let problem = file_problem(&utf16(text, big));
            assert_eq!(problem.kind, ProblemKind::Utf16, "{text} big endian: {big}");
            assert!(EN
                .problem(&problem)
                .starts_with("The file is saved as UTF-16"));
        }
    }
}

/// The first bytes of a file of each kind, and a few more.
fn signed(magic: &[u8]) -> Vec<u8> {
    let mut bytes = magic.to_vec();
    bytes.extend_from_slice(b"\x00\x00\x00\x0dIHDR\x00\x01,\n\x02\x00\xff\xfe\n");
    bytes
}

#[test]
fn item_5_images_and_archives_are_not_csv_text_files() {
    let cases: [(&[u8], Signature, &str); 7] = [
        (b"\x89PNG\r\n\x1a\n", Signature::Png, "a PNG image"),
        (b"\xff\xd8\xff\xe0", Signature::Jpeg, "a JPEG image"),
        (b"GIF89a", Signature::Gif, "a GIF image"),
        (b"%PDF-1.7\n", Signature::Pdf, "a PDF document"),
        (b"PK\x03\x04", Signature::Zip, "a ZIP archive"),
        (b"PK\x05\x06", Signature::Zip, "a ZIP archive"),
        (b"\x1f\x8b\x08", Signature::Gzip, "a gzip-compressed file"),
    ];
    for (magic, signature, kind) in cases {
        let problem = file_problem(&signed(magic));
        assert_eq!(problem.kind, ProblemKind::NotText(signature));
        let words = EN.problem(&problem);
        assert!(
            words.starts_with(&format!("The file is not a CSV text file: it is {kind}")),
            "{words}"
        );
        assert!(
            words.ends_with(". Save the data as “CSV UTF-8” and read that file."),
            "{words}"
        );
    }
    // A full sentence in each language.
    let png = file_problem(&signed(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(
        language(Lang::Fa).problem(&png),
        "فایل یک فایل متنی CSV نیست: یک تصویر PNG است. داده‌ها را با قالب «CSV UTF-8» ذخیره کنید و آن فایل را بخوانید."
    );
    assert_eq!(
        language(Lang::Vi).problem(&png),
        "Tệp không phải là tệp văn bản CSV: đây là một ảnh PNG. Hãy lưu dữ liệu ở dạng “CSV UTF-8” rồi đọc tệp đó."
    );
}

#[test]
fn item_5_the_checks_come_in_the_stated_order() {
    // 1. A UTF-16 byte-order mark wins over the NUL bytes that follow it.
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(utf16("a,b\n", false));
    assert_eq!(file_problem(&bytes).kind, ProblemKind::Utf16);
    // 2. UTF-16 without a mark is UTF-16, not a NUL in a cell.
    assert_eq!(
        file_problem(&utf16("a,b\n1,2\n", false)).kind,
        ProblemKind::Utf16
    );
    // 3. A PNG holds NUL bytes on both sides of its byte pairs: an image, not UTF-16 or NUL.
    let png = signed(b"\x89PNG\r\n\x1a\n");
    assert_eq!(
        file_problem(&png).kind,
        ProblemKind::NotText(Signature::Png)
    );
    // 4. Then a stray NUL or bytes that are not UTF-8 are problems of their cells.
    let (problems, _) = failed(
        b"customer_id,date\nA\x00,2024-01-01\nB,2024-01-02\n",
        &Options::default(),
    );
    assert_eq!(
        (problems.listed[0].row, &problems.listed[0].kind),
        (Some(2), &ProblemKind::Nul)
    );
    assert!(!problems.file_problem);
}

#[test]
fn item_5_bytes_that_are_not_utf8_are_an_error_in_their_cell_in_every_column() {
    let cases: [(&[u8], u64, &str); 5] = [
        // The id column, silent before.
        (
            b"customer_id,date,amount\nA,2024-01-01,1\n\xe9t\xe9,2024-01-02,2\n",
            3,
            "customer_id",
        ),
        (b"customer_id,date,amount\nA,2024-01-\xff1,1\n", 2, "date"),
        (
            b"customer_id,date,amount\nA,2024-01-01,1\xa0\n",
            2,
            "amount",
        ),
        // A column no field uses.
        (b"customer_id,date,note\nA,2024-01-01,caf\xe9\n", 2, "note"),
        (b"period,customers\nJan,1\nF\xe9v,2\n", 3, "period"),
    ];
    for (text, row, column) in cases {
        let (problems, _) = failed(text, &Options::default());
        let p = &problems.listed[0];
        assert_eq!(
            (p.row, p.column.as_deref(), &p.kind),
            (Some(row), Some(column), &ProblemKind::NotUtf8),
            "{}",
            String::from_utf8_lossy(text)
        );
        assert_eq!(problems.total, 1);
    }
    let words = EN.problem(&failed(cases[0].0, &Options::default()).0.listed[0]);
    assert!(
        words
            .starts_with("Row 3, column “customer_id”: “\u{fffd}t\u{fffd}”: the text is not UTF-8"),
        "{words}"
    );
    // In the header: a problem of the whole file.
    let (problems, _) = failed(b"customer_id,date,caf\xe9\nA,2024-01-01,x\n", &skip());
    assert!(problems.file_problem);
    assert_eq!(problems.listed[0].kind, ProblemKind::NotUtf8);
}

#[test]
fn item_7_a_single_column_of_dates_is_an_error_that_says_what_the_file_needs() {
    for text in [
        "date\n2024-01-05\n2024-02-07\n",
        "order_date\n05/03/2024\n06/03/2024\n",
        "2024-01-05\n2024-02-07\n",
    ] {
        let problem = file_problem(text.as_bytes());
        let ProblemKind::DatesOnly { example } = &problem.kind else {
            panic!("{text}: {problem:?}");
        };
        assert!(text.contains(example.as_str()), "{example}");
    }
    assert_eq!(
        EN.problem(&file_problem(b"date\n2024-01-05\n2024-02-07\n")),
        "The file has a single column, and it holds dates (such as “2024-01-05”); a date alone does not say who bought. The file needs a customer id beside each date (customer_id,date) or customer counts per period (period,customers)."
    );
    // A single column of counts is still a series, and one of other values is asked about.
    let d = done(b"customers\n100\n120\n", &Options::default());
    assert_eq!(d.layout.format, Format::Series);
    assert!(matches!(
        read(b"visits\n100\n120\n", &Options::default()),
        Outcome::NeedLayout(_)
    ));
}

/// Orders with refunds (negative amounts) on the given rows.
fn orders_with_refunds(rows: u64, refunds: &[u64]) -> String {
    let mut text = String::from("customer_id,date,amount\n");
    for row in 2..rows + 2 {
        let amount = if refunds.contains(&row) {
            "-5.50"
        } else {
            "19.99"
        };
        text.push_str(&format!(
            "C{},2024-01-{:02},{amount}\n",
            row % 3,
            row % 28 + 1
        ));
    }
    text
}

fn negative_warning(d: &Dataset) -> Option<&Warning> {
    d.warnings
        .iter()
        .find(|w| matches!(w, Warning::NegativeAmounts { .. }))
}

#[test]
fn item_9_negative_amounts_are_counted_and_stated() {
    let d = done(
        orders_with_refunds(12, &[4, 9, 12]).as_bytes(),
        &Options::default(),
    );
    let w = negative_warning(&d).expect("stated");
    assert_eq!(
        w,
        &Warning::NegativeAmounts {
            rows: 3,
            first_rows: vec![4, 9, 12]
        }
    );
    assert_eq!(
        EN.import_warning(w),
        "3 rows have negative amounts (refunds: rows 4, 9 and 12); they are included in revenue as written."
    );
    // Included in revenue as written: 9 × 19.99 − 3 × 5.50 = 163.41.
    let revenue = d.table(Granularity::Month).unwrap().rows[0]
        .revenue
        .unwrap();
    let want = Decimal {
        units: 16_341,
        scale: 2,
    };
    assert_eq!(revenue.cmp_exact(want), Some(std::cmp::Ordering::Equal));

    let one = done(orders_with_refunds(5, &[4]).as_bytes(), &Options::default());
    assert_eq!(
        EN.import_warning(negative_warning(&one).unwrap()),
        "1 row has a negative amount (a refund: row 4); it is included in revenue as written."
    );
    // Many: the first few by number, the rest counted.
    let many: Vec<u64> = (2..40).step_by(3).collect();
    let d = done(
        orders_with_refunds(40, &many).as_bytes(),
        &Options::default(),
    );
    assert_eq!(
        EN.import_warning(negative_warning(&d).unwrap()),
        "13 rows have negative amounts (refunds: rows 2, 5, 8, 11, 14 and 8 more); they are included in revenue as written."
    );
    // None: nothing said.
    let d = done(orders_with_refunds(5, &[]).as_bytes(), &Options::default());
    assert_eq!(negative_warning(&d), None);
    // A row left out is not counted; rows held back for their dates keep their order.
    let text = "customer_id,date,amount\nA,05/03/2024,-1\nB,2024-03-01,-2\nC,2024-13-01,-3\nD,13/03/2024,-4\n";
    let d = done(text.as_bytes(), &skip());
    assert_eq!(
        negative_warning(&d),
        Some(&Warning::NegativeAmounts {
            rows: 3,
            first_rows: vec![2, 3, 5]
        })
    );
    assert_eq!(
        language(Lang::Vi).import_warning(negative_warning(&d).unwrap()),
        "3 dòng có số tiền âm (hoàn tiền: dòng 2, 3 và 5); các số tiền này được tính vào doanh thu đúng như đã ghi."
    );
}

#[test]
fn item_10_count_bearing_messages_take_the_form_of_their_count() {
    let row_problem = |kind| Problem {
        row: Some(3),
        column: None,
        value: None,
        kind,
    };
    let fields = |found| ProblemKind::FieldCount { found, expected: 2 };
    assert_eq!(
        EN.problem(&row_problem(fields(1))),
        "Row 3: this row has 1 field but the header has 2; a value may contain the separator without quotes around it."
    );
    assert!(EN
        .problem(&row_problem(fields(3)))
        .contains("this row has 3 fields but"));
    let lost = |start| ProblemKind::LostExceedsStart { start };
    assert!(EN
        .problem(&row_problem(lost(1)))
        .ends_with("than the 1 customer at the start of the period."));
    assert!(EN
        .problem(&row_problem(lost(5)))
        .ends_with("than the 5 customers at the start of the period."));
    let t = EN.import;
    let cases: [(u64, &str, &str, &str); 5] = [
        (
            1,
            t.more_problems_one,
            t.more_problems,
            "…and 1 more problem.",
        ),
        (
            2,
            t.more_problems_one,
            t.more_problems,
            "…and 2 more problems.",
        ),
        (
            1,
            t.skip_bad_rows_one,
            t.skip_bad_rows,
            "Leave out the 1 row with problems",
        ),
        (1, t.count_customers_one, t.count_customers, "1 customer"),
        (1_000, t.count_periods_one, t.count_periods, "1,000 periods"),
    ];
    for (n, one, other, want) in cases {
        assert_eq!(EN.counted(n, one, other), want);
    }
    assert_eq!(EN.rows_count(1), "1 row");
    assert_eq!(EN.rows_count(2), "2 rows");
    assert_eq!(EN.row_numbers(&[4], 1), "4");
    assert_eq!(EN.row_numbers(&[4, 9], 2), "4 and 9");
    // Persian says "row 4" for one row, and writes its own digits and comma.
    let fa = language(Lang::Fa);
    let skipped = fa.plural(1, fa.import.skipped_rows_one, fa.import.skipped_rows);
    assert!(skipped.contains("(ردیف {rows})"), "{skipped}");
    assert!(fa.import.skipped_rows.contains("(ردیف‌های {rows})"));
    assert_eq!(fa.row_numbers(&[4, 9, 12], 3), "۴، ۹ و ۱۲");
    assert_eq!(fa.rows_count(2), "۲ ردیف");
    let vi = language(Lang::Vi);
    assert_eq!(
        vi.row_numbers(&[4, 9, 12], 1_203),
        "4, 9, 12 và 1.200 dòng khác"
    );
    // Every English message with a one-form says something else for 1.
    let english = retention_lab::i18n::file::entries(&EN);
    for (key, one) in english.iter().filter(|(k, _)| k.ends_with("_one")) {
        let other_key = key.trim_end_matches("_one");
        let (_, other) = english
            .iter()
            .find(|(k, _)| k == other_key)
            .expect("both forms");
        assert_ne!(one, other, "{key}");
    }
}

#[test]
fn item_10_the_amount_error_names_decimals() {
    let text = b"customer_id,date,amount\nA,2024-01-01,12x\n";
    let (problems, _) = failed(text, &Options::default());
    assert!(matches!(problems.listed[0].kind, ProblemKind::Amount(_)));
    let words = EN.problem(&problems.listed[0]);
    assert_eq!(
        words,
        "Row 2, column “amount”: “12x”: “x” (character 3) is not a digit; expected a number such as 19.99."
    );
    assert!(language(Lang::Vi)
        .problem(&problems.listed[0])
        .ends_with("ví dụ 19,99."));
    assert!(language(Lang::Fa)
        .problem(&problems.listed[0])
        .contains("۱۹٫۹۹"));
    // A count still asks for a whole number.
    let (problems, _) = failed(b"period,customers\nJan,1x\n", &Options::default());
    assert!(EN
        .problem(&problems.listed[0])
        .ends_with("expected a whole number such as 1,000."));
}

/// Words of a message that start with a capital where no sentence starts, leaving out
/// quoted text (the user's values and labels), names and abbreviations.
fn capitals_mid_sentence(text: &str) -> Vec<String> {
    const NAMES: [&str; 21] = [
        "CSV",
        "UTF-8",
        "UTF-16",
        "NUL",
        "PNG",
        "JPEG",
        "GIF",
        "PDF",
        "ZIP",
        "Solar",
        "Hijri",
        "Persian",
        "Gregorian",
        "March",
        "May",
        "Ba",
        "Tư",
        "Mặt",
        "Trời",
        "Gregory",
        "Unicode",
    ];
    let mut found = Vec::new();
    let mut quoted = 0usize;
    let mut sentence_start = true;
    let mut word = String::new();
    let mut check = |word: &mut String, start: bool, quoted: usize| {
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital && !start && quoted == 0 && !NAMES.contains(&word.as_str()) {
            found.push(word.clone());
        }
        word.clear();
    };
    let mut word_start = true;
    for c in text.chars() {
        if c.is_alphanumeric() || (c == '-' && !word.is_empty()) {
            if word.is_empty() {
                word_start = sentence_start;
            }
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            check(&mut word, word_start, quoted);
            sentence_start = false;
        }
        match c {
            '“' | '«' => quoted += 1,
            '”' | '»' => quoted = quoted.saturating_sub(1),
            '.' | '?' | '!' | '…' => sentence_start = true,
            c if c.is_whitespace() => {}
            _ => sentence_start = false,
        }
    }
    if !word.is_empty() {
        check(&mut word, word_start, quoted);
    }
    found
}

#[test]
fn item_10_no_import_message_has_a_capital_in_mid_sentence() {
    let number = [
        NumberErrorText::Empty,
        NumberErrorText::Unexpected { at: 1, found: 'x' },
        NumberErrorText::Grouping { at: 2 },
        NumberErrorText::Negative,
        NumberErrorText::Fraction,
        NumberErrorText::TooLarge,
        NumberErrorText::Ambiguous {
            first: 1.5,
            second: 1500.0,
        },
    ];
    let mut kinds = vec![
        ProblemKind::EmptyFile,
        ProblemKind::Utf16,
        ProblemKind::NotText(Signature::Zip),
        ProblemKind::HeaderTooLong {
            limit: 65_536,
            columns: 10_950,
        },
        ProblemKind::DatesOnly {
            example: "2024-01-05".into(),
        },
        ProblemKind::NoData,
        ProblemKind::NotUtf8,
        ProblemKind::Nul,
        ProblemKind::UnclosedQuote { rows_after: 3 },
        ProblemKind::FieldCount {
            found: 1,
            expected: 2,
        },
        ProblemKind::Missing,
        ProblemKind::LostExceedsStart { start: 3 },
        ProblemKind::JoinedLeftExceedsNew { new: 1 },
        ProblemKind::FirstStartMissing,
        ProblemKind::DuplicatePeriod { first_row: 2 },
    ];
    kinds.extend(number.iter().cloned().map(ProblemKind::Number));
    kinds.extend(number.iter().cloned().map(ProblemKind::Amount));
    let mut messages = Vec::new();
    for lang in Lang::ALL {
        let s = language(lang);
        for kind in &kinds {
            for problem in [
                Problem::file(kind.clone()),
                Problem::cell(3, "Amount".into(), b"Abc", kind.clone()),
            ] {
                messages.push(s.problem(&problem));
            }
        }
        // Every sentence of the import's own strings, placeholders filled with a word.
        for (_, text) in retention_lab::i18n::file::entries(s)
            .into_iter()
            .filter(|(k, _)| k.starts_with("import."))
        {
            messages.push(text.replace(['{', '}'], ""));
        }
        messages.push(s.import_warning(&Warning::NegativeAmounts {
            rows: 9,
            first_rows: vec![2, 3, 4, 5, 6],
        }));
    }
    // Each message's first word may have its capital; no later one may, outside quotes.
    let bad: Vec<(String, Vec<String>)> = messages
        .into_iter()
        .filter_map(|m| {
            let words = capitals_mid_sentence(&m);
            (!words.is_empty()).then_some((m, words))
        })
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}
