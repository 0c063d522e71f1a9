//! The calculators' inputs as saved in a session. Each input type derives its stored form
//! (the user's text exactly as typed, choices by their keys); this module holds what they
//! share: reading a saved value over the inputs the page shows, so that what a saved value
//! lacks (saved by an older build, say) or holds in a form this build does not take keeps the
//! page's value. Nothing present is lost, and nothing absent breaks the page.

use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The inputs `current` with every member of `saved` that reads as this type's member put in
/// place; a member that is missing, of another kind or an unknown choice keeps its current
/// value. Each member is read on its own, so `T`'s members must each be optional
/// (`#[serde(default)]` on the type). Inputs that are not an object of members (a list of
/// rows, say) are read whole. `None` when nothing in `saved` can be used.
pub fn fill<T: Serialize + DeserializeOwned>(current: &T, saved: &Value) -> Option<T> {
    let Ok(Value::Object(members)) = serde_json::to_value(current) else {
        return T::deserialize(saved).ok();
    };
    let saved = saved.as_object()?;
    let reads_alone = |key: &str, value: &Value| {
        let alone = Map::from_iter([(key.to_string(), value.clone())]);
        T::deserialize(&alone).is_ok()
    };
    let mut taken = false;
    let mut filled = Map::new();
    for (key, mine) in members {
        let value = match saved.get(&key).filter(|v| reads_alone(&key, v)) {
            Some(theirs) => {
                taken = true;
                theirs.clone()
            }
            // The page's own value, unless it could not be read back either (no rows yet,
            // say): then the type's default.
            None if reads_alone(&key, &mine) => mine,
            None => continue,
        };
        filled.insert(key, value);
    }
    if !taken {
        return None;
    }
    T::deserialize(filled).ok()
}

/// Reads a member, or its type's default when it is of another kind (a row's name saved as a
/// number, say): one odd member does not cost the rest of the row.
pub(crate) fn or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let value = Value::deserialize(deserializer)?;
    Ok(T::deserialize(value).unwrap_or_default())
}

/// Reads a list of rows, refusing an empty one: a calculator always has a row, so a saved
/// value without any keeps the page's rows.
pub(crate) fn non_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let rows = Vec::<T>::deserialize(deserializer)?;
    if rows.is_empty() {
        return Err(D::Error::invalid_length(0, &"at least one row"));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::figure::{Currency, PeriodUnit};
    use crate::core::funnel::StageText;
    use crate::core::ltv::{self, LtvText};
    use crate::core::period::ChurnDefinition;
    use crate::core::projection::{self, Mode, ProjectionText};
    use crate::core::rate::RateText;
    use crate::core::sbg::{self, SbgInput};
    use serde_json::json;

    /// Through the stored text and back, over `current`.
    fn stored<T: Serialize + DeserializeOwned>(value: &T, current: &T) -> T {
        let text = serde_json::to_string(value).expect("serializes");
        let json: Value = serde_json::from_str(&text).expect("valid JSON");
        fill(current, &json).expect("reads")
    }

    #[test]
    fn every_input_reads_back_as_written() {
        let mut p = projection::reichheld_preset();
        p.mode = Mode::FixedAdds;
        p.unit = PeriodUnit::Months;
        p.scenarios[1].retention = RateText {
            text: "99.13".into(),
            exact: Some(99.125_987_654_321),
        };
        assert_eq!(stored(&p, &ProjectionText::default()), p);

        let mut l = ltv::seed_preset();
        l.currency = Currency::Dong;
        l.churn = RateText {
            text: "1.84".into(),
            exact: Some(1.842_347_1),
        };
        assert_eq!(stored(&l, &LtvText::default()), l);

        let mut s = sbg::fader_hardie_preset();
        s.cohorts[0].name = "ریزش «A»\n".into();
        s.unit = PeriodUnit::Quarters;
        s.currency = Currency::Rial;
        assert_eq!(stored(&s, &SbgInput::default()), s);

        let rows = vec![
            StageText {
                name: "Saw".into(),
                count: "4,000".into(),
            },
            StageText::default(),
        ];
        assert_eq!(stored(&rows, &Vec::new()), rows);
    }

    #[test]
    fn what_a_saved_value_lacks_comes_from_the_default() {
        let json = json!({"horizon": "9", "unit": "weeks", "scenarios": []});
        let default = projection::seed_preset();
        let p = fill(&default, &json).expect("the horizon reads");
        assert_eq!(p.horizon, "9");
        assert_eq!(p.start, default.start);
        assert_eq!(p.unit, default.unit, "an unknown unit keeps the default");
        assert_eq!(
            p.scenarios, default.scenarios,
            "no rows keeps the default rows"
        );
        // A rate saved as a plain string is read as typed.
        let rate: RateText = serde_json::from_value(json!("12")).expect("a rate");
        assert_eq!(rate, RateText::typed("12"));
        let no_rows: Vec<StageText> = serde_json::from_value(json!([])).expect("a list");
        assert!(no_rows.is_empty());
        assert_eq!(fill(&default, &json!("not inputs")), None);
        assert_eq!(fill(&default, &json!({"unknown": 1})), None);
    }

    #[test]
    fn a_row_keeps_what_reads_and_empties_the_rest() {
        let json = json!({"scenarios": [
            {"name": 7, "retention": {"text": "80", "exact_bits": "x"}},
            {"acquisition": "20"}
        ]});
        let p = fill(&projection::seed_preset(), &json).expect("the rows read");
        assert_eq!(p.scenarios.len(), 2);
        assert_eq!(p.scenarios[0].name, "");
        assert_eq!(p.scenarios[0].retention, RateText::typed("80"));
        assert_eq!(p.scenarios[1].retention, RateText::default());
        assert_eq!(p.scenarios[1].acquisition, RateText::typed("20"));
    }

    #[test]
    fn choices_are_saved_by_their_keys() {
        let keys = |v: Value| v.as_str().map(str::to_string);
        for (unit, key) in PeriodUnit::KEYED {
            assert_eq!(keys(json!(unit)).as_deref(), Some(key));
            assert_eq!(unit.key(), key);
        }
        for currency in Currency::ALL {
            assert_eq!(keys(json!(currency)).as_deref(), Some(currency.key()));
        }
        for (definition, key) in crate::core::period::DEFINITIONS {
            assert_eq!(keys(json!(definition)).as_deref(), Some(key));
        }
        assert_eq!(json!(Mode::Proportional), json!("proportional"));
        assert_eq!(json!(Mode::FixedAdds), json!("fixed"));
        assert_eq!(json!(ChurnDefinition::StartPlusNew), json!("start-new"));
    }

    #[test]
    fn an_exact_rate_keeps_its_bits() {
        let rate = RateText {
            text: "1.84".into(),
            exact: Some(-0.1),
        };
        let json = json!(rate);
        assert_eq!(
            json,
            json!({"text": "1.84", "exact_bits": (-0.1f64).to_bits() as i64})
        );
        let back: RateText = serde_json::from_value(json).expect("a rate");
        assert_eq!(back.exact.map(f64::to_bits), Some((-0.1f64).to_bits()));
        assert_eq!(json!(RateText::typed("5")), json!({"text": "5"}));
    }
}
