//! The tables of an import as a session keeps them: the [`Dataset`] in serde's JSON form,
//! stored beside [`VERSION`]. Tables of another version, or that do not read, are not shown
//! (the session's data, when it has it, is read again instead), so any change to the types
//! that the JSON form shows must raise the version: the fingerprint test below fails until
//! it does.

use serde::Deserialize as _;
use serde_json::Value;

use super::importer::Dataset;
use super::layout::Role;

/// The version of the stored tables. Earlier builds wrote version 1 as a text rather than
/// this nested form; such a text does not read as a dataset, so it is taken as another
/// version's. Version 2 added kinds of problem (a file that is not text, a header too long,
/// a file of dates only, an amount that does not read) and the warning of negative amounts.
/// Version 3 added the revenue tables of files with amounts. Version 4 added the problem of an
/// amount with too many decimals.
pub const VERSION: i64 = 4;

/// Earlier versions whose stored form reads unchanged as this one's: the types only grew.
/// The tables of versions 1 and 2 of a file with amounts lack the revenue tables, so those
/// are read again from the data instead.
const READS_AS_IS: [i64; 3] = [1, 2, 3];

/// The JSON form of `dataset`.
pub fn to_json(dataset: &Dataset) -> Value {
    // Only maps with string keys fail to become a `Value`, and a dataset has none.
    serde_json::to_value(dataset).unwrap_or(Value::Null)
}

/// The dataset stored as `tables` under version `version`; `None` when the version is
/// another or the tables do not read.
pub fn from_json(version: Option<i64>, tables: &Value) -> Option<Dataset> {
    let current = version == Some(VERSION);
    let earlier = version.is_some_and(|v| READS_AS_IS.contains(&v));
    if !current && !earlier {
        return None;
    }
    let dataset = Dataset::deserialize(tables).ok()?;
    let lacks_revenue = dataset.layout.column(Role::Amount).is_some() && dataset.revenue.is_empty();
    (current || !lacks_revenue).then_some(dataset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::counts::Warning;
    use crate::core::import::dates::{DateError, DateOrder};
    use crate::core::import::importer::{import_text, Options, Outcome};
    use crate::core::import::problem::{
        NumberErrorText, Problem, ProblemKind, Problems, Signature,
    };
    use crate::core::import::samples::Sample;

    /// The fixture of each version: the JSON form of [`fingerprint_dataset`].
    const FINGERPRINT: (i64, &str) = (4, include_str!("stored_v4.json"));
    /// Version 3's, which this version reads as it is.
    const FINGERPRINT_V3: &str = include_str!("stored_v3.json");
    /// Version 2's, which this version reads as it is unless the file has amounts.
    const FINGERPRINT_V2: &str = include_str!("stored_v2.json");
    /// Version 1's, which this version reads as it is.
    const FINGERPRINT_V1: &str = include_str!("stored_v1.json");

    /// A small dataset that shows every kind of problem and warning among its parts.
    fn fingerprint_dataset() -> Dataset {
        let Outcome::Done(mut d) = import_text(Sample::Transactions.text().as_bytes(), {
            Options {
                date_order: Some(DateOrder::DayFirst),
                ..Options::default()
            }
        }) else {
            panic!("the sample imports");
        };
        // Two months and the quarter of the sample are enough to show the tables' shapes.
        for t in &mut d.tables {
            t.rows.truncate(2);
            if let Some(c) = &mut t.cohorts {
                c.rows.truncate(2);
                for r in &mut c.rows {
                    r.active.truncate(2);
                    r.survivors.truncate(2);
                }
            }
        }
        d.tables.truncate(2);
        for t in &mut d.revenue {
            t.rows.truncate(2);
            t.cohorts.truncate(2);
            for c in &mut t.cohorts {
                c.revenue.truncate(2);
            }
        }
        d.revenue.truncate(1);
        d.date_order = Some((DateOrder::MonthFirst, Some((4, "05/13/2024".into()))));
        d.warnings = vec![
            Warning::StartDiffers {
                row: 3,
                period: "2024-02".into(),
                given: 9,
                previous_end: 8,
            },
            Warning::EndDiffers {
                row: 4,
                period: "2024-03".into(),
                given: 7,
                computed: 6,
            },
            Warning::NegativeAmounts {
                rows: 7,
                first_rows: vec![4, 9, 12, 15, 20],
            },
        ];
        let mut skipped = Problems::default();
        let number = [
            NumberErrorText::Empty,
            NumberErrorText::Unexpected {
                at: 1, found: '€'
            },
            NumberErrorText::Grouping { at: 2 },
            NumberErrorText::Negative,
            NumberErrorText::Fraction,
            NumberErrorText::TooLarge,
            NumberErrorText::Ambiguous {
                first: 1.5,
                second: 1500.0,
            },
        ];
        let date = [
            DateError::NotADate,
            DateError::TwoDigitYear,
            DateError::Month { month: 13 },
            DateError::Day {
                year: 2023,
                month: 2,
                day: 29,
            },
            DateError::NoMonth {
                first: 13,
                second: 14,
            },
            DateError::EarlyYear {
                year: 1403,
                hijri: true,
            },
            DateError::Time,
            DateError::OrderConflict {
                order: DateOrder::DayFirst,
                decided_row: 2,
                decided_text: "13/01/2024".into(),
            },
        ];
        let kinds = [
            ProblemKind::EmptyFile,
            ProblemKind::Utf16,
            ProblemKind::NoData,
            ProblemKind::NotUtf8,
            ProblemKind::FieldCount {
                found: 1,
                expected: 2,
            },
            ProblemKind::Missing,
            ProblemKind::Nul,
            ProblemKind::UnclosedQuote { rows_after: 4 },
            ProblemKind::LostExceedsStart { start: 3 },
            ProblemKind::JoinedLeftExceedsNew { new: 1 },
            ProblemKind::FirstStartMissing,
            ProblemKind::DuplicatePeriod { first_row: 2 },
            ProblemKind::SpanTooLong {
                first: "1950-06-15".into(),
                first_row: 3,
                last: "2024-01-01".into(),
                last_row: 2,
                limit_years: 50,
            },
            ProblemKind::NotText(Signature::Png),
            ProblemKind::NotText(Signature::Jpeg),
            ProblemKind::NotText(Signature::Gif),
            ProblemKind::NotText(Signature::Pdf),
            ProblemKind::NotText(Signature::Zip),
            ProblemKind::NotText(Signature::Gzip),
            ProblemKind::HeaderTooLong {
                limit: 65536,
                columns: 10950,
            },
            ProblemKind::DatesOnly {
                example: "2024-01-05".into(),
            },
            ProblemKind::AmountDecimals {
                decimals: 5,
                max: 4,
            },
        ]
        .into_iter()
        .chain(number.clone().into_iter().map(ProblemKind::Number))
        .chain(number.into_iter().map(ProblemKind::Amount))
        .chain(date.into_iter().map(ProblemKind::Date));
        for (i, kind) in kinds.enumerate() {
            skipped.push(Problem::cell(i as u64 + 2, "date".into(), b"x", kind));
        }
        skipped.push(Problem::file(ProblemKind::Utf16));
        d.skipped = skipped;
        *d
    }

    #[test]
    fn the_stored_form_changes_only_with_the_version() {
        let (version, fixture) = FINGERPRINT;
        assert_eq!(
            version, VERSION,
            "a new version needs its own fixture: stored_v{VERSION}.json"
        );
        let json = serde_json::to_string_pretty(&to_json(&fingerprint_dataset())).unwrap();
        assert!(
            json.trim_end() == fixture.trim_end(),
            "the stored tables changed: raise VERSION and write the new form (below) into a \
             fixture of the new version\n{json}"
        );
    }

    #[test]
    fn stored_tables_read_back_under_their_version_only() {
        let d = fingerprint_dataset();
        let json = to_json(&d);
        let back = from_json(Some(VERSION), &json).expect("reads back");
        assert_eq!(to_json(&back), json);
        assert_eq!(from_json(Some(VERSION + 1), &json), None);
        assert_eq!(from_json(Some(0), &json), None);
        // Versions 1 and 2 read as they are, under their own numbers only, for a file without
        // amounts; with amounts they lack the revenue tables, so the data is read again.
        for (v, text) in [(1, FINGERPRINT_V1), (2, FINGERPRINT_V2)] {
            let mut old: Value = serde_json::from_str(text).unwrap();
            assert_eq!(from_json(Some(v), &old), None, "version {v}, with amounts");
            let columns = old["layout"]["columns"].as_array_mut().unwrap();
            columns.retain(|c| c[0] != "Amount");
            assert!(
                from_json(Some(v), &old).is_some(),
                "version {v}, no amounts"
            );
            assert_eq!(from_json(Some(0), &old), None);
        }
        // Version 3 has the revenue tables: it reads as it is, amounts and all.
        let v3: Value = serde_json::from_str(FINGERPRINT_V3).unwrap();
        assert!(from_json(Some(3), &v3).is_some(), "version 3");
        assert_eq!(from_json(None, &json), None);
        assert_eq!(
            // The text form of earlier builds, under the same number.
            from_json(Some(VERSION), &Value::String("0,1,44,1,".into())),
            None
        );
    }

    #[test]
    fn every_sample_reads_back() {
        for sample in Sample::ALL {
            let Outcome::Done(d) = import_text(sample.text().as_bytes(), Options::default()) else {
                continue;
            };
            let text = serde_json::to_string(&to_json(&d)).unwrap();
            let value: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                from_json(Some(VERSION), &value).as_ref(),
                Some(&*d),
                "{sample:?}"
            );
        }
    }
}
