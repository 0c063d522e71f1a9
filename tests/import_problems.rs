//! Bad inputs, one test each: the spreadsheet row (header = row 1), the column's name and the
//! English message a user reads.

mod common;

use retention_lab::core::import::dates::DateOrder;
use retention_lab::core::import::importer::{Options, Outcome};
use retention_lab::core::import::problem::{Problems, LISTED};
use retention_lab::core::import::tables::Granularity;
use retention_lab::i18n::{fill, EN};

/// How much of a message a case pins down.
enum Msg {
    /// The whole message.
    Is(&'static str),
    /// Its key part, where the rest of the wording is not this suite's business.
    Has(&'static str),
}
use Msg::{Has, Is};

/// Reads a text whole and byte by byte; both must agree.
fn read(text: &[u8], options: &Options) -> Outcome {
    common::read_in_chunks(text, options, &[1])
}

fn failed(text: &[u8], options: &Options) -> Problems {
    match read(text, options) {
        Outcome::Failed { problems, .. } => problems,
        other => panic!("expected problems, got {other:?}"),
    }
}

/// Every problem of the file, in order: (row, column, message).
fn check(text: impl AsRef<[u8]>, options: Options, want: &[(Option<u64>, Option<&str>, Msg)]) {
    let problems = failed(text.as_ref(), &options);
    let en = &EN;
    assert_eq!(problems.total, want.len() as u64, "{problems:?}");
    for (got, (row, column, msg)) in problems.listed.iter().zip(want) {
        assert_eq!(got.row, *row, "{got:?}");
        assert_eq!(got.column.as_deref(), *column, "{got:?}");
        let text = en.problem(got);
        match msg {
            Is(m) => assert_eq!(text, *m, "{got:?}"),
            Has(m) => assert!(text.contains(m), "{text:?} lacks {m:?}"),
        }
    }
}

fn plain() -> Options {
    Options::default()
}

const NOT_A_DATE: &str =
    "expected a date such as 2024-03-05, 20240305, 2024-03, 05/03/2024 or 05.03.2024.";

/// One `#[test]` per bad input, named after it.
macro_rules! bad {
    ($($name:ident: $text:expr, $options:expr => [$(($row:expr, $col:expr, $msg:expr)),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                check($text, $options, &[$(($row, $col, $msg)),*]);
            }
        )*
    };
}

bad! {
    empty_file: b"", plain() => [(None, None, Is("The file is empty."))];

    only_blank_lines: b"\n\r\n  \n,,\n", plain() => [(None, None, Is("The file is empty."))];

    header_only: b"customer_id,date\n", plain() => [
        (None, None, Is("The file has a header but no data rows.")),
    ];

    header_and_blank_rows: b"customer_id,date\r\n\r\n,\r\n", plain() => [
        (None, None, Is("The file has a header but no data rows.")),
    ];

    utf16_little_endian: b"\xff\xfec\x00u\x00s\x00t\x00", plain() => [
        (None, None, Is("The file is saved as UTF-16 (\u{201c}Unicode text\u{201d}); save it as \u{201c}CSV UTF-8\u{201d} and read it again.")),
    ];

    utf16_big_endian: b"\xfe\xff\x00c\x00u\x00s\x00t", plain() => [
        (None, None, Has("is saved as UTF-16")),
    ];

    more_fields_than_the_header: "customer_id,date\nA,2024-01-05\nB,2024-01-06,12\n", plain() => [
        (Some(3), None, Is("Row 3: this row has 3 fields but the header has 2; a value may contain the separator without quotes around it.")),
    ];

    fewer_fields_than_the_header: "period,start,new,lost\nJan,100,10\n", plain() => [
        (Some(2), None, Has("Row 2: this row has 3 fields but the header has 4;")),
    ];

    missing_customer_id: "customer_id,date\n,2024-01-05\n", plain() => [
        (Some(2), Some("customer_id"), Is("Row 2, column \u{201c}customer_id\u{201d}: the cell is empty; a value is needed here.")),
    ];

    missing_date: "customer_id,date\nA,\n", plain() => [
        (Some(2), Some("date"), Is("Row 2, column \u{201c}date\u{201d}: the cell is empty; a value is needed here.")),
    ];

    month_13: "customer_id,date\nA,2024-13-05\n", plain() => [
        (Some(2), Some("date"), Is("Row 2, column \u{201c}date\u{201d}: \u{201c}2024-13-05\u{201d}: there is no month 13; expected a month from 1 to 12.")),
    ];

    day_31_in_april: "customer_id,date\nA,2024-04-31\n", plain() => [
        (Some(2), Some("date"), Is("Row 2, column \u{201c}date\u{201d}: \u{201c}2024-04-31\u{201d}: month 4 of 2024 has no day 31.")),
    ];

    feb_29_in_a_non_leap_year: "customer_id,date\nA,2023-02-29\nB,29/02/2023\nC,2024-02-29\n", plain() => [
        (Some(2), Some("date"), Is("Row 2, column \u{201c}date\u{201d}: \u{201c}2023-02-29\u{201d}: month 2 of 2023 has no day 29.")),
        (Some(3), Some("date"), Is("Row 3, column \u{201c}date\u{201d}: \u{201c}29/02/2023\u{201d}: month 2 of 2023 has no day 29.")),
    ];

    day_zero: "customer_id,date\nA,20240300\n", plain() => [
        (Some(2), Some("date"), Is("Row 2, column \u{201c}date\u{201d}: \u{201c}20240300\u{201d}: month 3 of 2024 has no day 0.")),
    ];

    solar_hijri_year: "customer_id,date\nA,1403-01-15\n", plain() => [
        (Some(2), Some("date"), Is("Row 2, column \u{201c}date\u{201d}: \u{201c}1403-01-15\u{201d}: the year 1403 looks like a Solar Hijri (Persian calendar) date; convert the dates to the Gregorian calendar (1403 is 2024\u{2013}2025).")),
    ];

    solar_hijri_year_names_its_own_gregorian_years: "customer_id,date\nA,1399-12-01\n", plain() => [
        (Some(2), Some("date"), Has("(1399 is 2020\u{2013}2021).")),
    ];

    zero_day_is_no_date_in_either_order: "customer_id,date\nA,00/05/2024\n", plain() => [
        (Some(2), Some("date"), Is("Row 2, column \u{201c}date\u{201d}: \u{201c}00/05/2024\u{201d}: month 5 of 2024 has no day 0.")),
    ];

    year_before_1700: "customer_id,date\nA,1066-10-14\n", plain() => [
        (Some(2), Some("date"), Is("Row 2, column \u{201c}date\u{201d}: \u{201c}1066-10-14\u{201d}: the year 1066 is before 1700; expected a Gregorian date.")),
    ];

    garbage_date: "customer_id,date\nA,next tuesday\n", plain() => [
        (Some(2), Some("date"), Has("Row 2, column \u{201c}date\u{201d}: \u{201c}next tuesday\u{201d}: expected a date such as")),
    ];

    two_digit_year: "customer_id,date\nA,05/03/24\n", plain() => [
        (Some(2), Some("date"), Is("Row 2, column \u{201c}date\u{201d}: \u{201c}05/03/24\u{201d}: the year has two digits; write all four (2024) so that the century is not guessed.")),
    ];

    no_field_can_be_the_month: "customer_id,date\nA,25/13/2024\n", plain() => [
        (Some(2), Some("date"), Is("Row 2, column \u{201c}date\u{201d}: \u{201c}25/13/2024\u{201d}: neither 25 nor 13 can be a month.")),
    ];

    not_a_time_after_the_date: "customer_id,date\nA,2024-03-05 25:00\n", plain() => [
        (Some(2), Some("date"), Is("Row 2, column \u{201c}date\u{201d}: \u{201c}2024-03-05 25:00\u{201d}: the text after the date is not a time of day (expected e.g. 14:30, 14:30:05 or 2024-03-05T14:30:00+07:00).")),
    ];

    month_first_date_in_a_day_first_file: "customer_id,date\nA,25/03/2024\nB,03/25/2024\n", plain() => [
        (Some(3), Some("date"), Is("Row 3, column \u{201c}date\u{201d}: \u{201c}03/25/2024\u{201d}: cannot be read day first, but row 2 (\u{201c}25/03/2024\u{201d}) shows that this file writes the day first.")),
    ];

    day_first_date_in_a_month_first_file: "customer_id,date\nA,05/03/2024\nB,03/25/2024 10:00\nC,25.03.2024\n", plain() => [
        (Some(4), Some("date"), Is("Row 4, column \u{201c}date\u{201d}: \u{201c}25.03.2024\u{201d}: cannot be read month first, but row 3 (\u{201c}03/25/2024 10:00\u{201d}) shows that this file writes the month first.")),
    ];

    no_month_under_the_order_the_user_chose: "customer_id,date\nA,03/25/2024\n",
        Options { date_order: Some(DateOrder::DayFirst), ..plain() } => [
        (Some(2), Some("date"), Is("Row 2, column \u{201c}date\u{201d}: \u{201c}03/25/2024\u{201d}: there is no month 25; expected a month from 1 to 12.")),
    ];

    amount_that_is_not_a_number: "customer_id,date,amount\nA,2024-01-05,ten\n", plain() => [
        (Some(2), Some("amount"), Is("Row 2, column \u{201c}amount\u{201d}: \u{201c}ten\u{201d}: \u{201c}t\u{201d} (character 1) is not a digit; expected a number such as 19.99.")),
    ];

    amount_that_reads_two_ways_with_a_decimal_comma: "customer_id;date;amount\nA;2024-01-05;1.000\n",
        Options { decimal_comma: true, ..plain() } => [
        (Some(2), Some("amount"), Is("Row 2, column \u{201c}amount\u{201d}: \u{201c}1.000\u{201d}: this reads as 1,000.000 or 1.000; write the amount so that only one reading is possible, such as 1,234.50.")),
    ];

    amount_with_more_than_four_decimals: "customer_id,date,amount\nA,2024-01-05,19.99\nB,2024-01-06,1.23456\nC,2024-01-07,2.500000\n", plain() => [
        (Some(3), Some("amount"), Is("Row 3, column \u{201c}amount\u{201d}: \u{201c}1.23456\u{201d}: the amount has 5 decimals; expected at most 4, such as 19.9999.")),
    ];

    amount_that_is_not_utf8: &b"customer_id,date,amount\nA,2024-01-05,\xa312\n"[..], plain() => [
        (Some(2), Some("amount"), Is("Row 2, column \u{201c}amount\u{201d}: \u{201c}\u{fffd}12\u{201d}: the text is not UTF-8; save the file as \u{201c}CSV UTF-8\u{201d}.")),
    ];

    negative_count: "period,start,new,lost\nJan,1000,-5,10\n", plain() => [
        (Some(2), Some("new"), Is("Row 2, column \u{201c}new\u{201d}: \u{201c}-5\u{201d}: a count of customers cannot be negative; expected 0 or more.")),
    ];

    fractional_count: "period,start,new,lost\nJan,1000,5,12.5\n", plain() => [
        (Some(2), Some("lost"), Is("Row 2, column \u{201c}lost\u{201d}: \u{201c}12.5\u{201d}: a count of customers is a whole number; expected one without a decimal part, such as 1,000.")),
    ];

    count_that_is_not_a_number: "period,start,new,lost\nJan,1000,n/a,5\n", plain() => [
        (Some(2), Some("new"), Is("Row 2, column \u{201c}new\u{201d}: \u{201c}n/a\u{201d}: \u{201c}n\u{201d} (character 1) is not a digit; expected a whole number such as 1,000.")),
    ];

    count_with_a_misplaced_separator: "period,start,new,lost\nJan,1000,\"10,,5\",5\n", plain() => [
        (Some(2), Some("new"), Is("Row 2, column \u{201c}new\u{201d}: \u{201c}10,,5\u{201d}: the separator at character 4 is out of place; group the digits in threes, such as 1,000,000.")),
    ];

    count_too_large: "period,start,new,lost\nJan,99999999999999999999999,5,5\n", plain() => [
        (Some(2), Some("start"), Is("Row 2, column \u{201c}start\u{201d}: \u{201c}99999999999999999999999\u{201d}: the number is too large.")),
    ];

    series_count_that_is_not_a_number: "period,customers\n2024-01,12a\n", plain() => [
        (Some(2), Some("customers"), Is("Row 2, column \u{201c}customers\u{201d}: \u{201c}12a\u{201d}: \u{201c}a\u{201d} (character 3) is not a digit; expected a whole number such as 1,000.")),
    ];

    lost_more_than_start: "period,start,new,lost\nJan,100,10,150\n", plain() => [
        (Some(2), Some("lost"), Is("Row 2, column \u{201c}lost\u{201d}: \u{201c}150\u{201d}: more lost customers than the 100 customers at the start of the period.")),
    ];

    lost_more_than_the_start_carried_from_the_last_end: "period,start,new,lost\nJan,100,10,50\nFeb,,0,70\n", plain() => [
        (Some(3), Some("lost"), Is("Row 3, column \u{201c}lost\u{201d}: \u{201c}70\u{201d}: more lost customers than the 60 customers at the start of the period.")),
    ];

    joined_left_more_than_new: "period,start,new,lost,joined_left\nJan,100,20,10,30\n", plain() => [
        (Some(2), Some("joined_left"), Is("Row 2, column \u{201c}joined_left\u{201d}: \u{201c}30\u{201d}: more customers joined and left than the 20 new customers.")),
    ];

    first_start_missing: "period,start,new,lost\nJan,,10,5\nFeb,,10,5\n", plain() => [
        (Some(2), Some("start"), Is("Row 2, column \u{201c}start\u{201d}: the start (customers at the start) is needed on the first period; later periods may leave it empty.")),
        // Jan left out, Feb's start is unknown too.
        (Some(3), Some("start"), Has("Row 3, column \u{201c}start\u{201d}: the start")),
    ];

    duplicate_period: "period,start,new,lost\nJan,100,10,5\nFeb,,10,5\nJan,,1,1\n", plain() => [
        (Some(4), Some("period"), Is("Row 4, column \u{201c}period\u{201d}: \u{201c}Jan\u{201d}: this period already appears on row 2.")),
    ];

    missing_period_label: "period,start,new,lost\n,100,10,5\n", plain() => [
        (Some(2), Some("period"), Is("Row 2, column \u{201c}period\u{201d}: the cell is empty; a value is needed here.")),
    ];

    missing_required_count: "period,start,new,lost\nJan,100,,5\n", plain() => [
        (Some(2), Some("new"), Is("Row 2, column \u{201c}new\u{201d}: the cell is empty; a value is needed here.")),
    ];

    period_label_that_is_not_utf8: &b"period,start,new,lost\nM\xe4r,100,1,1\n"[..], plain() => [
        (Some(2), Some("period"), Is("Row 2, column \u{201c}period\u{201d}: \u{201c}M\u{fffd}r\u{201d}: the text is not UTF-8; save the file as \u{201c}CSV UTF-8\u{201d}.")),
    ];

    span_too_long: "customer_id,date\nA,1950-01-01\nB,2024-01-01\n", plain() => [
        (Some(3), Some("date"), Is("Row 3, column \u{201c}date\u{201d}: the dates run from 1950-01-01 (row 2) to 2024-01-01 (row 3), more than 50 years; one of them is probably mistyped.")),
    ];

    span_too_long_backwards: "customer_id,date\nA,2024-01-01\nB,1950-06-15\n", plain() => [
        (Some(3), Some("date"), Has("the dates run from 1950-06-15 (row 3) to 2024-01-01 (row 2), more than 50 years")),
    ];

    // 1989-06 lies in the block of months already held for 1990-01, yet widens the span to
    // 50 years and 6 months.
    span_too_long_inside_the_months_already_held: "customer_id,date\nA,1990-01-01\nB,2039-12-01\nC,1989-06-01\n", plain() => [
        (Some(4), Some("date"), Has("the dates run from 1989-06-01 (row 4) to 2039-12-01 (row 3), more than 50 years")),
    ];

    // Ids of one shape (C01, C02, …) are marked in batches: a row's date that widens the span
    // too far is still reported in its place among the other rows' problems.
    span_too_long_among_other_problems_with_dense_ids: "customer_id,date\nC01,1950-01-01\nC02,2024-01-01\nC03,nope\nC04,2024-02-01\nC05,1951-01-01\nC06,\n", plain() => [
        (Some(3), Some("date"), Has("the dates run from 1950-01-01 (row 2) to 2024-01-01 (row 3), more than 50 years")),
        (Some(4), Some("date"), Has("\u{201c}nope\u{201d}: expected a date")),
        (Some(5), Some("date"), Has("more than 50 years")),
        (Some(7), Some("date"), Has("Row 7, column \u{201c}date\u{201d}")),
    ];

    a_nul_byte_after_batched_rows_is_listed_after_their_problems: "customer_id,date\nC01,1950-01-01\nC02,2024-01-01\nC\x000,2024-01-01\n", plain() => [
        (Some(3), Some("date"), Has("more than 50 years")),
        (Some(4), Some("customer_id"), Has("NUL")),
    ];

    blank_lines_count_as_rows: "customer_id,date\n\nA,2024-01-05\n\n\nB,nope\n", plain() => [
        (Some(6), Some("date"), Has("Row 6, column \u{201c}date\u{201d}: \u{201c}nope\u{201d}")),
    ];

    blank_crlf_lines_count_as_rows: "customer_id,date\r\n\r\nA,2024-01-05\r\n\r\nB,nope\r\n", plain() => [
        (Some(5), Some("date"), Has("Row 5, column")),
    ];

    a_quoted_line_break_stays_in_its_row: "customer_id,date\n\"two\nlines\",2024-01-05\nB,nope\n", plain() => [
        (Some(3), Some("date"), Has("Row 3, column")),
    ];

    quoted_crlf_breaks_and_a_blank_line: "customer_id,date\r\n\"two\r\nlines\",2024-01-05\r\n\r\nB,\"x\r\ny\"\r\nC,nope\r\n", plain() => [
        (Some(4), Some("date"), Has("Row 4, column \u{201c}date\u{201d}: \u{201c}x\r\ny\u{201d}")),
        (Some(5), Some("date"), Has("Row 5, column")),
    ];

    a_row_of_separators_above_the_header_is_not_the_header: ",,\ncustomer_id,date\nA,2024-01-05\nB,nope\n", plain() => [
        (Some(4), Some("date"), Has("Row 4, column \u{201c}date\u{201d}: \u{201c}nope\u{201d}")),
    ];

    a_byte_order_mark_is_not_part_of_the_first_name: "\u{feff}customer_id,date\n,2024-01-05\n", plain() => [
        (Some(2), Some("customer_id"), Has("Row 2, column \u{201c}customer_id\u{201d}: the cell is empty")),
    ];

    messages_use_the_header_as_written: "  Customer ID , ORDER-DATE \nA,2024-02-30\n", plain() => [
        (Some(2), Some("ORDER-DATE"), Is("Row 2, column \u{201c}ORDER-DATE\u{201d}: \u{201c}2024-02-30\u{201d}: month 2 of 2024 has no day 30.")),
    ];

    a_long_value_is_shortened: format!("customer_id,date\nA,{}\n", "x".repeat(50)), plain() => [
        (Some(2), Some("date"), Is(concat!(
            "Row 2, column \u{201c}date\u{201d}: \u{201c}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u{2026}\u{201d}: ",
            "expected a date such as 2024-03-05, 20240305, 2024-03, 05/03/2024 or 05.03.2024.",
        ))),
    ];

    a_far_row_is_numbered_with_grouping: {
        let mut text = String::from("customer_id,date\n");
        for i in 0..1500 {
            text.push_str(&format!("C{i},2024-01-05\n"));
        }
        text + "X,nope\n"
    }, plain() => [
        (Some(1502), Some("date"), Has("Row 1,502, column \u{201c}date\u{201d}: \u{201c}nope\u{201d}: expected a date")),
    ];

    several_problems_in_row_order: "customer_id,date,amount\nA,2024-01-05,1\nB,2024-13-01,1\n,2024-01-05,1\nC,2024-01-05,x\nD,2024-01-05\n", plain() => [
        (Some(3), Some("date"), Has("no month 13")),
        (Some(4), Some("customer_id"), Has("the cell is empty")),
        (Some(5), Some("amount"), Has("is not a digit")),
        (Some(6), None, Has("this row has 2 fields but the header has 3")),
    ];
}

#[test]
fn the_not_a_date_message_names_every_form() {
    let problems = failed(b"customer_id,date\nA,March 5\n", &plain());
    let en = &EN;
    assert_eq!(
        en.problem(&problems.listed[0]),
        format!("Row 2, column \u{201c}date\u{201d}: \u{201c}March 5\u{201d}: {NOT_A_DATE}")
    );
}

#[test]
fn more_than_20_problems_list_20_and_count_the_rest() {
    let mut text = String::from("customer_id,date\n");
    for i in 0..25 {
        text.push_str(&format!("C{i},2024-02-{}\n", 30 + i % 2));
    }
    let problems = failed(text.as_bytes(), &plain());
    assert_eq!(LISTED, 20);
    assert_eq!(problems.listed.len(), 20);
    assert_eq!(problems.total, 25);
    assert_eq!(problems.bad_rows, 25);
    let rows: Vec<u64> = problems.listed.iter().filter_map(|p| p.row).collect();
    assert_eq!(rows, (2..=21).collect::<Vec<u64>>());
    // Rows with problems are all kept by number, so that leaving them out can name each.
    assert_eq!(problems.first_bad_rows, (2..=26).collect::<Vec<u64>>());
    let en = &EN;
    assert_eq!(
        en.problem(&problems.listed[19]),
        "Row 21, column \u{201c}date\u{201d}: \u{201c}2024-02-31\u{201d}: month 2 of 2024 has no day 31."
    );
    let rest = problems.total - problems.listed.len() as u64;
    assert_eq!(
        fill(en.import.more_problems, &[("count", &rest.to_string())]),
        "\u{2026}and 5 more problems."
    );
}

#[test]
fn skipping_bad_rows_is_an_explicit_choice() {
    let text = "customer_id,date\nA,2024-01-05\nB,2024-13-01\n\nB,2024-01-07\nC,\nA,2024-02-01\n";
    // Without the choice: problems, nothing computed.
    let Outcome::Failed { problems, rows, .. } = read(text.as_bytes(), &plain()) else {
        panic!("bad rows must not be left out silently");
    };
    assert_eq!(rows, 5);
    assert_eq!(problems.first_bad_rows, [3, 6]);

    let skip = Options {
        skip_bad_rows: true,
        ..plain()
    };
    let Outcome::Done(d) = read(text.as_bytes(), &skip) else {
        panic!("the good rows should be read");
    };
    assert_eq!(d.rows, 5, "every data row is counted, kept or not");
    assert_eq!(d.skipped.total, 2);
    assert_eq!(d.skipped.bad_rows, 2);
    assert_eq!(d.skipped.first_bad_rows, [3, 6]);
    assert_eq!(
        d.customers,
        Some(2),
        "B's good row still counts; C has none"
    );
    let month = d.table(Granularity::Month).unwrap();
    let got: Vec<_> = month
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.active, r.start, r.new))
        .collect();
    assert_eq!(
        got,
        [("2024-01", 2, 0, Some(2)), ("2024-02", 1, 2, Some(0))]
    );
}

#[test]
fn skipping_cannot_help_a_file_without_usable_rows() {
    let skip = Options {
        skip_bad_rows: true,
        ..plain()
    };
    for text in [
        "customer_id,date\n",
        "customer_id,date\nA,nope\nB,\n",
        "period,start,new,lost\nJan,,1,1\n",
    ] {
        assert!(
            matches!(read(text.as_bytes(), &skip), Outcome::Failed { .. }),
            "{text:?}"
        );
    }
}

#[test]
fn a_counts_row_left_out_leaves_the_next_start_unknown() {
    // Feb is left out, so Mar's start is not Jan's end: with no start of its own, Mar is left
    // out too; Apr gives its start and is kept.
    let text = "period,start,new,lost\nJan,100,10,5\nFeb,,x,5\nMar,,10,5\nApr,50,1,1\n";
    let skip = Options {
        skip_bad_rows: true,
        ..plain()
    };
    let Outcome::Done(d) = read(text.as_bytes(), &skip) else {
        panic!("Jan and Apr should be read");
    };
    assert_eq!(d.skipped.first_bad_rows, [3, 4]);
    let en = &EN;
    let words: Vec<String> = d.skipped.listed.iter().map(|p| en.problem(p)).collect();
    assert_eq!(
        words[1],
        "Row 4, column \u{201c}start\u{201d}: the start (customers at the start) is needed on the first period; later periods may leave it empty."
    );
    let got: Vec<_> = d.tables[0]
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.start, r.active))
        .collect();
    assert_eq!(got, [("Jan", 100, 105), ("Apr", 50, 50)]);
}

#[test]
fn a_series_row_left_out_leaves_the_next_growth_blank() {
    let text = "period,customers\n1,100\n2,x\n3,130\n4,143\n";
    let skip = Options {
        skip_bad_rows: true,
        ..plain()
    };
    let Outcome::Done(d) = read(text.as_bytes(), &skip) else {
        panic!("rows 1, 3 and 4 should be read");
    };
    assert_eq!(d.skipped.first_bad_rows, [3]);
    let got: Vec<_> = d.tables[0]
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.active, r.net_growth()))
        .collect();
    // Period 3's growth would span periods 2 and 3: blank, like the first period's.
    assert_eq!(
        got,
        [("1", 100, None), ("3", 130, None), ("4", 143, Some(0.1))]
    );
}
