//! Seed 004's funnel: each stage's conversion is its count over the previous stage's count;
//! overall = last / first. A stage larger than the one before is an error naming it.

use serde::{Deserialize, Serialize};

use super::error::{ErrorKind, Field, FieldError};
use super::figure::Term::Op;
use super::figure::{divide, FigureId, Report, Source, Undefined, Value};
use super::form::{figure, n, Form};

/// One stage as typed, as a session saves it. A saved member that is missing or of another
/// kind reads as empty.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StageText {
    #[serde(deserialize_with = "super::saved::or_default")]
    pub name: String,
    #[serde(deserialize_with = "super::saved::or_default")]
    pub count: String,
}

/// The seed's funnel: exposed -> saw -> engaged -> contacted -> bought.
pub const SEED: [(&str, &str); 5] = [
    ("Exposed", "10,000"),
    ("Saw", "4,000"),
    ("Engaged", "1,000"),
    ("Contacted", "200"),
    ("Bought", "50"),
];

/// Conversion per stage and overall for the typed (name, count) stages.
pub fn evaluate(stages: &[(String, String)]) -> Report {
    let mut form = Form::default();
    let mut counts: Vec<Option<u64>> = stages
        .iter()
        .enumerate()
        .map(|(i, (_, text))| form.count(Field::StageCount(i), text))
        .collect();
    for i in 1..counts.len() {
        if let (Some(prev), Some(cur)) = (counts[i - 1], counts[i]) {
            if cur > prev {
                form.errors.push(FieldError {
                    field: Field::StageCount(i),
                    kind: ErrorKind::StageGrows {
                        stage: stages[i].0.clone(),
                        previous: stages[i - 1].0.clone(),
                        previous_value: prev,
                    },
                });
                counts[i] = None;
            }
        }
    }
    let need = |i: usize| counts[i].ok_or(Undefined::NeedsField(Field::StageCount(i)));
    let mut figures: Vec<_> = (1..counts.len())
        .map(|i| {
            figure(
                FigureId::FunnelStage(i),
                super::figure::words::FUNNEL_STAGE,
                Source::Seed,
                || {
                    let (prev, cur) = (need(i - 1)?, need(i)?);
                    let value =
                        divide(cur, prev, Some(Field::StageCount(i - 1))).map(Value::percent);
                    Ok((vec![n(cur), Op(" / "), n(prev)], value))
                },
            )
        })
        .collect();
    figures.push(figure(
        FigureId::FunnelOverall,
        super::figure::words::FUNNEL_OVERALL,
        Source::Seed,
        || {
            if counts.len() < 2 {
                return Err(Undefined::NeedsField(Field::StageCount(counts.len())));
            }
            // Every stage must be valid: an overall rate over a broken funnel would mislead.
            for i in 0..counts.len() {
                need(i)?;
            }
            let (first, last) = (need(0)?, need(counts.len() - 1)?);
            let value = divide(last, first, Some(Field::StageCount(0))).map(Value::percent);
            Ok((vec![n(last), Op(" / "), n(first)], value))
        },
    ));
    Report {
        errors: form.errors,
        figures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::number::NumberStyle;

    fn stages(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn seed_funnel_10000_to_50_is_half_a_percent() {
        let report = evaluate(&stages(&SEED));
        assert!(report.errors.is_empty());
        let shown: Vec<String> = (1..5)
            .map(|i| {
                NumberStyle::ENGLISH.percent(
                    report
                        .figure(FigureId::FunnelStage(i))
                        .unwrap()
                        .raw()
                        .unwrap(),
                    2,
                )
            })
            .collect();
        assert_eq!(shown, ["40.00%", "25.00%", "20.00%", "25.00%"]);
        let overall = report
            .figure(FigureId::FunnelOverall)
            .unwrap()
            .raw()
            .unwrap();
        assert_eq!(NumberStyle::ENGLISH.percent(overall, 2), "0.50%");
    }

    #[test]
    fn a_stage_larger_than_the_one_before_is_an_error_naming_it() {
        let report = evaluate(&stages(&[
            ("Saw", "100"),
            ("Engaged", "150"),
            ("Bought", "10"),
        ]));
        assert_eq!(
            report.errors,
            vec![FieldError {
                field: Field::StageCount(1),
                kind: ErrorKind::StageGrows {
                    stage: "Engaged".into(),
                    previous: "Saw".into(),
                    previous_value: 100,
                },
            }]
        );
        assert!(report
            .figure(FigureId::FunnelOverall)
            .unwrap()
            .value
            .is_err());
    }
}
