//! The import worker's messages: what the page asks and what the worker answers. Both ends
//! are built from the same source; a message is the postcard encoding of one of these types
//! (compact bytes with no field names, so a message is only read by the build that wrote it).

use serde::{Deserialize, Serialize};

use super::importer::{Options, Outcome};
use crate::core::clv::ClvAsk;
use crate::core::customers::{CustomerRow, CustomersDone, CustomersFailed};

/// What the page asks. A file travels beside the message as the browser's own object, since
/// the worker reads it in chunks; pasted text travels in the message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Read a file into its tables.
    Import {
        /// Counts the page's requests; the answers carry it back.
        run: u32,
        options: Options,
        /// The text to read, or `None` for the file beside the message.
        text: Option<String>,
    },
    /// The customers view's analysis of the data of import `data`
    /// ([`crate::core::customers`]): from the rows the worker holds for it, or, when it holds
    /// none, from reading the source again (`text`, or the file beside) with `options`.
    Customers {
        run: u32,
        data: u32,
        options: Options,
        text: Option<String>,
        ask: ClvAsk,
    },
    /// One customer's figures in the last analysis.
    Lookup { run: u32, id: String },
}

impl Request {
    /// The run the request is.
    pub fn run(&self) -> u32 {
        match self {
            Request::Import { run, .. }
            | Request::Customers { run, .. }
            | Request::Lookup { run, .. } => *run,
        }
    }
}

/// News from the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker listens: messages sent before this would have been lost.
    Ready,
    /// `done` of `total` bytes read.
    Progress { run: u32, done: f64, total: f64 },
    /// The import's outcome; `memory`: the worker's wasm memory in bytes; `ms`: the time the
    /// worker took, `wait_ms` of it waiting for the browser to read chunks. The outcome comes
    /// last, so that the numbers before it sit at fixed places for a benchmark to read
    /// (scripts/bench-import.js).
    Done {
        run: u32,
        memory: f64,
        ms: f64,
        wait_ms: f64,
        outcome: Outcome,
    },
    /// The worker could not read the file.
    Failed { run: u32, message: String },
    /// The customers view's analysis; `ms`: the time the worker took, reading included.
    Customers {
        run: u32,
        ms: f64,
        result: Result<Box<CustomersDone>, CustomersFailed>,
    },
    /// A lookup's answer: `held` whether the worker holds an analysis (a worker started
    /// since has none), `found` the customer, `None` when the analysis has no such id.
    Customer {
        run: u32,
        id: String,
        held: bool,
        found: Option<CustomerRow>,
    },
}

impl Reply {
    /// The run the reply is about: 0 for the worker itself.
    pub fn run(&self) -> u32 {
        match self {
            Reply::Ready => 0,
            Reply::Progress { run, .. }
            | Reply::Done { run, .. }
            | Reply::Failed { run, .. }
            | Reply::Customers { run, .. }
            | Reply::Customer { run, .. } => *run,
        }
    }
}

/// A message that does not decode: cut short, or not written by this build.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct MessageError {
    /// What the decoder said.
    pub reason: String,
}

impl std::fmt::Display for MessageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unreadable worker message: {}", self.reason)
    }
}

impl std::error::Error for MessageError {}

/// The bytes of a message.
pub fn encode<T: Serialize>(message: &T) -> Result<Vec<u8>, MessageError> {
    postcard::to_allocvec(message).map_err(|e| MessageError {
        reason: e.to_string(),
    })
}

/// The message in `bytes`, which must be one whole message.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, MessageError> {
    match postcard::take_from_bytes(bytes) {
        Ok((message, [])) => Ok(message),
        Ok((_, rest)) => Err(MessageError {
            reason: format!("{} bytes after the message", rest.len()),
        }),
        Err(e) => Err(MessageError {
            reason: e.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::dates::{DateError, DateOrder};
    use crate::core::import::importer::import_text;
    use crate::core::import::problem::{NumberErrorText, Problem, ProblemKind, Problems};
    use crate::core::import::samples::Sample;

    /// Decoding an encoding gives a value that encodes the same (the bookkeeping of
    /// [`Problems::push`] is not sent, so values are compared through their encodings).
    fn round_trip<T: Serialize + for<'a> Deserialize<'a>>(value: &T) {
        let bytes = encode(value).unwrap();
        let back: T = decode(&bytes).unwrap();
        assert_eq!(encode(&back).unwrap(), bytes);
    }

    #[test]
    fn samples_and_requests_round_trip() {
        for sample in Sample::ALL {
            for skip_bad_rows in [false, true] {
                let options = Options {
                    skip_bad_rows,
                    ..Options::default()
                };
                let request = Request::Import {
                    run: 7,
                    options: options.clone(),
                    text: Some(sample.text().into()),
                };
                assert_eq!(decode::<Request>(&encode(&request).unwrap()), Ok(request));
                let outcome = import_text(sample.text().as_bytes(), options);
                round_trip(&outcome);
                round_trip(&Reply::Done {
                    run: 3,
                    memory: 65536.0,
                    ms: 12.5,
                    wait_ms: 0.25,
                    outcome,
                });
            }
        }
        round_trip(&Reply::Ready);
        round_trip(&Reply::Progress {
            run: 1,
            done: 4.0,
            total: 9.0,
        });
        round_trip(&Reply::Failed {
            run: 2,
            message: "NotReadableError \u{201c}x\u{201d}".into(),
        });
    }

    #[test]
    fn every_kind_of_problem_round_trips() {
        let kinds = vec![
            ProblemKind::EmptyFile,
            ProblemKind::FieldCount {
                found: 3,
                expected: usize::MAX,
            },
            ProblemKind::Number(NumberErrorText::Unexpected {
                at: 2, found: '€'
            }),
            ProblemKind::Number(NumberErrorText::Ambiguous {
                first: 0.1 + 0.2,
                second: f64::MAX,
            }),
            ProblemKind::Date(DateError::OrderConflict {
                order: DateOrder::MonthFirst,
                decided_row: 7,
                decided_text: "05/03/2024 \u{201c},1,\u{201d}".into(),
            }),
            ProblemKind::Date(DateError::EarlyYear {
                year: 1403,
                hijri: true,
            }),
            ProblemKind::SpanTooLong {
                first: "1950-06-15".into(),
                first_row: 3,
                last: "2024-01-01".into(),
                last_row: 2,
                limit_years: 50,
            },
        ];
        let mut problems = Problems::default();
        for (i, kind) in kinds.into_iter().enumerate() {
            problems.push(Problem::cell(i as u64 + 2, "amount".into(), b"1,5", kind));
        }
        problems.push(Problem::file(ProblemKind::Utf16));
        let outcome = Outcome::Failed {
            layout: None,
            problems: problems.clone(),
            rows: u64::MAX,
        };
        let Ok(Outcome::Failed {
            layout: None,
            problems: back,
            rows: u64::MAX,
        }) = decode(&encode(&outcome).unwrap())
        else {
            panic!("not a failure");
        };
        assert_eq!(back.listed, problems.listed);
        assert_eq!(back.total, problems.total);
        assert_eq!(back.bad_rows, problems.bad_rows);
        assert_eq!(back.first_bad_rows, problems.first_bad_rows);
        assert_eq!(back.file_problem, problems.file_problem);
    }

    /// scripts/bench-import.js reads the variant, the run and the numbers before the outcome
    /// (a run below 128 is one byte; an `f64` is 8 bytes, little-endian).
    #[test]
    fn the_numbers_of_a_reply_sit_where_the_benchmark_reads_them() {
        let f = |bytes: &[u8], at: usize| f64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
        let progress = encode(&Reply::Progress {
            run: 5,
            done: 1.5,
            total: 2.5,
        })
        .unwrap();
        assert_eq!((progress[0], progress[1]), (1, 5));
        assert_eq!((f(&progress, 2), f(&progress, 10)), (1.5, 2.5));
        let done = encode(&Reply::Done {
            run: 6,
            memory: 65536.0,
            ms: 12.5,
            wait_ms: 0.25,
            outcome: import_text(b"", Options::default()),
        })
        .unwrap();
        assert_eq!((done[0], done[1]), (2, 6));
        assert_eq!(
            (f(&done, 2), f(&done, 10), f(&done, 18)),
            (65536.0, 12.5, 0.25)
        );
    }

    #[test]
    fn broken_messages_are_errors() {
        let outcome = import_text(Sample::Counts.text().as_bytes(), Options::default());
        let bytes = encode(&outcome).unwrap();
        for cut in 0..bytes.len() {
            assert!(decode::<Outcome>(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode::<Outcome>(&longer).is_err());
        assert!(decode::<Outcome>(&[9]).is_err());
    }
}
