//! CSV records from a stream of chunks, with the row number a spreadsheet would show.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// Where a quote that is never closed opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnclosedQuote {
    /// The spreadsheet row of the record the quote opens in.
    pub row: u64,
    /// Its field, 0-based.
    pub field: usize,
    /// The rows after that one that were read into the value.
    pub rows_after: u64,
}

/// Line breaks in `text`: LF, CRLF and a bare CR each count once.
fn line_breaks(text: &[u8]) -> u64 {
    let lf = text.iter().filter(|&&b| b == b'\n').count();
    let bare_cr = text
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && text.get(i + 1) != Some(&b'\n'))
        .count();
    (lf + bare_cr) as u64
}

/// One record: its fields and the spreadsheet row it starts on (the first line is row 1).
pub struct Record<'a> {
    pub row: u64,
    data: &'a [u8],
    ends: &'a [usize],
    /// The text ended inside a quoted value of this record's last field: the quote that
    /// opened it is never closed, and everything after it was read as that one value.
    pub unclosed: bool,
    /// Its bytes are known to hold text (no NUL, UTF-8): they came from a part of the chunk
    /// checked as a whole.
    text: bool,
}

impl<'a> Record<'a> {
    /// The number of fields.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the record has no fields.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Field `i`, unquoted; empty when the record is shorter.
    pub fn get(&self, i: usize) -> &'a [u8] {
        match self.ends.get(i) {
            Some(&end) => {
                let start = if i == 0 { 0 } else { self.ends[i - 1] };
                &self.data[start..end]
            }
            None => &[],
        }
    }

    /// The first field holding a NUL byte, which no text contains.
    pub fn nul_field(&self) -> Option<usize> {
        if self.text || !self.data.contains(&0) {
            return None;
        }
        (0..self.len()).find(|&i| self.get(i).contains(&0))
    }

    /// The first field whose bytes are not UTF-8. A record of valid fields is valid as a
    /// whole, so the common case is one check.
    pub fn not_utf8_field(&self) -> Option<usize> {
        if self.text || std::str::from_utf8(self.data).is_ok() {
            return None;
        }
        (0..self.len()).find(|&i| std::str::from_utf8(self.get(i)).is_err())
    }

    /// Where an [`unclosed`](Self::unclosed) quote opens: the record's row (a quoted value
    /// spanning lines stays in one row, as in a spreadsheet), the field, and how many lines
    /// after it were read into its value.
    pub fn unclosed_quote(&self) -> Option<UnclosedQuote> {
        if !self.unclosed || self.is_empty() {
            return None;
        }
        let field = self.len() - 1;
        let value = self.get(field);
        let ends_with_break = matches!(value.last(), Some(b'\n' | b'\r'));
        Some(UnclosedQuote {
            row: self.row,
            field,
            rows_after: line_breaks(value) - u64::from(ends_with_break),
        })
    }

    /// Whether every field is empty or spaces (a row of separators only).
    pub fn is_blank(&self) -> bool {
        self.data.first().is_none_or(u8::is_ascii_whitespace)
            && self.data.iter().all(u8::is_ascii_whitespace)
    }
}

/// Reads records out of chunks of one CSV text. Rows count as a spreadsheet shows them: a
/// blank line is a row, a quoted field spanning lines stays in one row.
pub struct RecordReader {
    reader: Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    nout: usize,
    nends: usize,
    /// Newlines consumed so far, at the end of the last complete record.
    lines_done: u64,
    /// Rows used so far (the spreadsheet row of the last record).
    rows_done: u64,
    /// The text has ended or the caller stopped.
    finished: bool,
    /// Bytes of a leading byte-order mark still to skip.
    bom_left: usize,
    /// The last byte handed to csv-core.
    last_byte: u8,
    /// The last record ended at a CR whose LF has not been counted yet.
    owe_newline: bool,
    /// The text ended inside a quoted value (found once all of it was read).
    ended_in_quotes: bool,
    /// The separator, for reading `pending` again.
    delimiter: u8,
    /// The text of the record being read, from its start to the end of the last chunk.
    pending: Vec<u8>,
}

impl RecordReader {
    /// A reader for the given separator; quotes are `"` with `""` as an escaped quote.
    pub fn new(delimiter: u8) -> Self {
        RecordReader {
            reader: ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 4096],
            ends: vec![0; 64],
            nout: 0,
            nends: 0,
            lines_done: 0,
            rows_done: 0,
            finished: false,
            bom_left: 3,
            last_byte: 0,
            owe_newline: false,
            ended_in_quotes: false,
            delimiter,
            pending: Vec::new(),
        }
    }

    /// Feeds a chunk (an empty one means the end of the text) and calls `each` for every
    /// record completed. `each` returns false to stop early; `feed` then returns false too.
    pub fn feed(&mut self, mut input: &[u8], each: &mut dyn FnMut(&Record) -> bool) -> bool {
        if self.finished {
            return false;
        }
        let at_end = input.is_empty();
        // csv-core strips a byte-order mark only when it arrives whole in one call.
        if self.bom_left > 0 {
            const BOM: &[u8] = b"\xef\xbb\xbf";
            let done = 3 - self.bom_left;
            let n = input.len().min(self.bom_left);
            if input[..n] == BOM[done..done + n] {
                input = &input[n..];
                self.bom_left -= n;
                if input.is_empty() && !at_end {
                    return true;
                }
            } else {
                self.bom_left = 0;
            }
        }
        if at_end {
            self.ended_in_quotes = self.in_quotes();
        }
        let chunk = input;
        // Where the record being read starts in `chunk`.
        let mut record_start = 0;
        // The chunk is checked for text once, so that most records need no check of their
        // own: those read from its checked part, without a start in an earlier chunk.
        let text_up_to = text_prefix(chunk);
        let mut carried = !self.pending.is_empty();
        loop {
            if input.is_empty() && !at_end {
                self.pending.extend_from_slice(&chunk[record_start..]);
                return true;
            }
            let (res, nin, nout, nend) = self.reader.read_record(
                input,
                &mut self.out[self.nout..],
                &mut self.ends[self.nends..],
            );
            if nin > 0 {
                self.last_byte = input[nin - 1];
            }
            input = &input[nin..];
            self.nout += nout;
            self.nends += nend;
            match res {
                ReadRecordResult::InputEmpty => {
                    if !at_end {
                        self.pending.extend_from_slice(&chunk[record_start..]);
                        return true;
                    }
                }
                ReadRecordResult::OutputFull => {
                    let n = self.out.len() * 2;
                    self.out.resize(n, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                ReadRecordResult::Record => {
                    self.pending.clear();
                    record_start = chunk.len() - input.len();
                    let text = !carried && record_start <= text_up_to;
                    carried = false;
                    let record = self.take_record(text);
                    if !each(&record) {
                        self.finished = true;
                        return false;
                    }
                }
                ReadRecordResult::End => {
                    self.finished = true;
                    return true;
                }
            }
        }
    }

    /// Whether the text read so far ends inside a quoted value. csv-core does not say, so a
    /// new reader reads the record being read again, then a letter and a line break: anywhere
    /// else they end a record, inside quotes they are part of the value. (A copy of the
    /// reader itself does not serve: csv-core's `Clone` leaves out part of its state.)
    fn in_quotes(&self) -> bool {
        if self.pending.is_empty() {
            return false;
        }
        let mut probe = ReaderBuilder::new().delimiter(self.delimiter).build();
        // Only the reader's state matters: the output is written over and over.
        let (mut out, mut ends) = ([0u8; 1024], [0usize; 64]);
        let mut read = |mut input: &[u8]| loop {
            let (res, nin, _, _) = probe.read_record(input, &mut out, &mut ends);
            input = &input[nin..];
            match res {
                ReadRecordResult::InputEmpty | ReadRecordResult::End => return res,
                _ if input.is_empty() => return res,
                _ => {}
            }
        };
        read(&self.pending);
        read(b"x\n") == ReadRecordResult::InputEmpty
    }

    fn take_record(&mut self, text: bool) -> Record<'_> {
        let data = &self.out[..self.nout];
        let ends = &self.ends[..self.nends];
        // csv-core counts every newline it consumed, including those of blank lines it skipped
        // before this record, those inside quoted fields and the record's own terminator.
        let line_now = self.reader.line() - 1;
        let consumed = line_now - self.lines_done;
        // A record ended by CRLF is returned at the CR: its LF is counted with the next one.
        let own = u64::from(self.last_byte == b'\n');
        let owed = u64::from(self.owe_newline);
        self.owe_newline = self.last_byte == b'\r';
        let blank_before = if consumed > own + owed {
            let inside = data.iter().filter(|&&b| b == b'\n').count() as u64;
            consumed.saturating_sub(inside + own + owed)
        } else {
            0
        };
        let row = self.rows_done + blank_before + 1;
        self.lines_done = line_now;
        self.rows_done = row;
        self.nout = 0;
        self.nends = 0;
        Record {
            row,
            data,
            ends,
            unclosed: self.ended_in_quotes,
            text,
        }
    }
}

/// How much of `chunk`, from its start, is text: UTF-8 (a character cut by the chunk's end
/// is left out) up to the first NUL.
fn text_prefix(chunk: &[u8]) -> usize {
    let utf8 = match std::str::from_utf8(chunk) {
        Ok(_) => chunk.len(),
        Err(e) => e.valid_up_to(),
    };
    let text = &chunk[..utf8];
    // `contains` finds a byte many at a time; the position is looked for only when needed.
    if !text.contains(&0) {
        return utf8;
    }
    text.iter().position(|&b| b == 0).unwrap_or(utf8)
}

/// The separator of a CSV text: whichever of `,` `;` and tab occurs most often outside quotes
/// on the first line, the later lines breaking ties; `,` when there is none.
pub fn sniff_delimiter(text: &[u8]) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    let mut lines: Vec<[usize; 3]> = Vec::new();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in text.iter().take(64 * 1024) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                lines.push(counts);
                counts = [0; 3];
                if lines.len() == 6 {
                    break;
                }
            }
            _ if !quoted => {
                if let Some(k) = CANDIDATES.iter().position(|&c| c == b) {
                    counts[k] += 1;
                }
            }
            _ => {}
        }
    }
    if lines.len() < 6 && counts != [0; 3] {
        lines.push(counts);
    }
    let Some(first) = lines.first() else {
        return b',';
    };
    // A separator that splits every line into the same number of fields wins over one that
    // merely occurs (a decimal comma in a semicolon file).
    let score = |k: usize| {
        let consistent = lines.iter().all(|l| l[k] == first[k]);
        (first[k] > 0, consistent, first[k])
    };
    let best = (0..3).max_by_key(|&k| score(k)).unwrap_or(0);
    if first[best] == 0 {
        b','
    } else {
        CANDIDATES[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, chunk: usize) -> Vec<(u64, Vec<String>)> {
        let mut reader = RecordReader::new(b',');
        let mut got = Vec::new();
        let mut each = |r: &Record| {
            got.push((
                r.row,
                (0..r.len())
                    .map(|i| String::from_utf8_lossy(r.get(i)).into_owned())
                    .collect(),
            ));
            true
        };
        for part in text.as_bytes().chunks(chunk.max(1)) {
            reader.feed(part, &mut each);
        }
        reader.feed(&[], &mut each);
        got
    }

    fn row_numbers(text: &str) -> Vec<u64> {
        let all: Vec<Vec<u64>> = [1, 2, 3, 7, 1000]
            .iter()
            .map(|&c| rows(text, c).into_iter().map(|(r, _)| r).collect())
            .collect();
        for other in &all[1..] {
            assert_eq!(other, &all[0], "chunking changes rows of {text:?}");
        }
        all[0].clone()
    }

    #[test]
    fn rows_as_a_spreadsheet_numbers_them() {
        let cases: &[(&str, &[u64])] = &[
            ("a,b\n1,2\n3,4\n", &[1, 2, 3]),
            ("a,b\n1,2\n3,4", &[1, 2, 3]),
            ("a,b\r\n1,2\r\n3,4\r\n", &[1, 2, 3]),
            ("a,b\r\n1,2\r\n\r\n3,4\r\n\r\n\r\n", &[1, 2, 4]),
            ("a,b\n\n\n1,2\n", &[1, 4]),
            ("a,b\n\"x\ny\",2\n3,4\n", &[1, 2, 3]),
            ("a,b\n\"x\r\ny\",2\r\n\r\n3,4\n", &[1, 2, 4]),
            ("\u{feff}a,b\n1,2\n", &[1, 2]),
        ];
        for (text, want) in cases {
            assert_eq!(row_numbers(text), *want, "{text:?}");
        }
    }

    #[test]
    fn fields_are_unquoted() {
        let got = rows("id,name\n1,\"a, \"\"b\"\"\"\n", 3);
        assert_eq!(got[1].1, vec!["1".to_string(), "a, \"b\"".to_string()]);
        let bom = rows("\u{feff}id,date\n", 1);
        assert_eq!(bom[0].1[0], "id");
    }

    #[test]
    fn separators_are_sniffed() {
        let cases: &[(&str, u8)] = &[
            ("customer_id,date\n1,2024-01-01\n", b','),
            ("customer_id;date;amount\n1;2024-01-01;12,50\n", b';'),
            ("period\tcustomers\n2024-01\t1,000\n", b'\t'),
            ("\"a;b\",c\n1,2\n", b','),
            ("customers\n100\n", b','),
            ("", b','),
        ];
        for (text, want) in cases {
            assert_eq!(sniff_delimiter(text.as_bytes()), *want, "{text:?}");
        }
    }
}
