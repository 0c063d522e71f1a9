//! The CSV files the page writes (docs/metrics.md §2.8), through csv-core's writer: RFC 4180
//! quotes where a field needs them, and a leading `'` on text that a spreadsheet would run as
//! a formula. Whether a cell is text or a number is the column's type, never its content, so
//! a negative rate stays `-0.25` while a label `-3` becomes `'-3`.

use csv_core::{QuoteStyle, Terminator, WriteResult, Writer, WriterBuilder};

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as written before quoting: with a leading `'` when it starts like a formula.
pub fn guard_formula(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// One CSV file in the making: comma separated, LF line ends, UTF-8 without byte-order mark.
pub struct CsvFile {
    writer: Writer,
    out: Vec<u8>,
    /// Scratch space for csv-core, which writes into a slice.
    buf: Vec<u8>,
    /// Whether the current row has a field yet (the next one needs a separator first).
    row_started: bool,
}

impl Default for CsvFile {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvFile {
    pub fn new() -> Self {
        CsvFile {
            writer: WriterBuilder::new()
                .delimiter(b',')
                .terminator(Terminator::Any(b'\n'))
                .quote_style(QuoteStyle::Necessary)
                .build(),
            out: Vec::new(),
            buf: Vec::new(),
            row_started: false,
        }
    }

    /// A cell of a text column: guarded against formulas, quoted when needed.
    pub fn text(&mut self, text: &str) -> &mut Self {
        let guarded = guard_formula(text);
        self.field(guarded.as_bytes());
        self
    }

    /// A cell of a numeric column, written as given (a number needs neither quotes nor the
    /// guard); `None` is a blank cell.
    pub fn number<T: std::fmt::Display>(&mut self, value: Option<T>) -> &mut Self {
        let text = value.map(|v| v.to_string()).unwrap_or_default();
        self.field(text.as_bytes());
        self
    }

    /// A row of column names, each a text cell.
    pub fn header(&mut self, names: &[&str]) {
        for name in names {
            self.text(name);
        }
        self.end_row();
    }

    /// Ends the current row.
    pub fn end_row(&mut self) {
        self.buf.resize(4, 0);
        let (res, n) = self.writer.terminator(&mut self.buf);
        debug_assert!(matches!(res, WriteResult::InputEmpty));
        self.out.extend_from_slice(&self.buf[..n]);
        self.row_started = false;
    }

    /// The file's text.
    pub fn finish(mut self) -> String {
        self.buf.resize(4, 0);
        let (_, n) = self.writer.finish(&mut self.buf);
        self.out.extend_from_slice(&self.buf[..n]);
        // The writer only adds ASCII quotes around whole UTF-8 fields.
        match String::from_utf8(self.out) {
            Ok(text) => text,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }
    }

    fn field(&mut self, bytes: &[u8]) {
        if self.row_started {
            self.buf.resize(4, 0);
            let (_, n) = self.writer.delimiter(&mut self.buf);
            self.out.extend_from_slice(&self.buf[..n]);
        }
        self.row_started = true;
        // At most every byte doubled plus two quotes: one call writes the whole field.
        self.buf.resize(2 * bytes.len() + 2, 0);
        let (res, nin, nout) = self.writer.field(bytes, &mut self.buf);
        debug_assert!(matches!(res, WriteResult::InputEmpty) && nin == bytes.len());
        self.out.extend_from_slice(&self.buf[..nout]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[&str]) -> String {
        let mut f = CsvFile::new();
        for c in cells {
            f.text(c);
        }
        f.number(Some(-3)).number(None::<u8>);
        f.end_row();
        f.finish()
    }

    #[test]
    fn text_is_quoted_and_guarded_numbers_are_not() {
        let cases: &[(&[&str], &str)] = &[
            (&["Q1"], "Q1,-3,\n"),
            (&["Q1, 2024"], "\"Q1, 2024\",-3,\n"),
            (&["say \"hi\""], "\"say \"\"hi\"\"\",-3,\n"),
            (&["a\nb"], "\"a\nb\",-3,\n"),
            (&["a\rb"], "\"a\rb\",-3,\n"),
            (&["=SUM(A1)"], "'=SUM(A1),-3,\n"),
            (&["+1"], "'+1,-3,\n"),
            (&["-3"], "'-3,-3,\n"),
            (&["@x"], "'@x,-3,\n"),
            (&["\tx"], "'\tx,-3,\n"),
            (&["\rx"], "\"'\rx\",-3,\n"),
            (&["=a,b"], "\"'=a,b\",-3,\n"),
            (&["x=1", "a"], "x=1,a,-3,\n"),
        ];
        for (cells, want) in cases {
            assert_eq!(line(cells), *want, "{cells:?}");
        }
    }
}
