//! Which columns hold what: the three file formats, detected from the header (case, spacing
//! and common synonyms ignored) or confirmed by the user in the column-mapping step.

use serde::{Deserialize, Serialize};

/// The three kinds of file the import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// `period,start,new,lost[,returning][,joined_left][,end]`
    Counts,
    /// `period,customers`
    Series,
    /// `customer_id,date[,amount]`
    Transactions,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Transactions, Format::Counts, Format::Series];

    /// The roles a file of this format has, required ones first.
    pub fn roles(self) -> &'static [(Role, bool)] {
        match self {
            Format::Counts => &[
                (Role::Period, true),
                (Role::Start, true),
                (Role::New, true),
                (Role::Lost, true),
                (Role::Returning, false),
                (Role::JoinedLeft, false),
                (Role::End, false),
            ],
            Format::Series => &[(Role::Period, false), (Role::Customers, true)],
            Format::Transactions => &[
                (Role::CustomerId, true),
                (Role::Date, true),
                (Role::Amount, false),
            ],
        }
    }
}

/// What a column means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Period,
    Start,
    New,
    Lost,
    Returning,
    JoinedLeft,
    End,
    Customers,
    CustomerId,
    Date,
    Amount,
}

impl Role {
    /// The column name the format's documentation uses.
    pub fn canonical(self) -> &'static str {
        match self {
            Role::Period => "period",
            Role::Start => "start",
            Role::New => "new",
            Role::Lost => "lost",
            Role::Returning => "returning",
            Role::JoinedLeft => "joined_left",
            Role::End => "end",
            Role::Customers => "customers",
            Role::CustomerId => "customer_id",
            Role::Date => "date",
            Role::Amount => "amount",
        }
    }

    /// Header names (normalised: lower case, words joined by `_`) that mean this role.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Role::Period => &[
                "period", "month", "quarter", "year", "week", "date", "label",
            ],
            Role::Start => &[
                "start",
                "starting",
                "start_customers",
                "customers_at_start",
                "starting_customers",
                "opening",
                "opening_customers",
                "beginning",
                "s",
            ],
            Role::New => &[
                "new",
                "new_customers",
                "acquired",
                "gained",
                "added",
                "acquisitions",
                "n",
            ],
            Role::Lost => &[
                "lost",
                "lost_customers",
                "churned",
                "churned_customers",
                "cancelled",
                "canceled",
                "cancellations",
                "l",
            ],
            Role::Returning => &["returning", "returned", "reactivated", "won_back", "ret"],
            Role::JoinedLeft => &["joined_left", "joined_and_left", "new_lost", "j"],
            Role::End => &[
                "end",
                "ending",
                "end_customers",
                "customers_at_end",
                "ending_customers",
                "closing",
                "closing_customers",
                "e",
            ],
            Role::Customers => &[
                "customers",
                "customer_count",
                "active",
                "active_customers",
                "count",
                "subscribers",
                "users",
                "members",
                "total_customers",
            ],
            Role::CustomerId => &[
                "customer_id",
                "customer",
                "customerid",
                "customer_no",
                "customer_number",
                "client_id",
                "client",
                "user_id",
                "userid",
                "user",
                "account_id",
                "account",
                "member_id",
                "buyer_id",
                "email",
                "customer_email",
                "id",
            ],
            Role::Date => &[
                "date",
                "order_date",
                "purchase_date",
                "transaction_date",
                "invoice_date",
                "payment_date",
                "created_at",
                "created",
                "paid_at",
                "timestamp",
                "time",
                "datetime",
                "day",
                "order_time",
            ],
            Role::Amount => &[
                "amount",
                "revenue",
                "total",
                "value",
                "price",
                "sales",
                "order_total",
                "total_amount",
                "payment",
                "sum",
                "order_value",
            ],
        }
    }
}

/// Lower case, surrounding spaces dropped, runs of spaces, `_`, `-` and `.` joined into one `_`.
pub fn normalise(header: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in header.trim().trim_start_matches('\u{feff}').chars() {
        if c.is_whitespace() || matches!(c, '_' | '-' | '.') {
            gap = !out.is_empty();
        } else {
            if gap {
                out.push('_');
                gap = false;
            }
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The columns of a file and what each means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    pub format: Format,
    /// The separator byte (`,`, `;` or tab).
    pub delimiter: u8,
    /// Whether the first row names the columns.
    pub has_header: bool,
    /// (role, 0-based column) for every role the file has.
    pub columns: Vec<(Role, usize)>,
    /// Column names for messages: the header's text, or "column A", "column B"… without one.
    pub names: Vec<String>,
}

impl Layout {
    /// The column of a role, if the file has it.
    pub fn column(&self, role: Role) -> Option<usize> {
        self.columns
            .iter()
            .find(|(r, _)| *r == role)
            .map(|&(_, c)| c)
    }

    /// The name of column `c` for messages.
    pub fn name(&self, c: usize) -> String {
        self.names
            .get(c)
            .cloned()
            .unwrap_or_else(|| column_letter(c))
    }

    /// Columns that no role uses (left out of the results; the page lists them).
    pub fn ignored(&self) -> Vec<String> {
        (0..self.names.len())
            .filter(|c| !self.columns.iter().any(|(_, k)| k == c))
            .map(|c| self.name(c))
            .collect()
    }

    /// Checks a layout chosen in the mapping step: every required role has a column and no
    /// column has two roles.
    pub fn check(&self) -> Result<(), LayoutProblem> {
        for &(role, required) in self.format.roles() {
            if required && self.column(role).is_none() {
                return Err(LayoutProblem::Missing(role));
            }
        }
        for (i, (_, c)) in self.columns.iter().enumerate() {
            if let Some((other, _)) = self.columns[..i].iter().find(|(_, k)| k == c) {
                return Err(LayoutProblem::Shared(*other, self.columns[i].0));
            }
        }
        Ok(())
    }
}

/// Why a chosen column mapping cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutProblem {
    Missing(Role),
    Shared(Role, Role),
}

/// A spreadsheet's column letter: 0 -> "A", 26 -> "AA".
pub fn column_letter(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Finds the format and columns from a header row, or `None` when unsure (no format's
/// required columns found, or a role claimed by two columns).
pub fn detect(header: &[String], delimiter: u8) -> Option<Layout> {
    let norm: Vec<String> = header.iter().map(|h| normalise(h)).collect();
    let find = |role: Role, taken: &[usize]| -> Result<Option<usize>, ()> {
        let hits: Vec<usize> = (0..norm.len())
            .filter(|c| !taken.contains(c) && role.synonyms().contains(&norm[*c].as_str()))
            .collect();
        match hits.as_slice() {
            [] => Ok(None),
            [c] => Ok(Some(*c)),
            // Two columns for one role: an exact canonical name decides, else ask.
            _ => hits
                .iter()
                .find(|&&c| norm[c] == role.canonical())
                .map(|&c| Some(c))
                .ok_or(()),
        }
    };
    for format in Format::ALL {
        let mut columns = Vec::new();
        let mut taken = Vec::new();
        let mut ok = true;
        // Required roles claim their columns first, so "date" is the transaction date before
        // it could be a period label.
        for &(role, required) in format.roles() {
            match find(role, &taken) {
                Ok(Some(c)) => {
                    columns.push((role, c));
                    taken.push(c);
                }
                Ok(None) if !required => {}
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        // A counts-like header with new/lost columns is never read as a bare series.
        if ok
            && format == Format::Series
            && [Role::New, Role::Lost]
                .iter()
                .any(|r| norm.iter().any(|h| r.synonyms().contains(&h.as_str())))
        {
            ok = false;
        }
        if ok {
            return Some(Layout {
                format,
                delimiter,
                has_header: true,
                columns,
                names: header.iter().map(|h| h.trim().to_string()).collect(),
            });
        }
    }
    None
}

/// The most columns the mapping step shows and offers; the rest are counted.
pub const PREVIEW_COLUMNS: usize = 50;

/// The first rows of a file whose columns the import could not place, for the mapping step.
/// It holds at most [`PREVIEW_COLUMNS`] columns, so that a file of thousands of columns
/// neither fills the message to the page nor the page with controls.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub delimiter: u8,
    /// The first rows as read (up to 6), each a list of at most [`PREVIEW_COLUMNS`] cells.
    pub rows: Vec<Vec<String>>,
    /// How many columns the widest of those rows has (those shown and the rest).
    pub columns: usize,
    /// A starting point for the mapping step (its names cut as the rows are).
    pub guess: Layout,
}

impl Preview {
    /// The preview of a file's first rows, with the import's guess.
    pub fn new(delimiter: u8, mut rows: Vec<Vec<String>>) -> Self {
        let mut guess = guess(&rows, delimiter);
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut rows {
            row.truncate(PREVIEW_COLUMNS);
        }
        guess.names.truncate(PREVIEW_COLUMNS);
        Preview {
            delimiter,
            rows,
            columns,
            guess,
        }
    }

    /// How many columns are shown.
    pub fn shown(&self) -> usize {
        self.columns.min(PREVIEW_COLUMNS)
    }

    /// How many columns are not shown.
    pub fn hidden(&self) -> usize {
        self.columns - self.shown()
    }
}

/// A first guess for the mapping step: whether row 1 looks like a header (no cell is a
/// number), then the likeliest format for the column count.
pub fn guess(rows: &[Vec<String>], delimiter: u8) -> Layout {
    let first = rows.first().cloned().unwrap_or_default();
    let numeric = |s: &str| {
        let t = s.trim();
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || " ,.-/:".contains(c))
    };
    let has_header = !first.iter().any(|c| numeric(c));
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let (format, columns) = match width {
        0 | 1 => (Format::Series, vec![(Role::Customers, 0)]),
        2 => {
            let second_is_date = rows
                .iter()
                .skip(usize::from(has_header))
                .any(|r| r.get(1).is_some_and(|c| c.contains('-') || c.contains('/')));
            if second_is_date {
                (
                    Format::Transactions,
                    vec![(Role::CustomerId, 0), (Role::Date, 1)],
                )
            } else {
                (
                    Format::Series,
                    vec![(Role::Period, 0), (Role::Customers, 1)],
                )
            }
        }
        3 => (
            Format::Transactions,
            vec![(Role::CustomerId, 0), (Role::Date, 1), (Role::Amount, 2)],
        ),
        _ => (
            Format::Counts,
            vec![
                (Role::Period, 0),
                (Role::Start, 1),
                (Role::New, 2),
                (Role::Lost, 3),
            ],
        ),
    };
    let names = if has_header {
        first.iter().map(|h| h.trim().to_string()).collect()
    } else {
        (0..width).map(column_letter).collect()
    };
    Layout {
        format,
        delimiter,
        has_header,
        columns,
        names,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(s: &str) -> Vec<String> {
        s.split(',').map(str::to_string).collect()
    }

    #[test]
    fn headers_are_recognised() {
        use Role::*;
        type Case = (&'static str, Format, &'static [(Role, usize)]);
        let cases: &[Case] = &[
            (
                "customer_id,date",
                Format::Transactions,
                &[(CustomerId, 0), (Date, 1)],
            ),
            (
                " Customer ID , Order Date ,Amount",
                Format::Transactions,
                &[(CustomerId, 0), (Date, 1), (Amount, 2)],
            ),
            (
                "order_id,email,created_at,total",
                Format::Transactions,
                &[(CustomerId, 1), (Date, 2), (Amount, 3)],
            ),
            (
                "Period,Start,New,Lost",
                Format::Counts,
                &[(Period, 0), (Start, 1), (New, 2), (Lost, 3)],
            ),
            (
                "month,start,new,lost,returning,joined_left,end",
                Format::Counts,
                &[
                    (Period, 0),
                    (Start, 1),
                    (New, 2),
                    (Lost, 3),
                    (Returning, 4),
                    (JoinedLeft, 5),
                    (End, 6),
                ],
            ),
            (
                "period,customers",
                Format::Series,
                &[(Period, 0), (Customers, 1)],
            ),
            (
                "Month;Active customers",
                Format::Series,
                &[(Period, 0), (Customers, 1)],
            ),
        ];
        for (text, format, columns) in cases {
            let layout = detect(&header(&text.replace(';', ",")), b',')
                .unwrap_or_else(|| panic!("{text} not detected"));
            assert_eq!(layout.format, *format, "{text}");
            assert_eq!(layout.columns, *columns, "{text}");
        }
    }

    #[test]
    fn unsure_headers_ask() {
        for text in [
            "a,b",
            "1,2024-01-05",
            "customer,customer,date",
            "period,new,lost",
            "x",
        ] {
            assert_eq!(detect(&header(text), b','), None, "{text}");
        }
    }

    #[test]
    fn names_normalise() {
        assert_eq!(normalise("  Customer   ID "), "customer_id");
        assert_eq!(normalise("\u{feff}Order-Date"), "order_date");
        assert_eq!(normalise("joined.left"), "joined_left");
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
    }

    #[test]
    fn guesses_for_the_mapping_step() {
        let rows = vec![vec!["1".to_string(), "2024-01-05".to_string()]];
        let g = guess(&rows, b',');
        assert!(!g.has_header);
        assert_eq!(g.format, Format::Transactions);
        assert_eq!(g.names, vec!["A", "B"]);
        let mut bad = g.clone();
        bad.columns = vec![(Role::CustomerId, 0), (Role::Date, 0)];
        assert_eq!(
            bad.check(),
            Err(LayoutProblem::Shared(Role::CustomerId, Role::Date))
        );
        bad.columns = vec![(Role::CustomerId, 0)];
        assert_eq!(bad.check(), Err(LayoutProblem::Missing(Role::Date)));
    }
}
