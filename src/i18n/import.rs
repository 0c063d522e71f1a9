//! The data-import panel's strings and the words for import problems.

use super::charts::unit_of;
use super::table::string_table;
use super::{fill, Strings};
use crate::core::chart::heatmap::Summary;
use crate::core::import::counts::Warning;
use crate::core::import::dates::{DateError, DateOrder};
use crate::core::import::layout::{Format, LayoutProblem, Role};
use crate::core::import::problem::{NumberErrorText, Problem, ProblemKind, Signature};
use crate::core::import::tables::Granularity;

string_table! {
    /// Strings of the data-import panel.
    pub struct ImportStrings {
        heading,
        intro,
        paste_label,
        paste_hint,
        use_pasted,
        upload,
        drop_hint,
        drop_overlay,
        raw_not_kept,
        saved_unreadable,
        sample_label,
        load_sample,
        sample_transactions,
        sample_transactions_dates,
        sample_counts,
        sample_series,
        period_label,
        month,
        quarter,
        year,
        reading,
        progress_label,
        cancel,
        cancelled,
        worker_failed,
        summary_transactions,
        summary_counts,
        count_rows,
        count_rows_one,
        count_customers,
        count_customers_one,
        count_periods,
        count_periods_one,
        count_fields,
        count_fields_one,
        count_columns,
        count_columns_one,
        list_separator,
        list_last,
        list_more,
        list_more_columns,
        skipped_rows,
        skipped_rows_one,
        ignored_columns,
        ignored_columns_one,
        negative_amounts,
        negative_amounts_one,
        order_used_data,
        order_used_choice,
        problems_heading,
        more_problems,
        more_problems_one,
        skip_bad_rows,
        skip_bad_rows_one,
        skip_rows_list,
        skip_rows_list_one,
        text_kept,
        mapping_heading,
        mapping_intro,
        mapping_format,
        mapping_has_header,
        mapping_none,
        mapping_numbered,
        mapping_apply,
        mapping_preview,
        mapping_more_columns,
        mapping_more_columns_one,
        mapping_missing,
        mapping_shared,
        date_order_heading,
        date_order_intro,
        date_order_example,
        day_first,
        month_first,
        date_order_apply,
        format_transactions,
        format_counts,
        format_series,
        flows_heading,
        flows_caption,
        col_period,
        col_active,
        col_start,
        col_retained,
        col_new,
        col_returning,
        col_lost,
        col_churn,
        col_retention,
        col_net_growth,
        col_revenue,
        col_working,
        show_working,
        incomplete,
        incomplete_note,
        /// Beside a blank churn in the flows table: why it is blank.
        churn_why_no_start,
        series_note,
        working_heading,
        open_in_period,
        working_unavailable,
        cohort_heading,
        cohort_caption,
        cohort_shares,
        cohort_counts,
        cohort_show,
        col_cohort,
        col_size,
        average_row,
        no_cohorts,
        download_results,
        download_cohort,
        download_cohort_counts,
        revenue_heading,
        revenue_caption,
        col_start_revenue,
        col_new_revenue,
        col_returning_revenue,
        col_expansion,
        col_contraction,
        col_churned_revenue,
        col_grr,
        col_nrr,
        col_revenue_churn,
        col_arpu,
        grr_above_note,
        download_revenue,
        file_revenue,
        revenue_cohort_heading,
        revenue_cohort_caption,
        download_revenue_cohort,
        file_revenue_cohort,
        revenue_heatmap_title,
        revenue_heat_key,
        revenue_heatmap_caption,
        revenue_heatmap_first,
        revenue_heatmap_furthest,
        file_revenue_heatmap,
        warning_start,
        warning_end,

        where_file,
        where_row,
        where_cell,
        problem_with_value,
        problem_plain,
        problem_file,
        p_empty_file,
        p_utf16,
        p_not_text,
        sig_png,
        sig_jpeg,
        sig_gif,
        sig_pdf,
        sig_zip,
        sig_gzip,
        p_header_too_long,
        p_dates_only,
        p_no_data,
        p_not_utf8,
        p_field_count,
        p_nul,
        p_unclosed_quote,
        p_unclosed_quote_one,
        p_unclosed_quote_end,
        p_missing,
        p_lost_exceeds,
        p_lost_exceeds_one,
        p_joined_left_exceeds,
        p_joined_left_exceeds_one,
        p_first_start,
        p_duplicate,
        p_span,
        n_unexpected,
        n_grouping,
        n_negative,
        n_fraction,
        n_too_large,
        n_ambiguous,
        a_invalid,
        a_unexpected,
        a_grouping,
        a_too_large,
        a_decimals,
        a_ambiguous,
        d_not_a_date,
        d_two_digit_year,
        d_month,
        d_day,
        d_no_month,
        d_hijri,
        d_early,
        d_time,
        d_conflict_day_first,
        d_conflict_month_first,
        customer_id,
        date,
        order_day_first,
        order_month_first,
        /// Words of the downloads' file names (spaces become `-`).
        file_results,
        file_cohort,
        file_cohort_counts,
    }
}

/// English.
pub static EN_IMPORT: ImportStrings = ImportStrings {
    heading: "Your data",
    intro: "Paste or upload a CSV file: period counts, a customer-count series, or raw transactions (customer id and date). It is read on this page and never sent anywhere.",
    paste_label: "Paste CSV data",
    paste_hint: "A header row first, e.g. customer_id,date or period,start,new,lost or period,customers. Comma, semicolon and tab all work.",
    use_pasted: "Use pasted data",
    upload: "Upload CSV",
    drop_hint: "or drop a CSV file anywhere on the page",
    drop_overlay: "Drop the CSV file to read it",
    raw_not_kept: "This session keeps the tables read from the data, for months, quarters and years, but not the data itself: it has {size} bytes, and a session keeps data of up to {limit} bytes. To read it another way, import it again.",
    saved_unreadable: "The data saved in this session could not be read, so it is not shown. Import it again.",
    sample_label: "Sample data",
    load_sample: "Load sample",
    sample_transactions: "Orders (customer id, date, amount)",
    sample_transactions_dates: "Orders with day/month dates",
    sample_counts: "Monthly counts (period, start, new, lost)",
    sample_series: "Customer counts (period, customers)",
    period_label: "Period",
    month: "Month",
    quarter: "Quarter",
    year: "Year",
    reading: "Reading…",
    progress_label: "Import progress",
    cancel: "Cancel",
    cancelled: "Import cancelled. Nothing was changed.",
    worker_failed: "The file could not be read: {message}",
    summary_transactions: "Read {rows}: {customers}, {periods}, in {seconds} s.",
    summary_counts: "Read {rows} ({format}), in {seconds} s.",
    count_rows: "{count} rows",
    count_rows_one: "{count} row",
    count_customers: "{count} customers",
    count_customers_one: "{count} customer",
    count_periods: "{count} periods",
    count_periods_one: "{count} period",
    count_fields: "{count} fields",
    count_fields_one: "{count} field",
    count_columns: "{count} columns",
    count_columns_one: "{count} column",
    list_separator: ", ",
    list_last: "{list} and {last}",
    list_more: "{list} and {count} more",
    list_more_columns: "{list} and {count} more",
    skipped_rows: "Left out because of problems, as you chose: {count} (rows {rows}).",
    skipped_rows_one: "Left out because of a problem, as you chose: {count} (row {rows}).",
    ignored_columns: "Columns not used: {columns}.",
    ignored_columns_one: "Column not used: {columns}.",
    negative_amounts: "{rows} have negative amounts (refunds: rows {list}); they are included in revenue as written.",
    negative_amounts_one: "{rows} has a negative amount (a refund: row {list}); it is included in revenue as written.",
    order_used_data: "Dates such as 05/03/2024 are read with the {order}, as row {row} (“{text}”) shows.",
    order_used_choice: "Dates such as 05/03/2024 are read with the {order}, as you chose.",
    problems_heading: "Problems in the data",
    more_problems: "…and {count} more problems.",
    more_problems_one: "…and {count} more problem.",
    skip_bad_rows: "Leave out the {count} rows with problems",
    skip_bad_rows_one: "Leave out the {count} row with problems",
    skip_rows_list: "The rows that would be left out: {rows}.",
    skip_rows_list_one: "The row that would be left out: {rows}.",
    text_kept: "Your pasted text is kept as it was, so you can correct it and read it again.",
    mapping_heading: "Which column is which?",
    mapping_intro: "The header did not say clearly what the columns hold. Here are the first rows: pick the format and the column for each field.",
    mapping_format: "Format",
    mapping_has_header: "The first row is a header",
    mapping_none: "(none)",
    mapping_numbered: "(none: number the rows 1, 2, 3…)",
    mapping_apply: "Use these columns",
    mapping_preview: "The first rows of the file",
    mapping_more_columns: "The file has {count} more columns, not shown here: only the first {shown} can be chosen.",
    mapping_more_columns_one: "The file has {count} more column, not shown here: only the first {shown} can be chosen.",
    mapping_missing: "Pick a column for “{role}”.",
    mapping_shared: "“{first}” and “{second}” cannot use the same column.",
    date_order_heading: "Day first or month first?",
    date_order_intro: "Every date in this file reads two ways, e.g. {examples}. Which field is the day?",
    date_order_example: "“{text}” (row {row})",
    day_first: "Day first (05/03/2024 is 5 March 2024)",
    month_first: "Month first (05/03/2024 is May 3, 2024)",
    date_order_apply: "Read the dates this way",
    format_transactions: "Transactions (customer id, date, amount)",
    format_counts: "Period counts (period, start, new, lost…)",
    format_series: "Customer-count series (period, customers)",
    flows_heading: "Periods",
    flows_caption: "Customers per period: start is the previous period's active customers; lost = start − retained.",
    col_period: "Period",
    col_active: "Active",
    col_start: "Start",
    col_retained: "Retained",
    col_new: "New",
    col_returning: "Returning",
    col_lost: "Lost",
    col_churn: "Churn",
    col_retention: "Retention",
    col_net_growth: "Net growth",
    col_revenue: "Revenue",
    col_working: "Working",
    show_working: "Working for {period}",
    incomplete: "incomplete",
    incomplete_note: "The data ends before the end of {period}: it is marked incomplete and left out of the cohort average row.",
    churn_why_no_start: "0 customers at the start: nobody to lose, so churn (lost ÷ start) is undefined.",
    series_note: "This file has customer counts only, so the table shows net growth per period. Churn and retention need new and lost customers (period,start,new,lost) or raw transactions.",
    working_heading: "Working for {period}",
    open_in_period: "Open these counts in the one-period calculator",
    working_unavailable: "This period has no new and lost customers, so there is no churn working to show.",
    cohort_heading: "Cohorts",
    cohort_caption: "Each row is the customers whose first period is the cohort; column k is k periods later. Blank cells are past the end of the data.",
    cohort_shares: "Shares",
    cohort_counts: "Counts",
    cohort_show: "Show",
    col_cohort: "Cohort",
    col_size: "Size",
    average_row: "Average",
    no_cohorts: "Cohorts need raw transactions (customer id and date).",
    download_results: "Download results CSV",
    download_cohort: "Download cohort CSV",
    download_cohort_counts: "Download cohort counts CSV",
    revenue_heading: "Revenue per period",
    revenue_caption: "Where each period's revenue came from: the customers of the period before (what they spent more or less, and what those who left had spent), new customers and returning ones. Money is summed exactly.",
    col_start_revenue: "Revenue at start",
    col_new_revenue: "New",
    col_returning_revenue: "Returning",
    col_expansion: "Expansion",
    col_contraction: "Contraction",
    col_churned_revenue: "Churned",
    col_grr: "GRR",
    col_nrr: "NRR",
    col_revenue_churn: "Revenue churn",
    col_arpu: "ARPU",
    grr_above_note: "GRR is above 100% in {periods}: customers lost there had refunds larger than their purchases in the period before, so their churned revenue is below zero.",
    download_revenue: "Download revenue CSV",
    file_revenue: "revenue",
    revenue_cohort_heading: "Revenue per customer by cohort",
    revenue_cohort_caption: "Each row is the customers whose first period is the cohort; column k is what they have spent per customer from that period through k periods later (the cohort's revenue added up, divided by its size). Blank cells are past the end of the data.",
    download_revenue_cohort: "Download revenue cohort CSV",
    file_revenue_cohort: "revenue cohort",
    revenue_heatmap_title: "Cohort revenue per customer",
    revenue_heat_key: "Revenue per customer so far",
    revenue_heatmap_caption: "{cohorts} cohorts over {offsets} {units}; darker cells have brought in more per customer.",
    revenue_heatmap_first: " On average a customer spent {value} in their cohort's first {unit}",
    revenue_heatmap_furthest: ", and {value} in all after {k} {units}",
    file_revenue_heatmap: "revenue heatmap",
    warning_start: "Row {row} ({period}): the given start {given} differs from the previous period's end {previous}; the given start is used.",
    warning_end: "Row {row} ({period}): the given end {given} differs from start + new + returning − lost − joined and left = {computed}; the computed end is used.",

    where_file: "The file",
    where_row: "Row {row}",
    where_cell: "Row {row}, column “{column}”",
    problem_with_value: "{where}: “{value}”: {what}",
    problem_plain: "{where}: {what}",
    problem_file: "{where} {what}",
    p_empty_file: "is empty.",
    p_utf16: "is saved as UTF-16 (“Unicode text”); save it as “CSV UTF-8” and read it again.",
    p_not_text: "is not a CSV text file: it is {kind}. Save the data as “CSV UTF-8” and read that file.",
    sig_png: "a PNG image",
    sig_jpeg: "a JPEG image",
    sig_gif: "a GIF image",
    sig_pdf: "a PDF document",
    sig_zip: "a ZIP archive (a spreadsheet such as .xlsx is one)",
    sig_gzip: "a gzip-compressed file",
    p_header_too_long: "has a first row (the header) longer than {limit} bytes, the most that is read to find the columns; those bytes alone hold more than {columns}. Keep only the columns that are needed, such as customer_id,date,amount, and read the file again.",
    p_dates_only: "has a single column, and it holds dates (such as “{example}”); a date alone does not say who bought. The file needs a customer id beside each date (customer_id,date) or customer counts per period (period,customers).",
    p_no_data: "has a header but no data rows.",
    p_not_utf8: "the text is not UTF-8; save the file as “CSV UTF-8”.",
    p_field_count: "this row has {found} but the header has {expected}; a value may contain the separator without quotes around it.",
    p_nul: "the cell holds a NUL byte (shown as \\0), which a text file never contains; the file may not be text, or it is saved in another encoding: save it as “CSV UTF-8”.",
    p_unclosed_quote: "the quote that opens this value is never closed, so the {rows} rows after it would all be read as part of this one value; add the closing quote (\").",
    p_unclosed_quote_one: "the quote that opens this value is never closed, so the row after it would be read as part of this one value; add the closing quote (\").",
    p_unclosed_quote_end: "the quote that opens this value is never closed: the file ends inside it; add the closing quote (\").",
    p_missing: "the cell is empty; a value is needed here.",
    p_lost_exceeds: "more lost customers than the {start} customers at the start of the period.",
    p_lost_exceeds_one: "more lost customers than the {start} customer at the start of the period.",
    p_joined_left_exceeds: "more customers joined and left than the {new} new customers.",
    p_joined_left_exceeds_one: "more customers joined and left than the {new} new customer.",
    p_first_start: "the start (customers at the start) is needed on the first period; later periods may leave it empty.",
    p_duplicate: "this period already appears on row {row}.",
    p_span: "the dates run from {first} (row {first_row}) to {last} (row {last_row}), more than {years} years; one of them is probably mistyped.",
    n_unexpected: "“{found}” (character {position}) is not a digit; expected a whole number such as {example}.",
    n_grouping: "the separator at character {position} is out of place; group the digits in threes, such as {example}.",
    n_negative: "a count of customers cannot be negative; expected 0 or more.",
    n_fraction: "a count of customers is a whole number; expected one without a decimal part, such as {example}.",
    n_too_large: "the number is too large.",
    n_ambiguous: "this reads as {first} or {second}; write it so that only one reading is possible.",
    a_invalid: "expected a number such as {example}.",
    a_unexpected: "“{found}” (character {position}) is not a digit; expected a number such as {example}.",
    a_grouping: "the separator at character {position} is out of place; expected a number such as {example} or {large}.",
    a_too_large: "the amount is too large.",
    a_decimals: "the amount has {decimals} decimals; expected at most {max}, such as {example}.",
    a_ambiguous: "this reads as {first} or {second}; write the amount so that only one reading is possible, such as {large}.",
    d_not_a_date: "expected a date such as 2024-03-05, 20240305, 2024-03, 05/03/2024 or 05.03.2024.",
    d_two_digit_year: "the year has two digits; write all four (2024) so that the century is not guessed.",
    d_month: "there is no month {month}; expected a month from 1 to 12.",
    d_day: "month {month} of {year} has no day {day}.",
    d_no_month: "neither {first} nor {second} can be a month.",
    d_hijri: "the year {year} looks like a Solar Hijri (Persian calendar) date; convert the dates to the Gregorian calendar ({year} is {from}–{to}).",
    d_early: "the year {year} is before 1700; expected a Gregorian date.",
    d_time: "the text after the date is not a time of day (expected e.g. 14:30, 14:30:05 or 2024-03-05T14:30:00+07:00).",
    d_conflict_day_first: "cannot be read day first, but row {row} (“{text}”) shows that this file writes the day first.",
    d_conflict_month_first: "cannot be read month first, but row {row} (“{text}”) shows that this file writes the month first.",
    customer_id: "Customer id",
    date: "Date",
    order_day_first: "day first",
    order_month_first: "month first",
    file_results: "results",
    file_cohort: "cohort",
    file_cohort_counts: "cohort counts",
};

impl Strings {
    /// The revenue cohort heatmap's caption: how many cohorts, then what a customer had spent
    /// on average in the first period and by the furthest offset with an average; `decimals`
    /// as the revenue table writes money.
    pub fn revenue_heatmap_caption(&self, g: Granularity, s: &Summary, decimals: u32) -> String {
        let t = self.import;
        let unit = unit_of(g);
        let st = &self.number_style;
        let money = |v: f64| st.fixed(v, decimals as usize);
        let mut out = fill(
            t.revenue_heatmap_caption,
            &[
                ("cohorts", &st.count(s.cohorts as i64)),
                ("offsets", &st.count(s.offsets as i64)),
                ("units", self.unit(unit, s.offsets == 1)),
            ],
        );
        if let Some(first) = s.first {
            out.push_str(&fill(
                t.revenue_heatmap_first,
                &[("value", &money(first)), ("unit", self.unit(unit, true))],
            ));
            if let Some((k, value)) = s.furthest {
                out.push_str(&fill(
                    t.revenue_heatmap_furthest,
                    &[
                        ("value", &money(value)),
                        ("k", &st.count(k as i64)),
                        ("units", self.unit(unit, k == 1)),
                    ],
                ));
            }
            out.push('.');
        }
        out
    }

    /// A period's label as the page shows it: one the import wrote from dates (`2024-03`,
    /// `2024-Q1`, `2024`) in the language's digits; a counts file's label is the user's own
    /// text and stays as it is. The exported files keep the labels as written.
    pub fn period_label(&self, label: &str, from_dates: bool) -> String {
        if from_dates {
            self.number_style.localize(label)
        } else {
            label.to_string()
        }
    }

    /// A count in the language's digits and grouping.
    fn n(&self, v: u64) -> String {
        self.number_style.count(v as i64)
    }

    /// The count `n` as a phrase of a count-bearing message, `one` or `other` by its plural
    /// form, `{count}` filled: "1 row", "2 rows". Persian and Vietnamese nouns keep one form
    /// after a number, so their files give the same text twice where nothing changes.
    pub fn counted(&self, n: u64, one: &str, other: &str) -> String {
        fill(plural(n, one, other), &[("count", &self.n(n))])
    }

    /// Of a message's two forms, the one for the count `n` (`one` for 1).
    pub fn plural(&self, n: u64, one: &'static str, other: &'static str) -> &'static str {
        plural(n, one, other)
    }

    /// "1 row", "2 rows".
    pub fn rows_count(&self, n: u64) -> String {
        let t = self.import;
        self.counted(n, t.count_rows_one, t.count_rows)
    }

    /// "1 customer", "2 customers".
    pub fn customers_count(&self, n: u64) -> String {
        let t = self.import;
        self.counted(n, t.count_customers_one, t.count_customers)
    }

    /// "1 period", "2 periods".
    pub fn periods_count(&self, n: u64) -> String {
        let t = self.import;
        self.counted(n, t.count_periods_one, t.count_periods)
    }

    /// Column names for a sentence: all of them up to [`NAMES_LISTED`], else the first ones
    /// and how many more.
    pub fn column_names(&self, names: &[String]) -> String {
        let t = self.import;
        if names.len() <= NAMES_LISTED {
            return names.join(t.list_separator);
        }
        fill(
            t.list_more_columns,
            &[
                ("list", &names[..NAMES_LISTED].join(t.list_separator)),
                ("count", &self.n((names.len() - NAMES_LISTED) as u64)),
            ],
        )
    }

    /// Words as a list: "a", "a and b", "a, b and c".
    pub fn list(&self, words: &[String]) -> String {
        let t = self.import;
        match words.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, init)) => fill(
                t.list_last,
                &[("list", &init.join(t.list_separator)), ("last", last)],
            ),
        }
    }

    /// Row numbers in words: "4", "4 and 9", "4, 9 and 12"; when `total` is more than
    /// those given, "4, 9, 12 and 1,199 more".
    pub fn row_numbers(&self, rows: &[u64], total: u64) -> String {
        let t = self.import;
        let words: Vec<String> = rows.iter().map(|&r| self.n(r)).collect();
        let rest = total.saturating_sub(rows.len() as u64);
        match words.split_last() {
            None => self.n(total),
            Some(_) if rest == 0 => self.list(&words),
            Some(_) => fill(
                t.list_more,
                &[
                    ("list", &words.join(t.list_separator)),
                    ("count", &self.n(rest)),
                ],
            ),
        }
    }

    /// One import problem in words, with where it is and the value.
    pub fn problem(&self, p: &Problem) -> String {
        let t = self.import;
        let whr = match (&p.row, &p.column) {
            (None, _) => t.where_file.to_string(),
            (Some(r), None) => fill(t.where_row, &[("row", &self.n(*r))]),
            (Some(r), Some(c)) => fill(t.where_cell, &[("row", &self.n(*r)), ("column", c)]),
        };
        let what = self.problem_kind(&p.kind);
        match &p.value {
            Some(v) if !v.is_empty() => fill(
                t.problem_with_value,
                &[("where", &whr), ("value", v), ("what", &what)],
            ),
            // A problem of the whole file reads as one sentence: "The file is empty."
            _ if p.row.is_none() => fill(t.problem_file, &[("where", &whr), ("what", &what)]),
            _ => fill(t.problem_plain, &[("where", &whr), ("what", &what)]),
        }
    }

    fn problem_kind(&self, kind: &ProblemKind) -> String {
        let t = self.import;
        let plain = |s: &str| s.to_string();
        match kind {
            ProblemKind::EmptyFile => plain(t.p_empty_file),
            ProblemKind::Utf16 => plain(t.p_utf16),
            ProblemKind::NotText(signature) => {
                fill(t.p_not_text, &[("kind", self.signature(*signature))])
            }
            ProblemKind::HeaderTooLong { limit, columns } => fill(
                t.p_header_too_long,
                &[
                    ("limit", &self.n(*limit)),
                    (
                        "columns",
                        &self.counted(*columns, t.count_columns_one, t.count_columns),
                    ),
                ],
            ),
            ProblemKind::DatesOnly { example } => fill(t.p_dates_only, &[("example", example)]),
            ProblemKind::NoData => plain(t.p_no_data),
            ProblemKind::NotUtf8 => plain(t.p_not_utf8),
            ProblemKind::FieldCount { found, expected } => fill(
                t.p_field_count,
                &[
                    (
                        "found",
                        &self.counted(*found as u64, t.count_fields_one, t.count_fields),
                    ),
                    ("expected", &self.n(*expected as u64)),
                ],
            ),
            ProblemKind::Nul => plain(t.p_nul),
            ProblemKind::UnclosedQuote { rows_after: 0 } => plain(t.p_unclosed_quote_end),
            ProblemKind::UnclosedQuote { rows_after: 1 } => plain(t.p_unclosed_quote_one),
            ProblemKind::UnclosedQuote { rows_after } => {
                fill(t.p_unclosed_quote, &[("rows", &self.n(*rows_after))])
            }
            ProblemKind::Missing => plain(t.p_missing),
            ProblemKind::Number(e) => self.count_error(e),
            ProblemKind::Amount(e) => self.amount_error(e),
            ProblemKind::AmountDecimals { decimals, max } => fill(
                t.a_decimals,
                &[
                    ("decimals", &self.n(u64::from(*decimals))),
                    ("max", &self.n(u64::from(*max))),
                    ("example", &self.number_style.fixed(19.9999, 4)),
                ],
            ),
            ProblemKind::Date(e) => self.date_error(e),
            ProblemKind::LostExceedsStart { start } => fill(
                plural(*start, t.p_lost_exceeds_one, t.p_lost_exceeds),
                &[("start", &self.n(*start))],
            ),
            ProblemKind::JoinedLeftExceedsNew { new } => fill(
                plural(*new, t.p_joined_left_exceeds_one, t.p_joined_left_exceeds),
                &[("new", &self.n(*new))],
            ),
            ProblemKind::FirstStartMissing => plain(t.p_first_start),
            ProblemKind::DuplicatePeriod { first_row } => {
                fill(t.p_duplicate, &[("row", &self.n(*first_row))])
            }
            ProblemKind::SpanTooLong {
                first,
                first_row,
                last,
                last_row,
                limit_years,
            } => fill(
                t.p_span,
                &[
                    ("first", &self.number_style.localize(first)),
                    ("first_row", &self.n(*first_row)),
                    ("last", &self.number_style.localize(last)),
                    ("last_row", &self.n(*last_row)),
                    ("years", &self.n(u64::from(*limit_years))),
                ],
            ),
        }
    }

    /// What a file that is not text is, inside a sentence.
    fn signature(&self, signature: Signature) -> &'static str {
        let t = self.import;
        match signature {
            Signature::Png => t.sig_png,
            Signature::Jpeg => t.sig_jpeg,
            Signature::Gif => t.sig_gif,
            Signature::Pdf => t.sig_pdf,
            Signature::Zip => t.sig_zip,
            Signature::Gzip => t.sig_gzip,
        }
    }

    /// A count of customers in a cell that does not read, inside a sentence.
    fn count_error(&self, e: &NumberErrorText) -> String {
        let t = self.import;
        let style = &self.number_style;
        let example = style.count(1000);
        match e {
            NumberErrorText::Empty => t.p_missing.to_string(),
            NumberErrorText::Unexpected { at, found } => fill(
                t.n_unexpected,
                &[
                    ("found", &found.to_string()),
                    ("position", &self.n(*at as u64 + 1)),
                    ("example", &example),
                ],
            ),
            NumberErrorText::Grouping { at } => fill(
                t.n_grouping,
                &[
                    ("position", &self.n(*at as u64 + 1)),
                    ("example", &style.count(1_000_000)),
                ],
            ),
            NumberErrorText::Negative => t.n_negative.to_string(),
            NumberErrorText::Fraction => fill(t.n_fraction, &[("example", &example)]),
            NumberErrorText::TooLarge => t.n_too_large.to_string(),
            NumberErrorText::Ambiguous { first, second } => fill(
                t.n_ambiguous,
                &[
                    ("first", &style.fixed(*first, 3)),
                    ("second", &style.fixed(*second, 3)),
                ],
            ),
        }
    }

    /// An amount in a cell that does not read, inside a sentence: the examples have decimals.
    fn amount_error(&self, e: &NumberErrorText) -> String {
        let t = self.import;
        let style = &self.number_style;
        let example = style.fixed(19.99, 2);
        let large = style.fixed(1234.5, 2);
        match e {
            NumberErrorText::Empty | NumberErrorText::Negative | NumberErrorText::Fraction => {
                fill(t.a_invalid, &[("example", &example)])
            }
            NumberErrorText::Unexpected { at, found } => fill(
                t.a_unexpected,
                &[
                    ("found", &found.to_string()),
                    ("position", &self.n(*at as u64 + 1)),
                    ("example", &example),
                ],
            ),
            NumberErrorText::Grouping { at } => fill(
                t.a_grouping,
                &[
                    ("position", &self.n(*at as u64 + 1)),
                    ("example", &example),
                    ("large", &large),
                ],
            ),
            NumberErrorText::TooLarge => t.a_too_large.to_string(),
            NumberErrorText::Ambiguous { first, second } => fill(
                t.a_ambiguous,
                &[
                    ("first", &style.fixed(*first, 3)),
                    ("second", &style.fixed(*second, 3)),
                    ("large", &large),
                ],
            ),
        }
    }

    fn date_error(&self, e: &DateError) -> String {
        let t = self.import;
        // Years, months and days as dates write them: the language's digits, no grouping.
        let n = |v: u32| self.number_style.localize(&v.to_string());
        match e {
            DateError::NotADate => t.d_not_a_date.to_string(),
            DateError::TwoDigitYear => t.d_two_digit_year.to_string(),
            DateError::Month { month } => fill(t.d_month, &[("month", &n(*month))]),
            DateError::Day { year, month, day } => fill(
                t.d_day,
                &[
                    ("year", &n(*year)),
                    ("month", &n(*month)),
                    ("day", &n(*day)),
                ],
            ),
            DateError::NoMonth { first, second } => fill(
                t.d_no_month,
                &[("first", &n(*first)), ("second", &n(*second))],
            ),
            // The Solar Hijri year starts in March (Nowruz), so it spans two Gregorian years.
            DateError::EarlyYear { year, hijri: true } => fill(
                t.d_hijri,
                &[
                    ("year", &n(*year)),
                    ("from", &n(year + 621)),
                    ("to", &n(year + 622)),
                ],
            ),
            DateError::EarlyYear { year, hijri: false } => fill(t.d_early, &[("year", &n(*year))]),
            DateError::Time => t.d_time.to_string(),
            DateError::OrderConflict {
                order,
                decided_row,
                decided_text,
            } => {
                let template = match order {
                    DateOrder::DayFirst => t.d_conflict_day_first,
                    DateOrder::MonthFirst => t.d_conflict_month_first,
                };
                fill(
                    template,
                    &[("row", &self.n(*decided_row)), ("text", decided_text)],
                )
            }
        }
    }

    /// A warning about a counts file, in words.
    pub fn import_warning(&self, w: &Warning) -> String {
        let t = self.import;
        match w {
            Warning::StartDiffers {
                row,
                period,
                given,
                previous_end,
            } => fill(
                t.warning_start,
                &[
                    ("row", &self.n(*row)),
                    ("period", period),
                    ("given", &self.n(*given)),
                    ("previous", &self.n(*previous_end)),
                ],
            ),
            Warning::EndDiffers {
                row,
                period,
                given,
                computed,
            } => fill(
                t.warning_end,
                &[
                    ("row", &self.n(*row)),
                    ("period", period),
                    ("given", &self.n(*given)),
                    ("computed", &self.n(*computed)),
                ],
            ),
            Warning::NegativeAmounts { rows, first_rows } => fill(
                plural(*rows, t.negative_amounts_one, t.negative_amounts),
                &[
                    ("rows", &self.rows_count(*rows)),
                    ("list", &self.row_numbers(first_rows, *rows)),
                ],
            ),
        }
    }

    /// A file format's name.
    pub fn format(&self, f: Format) -> &'static str {
        match f {
            Format::Transactions => self.import.format_transactions,
            Format::Counts => self.import.format_counts,
            Format::Series => self.import.format_series,
        }
    }

    /// A granularity's name.
    pub fn granularity(&self, g: Granularity) -> &'static str {
        match g {
            Granularity::Month => self.import.month,
            Granularity::Quarter => self.import.quarter,
            Granularity::Year => self.import.year,
        }
    }

    /// A column role's name in the mapping step.
    pub fn role(&self, r: Role) -> &'static str {
        let t = self.import;
        match r {
            Role::Period => t.col_period,
            Role::Start => t.col_start,
            Role::New => t.col_new,
            Role::Lost => t.col_lost,
            Role::Returning => t.col_returning,
            Role::JoinedLeft => self.joined_and_left,
            Role::End => self.figure(crate::core::figure::FigureId::End),
            Role::Customers => t.col_active,
            Role::CustomerId => self.import.customer_id,
            Role::Date => self.import.date,
            Role::Amount => t.col_revenue,
        }
    }

    /// A mapping problem in words.
    pub fn layout_problem(&self, p: LayoutProblem) -> String {
        let t = self.import;
        match p {
            LayoutProblem::Missing(r) => fill(t.mapping_missing, &[("role", self.role(r))]),
            LayoutProblem::Shared(a, b) => fill(
                t.mapping_shared,
                &[("first", self.role(a)), ("second", self.role(b))],
            ),
        }
    }

    /// The name of a day/month order, inside a sentence.
    pub fn date_order(&self, o: DateOrder) -> &'static str {
        match o {
            DateOrder::DayFirst => self.import.order_day_first,
            DateOrder::MonthFirst => self.import.order_month_first,
        }
    }
}

/// How many column names a sentence lists before it counts the rest.
const NAMES_LISTED: usize = 10;

/// `one` for a count of 1, else `other`: the plural rule of English, and enough for Persian
/// and Vietnamese, whose files give both forms.
fn plural<'a>(n: u64, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        other
    }
}
